using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers
{
    /// <summary>Every SnapSafe diagnostic descriptor: the init-phase and hook rules here, the priming rules in Descriptors.Priming.cs, the deployment rules in Descriptors.Deployment.cs.</summary>
    public static partial class Descriptors
    {
        public const string Category = "SnapStart";

        internal const string HelpLinkBase = "https://github.com/snapsafe/SnapSafe.Analyzers/blob/main/docs/rules/";

        public static readonly DiagnosticDescriptor SNAP001RandomStateCaptured = Create(
            DiagnosticIds.RandomStateCaptured,
            "Random generator state captured in the snapshot",
            "'{0}' keeps a Random created during initialization: every restored copy produces the same sequence",
            DiagnosticSeverity.Warning,
            "A System.Random created during the init phase keeps its internal state in memory. SnapStart restores the same memory into every execution environment, so every copy produces the same 'random' numbers. Re-create the generator in an after-restore hook, or seed it with a constant when determinism is intended.");

        public static readonly DiagnosticDescriptor SNAP002UniqueValueCaptured = Create(
            DiagnosticIds.UniqueValueCaptured,
            "Unique value captured in the snapshot",
            "'{0}' keeps a value from {1} computed during initialization: every restored copy shares it",
            DiagnosticSeverity.Warning,
            "A GUID, random number or random file name generated during the init phase is stored in the snapshot and is identical in every restored execution environment. Generate it per invocation, or regenerate it in an after-restore hook.");

        public static readonly DiagnosticDescriptor SNAP003TimestampCaptured = Create(
            DiagnosticIds.TimestampCaptured,
            "Timestamp captured in the snapshot",
            "'{0}' keeps a timestamp from {1} taken during initialization: it is stale after every restore",
            DiagnosticSeverity.Warning,
            "A time value read during the init phase is stored in the snapshot; after a restore, possibly days later, it no longer describes the present. Read the clock per invocation, or re-capture the value in an after-restore hook.");

        public static readonly DiagnosticDescriptor SNAP004TimerStartedDuringInit = Create(
            DiagnosticIds.TimerStartedDuringInit,
            "Timer or timeout started during initialization",
            "'{0}' is a {1} started during initialization: after a restore it fires at the wrong time",
            DiagnosticSeverity.Info,
            "A timer, periodic timer or cancellation timeout started during the init phase is frozen in the snapshot and resumes with a schedule computed before the snapshot. Start it per invocation, or restart it in an after-restore hook.");

        public static readonly DiagnosticDescriptor SNAP010ConnectionOpenedDuringInit = Create(
            DiagnosticIds.ConnectionOpenedDuringInit,
            "Connection opened during initialization",
            "'{0}' is a connection opened during initialization ({1}): it is not guaranteed to survive a restore",
            DiagnosticSeverity.Warning,
            "Network connections opened during the init phase are frozen in the snapshot; after a restore, hours or days later, the peer has long closed them. Re-open or re-create the connection in an after-restore hook, or open it per invocation. AWS SDK clients are not affected: they reconnect and refresh credentials by themselves.");

        public static readonly DiagnosticDescriptor SNAP011ConnectionPoolPrimed = Create(
            DiagnosticIds.ConnectionPoolPrimed,
            "Connection pool primed during initialization",
            "{0} opens a pooled connection during initialization and hands it back to the pool: the pooled connection is kept in the snapshot",
            DiagnosticSeverity.Warning,
            "Disposing or closing an ADO.NET connection returns its physical connection to the provider's pool, which lives in memory and so in the snapshot. Every restored copy then starts with a dead pooled connection. Clear the pool in a before-snapshot hook.");

        public static readonly DiagnosticDescriptor SNAP020SecretFetchedDuringInit = Create(
            DiagnosticIds.SecretFetchedDuringInit,
            "Secret fetched during initialization",
            "'{0}' keeps a secret from {1} fetched during initialization: it goes stale when the secret rotates",
            DiagnosticSeverity.Warning,
            "A secret fetched during the init phase is baked into the snapshot (encrypted at rest) and is reused by every restored copy, for as long as the version is published; when the secret rotates, the copies keep the old value. Re-fetch it in an after-restore hook, or fetch it through a cache per invocation.");

        public static readonly DiagnosticDescriptor SNAP021CredentialsCapturedDuringInit = Create(
            DiagnosticIds.CredentialsCapturedDuringInit,
            "Temporary credentials captured during initialization",
            "'{0}' keeps temporary credentials from {1} obtained during initialization: they expire while the snapshot lives on",
            DiagnosticSeverity.Warning,
            "Temporary credentials (STS AssumeRole results, resolved AWSCredentials) obtained during the init phase expire, but the snapshot is restored for days. Resolve credentials per call (let the SDK refresh them) or re-fetch them in an after-restore hook.");

        public static readonly DiagnosticDescriptor SNAP022SecretsExtensionUsed = Create(
            DiagnosticIds.SecretsExtensionUsed,
            "Parameters and Secrets extension used with SnapStart",
            "'{0}' refers to the Parameters and Secrets Lambda extension, which does not work with SnapStart",
            DiagnosticSeverity.Warning,
            "The AWS Parameters and Secrets Lambda extension is documented as incompatible with SnapStart: after a restore its session token is rejected (401 Bad session token). Read parameters and secrets with the AWS SDK instead.");

        public static readonly DiagnosticDescriptor SNAP023EnvironmentVariableAbsent = Create(
            DiagnosticIds.EnvironmentVariableAbsent,
            "Environment variable absent under SnapStart",
            "'{0}' is not set when SnapStart is on",
            DiagnosticSeverity.Warning,
            "Under SnapStart the runtime does not set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN (credentials come from the container credentials endpoint) nor AWS_LAMBDA_LOG_GROUP_NAME and AWS_LAMBDA_LOG_STREAM_NAME. Code that reads them gets null. Use the SDK's default credentials chain and the ILambdaContext log properties.");

        public static readonly DiagnosticDescriptor SNAP024CredentialsNeedAbsentVariables = Create(
            DiagnosticIds.CredentialsNeedAbsentVariables,
            "Credentials that need the absent access-key variables",
            "{0} reads the access-key environment variables, which are not set when SnapStart is on: requests cannot be signed",
            DiagnosticSeverity.Warning,
            "Under SnapStart the runtime does not set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN; it provides container credentials (AWS_CONTAINER_CREDENTIALS_FULL_URI) instead. EnvironmentVariablesAWSCredentials, or BasicAWSCredentials/SessionAWSCredentials built from those variables, then fail to sign any request. Drop the explicit credentials so that the SDK's default chain finds the container credentials.");

        public static readonly DiagnosticDescriptor SNAP025ConfigurationLoadedFromSecretStore = Create(
            DiagnosticIds.ConfigurationLoadedFromSecretStore,
            "Configuration loaded from secret stores during initialization",
            "{0} loads configuration from a secret store during initialization: the values are kept in IConfiguration in the snapshot and go stale when they rotate",
            DiagnosticSeverity.Warning,
            "AddSystemsManager (which always decrypts), AddSecretsManager and AddAppConfig load their values when the configuration is built. Built during the init phase, the values (secrets among them) are kept in the snapshot and reused by every restored copy, for as long as the version is published. Reload the configuration root in an after-restore hook.");

        public static readonly DiagnosticDescriptor SNAP030DnsResultCached = Create(
            DiagnosticIds.DnsResultCached,
            "DNS result cached during initialization",
            "'{0}' keeps a DNS answer from {1} resolved during initialization: it goes stale after a restore",
            DiagnosticSeverity.Warning,
            "Addresses resolved during the init phase are frozen in the snapshot and may point at hosts that have since moved. Lambda already caches DNS answers; a second cache causes connection timeouts. Resolve the name when connecting, or again in an after-restore hook.");

        public static readonly DiagnosticDescriptor SNAP031HostIdentityCaptured = Create(
            DiagnosticIds.HostIdentityCaptured,
            "Host identity captured as a unique identifier",
            "'{0}' keeps {1} from initialization: it is identical in every restored copy",
            DiagnosticSeverity.Info,
            "The host name, machine name and process id are the same in every execution environment restored from one snapshot, so they cannot tell copies apart. Generate an identifier in an after-restore hook instead.");

        public static readonly DiagnosticDescriptor SNAP040HookRegisteredTooLate = Create(
            DiagnosticIds.HookRegisteredTooLate,
            "Runtime hook registered where it never runs",
            "{0} is called from {1}: the runtime has already run its hooks by then, so this hook never runs",
            DiagnosticSeverity.Warning,
            "The Lambda runtime runs the before-snapshot and after-restore hooks once, right after init. A hook registered later (in a handler method, an endpoint, after RunAsync or app.Run, or inside another hook) is never run and piles up on every invocation. Register hooks during init: in the handler's constructor, a static constructor, or before the runtime starts.");

        public static readonly DiagnosticDescriptor SNAP041ReleasedResourceNotRestored = Create(
            DiagnosticIds.ReleasedResourceNotRestored,
            "Resource released before the snapshot is not restored",
            "The before-snapshot hook releases '{0}' ({1}) but no after-restore hook re-creates or re-opens it",
            DiagnosticSeverity.Warning,
            "A before-snapshot hook that disposes, closes or clears a member leaves every restored copy with a released member unless an after-restore hook (or lazy creation in the handler) brings it back. Re-create or re-open it in an after-restore hook.");

        public static readonly DiagnosticDescriptor SNAP042HookWorkNotAwaited = Create(
            DiagnosticIds.HookWorkNotAwaited,
            "Runtime hook does not await its work",
            "The {0} hook starts '{1}' without awaiting it: the runtime moves on before the work is done",
            DiagnosticSeverity.Warning,
            "The runtime awaits the ValueTask a hook returns, and only that. Work started inside the hook and not awaited may still be running when the snapshot is taken or the first invocation arrives, and its exceptions are lost. Make the hook async and await the work.");

        public static readonly DiagnosticDescriptor SNAP043SensitiveStateNotRefreshed = Create(
            DiagnosticIds.SensitiveStateNotRefreshed,
            "Snapshot-sensitive state has no after-restore hook",
            "'{0}' keeps a {1} created during initialization, and no after-restore hook refreshes it",
            DiagnosticSeverity.Warning,
            "The type is listed in snapsafe.sensitive_types: its instances must be refreshed after every restore. An instance kept from init without an after-restore hook carries the snapshot's state into every copy. Re-create it in an after-restore hook.");

        public static readonly DiagnosticDescriptor SNAP049AfterRestoreWorkUnbounded = Create(
            DiagnosticIds.AfterRestoreWorkUnbounded,
            "After-restore hook work is not bounded in time",
            "The after-restore hook awaits {0} with no timeout: a slow peer fails the restore after 10 seconds",
            DiagnosticSeverity.Info,
            "Runtime load and every after-restore hook must finish within 10 seconds, or the restore fails with SnapStartTimeoutException. Network work in a hook (connection opens, secret fetches and other AWS SDK calls, HTTP requests, DNS lookups) should pass a CancellationToken from a CancellationTokenSource with a timeout well under that limit, for example new CancellationTokenSource(TimeSpan.FromSeconds(5)), or be wrapped in WaitAsync(timeout).");

        public static readonly DiagnosticDescriptor SNAP047InitializationDeferred = Create(
            DiagnosticIds.InitializationDeferred,
            "Initialization deferred past the snapshot",
            "{0}: {1}",
            DiagnosticSeverity.Warning,
            "SnapStart speeds up cold starts by running init once and restoring its snapshot. Initialization that the function defers to its first invocation runs after every restore instead (SnapStart gains nothing from it), and the runtime hooks it registers never run: an ASP.NET Core entry point constructed with StartupMode.FirstRequest builds its host on the first request; Amazon.Lambda.Annotations before 1.6.0 builds the function class on the first invocation; Amazon.Lambda.RuntimeSupport before 1.12.0 has no SnapStart support. Start the host in the constructor (the default), or upgrade the package.");

        public static readonly DiagnosticDescriptor SNAP900InvalidConfiguration = Create(
            DiagnosticIds.InvalidConfiguration,
            "Invalid SnapSafe configuration",
            "SnapSafe configuration key '{0}' has an invalid value '{1}': {2}",
            DiagnosticSeverity.Warning,
            "A snapsafe.* key in .editorconfig or .globalconfig has a value SnapSafe cannot use. The key is ignored (its default applies) until the value is fixed.");

        public static readonly DiagnosticDescriptor SNAP901TemplateUnreadable = Create(
            DiagnosticIds.TemplateUnreadable,
            "Deployment template could not be read",
            "SnapSafe could not read '{0}': {1}; SnapStart is assumed on for the functions it deploys",
            DiagnosticSeverity.Warning,
            "SnapSafe reads serverless.template, template.yaml/.yml and aws-lambda-tools-defaults.json to tell which functions deploy with SnapStart. A file it cannot read is ignored: every function is then analyzed as if SnapStart were on.");

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description, params string[] customTags)
            => new DiagnosticDescriptor(
                id,
                title,
                message,
                Category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md",
                customTags: customTags);
    }
}
