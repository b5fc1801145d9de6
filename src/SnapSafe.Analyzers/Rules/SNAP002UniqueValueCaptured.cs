using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP002: values meant to be unique (GUIDs, cryptographic random bytes, numbers drawn from a generator,
    /// random file names) computed during init. Calling these APIs after restore is safe; keeping a result is not.
    /// </summary>
    internal sealed class SNAP002UniqueValueCaptured : IValueHazard, IFillHazard
    {
        public static readonly SNAP002UniqueValueCaptured Instance = new SNAP002UniqueValueCaptured();

        private SNAP002UniqueValueCaptured()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP002UniqueValueCaptured;

        public DiagnosticDescriptor Rule => Descriptor;

        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            if (operation is not IInvocationOperation invocation)
            {
                return false;
            }

            var method = invocation.TargetMethod;
            var types = context.Types;
            var containing = method.ContainingType;
            string? api = null;

            if (KnownTypes.Is(containing, types.Guid) && (method.Name == "NewGuid" || method.Name == "CreateVersion7"))
            {
                api = "Guid." + method.Name + "()";
            }
            else if (KnownTypes.IsOrDerives(containing, types.RandomNumberGenerator) && method.IsStatic && IsRandomNumberGeneratorValue(method.Name))
            {
                api = "RandomNumberGenerator." + method.Name + "()";
            }
            else if (KnownTypes.Is(containing, types.Path) && (method.Name == "GetRandomFileName" || method.Name == "GetTempFileName"))
            {
                api = "Path." + method.Name + "()";
            }
            else if (!method.IsStatic && IsRandomDraw(method.Name) && KnownTypes.IsOrDerives(invocation.Instance?.Type, types.Random)
                && invocation.Instance != null && !SNAP001RandomStateCaptured.IsConstantSeededReceiver(invocation.Instance, context))
            {
                api = IsRandomShared(invocation.Instance, types) ? "Random.Shared." + method.Name + "()" : "Random." + method.Name + "()";
            }
            else if (!context.Options.UniqueValueMethods.IsEmpty)
            {
                var id = method.OriginalDefinition.GetDocumentationCommentId();
                if (id != null && context.Options.UniqueValueMethods.Contains(id))
                {
                    api = containing.Name + "." + method.Name + "()";
                }
            }

            if (api == null)
            {
                return false;
            }

            source = new HazardSource(Descriptor, api, operation);
            return true;
        }

        /// <summary>
        /// Methods that write their result into a buffer argument instead of returning it
        /// (<c>RandomNumberGenerator.Fill(span)</c>, <c>rng.GetBytes(array)</c>, <c>random.NextBytes(array)</c>).
        /// </summary>
        public bool IsFill(IInvocationOperation invocation, KnownTypes types)
        {
            var method = invocation.TargetMethod;
            if (!method.ReturnsVoid)
            {
                return false;
            }

            if (KnownTypes.IsOrDerives(method.ContainingType, types.RandomNumberGenerator))
            {
                return method.Name == "Fill" || method.Name == "GetBytes" || method.Name == "GetNonZeroBytes";
            }

            return KnownTypes.IsOrDerives(method.ContainingType, types.Random) && method.Name == "NextBytes";
        }

        public string Describe(IInvocationOperation fill) => fill.TargetMethod.ContainingType.Name + "." + fill.TargetMethod.Name + "()";

        private static bool IsRandomNumberGeneratorValue(string name)
            => name == "GetBytes" || name == "GetInt32" || name == "GetHexString" || name == "GetString"
                || name == "GetItems" || name == "GetNonZeroBytes";

        private static bool IsRandomDraw(string name)
            => name == "Next" || name == "NextInt64" || name == "NextDouble" || name == "NextSingle" || name == "GetItems"
                || name == "GetHexString" || name == "GetString";

        private static bool IsRandomShared(IOperation instance, KnownTypes types)
            => instance is IPropertyReferenceOperation { Property.Name: "Shared", Property.IsStatic: true } property
                && KnownTypes.Is(property.Property.ContainingType, types.Random);
    }
}
