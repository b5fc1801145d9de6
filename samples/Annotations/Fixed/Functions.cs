using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace ShippingApi
{
    /// <summary>
    /// The same functions made safe for SnapStart: the constructor still initializes every field (the functions
    /// also run with SnapStart off) and registers one after-restore hook that re-initializes what must differ
    /// between execution environments. The constructor runs during init, so the hook is registered in time.
    /// </summary>
    public class Functions
    {
        private static readonly string[] Carriers = { "DHL", "UPS", "GLS" };

        private readonly IRateTable _rates;
        private Random _carrierPicker;
        private string _quoterId;
        private Stopwatch _warmFor;
        private Timer _rateRefresh;

        public Functions(IRateTable rates)
        {
            _rates = rates;
            _carrierPicker = new Random();
            _quoterId = NewQuoterId();
            _warmFor = Stopwatch.StartNew();
            _rateRefresh = StartRateRefresh();

            SnapshotRestore.RegisterAfterRestore(() =>
            {
                _carrierPicker = new Random();
                _quoterId = NewQuoterId();
                _warmFor = Stopwatch.StartNew();

                // Restart the refresh schedule so it counts from this copy's start.
                _rateRefresh.Dispose();
                _rateRefresh = StartRateRefresh();
                return ValueTask.CompletedTask;
            });
        }

        [LambdaFunction(MemorySize = 512, Timeout = 30)]
        [HttpApi(LambdaHttpMethod.Post, "/quotes")]
        public IHttpResult Quote([FromBody] QuoteRequest request, ILambdaContext context)
        {
            var carrier = Carriers[_carrierPicker.Next(Carriers.Length)];
            var price = Math.Round(request.WeightKg * _rates.PricePerKg(carrier), 2);
            var quote = new Quote(Guid.NewGuid().ToString("N"), price, carrier, DateTimeOffset.UtcNow.AddMinutes(30), _quoterId);
            context.Logger.LogInformation($"Quote {quote.QuoteId} by {_quoterId}, warm for {_warmFor.Elapsed}");
            return HttpResults.Ok(quote);
        }

        [LambdaFunction(MemorySize = 512, Timeout = 30)]
        [HttpApi(LambdaHttpMethod.Get, "/shipments/{trackingNumber}")]
        public IHttpResult Track(string trackingNumber, ILambdaContext context)
            => HttpResults.Ok(new { trackingNumber, status = "in transit" }).AddHeader("x-quoted-by", _quoterId);

        private static string NewQuoterId() => Guid.NewGuid().ToString("N")[..12];

        private Timer StartRateRefresh() => new Timer(_ => RefreshRates(), null, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));

        private void RefreshRates()
        {
        }
    }
}
