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
    /// The same function made safe for SnapStart: everything that must differ between execution environments is
    /// still initialized normally (so the function works with SnapStart off), and re-initialized by after-restore
    /// hooks registered during init, which run in every copy restored from the snapshot before its first request.
    /// </summary>
    public class Function
    {
        private static Random DiscountDice = new Random();

        private readonly OrderTable _orders = new OrderTable();
        private string _instanceId = NewInstanceId();
        private DateTime _startedAt = DateTime.UtcNow;
        private Timer _flushTimer;

        static Function()
        {
            // Static state gets its hook from the static constructor: it runs once per process, during init.
            SnapshotRestore.RegisterAfterRestore(() =>
            {
                DiscountDice = new Random();
                return ValueTask.CompletedTask;
            });
        }

        public Function()
        {
            _flushTimer = StartFlushTimer();

            SnapshotRestore.RegisterAfterRestore(() =>
            {
                _instanceId = NewInstanceId();
                _startedAt = DateTime.UtcNow;

                // Restart the timer so its schedule counts from this copy's start.
                _flushTimer.Dispose();
                _flushTimer = StartFlushTimer();
                return ValueTask.CompletedTask;
            });
        }

        public async Task<OrderResponse> FunctionHandler(CreateOrderRequest request, ILambdaContext context)
        {
            // Per-invocation values are always fresh: Guid.NewGuid() draws new entropy on every call.
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

        private static string NewInstanceId() => Guid.NewGuid().ToString("N");

        private Timer StartFlushTimer() => new Timer(_ => _orders.Flush(), null, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30));
    }
}
