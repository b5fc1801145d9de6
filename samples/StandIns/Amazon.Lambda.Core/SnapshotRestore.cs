using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace Amazon.Lambda.Core
{
#if NET8_0_OR_GREATER
    /// <summary>
    /// Static class to register callback hooks to during the snapshot and restore phases of Lambda SnapStart. Hooks
    /// should be registered as part of the constructor of the type containing the function handler or before the
    /// `LambdaBootstrap` is started in executable assembly Lambda functions.
    /// </summary>
    /// <remarks>Only the net8.0 (and later) asset of the package has this type.</remarks>
    public static class SnapshotRestore
    {
        // Registration only enqueues: the runtime client drains the queues after init, when SnapStart is on.
        private static readonly ConcurrentQueue<Func<ValueTask>> BeforeSnapshotRegistry = new ConcurrentQueue<Func<ValueTask>>();
        private static readonly ConcurrentQueue<Func<ValueTask>> AfterRestoreRegistry = new ConcurrentQueue<Func<ValueTask>>();

        internal static void CopyBeforeSnapshotCallbacksToRegistry(Action<Func<ValueTask>> restoreHooksRegistryMethod)
        {
            while (BeforeSnapshotRegistry.TryDequeue(out var registeredAction))
            {
                restoreHooksRegistryMethod?.Invoke(registeredAction);
            }
        }

        internal static void CopyAfterRestoreCallbacksToRegistry(Action<Func<ValueTask>> restoreHooksRegistryMethod)
        {
            while (AfterRestoreRegistry.TryDequeue(out var registeredAction))
            {
                restoreHooksRegistryMethod?.Invoke(registeredAction);
            }
        }

        /// <summary>
        /// Register callback hook to be called before Lambda creates a snapshot of the running process. This can be
        /// used to warm code in the .NET process or close connections before the snapshot is taken.
        /// </summary>
        public static void RegisterBeforeSnapshot(Func<ValueTask> beforeSnapshotAction)
        {
            BeforeSnapshotRegistry.Enqueue(beforeSnapshotAction);
        }

        /// <summary>
        /// Register callback hook to be called after Lambda restores a snapshot of the running process. This can be
        /// used to ensure uniqueness after restoration. For example reseeding random number generators.
        /// </summary>
        public static void RegisterAfterRestore(Func<ValueTask> afterRestoreAction)
        {
            AfterRestoreRegistry.Enqueue(afterRestoreAction);
        }
    }
#endif
}
