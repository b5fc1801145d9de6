using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>SNAP030: DNS answers resolved during init (<c>Dns.GetHostAddresses*</c>, <c>Dns.GetHostEntry*</c>) and endpoints built from them.</summary>
    internal sealed class SNAP030DnsResultCached : IValueHazard
    {
        public static readonly SNAP030DnsResultCached Instance = new SNAP030DnsResultCached();

        private SNAP030DnsResultCached()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP030DnsResultCached;

        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            if (operation is IInvocationOperation { TargetMethod: { IsStatic: true } method }
                && KnownTypes.Is(method.ContainingType, context.Types.Dns)
                && ApiMatch.StartsWithAny(method.Name, "GetHostAddresses", "GetHostEntry", "Resolve", "EndGetHost", "EndResolve"))
            {
                source = new HazardSource(Descriptor, "Dns." + method.Name + "()", operation);
                return true;
            }

            return false;
        }
    }
}
