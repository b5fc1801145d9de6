using System.Collections.Concurrent;
using System.Threading.Tasks;

namespace InventorySync
{
    public sealed class StockQuery
    {
        public string Sku { get; set; } = "";
    }

    public sealed class StockLevel
    {
        public StockLevel(string sku, int onHand)
        {
            Sku = sku;
            OnHand = onHand;
        }

        public string Sku { get; }

        public int OnHand { get; }
    }

    /// <summary>Stock levels kept in memory between invocations.</summary>
    public sealed class StockCache
    {
        private readonly ConcurrentDictionary<string, int> _levels = new ConcurrentDictionary<string, int>();

        public int Get(string sku) => _levels.GetOrAdd(sku, _ => 0);

        public async Task LoadAsync()
        {
            await Task.Delay(10);
            _levels["sku-1"] = 42;
        }

        public void Clear() => _levels.Clear();
    }

    /// <summary>
    /// A lease on the warehouse API, valid for one execution environment. The team lists it in
    /// <c>snapsafe.sensitive_types</c> (samples/.editorconfig): an instance kept from init must be renewed after restore.
    /// </summary>
    public sealed class WarehouseLease
    {
        public WarehouseLease(string warehouse) => Warehouse = warehouse;

        public string Warehouse { get; }
    }
}
