namespace SnapSafe.Analyzers
{
    /// <summary>
    /// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that tell the after-restore code fix
    /// what was kept and where the original initialization is. The analyzer fills them; the fix only reads them.
    /// </summary>
    public static class FixProperties
    {
        /// <summary>Name of the kept field, property or captured local (for example <c>_random</c>).</summary>
        public const string Member = "SnapSafe.Member";

        /// <summary><see cref="MemberKinds"/>: Field, Property or Local.</summary>
        public const string MemberKind = "SnapSafe.MemberKind";

        /// <summary>"true" when the kept member is static.</summary>
        public const string IsStatic = "SnapSafe.IsStatic";

        /// <summary><see cref="StoreKinds"/>: how the value entered kept state at the diagnostic location.</summary>
        public const string Store = "SnapSafe.Store";

        /// <summary>"true" when re-running the initialization needs <c>await</c>.</summary>
        public const string IsAsync = "SnapSafe.IsAsync";

        /// <summary><see cref="HookHosts"/>: where the after-restore hook for this member must be registered.</summary>
        public const string Host = "SnapSafe.Host";

        /// <summary>"true" when the fix can re-run the initialization in place (the store is a whole statement or initializer).</summary>
        public const string Fixable = "SnapSafe.Fixable";
    }

    public static class MemberKinds
    {
        public const string Field = "Field";
        public const string Property = "Property";
        public const string Local = "Local";
    }

    public static class StoreKinds
    {
        /// <summary>Field or property initializer; the diagnostic spans the initializer value.</summary>
        public const string Initializer = "Initializer";

        /// <summary>Simple assignment <c>member = value</c>; the diagnostic spans the assigned value.</summary>
        public const string Assignment = "Assignment";

        /// <summary>Local declaration <c>var x = value</c>; the diagnostic spans the initializer value.</summary>
        public const string Declaration = "Declaration";

        /// <summary>A call that starts a kept timer (<c>Start()</c>, <c>Change(...)</c>, <c>CancelAfter(...)</c>); the diagnostic spans the invocation.</summary>
        public const string StartCall = "StartCall";

        /// <summary>A value handed to something that keeps it (a DI singleton instance); no automatic fix.</summary>
        public const string Argument = "Argument";

        /// <summary>
        /// SNAP025: a configuration source added to a builder whose root init keeps; the diagnostic spans the
        /// <c>Add*</c> call and the hook reloads the root (<see cref="FixProperties.Member"/> names the member, or the
        /// builder local whose <c>Configuration</c> is the root).
        /// </summary>
        public const string Reload = "Reload";
    }

    public static class HookHosts
    {
        /// <summary>The instance constructor of the member's containing type.</summary>
        public const string Constructor = "Constructor";

        /// <summary>The static constructor of the member's containing type.</summary>
        public const string StaticConstructor = "StaticConstructor";

        /// <summary>
        /// The entry point's statements: the hook goes right before the statement that starts the Lambda runtime
        /// (<c>RunAsync</c>, <c>app.Run</c>); that statement is the diagnostic's first additional location.
        /// </summary>
        public const string EntryPoint = "EntryPoint";
    }

    /// <summary>Keys the hook rules (SNAP011, SNAP041, SNAP042) add for their fixes.</summary>
    public static class HookProperties
    {
        /// <summary>SNAP041: "Recreate" (repeat the member's initialization) or "Reopen" (call the open method).</summary>
        public const string Restore = "SnapSafe.Restore";

        /// <summary>SNAP041 with Restore=Reopen: the method that re-opens the member (<c>Open</c>, <c>OpenAsync</c>).</summary>
        public const string ReopenMethod = "SnapSafe.ReopenMethod";

        /// <summary>SNAP042: "true" when the hook is a method group (the method is made async) rather than a lambda.</summary>
        public const string HookIsMethod = "SnapSafe.HookIsMethod";

        /// <summary>SNAP011: the static call that clears the provider's pools (<c>global::Npgsql.NpgsqlConnection.ClearAllPools()</c>).</summary>
        public const string PoolClear = "SnapSafe.PoolClear";

        /// <summary>
        /// SNAP011 for a connection a data source opened: the name of the field, property or local that holds the
        /// data source; its own pool is cleared with <c>Clear()</c> (Npgsql: <c>NpgsqlDataSource.Clear()</c>).
        /// </summary>
        public const string PoolDataSource = "SnapSafe.PoolDataSource";
    }
}
