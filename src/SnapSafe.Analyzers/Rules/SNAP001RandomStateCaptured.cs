using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP001: a <c>System.Random</c> (or a subclass) created during init without a constant seed. A time- or
    /// counter-based seed is still one seed for every restored copy, so only compile-time constants are exempt.
    /// </summary>
    internal sealed class SNAP001RandomStateCaptured : IValueHazard, IPrimedStateHazard
    {
        public static readonly SNAP001RandomStateCaptured Instance = new SNAP001RandomStateCaptured();

        private SNAP001RandomStateCaptured()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP001RandomStateCaptured;

        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
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

        /// <summary>
        /// A draw from <c>Random.Shared</c> in code priming runs: the calling thread's generator state advances before the
        /// snapshot, and every restored copy continues the same sequence.
        /// </summary>
        public bool TryMatchPrimedState(IOperation operation, IHazardContext context, out HazardSource source, out ISymbol? state)
        {
            source = default;
            state = null;
            if (operation is IInvocationOperation { Instance: IPropertyReferenceOperation { Property: { Name: "Shared", IsStatic: true } shared } } invocation
                && KnownTypes.Is(shared.ContainingType, context.Types.Random))
            {
                source = new HazardSource(Descriptor, "Random.Shared." + invocation.TargetMethod.Name + "()", operation);
                state = shared;
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

        /// <summary>
        /// True when a receiver is a <c>Random</c> created with a constant seed (deterministic by intent): a creation, a
        /// field or property whose declared initializer is one, or a local whose every value is one.
        /// </summary>
        public static bool IsConstantSeededReceiver(IOperation receiver, IHazardContext context)
        {
            receiver = OperationFacts.Unwrap(receiver);
            switch (receiver)
            {
                case IObjectCreationOperation creation:
                    return IsConstantSeeded(creation);

                case IFieldReferenceOperation field:
                    return InitializerIsConstantSeeded(field.Field, context);

                case IPropertyReferenceOperation property:
                    return InitializerIsConstantSeeded(property.Property, context);

                case ILocalReferenceOperation local:
                    var values = context.ValuesOf(local);
                    if (values.Count == 0)
                    {
                        return false;
                    }

                    foreach (var value in values)
                    {
                        if (!(OperationFacts.Unwrap(value) is IObjectCreationOperation seeded && IsConstantSeeded(seeded)))
                        {
                            return false;
                        }
                    }

                    return true;

                default:
                    return false;
            }
        }

        private static bool InitializerIsConstantSeeded(ISymbol member, IHazardContext context)
        {
            foreach (var value in context.DeclaredInitializersOf(member))
            {
                if (OperationFacts.Unwrap(value) is IObjectCreationOperation creation && IsConstantSeeded(creation))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
