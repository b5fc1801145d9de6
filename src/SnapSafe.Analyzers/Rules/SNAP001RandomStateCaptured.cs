using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP001: a <c>System.Random</c> (or a subclass) created during init without a constant seed. A time- or
    /// counter-based seed is still one seed for every restored copy, so only compile-time constants are exempt.
    /// </summary>
    internal static class SNAP001RandomStateCaptured
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP001RandomStateCaptured;

        public static bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            if (operation is IObjectCreationOperation creation
                && KnownTypes.IsOrDerives(creation.Type, context.Types.Random)
                && !IsConstantSeeded(creation))
            {
                source = new HazardSource(Descriptor, "new " + creation.Type!.Name + "()", operation);
                return true;
            }

            return false;
        }

        /// <summary>A creation whose every argument is a compile-time constant (and there is at least one).</summary>
        public static bool IsConstantSeeded(IObjectCreationOperation creation)
        {
            if (creation.Arguments.IsEmpty)
            {
                return false;
            }

            foreach (var argument in creation.Arguments)
            {
                if (!argument.Value.ConstantValue.HasValue)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
