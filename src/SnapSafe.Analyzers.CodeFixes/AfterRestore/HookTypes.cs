using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.CodeFixes.AfterRestore
{
    /// <summary>The types an after-restore registration is written with; the fix exists only where both resolve.</summary>
    internal sealed class HookTypes
    {
        public const string SnapshotRestoreMetadataName = "Amazon.Lambda.Core.SnapshotRestore";
        public const string RegisterAfterRestoreName = "RegisterAfterRestore";

        private HookTypes(INamedTypeSymbol snapshotRestore, INamedTypeSymbol valueTask)
        {
            SnapshotRestore = snapshotRestore;
            ValueTask = valueTask;
        }

        public INamedTypeSymbol SnapshotRestore { get; }

        public INamedTypeSymbol ValueTask { get; }

        public static HookTypes? From(Compilation compilation)
        {
            var snapshotRestore = compilation.GetTypeByMetadataName(SnapshotRestoreMetadataName);
            var valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            return snapshotRestore == null || valueTask == null ? null : new HookTypes(snapshotRestore, valueTask);
        }

        public bool IsRegisterAfterRestore(ISymbol? symbol)
            => symbol is IMethodSymbol { Name: RegisterAfterRestoreName } method
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, SnapshotRestore);
    }
}
