using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP003: clock readings taken during init (values derived from them flow through the value model).</summary>
    internal sealed class SNAP003TimestampCaptured : IValueHazard
    {
        public static readonly SNAP003TimestampCaptured Instance = new SNAP003TimestampCaptured();

        private SNAP003TimestampCaptured()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP003TimestampCaptured;

        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            var types = context.Types;
            string? api = null;
            switch (operation)
            {
                case IPropertyReferenceOperation { Property: { IsStatic: true } property }:
                    var name = property.Name;
                    if (KnownTypes.Is(property.ContainingType, types.DateTime) && (name == "Now" || name == "UtcNow" || name == "Today"))
                    {
                        api = "DateTime." + name;
                    }
                    else if (KnownTypes.Is(property.ContainingType, types.DateTimeOffset) && (name == "Now" || name == "UtcNow"))
                    {
                        api = "DateTimeOffset." + name;
                    }
                    else if (KnownTypes.Is(property.ContainingType, types.Environment) && (name == "TickCount" || name == "TickCount64"))
                    {
                        api = "Environment." + name;
                    }

                    break;

                case IInvocationOperation { TargetMethod: var method } invocation:
                    if (KnownTypes.Is(method.ContainingType, types.Stopwatch) && method.IsStatic
                        && (method.Name == "StartNew" || method.Name == "GetTimestamp"))
                    {
                        api = "Stopwatch." + method.Name + "()";
                    }
                    else if (!method.IsStatic && KnownTypes.IsOrDerives(invocation.Instance?.Type ?? method.ContainingType, types.TimeProvider)
                        && (method.Name == "GetUtcNow" || method.Name == "GetLocalNow" || method.Name == "GetTimestamp"))
                    {
                        api = "TimeProvider." + method.Name + "()";
                    }

                    break;
            }

            if (api == null)
            {
                return false;
            }

            source = new HazardSource(Descriptor, api, operation);
            return true;
        }
    }
}
