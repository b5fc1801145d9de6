using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP043: an instance of a type the team listed in <c>snapsafe.sensitive_types</c> (or a type derived from
    /// one), created during init and kept. The general "missing restore hook" rule for a team's own state.
    /// </summary>
    internal sealed class SNAP043SensitiveStateNotRefreshed : IValueHazard, IKeptTypeHazard
    {
        public static readonly SNAP043SensitiveStateNotRefreshed Instance = new SNAP043SensitiveStateNotRefreshed();

        private SNAP043SensitiveStateNotRefreshed()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP043SensitiveStateNotRefreshed;

        public DiagnosticDescriptor Rule => Descriptor;

        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            if (context.Options.SensitiveTypes.IsEmpty || operation is not IObjectCreationOperation creation)
            {
                return false;
            }

            return TryMatchType(creation.Type, operation, context, out source);
        }

        /// <summary>A kept value whose static type is sensitive (built by a factory the model cannot see into).</summary>
        public bool TryMatchType(ITypeSymbol? type, IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            if (context.Options.SensitiveTypes.IsEmpty)
            {
                return false;
            }

            for (var current = type as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                if (SymbolFacts.IsListed(context.Options.SensitiveTypes, current, out var name))
                {
                    source = new HazardSource(Descriptor, name, operation);
                    return true;
                }
            }

            if (type != null)
            {
                foreach (var implemented in type.AllInterfaces)
                {
                    if (SymbolFacts.IsListed(context.Options.SensitiveTypes, implemented, out var name))
                    {
                        source = new HazardSource(Descriptor, name, operation);
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
