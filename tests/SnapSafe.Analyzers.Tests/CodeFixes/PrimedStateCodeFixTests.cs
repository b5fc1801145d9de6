using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// The after-restore fix on state left by priming: handler code a before-snapshot hook or a warm-up request ran
    /// stored a value; the store is repeated in an after-restore hook registered where init registers the priming. An
    /// ASP.NET Core entry point class has no statement that starts the runtime: state its warm-up requests leave gets
    /// no hook (a controller is built per request, so none can go there).
    /// </summary>
    public class PrimedStateCodeFixTests
    {
        [Fact]
        public Task LazyValuesTheHandlerFillsWhenPrimed_AreRecomputedInTheConstructorsHook() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
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
}",
            FixedCode = @"
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
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            _config = await LoadAsync();
            _firstCall = DateTime.UtcNow;
        });
    }

    public async Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        _config ??= await LoadAsync();
        _firstCall ??= DateTime.UtcNow;
        return input + _config + _firstCall;
    }

    private static Task<string> LoadAsync() => Task.FromResult(Guid.NewGuid().ToString());
}",
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task MinimalApi_LocalAnEndpointFillsForAWarmUpRequest_IsRecomputedBeforeTheRuntimeStarts() => VerifyCS.VerifyCodeFixAsync(LambdaModel.MinimalApi, @"
using System;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/orders/42""));
var app = builder.Build();

string? catalog = null;
app.MapGet(""/orders/{id:int}"", (int id) =>
{
    catalog ??= {|SNAP002:Guid.NewGuid().ToString()|};
    return catalog + id;
});

app.Run();", @"
using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/orders/42""));
var app = builder.Build();

string? catalog = null;
app.MapGet(""/orders/{id:int}"", (int id) =>
{
    catalog ??= Guid.NewGuid().ToString();
    return catalog + id;
});
SnapshotRestore.RegisterAfterRestore(() =>
{
    catalog = Guid.NewGuid().ToString();
    return ValueTask.CompletedTask;
});

app.Run();");

        [Fact]
        public Task AspNetCoreWarmUpRequest_StateOfAControllerItReaches_HasNoFix() => VerifyCS.VerifyCodeFixAsync(LambdaModel.AspNetCoreFunction, @"
using System;
using System.Collections.Generic;
using System.Net.Http;
using Amazon.Lambda.AspNetCoreServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests() =>
    [
        new HttpRequestMessage(HttpMethod.Get, ""/api/values/5""),
    ];
}

[ApiController]
[Route(""api/[controller]"")]
public class ValuesController : ControllerBase
{
    private static string? _region;

    [HttpGet(""{id:int}"")]
    public string Get(int id)
    {
        _region ??= {|SNAP031:Environment.MachineName|};
        return _region + id;
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) => services.AddControllers();

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}", @"
using System;
using System.Collections.Generic;
using System.Net.Http;
using Amazon.Lambda.AspNetCoreServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests() =>
    [
        new HttpRequestMessage(HttpMethod.Get, ""/api/values/5""),
    ];
}

[ApiController]
[Route(""api/[controller]"")]
public class ValuesController : ControllerBase
{
    private static string? _region;

    [HttpGet(""{id:int}"")]
    public string Get(int id)
    {
        _region ??= {|SNAP031:Environment.MachineName|};
        return _region + id;
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) => services.AddControllers();

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}");

        [Fact]
        public Task ValueThatReadsTheInvocationsInput_AndRandomShared_HaveNoFix() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private string? _firstInput;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        _firstInput ??= {|SNAP003:input + DateTime.UtcNow|};
        var roll = {|SNAP001:Random.Shared.Next(100)|};
        return Task.FromResult(_firstInput + roll);
    }
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private string? _firstInput;

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () => await FunctionHandler(""warm"", null!));
    }

    public Task<string> FunctionHandler(string input, ILambdaContext context)
    {
        _firstInput ??= {|SNAP003:input + DateTime.UtcNow|};
        var roll = {|SNAP001:Random.Shared.Next(100)|};
        return Task.FromResult(_firstInput + roll);
    }
}");
    }
}
