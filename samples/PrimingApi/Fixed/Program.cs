using System;
using System.Net.Http;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

// The same API, warmed up safely: relative URIs, GET requests to endpoints that only read, and state the warm-up
// fills reset after each restore.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, new Uri("/products", UriKind.Relative)));
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, "/products/featured"));

var app = builder.Build();

string[] products = { "kettle", "teapot", "mug" };
DateTime? featuredSince = null;
var baskets = 0;

// The warm-up fills featuredSince before the snapshot; each restored copy starts it again.
SnapshotRestore.RegisterAfterRestore(() =>
{
    featuredSince = null;
    return default;
});

app.MapGet("/products", () => string.Join(",", products));

app.MapGet("/products/featured", () =>
{
    featuredSince ??= DateTime.UtcNow;
    return products[0] + " since " + featuredSince;
});

app.MapPost("/baskets", () => "basket " + (++baskets));

app.Run();
