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
    /// The same function, primed safely: a dry-run flag keeps priming from writing, the state priming fills is reset
    /// after each restore, and the cleanup is registered before the priming it must follow.
    /// </summary>
    public class Function
    {
        private static readonly AmazonDynamoDBClient Dynamo = new AmazonDynamoDBClient();
        private readonly System.IO.MemoryStream _auditBuffer = new System.IO.MemoryStream();
        private string? _orderPrefix;
        private DateTime? _pricesLoadedAt;
        private bool _priming;

        public Function()
        {
            // Registered first, so it runs last: after priming has written its audit lines.
            SnapshotRestore.RegisterBeforeSnapshot(async () => await _auditBuffer.FlushAsync());

            SnapshotRestore.RegisterBeforeSnapshot(async () =>
            {
                _priming = true;
                try
                {
                    for (var i = 0; i < 10; i++)
                    {
                        await FunctionHandler(new Order { Customer = "warm-up", Amount = 1 }, null!);
                    }
                }
                finally
                {
                    _priming = false;
                }
            });

            // What priming filled lazily is filled again, per copy, by the first real invocation.
            SnapshotRestore.RegisterAfterRestore(() =>
            {
                _orderPrefix = null;
                _pricesLoadedAt = null;
                return ValueTask.CompletedTask;
            });
        }

        public async Task<string> FunctionHandler(Order order, ILambdaContext context)
        {
            _orderPrefix ??= Guid.NewGuid().ToString("N").Substring(0, 6);
            _pricesLoadedAt ??= DateTime.UtcNow;

            var id = _orderPrefix + "-" + Guid.NewGuid().ToString("N");
            if (_priming)
            {
                // Priming compiles everything up to the write, and stops there.
                return id;
            }

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
