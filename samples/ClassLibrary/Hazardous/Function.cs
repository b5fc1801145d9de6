using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace OrderService
{
    /// <summary>
    /// Creates an order and sometimes hands out a discount code. Everything below is built while the function
    /// initializes, which under SnapStart happens once, before the snapshot: every execution environment restored
    /// from that snapshot starts with these exact values.
    /// </summary>
    public class Function
    {
        // SNAP001: the generator's internal state is part of the snapshot, so every restored copy draws the same
        // "random" discount codes in the same order.
        private static readonly Random DiscountDice = new Random();

        // SNAP002: meant to tell execution environments apart in the logs, but computed once before the snapshot:
        // every restored copy reports the same id.
        private readonly string _instanceId = Guid.NewGuid().ToString("N");

        // SNAP003: the time init ran, not the time this copy started: after a restore the reported uptime includes
        // however long the snapshot sat on disk.
        private readonly DateTime _startedAt = DateTime.UtcNow;

        // SNAP004: the flush timer is started during init; its due time was computed before the snapshot, so in a
        // restored copy it fires at once or late, not 30 seconds after the copy started.
        private readonly Timer _flushTimer;

        private readonly OrderTable _orders = new OrderTable();

        public Function()
        {
            _flushTimer = new Timer(_ => _orders.Flush(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
        }

        public async Task<OrderResponse> FunctionHandler(CreateOrderRequest request, ILambdaContext context)
        {
            var orderId = Guid.NewGuid().ToString("N");
            var total = request.Lines.Sum(line => line.Quantity * line.UnitPrice);
            await _orders.PutAsync(orderId, request.CustomerId, total);

            string? discountCode = null;
            if (DiscountDice.Next(100) < 5)
            {
                discountCode = "SAVE-" + DiscountDice.Next(100_000, 999_999);
            }

            context.Logger.LogInformation($"Order {orderId} for {request.CustomerId} served by {_instanceId}");
            return new OrderResponse(orderId, total, discountCode, _instanceId, DateTime.UtcNow - _startedAt);
        }
    }
}
