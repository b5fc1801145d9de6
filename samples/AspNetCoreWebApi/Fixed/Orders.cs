using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

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

        // Built during init (Startup.Configure takes it): the reload after restore is registered here, during init.
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            Reload();
            return ValueTask.CompletedTask;
        });
    }

    public DateTime LoadedAt { get; private set; }

    public decimal ToEuro(decimal usd) => Math.Round(usd * _usdToEur, 2);

    public void Reload()
    {
        _usdToEur = 0.92m;
        LoadedAt = DateTime.UtcNow;
    }
}

/// <summary>Hands out order numbers: a per-instance prefix and a counter.</summary>
public sealed class OrderNumbers
{
    private readonly string _prefix = Guid.NewGuid().ToString("N").Substring(0, 8);
    private long _next;

    public string Next() => _prefix + "-" + Interlocked.Increment(ref _next);
}
