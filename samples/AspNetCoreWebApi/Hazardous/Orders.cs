using System;
using System.Threading;

namespace OrdersApi;

public record OrderRequest(decimal AmountUsd);

public record Order(string Number, decimal AmountUsd, decimal AmountEur, DateTime CreatedAt);

public interface IExchangeRates
{
    DateTime LoadedAt { get; }

    decimal ToEuro(decimal usd);

    void Reload();
}

/// <summary>The exchange rate the API quotes; the real service would load it from a rates provider.</summary>
public sealed class ExchangeRates : IExchangeRates
{
    private decimal _usdToEur;

    public ExchangeRates()
    {
        Reload();
    }

    public DateTime LoadedAt { get; private set; }

    public decimal ToEuro(decimal usd) => Math.Round(usd * _usdToEur, 2);

    public void Reload()
    {
        _usdToEur = 0.92m;

        // SNAP003: Startup.Configure resolves this singleton when the host starts, during init: every restored copy
        // reports rates loaded at the time of init.
        LoadedAt = DateTime.UtcNow;
    }
}

/// <summary>Hands out order numbers: a per-instance prefix and a counter.</summary>
public sealed class OrderNumbers
{
    private readonly string _prefix;
    private long _next;

    public OrderNumbers(string prefix) => _prefix = prefix;

    public string Next() => _prefix + "-" + Interlocked.Increment(ref _next);
}
