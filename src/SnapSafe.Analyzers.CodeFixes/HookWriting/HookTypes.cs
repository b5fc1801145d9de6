using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.CodeFixes.HookWriting
{
    /// <summary>The types a hook registration is written with; the fixes exist only where the hook API and <c>ValueTask</c> resolve.</summary>
    internal sealed class HookTypes
    {
        public const string SnapshotRestoreMetadataName = "Amazon.Lambda.Core.SnapshotRestore";
        public const string RegisterAfterRestoreName = "RegisterAfterRestore";
        public const string RegisterBeforeSnapshotName = "RegisterBeforeSnapshot";

        private HookTypes(Compilation compilation, INamedTypeSymbol snapshotRestore, INamedTypeSymbol valueTask)
        {
            SnapshotRestore = snapshotRestore;
            ValueTask = valueTask;
            CancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
            CancellationTokenSource = compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
            TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            Task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
            TaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
            ValueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
            Guid = compilation.GetTypeByMetadataName("System.Guid");
            RandomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
            DbConnection = compilation.GetTypeByMetadataName("System.Data.Common.DbConnection");
            DbDataSource = compilation.GetTypeByMetadataName("System.Data.Common.DbDataSource");
            Dns = compilation.GetTypeByMetadataName("System.Net.Dns");
        }

        public INamedTypeSymbol SnapshotRestore { get; }

        public INamedTypeSymbol ValueTask { get; }

        public INamedTypeSymbol? CancellationToken { get; }

        public INamedTypeSymbol? CancellationTokenSource { get; }

        public INamedTypeSymbol? TimeSpan { get; }

        public INamedTypeSymbol? Task { get; }

        public INamedTypeSymbol? TaskOfT { get; }

        public INamedTypeSymbol? ValueTaskOfT { get; }

        public INamedTypeSymbol? Guid { get; }

        public INamedTypeSymbol? RandomNumberGenerator { get; }

        public INamedTypeSymbol? DbConnection { get; }

        public INamedTypeSymbol? DbDataSource { get; }

        public INamedTypeSymbol? Dns { get; }

        public static HookTypes? From(Compilation compilation)
        {
            var snapshotRestore = compilation.GetTypeByMetadataName(SnapshotRestoreMetadataName);
            var valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
            return snapshotRestore == null || valueTask == null ? null : new HookTypes(compilation, snapshotRestore, valueTask);
        }

        public bool IsRegisterAfterRestore(ISymbol? symbol) => IsRegistration(symbol, RegisterAfterRestoreName);

        public bool IsRegisterBeforeSnapshot(ISymbol? symbol) => IsRegistration(symbol, RegisterBeforeSnapshotName);

        /// <summary>A <c>Task</c>, <c>ValueTask</c> or their generic forms: what <c>await</c> can replace a blocking wait on.</summary>
        public bool IsTask(ITypeSymbol? type)
            => type is INamedTypeSymbol named
                && (SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, Task) || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, TaskOfT)
                    || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ValueTask) || SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, ValueTaskOfT));

        public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            for (var current = type; current != null && baseType != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsRegistration(ISymbol? symbol, string name)
            => symbol is IMethodSymbol method && method.Name == name
                && SymbolEqualityComparer.Default.Equals(method.ContainingType, SnapshotRestore);
    }
}
