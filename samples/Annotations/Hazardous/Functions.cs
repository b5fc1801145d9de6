using System;
using System.Diagnostics;
using System.Threading;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace ShippingApi
{
    /// <summary>
    /// Shipping quotes. Since Amazon.Lambda.Annotations 1.6.0 the generated handler builds this class during init,
    /// so under SnapStart its constructor runs once, before the snapshot, and every restored copy shares its fields.
    /// </summary>
    public class Functions
    {
        private static readonly string[] Carriers = { "DHL", "UPS", "GLS" };

        private readonly IRateTable _rates;
        private readonly Random _carrierPicker;
        private readonly string _quoterId;
        private readonly Stopwatch _warmFor;
        private readonly Timer _rateRefresh;

        public Functions(IRateTable rates)
        {
            _rates = rates;

            // SNAP001: spreads quotes over carriers; restored copies share the generator's state and all pick the
            // same carriers in the same order.
            _carrierPicker = new Random();

            // SNAP002: signs every quote with the id of the environment that made it; computed once before the
            // snapshot, every restored copy signs with the same id.
            _quoterId = Guid.NewGuid().ToString("N")[..12];

            // SNAP003: measures how long this environment has been warm; after a restore it also counts the time
            // the snapshot was stored.
            _warmFor = Stopwatch.StartNew();

            // SNAP004: re-reads the rate table every ten minutes; the schedule was set before the snapshot, so in a
            // restored copy the first refresh comes at the wrong time.
            _rateRefresh = new Timer(_ => RefreshRates(), null, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10));
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

        private void RefreshRates()
        {
        }
    }
}
