using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>General questions about symbols that the model and the rules ask.</summary>
    internal static class SymbolFacts
    {
        /// <summary>True when the symbol is declared in this compilation's source.</summary>
        public static bool IsInSource(ISymbol symbol)
        {
            foreach (var location in symbol.Locations)
            {
                if (location.IsInSource)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The type's name as Lambda handler strings and the <c>snapsafe.*</c> type lists write it:
        /// <c>Namespace.Outer+Inner</c>, without generic arity.
        /// </summary>
        public static string FullName(INamedTypeSymbol type)
        {
            var name = type.Name;
            for (var outer = type.ContainingType; outer != null; outer = outer.ContainingType)
            {
                name = outer.Name + "+" + name;
            }

            var ns = type.ContainingNamespace;
            return ns == null || ns.IsGlobalNamespace ? name : ns.ToDisplayString() + "." + name;
        }

        /// <summary>
        /// Whether <paramref name="names"/> lists <paramref name="type"/>: as <c>Namespace.Outer+Inner</c> or, for a
        /// nested type, also as <c>Namespace.Outer.Inner</c>.
        /// </summary>
        public static bool IsListed(ImmutableHashSet<string> names, INamedTypeSymbol type, out string listedName)
        {
            listedName = FullName(type);
            if (names.Contains(listedName))
            {
                return true;
            }

            if (type.ContainingType != null)
            {
                var dotted = listedName.Replace('+', '.');
                if (names.Contains(dotted))
                {
                    listedName = dotted;
                    return true;
                }
            }

            return false;
        }

        /// <summary>True when one of <paramref name="attributes"/> is (or derives from) <paramref name="attributeType"/>.</summary>
        public static bool HasAttribute(ImmutableArray<AttributeData> attributes, INamedTypeSymbol attributeType)
        {
            foreach (var attribute in attributes)
            {
                if (KnownTypes.IsOrDerives(attribute.AttributeClass, attributeType))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True for <c>Task</c>, <c>Task&lt;T&gt;</c>, <c>ValueTask</c> and <c>ValueTask&lt;T&gt;</c>.</summary>
        public static bool IsAwaitable(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            var name = type.OriginalDefinition.ToDisplayString();
            return name == "System.Threading.Tasks.Task" || name == "System.Threading.Tasks.Task<TResult>"
                || name == "System.Threading.Tasks.ValueTask" || name == "System.Threading.Tasks.ValueTask<TResult>";
        }
    }
}
