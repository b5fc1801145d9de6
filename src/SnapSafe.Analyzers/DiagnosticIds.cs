namespace SnapSafe.Analyzers
{
    /// <summary>The fixed rule identifiers of the SnapSafe catalog.</summary>
    public static class DiagnosticIds
    {
        public const string RandomStateCaptured = "SNAP001";
        public const string UniqueValueCaptured = "SNAP002";
        public const string TimestampCaptured = "SNAP003";
        public const string TimerStartedDuringInit = "SNAP004";
        public const string HookRegisteredTooLate = "SNAP040";
        public const string ReleasedResourceNotRestored = "SNAP041";
        public const string HookWorkNotAwaited = "SNAP042";
        public const string SensitiveStateNotRefreshed = "SNAP043";
    }
}
