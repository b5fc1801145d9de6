using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>Asks each value rule, in catalog order, whether an operation is a hazard source.</summary>
    internal static class HazardCatalog
    {
        public static bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
            => SNAP001RandomStateCaptured.TryMatch(operation, context, out source)
                || SNAP002UniqueValueCaptured.TryMatch(operation, context, out source)
                || SNAP003TimestampCaptured.TryMatch(operation, context, out source)
                || SNAP004TimerStartedDuringInit.TryMatch(operation, context, out source)
                || SNAP010ConnectionOpenedDuringInit.TryMatch(operation, context, out source)
                || SNAP020SecretFetchedDuringInit.TryMatch(operation, context, out source)
                || SNAP021CredentialsCapturedDuringInit.TryMatch(operation, context, out source)
                || SNAP030DnsResultCached.TryMatch(operation, context, out source)
                || SNAP031HostIdentityCaptured.TryMatch(operation, context, out source)
                || SNAP043SensitiveStateNotRefreshed.TryMatch(operation, context, out source);
    }
}
