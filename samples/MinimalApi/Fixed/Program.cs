using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using CatalogApi;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

// The same API made safe for SnapStart: state that must differ between execution environments is still set
// during init and is re-set by after-restore hooks registered before app.Run(), so they run in every restored copy.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);

// Warm the ASP.NET Core and Lambda pipelines before the snapshot (the request is replayed during init).
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, "/products"));
builder.Services.AddSingleton<ProductCatalog>();

// The identity refreshes itself after every restore (see InstanceIdentity).
builder.Services.AddSingleton(new InstanceIdentity());

var app = builder.Build();

// Featured products rotate in a fixed, reproducible order: the seed makes the sequence deterministic by intent, so
// sharing it between restored copies is exactly what is wanted.
var featurePicker = new Random(42);

var catalogLoadedAt = DateTimeOffset.UtcNow;
var cacheLifetime = new CancellationTokenSource(TimeSpan.FromMinutes(5));

SnapshotRestore.RegisterAfterRestore(() =>
{
    catalogLoadedAt = DateTimeOffset.UtcNow;

    // Restart the cache lifetime so it counts from this copy's start.
    cacheLifetime.Dispose();
    cacheLifetime = new CancellationTokenSource(TimeSpan.FromMinutes(5));
    return ValueTask.CompletedTask;
});

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
