using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers
{
    /// <summary>The priming rules, and the messages the state rules use for state that priming leaves in the snapshot.</summary>
    public static partial class Descriptors
    {
        public static readonly DiagnosticDescriptor SNAP044PrimingHasSideEffects = Create(
            DiagnosticIds.PrimingHasSideEffects,
            "Priming has side effects",
            "Priming ({0}) reaches {1}, which writes: the write runs before the snapshot, on every version publish",
            DiagnosticSeverity.Warning,
            "Priming runs handler code before the snapshot, and it runs it for real: a before-snapshot hook that invokes the handler, or the warm-up requests the runtime replays 5 times through the pipeline. Writes reachable from there (AWS SDK Put/Delete/Update/Send/Publish/Start/Invoke/Create calls, database commands, SaveChanges, HTTP requests that are not GET/HEAD/OPTIONS, warm-up requests with POST/PUT/PATCH/DELETE) happen on every version publish. Give priming a dry-run path: set a field in the hook before the priming calls, and return before the write when it is set.");

        public static readonly DiagnosticDescriptor SNAP045CleanupBeforePriming = Create(
            DiagnosticIds.CleanupBeforePriming,
            "Before-snapshot cleanup runs before the priming it should follow",
            "This before-snapshot hook cleans up ({0}) but is registered after the priming ({1}): before-snapshot hooks run in reverse order, so it runs first and cleans up nothing",
            DiagnosticSeverity.Warning,
            "The runtime runs before-snapshot hooks in reverse registration order. A hook that clears connection pools, disposes, closes or flushes, registered after a hook that primes the function (or, in the ASP.NET Core class-library model, after the base class registered the warm-up requests), runs before the priming and leaves behind whatever the priming opens. Register the cleanup before the priming.");

        public static readonly DiagnosticDescriptor SNAP046WarmUpRequestUriAbsolute = Create(
            DiagnosticIds.WarmUpRequestUriAbsolute,
            "Warm-up request URI is absolute",
            "The warm-up request URI {0} is absolute: the runtime throws 'RequestUri must be relative' in the before-snapshot hook and the version publish fails",
            DiagnosticSeverity.Error,
            "The runtime converts each warm-up request into a Lambda event and requires a relative URI. new Uri(\"/path\") with one argument is an absolute file:///path URI on Linux, and an http(s) URL is absolute too: the conversion throws inside the before-snapshot hook, which fails the snapshot and the version publish. Use new Uri(\"/path\", UriKind.Relative) or the string overload new HttpRequestMessage(method, \"/path\").");

        private static readonly ImmutableDictionary<string, DiagnosticDescriptor> PrimedTwins;

        // In the static constructor: it runs after the field initializers of every part of this class, whose order is unspecified.
        static Descriptors()
        {
            PrimedTwins = ImmutableDictionary.CreateRange(new[]
            {
                Primed(SNAP001RandomStateCaptured, "'{0}' keeps a Random created or used before the snapshot by priming ({2}): every restored copy produces the same sequence"),
                Primed(SNAP002UniqueValueCaptured, "'{0}' keeps a value from {1} computed before the snapshot by priming ({2}): every restored copy shares it"),
                Primed(SNAP003TimestampCaptured, "'{0}' keeps a timestamp from {1} taken before the snapshot by priming ({2}): it is stale after every restore"),
                Primed(SNAP004TimerStartedDuringInit, "'{0}' is a {1} started before the snapshot by priming ({2}): after a restore it fires at the wrong time"),
                Primed(SNAP010ConnectionOpenedDuringInit, "'{0}' is a connection opened before the snapshot by priming ({2}) ({1}): it is not guaranteed to survive a restore"),
                Primed(SNAP011ConnectionPoolPrimed, "{0} opens a pooled connection before the snapshot by priming ({1}) and hands it back to the pool: the pooled connection is kept in the snapshot"),
                Primed(SNAP020SecretFetchedDuringInit, "'{0}' keeps a secret from {1} fetched before the snapshot by priming ({2}): it goes stale when the secret rotates"),
                Primed(SNAP021CredentialsCapturedDuringInit, "'{0}' keeps temporary credentials from {1} obtained before the snapshot by priming ({2}): they expire while the snapshot lives on"),
                Primed(SNAP030DnsResultCached, "'{0}' keeps a DNS answer from {1} resolved before the snapshot by priming ({2}): it goes stale after a restore"),
                Primed(SNAP031HostIdentityCaptured, "'{0}' keeps {1} read before the snapshot by priming ({2}): it is identical in every restored copy"),
                Primed(SNAP043SensitiveStateNotRefreshed, "'{0}' keeps a {1} created before the snapshot by priming ({2}), and no after-restore hook refreshes it"),
            });
        }

        /// <summary>
        /// The descriptor a state rule reports state with when priming (not init proper) left it in the snapshot: the same
        /// rule (ID, title, severity, help link), with a message that names the priming. A rule without one keeps its own.
        /// It is not listed in <see cref="SnapSafeAnalyzer.SupportedDiagnostics"/> next to its rule (tools expect one
        /// descriptor per ID there); the compiler accepts a diagnostic by its ID.
        /// </summary>
        public static DiagnosticDescriptor PrimedTwinOf(DiagnosticDescriptor rule)
            => PrimedTwins.TryGetValue(rule.Id, out var twin) ? twin : rule;

        private static System.Collections.Generic.KeyValuePair<string, DiagnosticDescriptor> Primed(DiagnosticDescriptor rule, string message)
            => new System.Collections.Generic.KeyValuePair<string, DiagnosticDescriptor>(
                rule.Id,
                new DiagnosticDescriptor(rule.Id, rule.Title, message, rule.Category, rule.DefaultSeverity, rule.IsEnabledByDefault, rule.Description, rule.HelpLinkUri, System.Linq.Enumerable.ToArray(rule.CustomTags)));
    }
}
