using System;
using System.Collections.Generic;

namespace ShippingApi
{
    public sealed record QuoteRequest(string FromPostcode, string ToPostcode, decimal WeightKg);

    public sealed record Quote(string QuoteId, decimal Price, string Carrier, DateTimeOffset ValidUntil, string QuotedBy);

    public interface IRateTable
    {
        decimal PricePerKg(string carrier);
    }

    /// <summary>Carrier rates (loaded from DynamoDB in the deployed function).</summary>
    public sealed class RateTable : IRateTable
    {
        private readonly Dictionary<string, decimal> _rates = new() { ["DHL"] = 4.20m, ["UPS"] = 3.95m, ["GLS"] = 3.10m };

        public decimal PricePerKg(string carrier) => _rates[carrier];
    }
}
