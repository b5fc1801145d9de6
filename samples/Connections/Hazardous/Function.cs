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

        // SNAP010: the Redis connection is opened once, during init, and every restored copy inherits its sockets.
        private static readonly ConnectionMultiplexer Redis = ConnectionMultiplexer.Connect("inventory-cache.abc.cache.amazonaws.com:6379");

        private readonly NpgsqlConnection _connection;

        public Function()
        {
            // SNAP011: "warming" the pool parks an open physical connection in the snapshot.
            using (var warmUp = new NpgsqlConnection(ConnectionString))
            {
                warmUp.Open();
            }

            // SNAP010: a kept connection opened during init.
            _connection = new NpgsqlConnection(ConnectionString);
            _connection.Open();
        }

        public async Task<int> FunctionHandler(string sku, ILambdaContext context)
        {
            var cached = await Redis.GetDatabase().StringGetAsync("stock:" + sku);
            if (cached.HasValue && int.TryParse(cached.ToString(), out var stock))
            {
                return stock;
            }

            await using var command = new NpgsqlCommand("select quantity from stock where sku = @sku", _connection);
            command.Parameters.AddWithValue("sku", sku);
            var quantity = Convert.ToInt32(await command.ExecuteScalarAsync());
            await Redis.GetDatabase().StringSetAsync("stock:" + sku, quantity, TimeSpan.FromMinutes(1));
            return quantity;
        }
    }
}
