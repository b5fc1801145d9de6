using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace InventorySync
{
    /// <summary>
    /// Answers stock queries from a cache warmed during init. Every hook is registered during init, awaits its work,
    /// and what the before-snapshot hook drops the after-restore hook brings back.
    /// </summary>
    public class Function
    {
        private StockCache? _cache = new StockCache();
        private int _restores;
        private WarehouseLease _lease = new WarehouseLease("eu-central");

        public Function()
        {
            // SNAP042 fixed: the hook is async and awaits the warm-up, so the snapshot holds a fully loaded cache.
            SnapshotRestore.RegisterBeforeSnapshot(async () =>
            {
                await _cache!.LoadAsync();
            });

            SnapshotRestore.RegisterBeforeSnapshot(() =>
            {
                _cache = null;
                return ValueTask.CompletedTask;
            });

            // SNAP041 fixed: the cache dropped before the snapshot is re-created (and re-loaded) after each restore.
            SnapshotRestore.RegisterAfterRestore(async () =>
            {
                _cache = new StockCache();
                await _cache.LoadAsync();
            });

            // SNAP040 fixed: registered during init, where the runtime runs it after each restore.
            // SNAP043 fixed: the lease is renewed in the same hook.
            SnapshotRestore.RegisterAfterRestore(() =>
            {
                _restores++;
                _lease = new WarehouseLease("eu-central");
                return ValueTask.CompletedTask;
            });
        }

        public StockLevel FunctionHandler(StockQuery query, ILambdaContext context)
        {
            context.Logger.LogLine("restores so far: " + _restores + ", lease " + _lease.Warehouse);
            return new StockLevel(query.Sku, _cache!.Get(query.Sku));
        }
    }
}
