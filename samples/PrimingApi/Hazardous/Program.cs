using System;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

// A storefront API warmed up before the snapshot: the host replays each warm-up request 5 times through the pipeline,
// so that the JIT has compiled the endpoints before restored copies serve real traffic.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);

// SNAP046: with one argument, new Uri("/products") is the absolute URI file:///products on Linux: the host throws
// "RequestUri must be relative" in its before-snapshot hook, and publishing the version fails.
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, new Uri("/products")));

// SNAP044: a POST warm-up creates a real basket, five times, on every version publish.
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Post, "/baskets"));

builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, "/products/featured"));

var app = builder.Build();

string[] products = { "kettle", "teapot", "mug" };
DateTime? featuredSince = null;
var baskets = 0;

app.MapGet("/products", () => string.Join(",", products));

app.MapGet("/products/featured", () =>
{
    // SNAP003: the warm-up request sets it before the snapshot: every restored copy reports the publish time.
    featuredSince ??= DateTime.UtcNow;
    return products[0] + " since " + featuredSince;
});

app.MapPost("/baskets", () => "basket " + (++baskets));

app.Run();
