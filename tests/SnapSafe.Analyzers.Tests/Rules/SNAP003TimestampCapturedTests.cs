using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP003TimestampCapturedTests
    {
        [Fact]
        public Task ClassLibrary_EveryClockApi_IsFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Diagnostics;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly DateTime Loaded = {|SNAP003:DateTime.UtcNow|};
    private readonly DateTime _local = {|SNAP003:DateTime.Now|};
    private readonly DateTime _today = {|SNAP003:DateTime.Today|};
    private readonly DateTimeOffset _offset = {|SNAP003:DateTimeOffset.UtcNow|};
    private readonly DateTimeOffset _offsetLocal = {|SNAP003:DateTimeOffset.Now|};
    private readonly Stopwatch _uptime = {|SNAP003:Stopwatch.StartNew()|};
    private readonly long _timestamp = {|SNAP003:Stopwatch.GetTimestamp()|};
    private readonly int _tick = {|SNAP003:Environment.TickCount|};
    private readonly long _tick64 = {|SNAP003:Environment.TickCount64|};
    private readonly DateTimeOffset _provider = {|SNAP003:TimeProvider.System.GetUtcNow()|};
    private readonly long _providerTicks = {|SNAP003:TimeProvider.System.GetTimestamp()|};

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task ClassLibrary_DerivedValues_AreFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DateTime _expires = {|SNAP003:DateTime.UtcNow.AddMinutes(15)|};
    private readonly string _stamp = {|SNAP003:DateTime.UtcNow.ToString(""O"")|};
    private readonly string _build;
    private readonly bool _weekend;

    public Function()
    {
        _build = {|SNAP003:$""build-{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}""|};
        _weekend = {|SNAP003:DateTime.Today.DayOfWeek == DayOfWeek.Saturday|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task ClassLibrary_NearestCleanShapes_AreNotFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly DateTime Epoch = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly TimeSpan _ttl = TimeSpan.FromMinutes(5);
    private readonly Stopwatch _notStarted = new Stopwatch();
    private readonly TimeProvider _clock = TimeProvider.System;
    private readonly Func<DateTime> _now = () => DateTime.UtcNow;
    private DateTime _refreshed = DateTime.UtcNow;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _refreshed = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context)
    {
        var started = DateTime.UtcNow;
        return $""{Epoch} {_ttl} {_notStarted.Elapsed} {_clock.GetUtcNow()} {_now()} {_refreshed} {started}"";
    }
}");

        [Fact]
        public Task Executable_CapturedStopwatch_IsFlagged() => VerifyCS.VerifyExecutableAsync(@"
using System;
using System.Diagnostics;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var uptime = {|SNAP003:Stopwatch.StartNew()|};
var bootLog = $""booted at {DateTime.UtcNow}"";
Console.WriteLine(bootLog);
Func<string, ILambdaContext, string> handler = (input, context) => $""{input} after {uptime.ElapsedMilliseconds} ms"";
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_CapturedTimestamp_IsFlagged() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Amazon.Lambda.AspNetCoreServer.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var startedAt = {|SNAP003:DateTimeOffset.UtcNow|};
app.MapGet(""/health"", () => new { startedAt, now = DateTimeOffset.UtcNow });
app.Run();
");

        [Fact]
        public Task Annotations_InjectedServiceConstructor_IsFlagged() => VerifyCS.VerifyAnnotationsAsync(@"
using System;
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;

public sealed class BuildInfo
{
    public DateTime LoadedAt { get; } = {|SNAP003:DateTime.UtcNow|};
}

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services) => services.AddSingleton<BuildInfo>();
}

public class Functions
{
    private readonly BuildInfo _info;

    public Functions(BuildInfo info) => _info = info;

    [LambdaFunction]
    public string Info() => _info.LoadedAt.ToString(""O"");
}");
    }
}
