using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrdersApi;

/// <summary>
/// Built by the host during init: its constructor registers the after-restore hook that gives every restored copy
/// its own trace sampler and start time.
/// </summary>
public class Startup
{
    private Random _traceSampler = new Random();

    private DateTime _startedAt;

    public Startup(IConfiguration configuration)
    {
        Configuration = configuration;
        _startedAt = DateTime.UtcNow;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _traceSampler = new Random();
            _startedAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
        services.AddSingleton<IExchangeRates, ExchangeRates>();

        // Registered by type: the container builds it when a controller first needs it, on a request after restore,
        // so every copy draws its own prefix.
        services.AddSingleton<OrderNumbers>();
    }

    // IExchangeRates is resolved here, when the host starts: the singleton is built during init and reloads itself
    // after every restore.
    public void Configure(IApplicationBuilder app, IWebHostEnvironment env, IExchangeRates rates)
    {
        if (env.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseRouting();
        app.Use(async (context, next) =>
        {
            context.Response.Headers["x-instance"] = LambdaEntryPoint.InstanceId;
            context.Response.Headers["x-traced"] = _traceSampler.Next(100) == 0 ? "true" : "false";
            await next(context);
        });

        app.UseEndpoints(endpoints =>
        {
            endpoints.MapControllers();
            endpoints.MapGet("/health", () => new { Uptime = DateTime.UtcNow - _startedAt, RatesLoadedAt = rates.LoadedAt });
        });
    }
}
