using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP004TimerStartedDuringInitTests
    {
        [Fact]
        public Task ClassLibrary_StartedTimers_AreFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Timer _flush = {|SNAP004:new Timer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMinutes(1))|};
    private readonly PeriodicTimer _heartbeat = {|SNAP004:new PeriodicTimer(TimeSpan.FromSeconds(30))|};
    private readonly CancellationTokenSource _deadline = {|SNAP004:new CancellationTokenSource(TimeSpan.FromMinutes(10))|};
    private readonly CancellationTokenSource _later = new CancellationTokenSource();
    private readonly System.Timers.Timer _poll = new System.Timers.Timer(1000);
    private readonly System.Timers.Timer _enabled = {|SNAP004:new System.Timers.Timer(500) { Enabled = true }|};

    public Function()
    {
        {|SNAP004:_later.CancelAfter(TimeSpan.FromSeconds(5))|};
        {|SNAP004:_poll.Start()|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task ClassLibrary_NearestCleanShapes_AreNotFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Timer _idle = new Timer(_ => { }, null, Timeout.Infinite, Timeout.Infinite);
    private readonly Timer _idleSpan = new Timer(_ => { }, null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    private readonly CancellationTokenSource _manual = new CancellationTokenSource();
    private Timer _restarted = new Timer(_ => { }, null, 0, 1000);

    public Function()
    {
        using var initTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        Warm(initTimeout.Token);
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _restarted.Change(0, 1000);
            return ValueTask.CompletedTask;
        });
    }

    private static void Warm(CancellationToken token) { }

    public string Handler(string input, ILambdaContext context)
    {
        using var perCall = new CancellationTokenSource(context.RemainingTime);
        return input;
    }
}");

        [Fact]
        public Task Executable_CapturedTimeout_IsFlagged() => VerifyCS.VerifyExecutableAsync(@"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var shutdown = {|SNAP004:new CancellationTokenSource(TimeSpan.FromHours(1))|};
Func<string, ILambdaContext, string> handler = (input, context) => shutdown.IsCancellationRequested ? ""stopping"" : input;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_SingletonTimer_IsFlagged() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Amazon.Lambda.AspNetCoreServer.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton({|SNAP004:new Timer(_ => { }, null, 1000, 1000)|});
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
app.Run();
");
    }
}
