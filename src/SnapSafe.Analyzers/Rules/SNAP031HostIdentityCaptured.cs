using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP031: host identity kept from init (<c>Dns.GetHostName()</c>, <c>Environment.MachineName</c>, <c>Environment.ProcessId</c>).</summary>
    internal sealed class SNAP031HostIdentityCaptured : IValueHazard
    {
        public static readonly SNAP031HostIdentityCaptured Instance = new SNAP031HostIdentityCaptured();

        private SNAP031HostIdentityCaptured()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP031HostIdentityCaptured;

        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            string? api = null;
            switch (operation)
            {
                case IInvocationOperation { TargetMethod: { IsStatic: true, Name: "GetHostName" } method } when KnownTypes.Is(method.ContainingType, context.Types.Dns):
                    api = "Dns.GetHostName()";
                    break;
                case IPropertyReferenceOperation { Property: { IsStatic: true } property }
                    when KnownTypes.Is(property.ContainingType, context.Types.Environment) && (property.Name == "MachineName" || property.Name == "ProcessId"):
                    api = "Environment." + property.Name;
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
