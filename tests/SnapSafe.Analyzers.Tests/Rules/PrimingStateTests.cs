using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>
    /// State that priming leaves in the snapshot, reported by the state rules: code a before-snapshot hook runs (the hook
    /// itself, a handler it invokes, a helper, the handler delegate of an executable, an Annotations function) and
    /// endpoints warm-up requests reach. Each flagged shape has its nearest clean neighbour.
    /// </summary>
    public class PrimingStateTests
    {
        [Fact]
        public Task ClassLibrary_LambdaHookInvokingTheHandler_LazyCacheAndSecret_AreKept() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private string? _config;
    private DateTime? _firstCall;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await FunctionHandler(""warm"", null!);
            }
        });
    }

    public async Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        _config ??= {|SNAP002:await LoadAsync()|};
        _firstCall ??= {|SNAP003:DateTime.UtcNow|};
        return input + _config + _firstCall;
    }

    private static Task<string> LoadAsync() => Task.FromResult(Guid.NewGuid().ToString());
}");

        [Fact]
        public Task PrimedState_MessageNamesThePrimingCall_AndPointsAtIt() => VerifyCS.VerifyClassLibraryAsync(
            @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private string? _session;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await {|#1:FunctionHandler(""warm"", null!)|});
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        _session ??= {|#0:Guid.NewGuid().ToString()|};
        return Task.FromResult(input + _session);
    }
}",
            VerifyCS.Diagnostic(DiagnosticIds.UniqueValueCaptured)
                .WithLocation(0)
                .WithLocation(1)
                .WithMessage("'_session' keeps a value from Guid.NewGuid() computed before the snapshot by priming (FunctionHandler called by a before-snapshot hook): every restored copy shares it"));

        [Fact]
        public Task ClassLibrary_ValuesEveryInvocationReplaces_AndValuesWithoutPriming_AreClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Guid _lastRequest;
    private string? _config;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => { Warm(); FunctionHandler(""warm"", null!); return ValueTask.CompletedTask; });
    }

    public string FunctionHandler(string input, ILambdaContext context)
    {
        _lastRequest = Guid.NewGuid();
        var scratch = Guid.NewGuid();
        return input + _lastRequest + scratch;
    }

    public string Other(string input, ILambdaContext context)
    {
        _config ??= Guid.NewGuid().ToString();
        return _config;
    }

    private static void Warm() { }
}");

        [Fact]
        public Task ClassLibrary_MethodGroupHook_AndAHelperItCalls_PrimeTheHandler() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random? _jitter;
    private Guid? _session;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(PrimeAsync);
    }

    private async ValueTask PrimeAsync()
    {
        await WarmUpAsync();
    }

    private async Task WarmUpAsync()
    {
        await FunctionHandler(""warm"", null!);
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        _jitter ??= {|SNAP001:new Random()|};
        _session ??= {|SNAP002:Guid.NewGuid()|};
        return Task.FromResult(input + _jitter.Next() + _session);
    }
}
");

        [Fact]
        public Task ClassLibrary_StateAnAfterRestoreHookRefreshes_IsNotAFinding() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Guid? _session;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
        SnapshotRestore.RegisterAfterRestore(() => { _session = null; return ValueTask.CompletedTask; });
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        _session ??= Guid.NewGuid();
        return Task.FromResult(input + _session);
    }
}");

        [Fact]
        public Task ClassLibrary_RandomSharedUsedByPrimedCode_IsReportedOnce() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        var delay = {|SNAP001:Random.Shared.Next(100)|};
        var other = Random.Shared.Next(5);
        return Task.FromResult(input + delay + other);
    }
}");

        [Fact]
        public Task ClassLibrary_PooledConnectionOpenedByPriming_IsReportedAtThePrimingCall() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Data.Common;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DbProviderFactory _factory;

    public Function(DbProviderFactory factory)
    {
        _factory = factory;
        SnapshotRestore.RegisterBeforeSnapshot(async () => await {|SNAP011:FunctionHandler(""warm"", null!)|});
    }

    public async Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        await using var connection = _factory.CreateConnection()!;
        await connection.OpenAsync();
        return input;
    }
}");

        [Fact]
        public Task Executable_HookInvokingTheHandlerDelegate_PrimesItsCapturedState() => VerifyCS.VerifyExecutableAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

DateTime? warmedAt = null;
Func<string, ILambdaContext, Task<string>> handler = async (input, context) =>
{
    warmedAt ??= {|SNAP003:DateTime.UtcNow|};
    await Task.Yield();
    return input + warmedAt;
};

SnapshotRestore.RegisterBeforeSnapshot(async () =>
{
    await handler(""warm"", null!);
});

await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();");

        [Fact]
        public Task Annotations_HookInvokingTheFunctionMethod_PrimesItsState() => VerifyCS.VerifyAnnotationsAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;

public class Functions
{
    private string? _tenant;

    public Functions()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => { Greet(""warm""); return ValueTask.CompletedTask; });
    }

    [LambdaFunction]
    public string Greet(string name)
    {
        _tenant ??= {|SNAP031:Environment.MachineName|};
        return name + _tenant;
    }
}");

        [Fact]
        public Task MinimalApi_WarmUpRequest_PrimesTheMatchingEndpointOnly() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/orders/42""));
var app = builder.Build();

string? catalog = null;
string? other = null;
var orders = app.MapGroup(""/orders"");
orders.MapGet(""/{id:int}"", (int id) =>
{
    catalog ??= {|SNAP002:Guid.NewGuid().ToString()|};
    return catalog + id;
});
app.MapGet(""/reports/{id}"", (string id) =>
{
    other ??= Guid.NewGuid().ToString();
    return other + id;
});

app.Run();");
    }
}
