using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;
using StackExchange.Redis;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace InventoryService
{
    public class Function
    {
        private const string ConnectionString = "Host=inventory.cluster-abc.eu-west-1.rds.amazonaws.com;Database=inventory;Username=app";
        private const string RedisEndpoint = "inventory-cache.abc.cache.amazonaws.com:6379";

        // A data source holds no connection until one is asked for: connections are opened per invocation.
        private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(ConnectionString);

        // Redis connects on first use, after restore.
        private static Lazy<ConnectionMultiplexer> _redis = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(RedisEndpoint));

        public Function()
        {
            // The warm-up still runs at init (it also fills the type caches), and the pool is emptied before the snapshot.
            using (var warmUp = new NpgsqlConnection(ConnectionString))
            {
                warmUp.Open();
            }

            SnapshotRestore.RegisterBeforeSnapshot(() =>
            {
                NpgsqlConnection.ClearAllPools();
                return ValueTask.CompletedTask;
            });
        }

        public async Task<int> FunctionHandler(string sku, ILambdaContext context)
        {
            var redis = _redis.Value.GetDatabase();
            var cached = await redis.StringGetAsync("stock:" + sku);
            if (cached.HasValue && int.TryParse(cached.ToString(), out var stock))
            {
                return stock;
            }

            await using var connection = await DataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand("select quantity from stock where sku = @sku", connection);
            command.Parameters.AddWithValue("sku", sku);
            var quantity = Convert.ToInt32(await command.ExecuteScalarAsync());
            await redis.StringSetAsync("stock:" + sku, quantity, TimeSpan.FromMinutes(1));
            return quantity;
        }
    }
}
