using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>Small matching steps the rules share.</summary>
    internal static class ApiMatch
    {
        /// <summary>The receiver of an instance call, or the first argument of an extension method called like one.</summary>
        public static IOperation? Receiver(IInvocationOperation invocation) => OperationFacts.Receiver(invocation);

        /// <summary>The call targets a method declared on (or on a type deriving from / implementing) <paramref name="type"/>.</summary>
        public static bool IsCallOn(IInvocationOperation invocation, INamedTypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            var receiver = Receiver(invocation);
            return KnownTypes.IsA(invocation.TargetMethod.ContainingType, type)
                || (receiver != null && KnownTypes.IsA(receiver.Type, type));
        }

        /// <summary>The method's documentation-comment ID is listed in a configuration key.</summary>
        public static bool IsConfigured(IMethodSymbol method, ImmutableHashSet<string> ids)
        {
            if (ids.IsEmpty)
            {
                return false;
            }

            var id = method.OriginalDefinition.GetDocumentationCommentId();
            if (id != null && ids.Contains(id))
            {
                return true;
            }

            // Extension methods are listed by their static definition.
            var reduced = method.ReducedFrom?.GetDocumentationCommentId();
            return reduced != null && ids.Contains(reduced);
        }

        public static bool StartsWithAny(string name, params string[] prefixes)
        {
            foreach (var prefix in prefixes)
            {
                if (name.StartsWith(prefix, System.StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        public static string Describe(IMethodSymbol method) => method.ContainingType.Name + "." + method.Name + "()";
    }
}
