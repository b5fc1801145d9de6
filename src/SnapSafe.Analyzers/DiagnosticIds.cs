namespace SnapSafe.Analyzers
{
    /// <summary>The fixed rule identifiers of the SnapSafe catalog.</summary>
    public static class DiagnosticIds
    {
        public const string RandomStateCaptured = "SNAP001";
        public const string UniqueValueCaptured = "SNAP002";
        public const string TimestampCaptured = "SNAP003";
        public const string TimerStartedDuringInit = "SNAP004";
        public const string ConnectionOpenedDuringInit = "SNAP010";
        public const string ConnectionPoolPrimed = "SNAP011";
        public const string SecretFetchedDuringInit = "SNAP020";
        public const string CredentialsCapturedDuringInit = "SNAP021";
        public const string SecretsExtensionUsed = "SNAP022";
        public const string EnvironmentVariableAbsent = "SNAP023";
        public const string CredentialsNeedAbsentVariables = "SNAP024";
        public const string ConfigurationLoadedFromSecretStore = "SNAP025";
        public const string DnsResultCached = "SNAP030";
        public const string HostIdentityCaptured = "SNAP031";
        public const string HookRegisteredTooLate = "SNAP040";
        public const string ReleasedResourceNotRestored = "SNAP041";
        public const string HookWorkNotAwaited = "SNAP042";
        public const string SensitiveStateNotRefreshed = "SNAP043";
        public const string PrimingHasSideEffects = "SNAP044";
        public const string CleanupBeforePriming = "SNAP045";
        public const string WarmUpRequestUriAbsolute = "SNAP046";
        public const string InitializationDeferred = "SNAP047";
        public const string AfterRestoreWorkUnbounded = "SNAP049";
        public const string InvalidConfiguration = "SNAP900";
        public const string TemplateUnreadable = "SNAP901";
        public const string NoVersionPublished = "SNAP050";
        public const string CallerBypassesVersion = "SNAP051";
        public const string SettingRejectedWithSnapStart = "SNAP052";
        public const string DeploymentHandlerNotFound = "SNAP053";
    }
}
