using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace InventorySync
{
    /// <summary>
    /// Answers stock queries from a cache warmed during init. The runtime hooks are meant to keep that cache honest
    /// across the snapshot, but each one is registered, written or awaited wrongly.
    /// </summary>
    public class Function
    {
        private StockCache? _cache = new StockCache();
        private int _restores;

        // SNAP043: the warehouse lease is taken during init and never renewed: every restored copy holds the same one.
        private readonly WarehouseLease _lease = new WarehouseLease("eu-central");

        public Function()
        {
            // SNAP042: the warm-up is started and not awaited: the snapshot may be taken with the cache half loaded.
            SnapshotRestore.RegisterBeforeSnapshot(() =>
            {
                _ = _cache!.LoadAsync();
                return ValueTask.CompletedTask;
            });

            // SNAP041: the cache is dropped before the snapshot and nothing re-creates it after a restore: the first
            // invocation of every restored copy fails.
            SnapshotRestore.RegisterBeforeSnapshot(() =>
            {
                _cache = null;
                return ValueTask.CompletedTask;
            });
        }

        public StockLevel FunctionHandler(StockQuery query, ILambdaContext context)
        {
            // SNAP040: registered during an invocation, after the runtime drained its hook queues: it never runs,
            // and every invocation adds another entry to a queue nobody reads.
            SnapshotRestore.RegisterAfterRestore(() =>
            {
                _restores++;
                return ValueTask.CompletedTask;
            });

            context.Logger.LogLine("restores so far: " + _restores + ", lease " + _lease.Warehouse);
            return new StockLevel(query.Sku, _cache!.Get(query.Sku));
        }
    }
}
