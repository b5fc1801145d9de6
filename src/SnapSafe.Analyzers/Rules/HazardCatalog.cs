using System.Collections.Immutable;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// The rules the init-phase model is told about, by the kind of fact each gives it: the only list of rules the
    /// model sees. A value rule is asked in this order, and the first match names the hazard (one hazard, one
    /// diagnostic).
    /// </summary>
    internal static class HazardCatalog
    {
        public static readonly HazardRules Rules = new HazardRules(
            valueHazards: ImmutableArray.Create<IValueHazard>(
                SNAP001RandomStateCaptured.Instance,
                SNAP002UniqueValueCaptured.Instance,
                SNAP003TimestampCaptured.Instance,
                SNAP004TimerStartedDuringInit.Instance,
                SNAP010ConnectionOpenedDuringInit.Instance,
                SNAP020SecretFetchedDuringInit.Instance,
                SNAP021CredentialsCapturedDuringInit.Instance,
                SNAP030DnsResultCached.Instance,
                SNAP031HostIdentityCaptured.Instance,
                SNAP043SensitiveStateNotRefreshed.Instance),
            keptTypeHazards: ImmutableArray.Create<IKeptTypeHazard>(
                SNAP043SensitiveStateNotRefreshed.Instance),
            startHazards: ImmutableArray.Create<IStartHazard>(
                SNAP004TimerStartedDuringInit.Instance,
                SNAP010ConnectionOpenedDuringInit.Instance),
            fillHazards: ImmutableArray.Create<IFillHazard>(
                SNAP002UniqueValueCaptured.Instance),
            pooledOpenHazards: ImmutableArray.Create<IPooledOpenHazard>(
                SNAP011ConnectionPoolPrimed.Instance),
            primedStateHazards: ImmutableArray.Create<IPrimedStateHazard>(
                SNAP001RandomStateCaptured.Instance),
            modelRules: ImmutableArray.Create<IModelRule>(
                SNAP011ConnectionPoolPrimed.Instance,
                SNAP040HookRegisteredTooLate.Instance,
                SNAP041ReleasedResourceNotRestored.Instance,
                SNAP042HookWorkNotAwaited.Instance,
                SNAP044PrimingHasSideEffects.Instance,
                SNAP045CleanupBeforePriming.Instance,
                SNAP046WarmUpRequestUriAbsolute.Instance,
                SNAP047InitializationDeferred.Instance,
                SNAP049AfterRestoreWorkUnbounded.Instance),
            derivationCuts: ImmutableArray.Create<IDerivationCut>(
                SNAP010ConnectionOpenedDuringInit.Instance),
            initCallHazards: ImmutableArray.Create<IInitCallHazard>(
                SNAP004TimerStartedDuringInit.Instance,
                SNAP025ConfigurationLoadedFromSecretStore.Instance));
    }
}
