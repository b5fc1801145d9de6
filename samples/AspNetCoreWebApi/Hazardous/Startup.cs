using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace OrdersApi;

/// <summary>
/// Built by the host during init (LambdaEntryPoint's base constructor): its constructor, ConfigureServices and
/// Configure run before the snapshot, and the host keeps the startup object for as long as it runs.
/// </summary>
public class Startup
{
    // SNAP001: decides which requests are traced; every restored copy traces the same sequence of requests.
    private readonly Random _traceSampler = new Random();

    private readonly DateTime _startedAt;

    public Startup(IConfiguration configuration)
    {
        Configuration = configuration;

        // SNAP003: reported as the start of the instance by /health; after a restore it is the time of init.
        _startedAt = DateTime.UtcNow;
    }

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
        services.AddSingleton<IExchangeRates, ExchangeRates>();

        // SNAP002: order numbers get a per-instance prefix so that two instances never hand out the same number;
        // generated during init, every restored copy has the same prefix.
        services.AddSingleton(new OrderNumbers(Guid.NewGuid().ToString("N").Substring(0, 8)));
    }

    // IExchangeRates is resolved here, when the host starts: the singleton is built during init.
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
