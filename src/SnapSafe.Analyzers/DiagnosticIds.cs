namespace SnapSafe.Analyzers
{
    /// <summary>The fixed rule identifiers of the SnapSafe catalog.</summary>
    public static class DiagnosticIds
    {
        public const string RandomStateCaptured = "SNAP001";
        public const string UniqueValueCaptured = "SNAP002";
        public const string TimestampCaptured = "SNAP003";
        public const string TimerStartedDuringInit = "SNAP004";
    }
}
