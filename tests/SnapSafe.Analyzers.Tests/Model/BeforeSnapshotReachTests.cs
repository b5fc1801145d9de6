using System.Linq;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Lambda.Models;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>What runs before the snapshot, and through which priming: hooks, the handler they call, delegates, warm-up requests.</summary>
    public class BeforeSnapshotReachTests
    {
        [Fact]
        public async Task HookBodies_AndTheHandlerTheyCall_RunBeforeTheSnapshot_ThroughThePrimingCall()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
        SnapshotRestore.RegisterAfterRestore(() => { Refresh(); return ValueTask.CompletedTask; });
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(Format(input));
    private static string Format(string input) => input;
    private static void Refresh() { }
    public string Unused(string input, ILambdaContext context) => input;
}");

            var phase = Build(compilation);
            var reach = phase.BeforeSnapshot;

            Assert.True(reach.RunsBeforeSnapshot(Method(compilation, "Function", "FunctionHandler"), phase.Bodies, out var source));
            Assert.Equal("FunctionHandler called by a before-snapshot hook", source!.Description);
            Assert.True(reach.RunsBeforeSnapshot(Method(compilation, "Function", "Format"), phase.Bodies, out _));
            Assert.False(reach.RunsBeforeSnapshot(Method(compilation, "Function", "Refresh"), phase.Bodies, out _));
            Assert.False(reach.RunsBeforeSnapshot(Method(compilation, "Function", "Unused"), phase.Bodies, out _));
            Assert.True(reach.PrimesFunction(phase.Hooks.All.Single(h => !h.AfterRestore)));
        }

        [Fact]
        public async Task MinimalApiWarmUps_ReachTheEndpointsTheirRouteMatches()
        {
            var compilation = await CompileAsync(LambdaModel.MinimalApi, @"
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/api/orders/7?expand=true""));
var app = builder.Build();
var api = app.MapGroup(""/api"");
api.MapGet(""/orders/{id:int}"", Handlers.Order);
api.MapPost(""/orders/{id:int}"", Handlers.Update);
app.MapGet(""/health"", Handlers.Health);
app.Run();

static class Handlers
{
    public static string Order(int id) => ""order"" + id;
    public static string Update(int id) => ""updated"" + id;
    public static string Health() => ""ok"";
}");

            var phase = Build(compilation);
            var warmUp = Assert.Single(phase.Hooks.WarmUps).Request;
            var endpoints = phase.Models.Get<MinimalApiModel>().Endpoints;

            Assert.Equal("GET /api/orders/7", warmUp.Describe());
            Assert.Equal(new[] { "/api/orders/{id:int}", "/api/orders/{id:int}", "/health" }, endpoints.Select(e => e.Pattern));
            Assert.True(phase.BeforeSnapshot.RunsBeforeSnapshot(Method(compilation, "Handlers", "Order"), phase.Bodies, out var source));
            Assert.Equal("the warm-up request GET /api/orders/7", source!.Description);
            Assert.False(phase.BeforeSnapshot.RunsBeforeSnapshot(Method(compilation, "Handlers", "Update"), phase.Bodies, out _));
            Assert.False(phase.BeforeSnapshot.RunsBeforeSnapshot(Method(compilation, "Handlers", "Health"), phase.Bodies, out _));
        }

        [Fact]
        public async Task WarmUpWithAPathThatIsNotAConstant_ReachesNothing()
        {
            var compilation = await CompileAsync(LambdaModel.MinimalApi, @"
using System;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, Environment.GetCommandLineArgs()[0]));
var app = builder.Build();
app.MapGet(""/{*path}"", Handlers.All);
app.Run();

static class Handlers
{
    public static string All(string path) => path;
}");

            var phase = Build(compilation);

            Assert.Null(Assert.Single(phase.Hooks.WarmUps).Request.Path);
            Assert.False(phase.BeforeSnapshot.RunsBeforeSnapshot(Method(compilation, "Handlers", "All"), phase.Bodies, out _));
        }
    }
}
