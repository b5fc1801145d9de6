using System;
using System.Linq;
using System.Threading;
using CatalogApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

// Everything before app.Run() is init: under SnapStart it runs once, before the snapshot. Endpoint lambdas run per
// request, but the locals they capture and the singleton instances registered here were built during init and are
// shared by every restored copy.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton<ProductCatalog>();

// SNAP002: the id in the x-served-by header is meant to tell execution environments apart; generated once during
// init, it is the same in every restored copy.
builder.Services.AddSingleton(new InstanceIdentity(Guid.NewGuid().ToString("N")));

var app = builder.Build();

// SNAP001: picks the "featured" product; restored copies share the generator's state and all feature the same
// products in the same order.
var featurePicker = new Random();

// SNAP003: reported as the time the catalog was loaded; after a restore it is the time of init, possibly days ago.
var catalogLoadedAt = DateTimeOffset.UtcNow;

// SNAP004: the catalog cache is considered stale after five minutes; the timeout started before the snapshot, so
// every restored copy starts with a cache it believes is already stale (or not, depending on the restore time).
var cacheLifetime = new CancellationTokenSource(TimeSpan.FromMinutes(5));

app.Use(async (context, next) =>
{
    context.Response.Headers["x-served-by"] = context.RequestServices.GetRequiredService<InstanceIdentity>().Id;
    await next(context);
});

app.MapGet("/products", (ProductCatalog catalog) => Results.Ok(new
{
    products = catalog.All(),
    loadedAt = catalogLoadedAt,
    stale = cacheLifetime.IsCancellationRequested,
}));

app.MapGet("/products/featured", (ProductCatalog catalog) =>
{
    var products = catalog.All();
    return Results.Ok(products[featurePicker.Next(products.Count)]);
});

app.MapGet("/products/{sku}", (string sku, ProductCatalog catalog) =>
    catalog.Find(sku) is { } product ? Results.Ok(product) : Results.NotFound());

app.Run();
