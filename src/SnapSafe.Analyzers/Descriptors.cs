using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers
{
    /// <summary>Every SnapSafe diagnostic descriptor, in one place.</summary>
    public static class Descriptors
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

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description)
            => new DiagnosticDescriptor(
                id,
                title,
                message,
                Category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: HelpLinkBase + id + ".md");
    }
}
