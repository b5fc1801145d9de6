using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace CatalogApi
{
    /// <summary>
    /// Identifies the execution environment that served a response (the x-served-by header). Built during init, it
    /// registers its own after-restore hook, so every copy restored from the snapshot gets an id of its own.
    /// </summary>
    public sealed class InstanceIdentity
    {
        public InstanceIdentity()
        {
            Id = NewId();
            SnapshotRestore.RegisterAfterRestore(() =>
            {
                Id = NewId();
                return ValueTask.CompletedTask;
            });
        }

        public string Id { get; private set; }

        private static string NewId() => Guid.NewGuid().ToString("N");
    }
}
