using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace OrderIntake
{
    public class Order
    {
        public string Customer { get; set; } = "";

        public decimal Amount { get; set; }
    }

    /// <summary>
    /// Stores an order. To make restored copies fast, the constructor primes the function: a before-snapshot hook calls
    /// the handler ten times so the JIT compiles its paths before the snapshot. But priming runs the real handler.
    /// </summary>
    public class Function
    {
        private static readonly AmazonDynamoDBClient Dynamo = new AmazonDynamoDBClient();
        private readonly System.IO.MemoryStream _auditBuffer = new System.IO.MemoryStream();
        private string? _orderPrefix;
        private DateTime? _pricesLoadedAt;

        public Function()
        {
            SnapshotRestore.RegisterBeforeSnapshot(async () =>
            {
                for (var i = 0; i < 10; i++)
                {
                    // SNAP044: each priming call stores a real order item: 10 fake orders on every version publish.
                    await FunctionHandler(new Order { Customer = "warm-up", Amount = 1 }, null!);
                }
            });

            // SNAP045: registered after the priming hook, this flush runs first (before-snapshot hooks run in reverse
            // order) and the audit lines priming writes stay in the buffer.
            SnapshotRestore.RegisterBeforeSnapshot(async () => await _auditBuffer.FlushAsync());
        }

        public async Task<string> FunctionHandler(Order order, ILambdaContext context)
        {
            // SNAP002: filled by the first call, which is priming: every restored copy numbers its orders with the same prefix.
            _orderPrefix ??= Guid.NewGuid().ToString("N").Substring(0, 6);

            // SNAP003: the time priming loaded the prices, not this copy: the cache never looks stale after a restore.
            _pricesLoadedAt ??= DateTime.UtcNow;

            var id = _orderPrefix + "-" + Guid.NewGuid().ToString("N");
            await Dynamo.PutItemAsync(new PutItemRequest
            {
                TableName = "orders",
                Item = new Dictionary<string, AttributeValue>
                {
                    ["id"] = new AttributeValue(id),
                    ["customer"] = new AttributeValue(order.Customer),
                },
            });

            _auditBuffer.WriteByte(1);
            return id + " " + _pricesLoadedAt;
        }
    }
}
