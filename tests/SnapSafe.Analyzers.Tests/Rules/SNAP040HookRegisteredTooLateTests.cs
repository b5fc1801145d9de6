using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP040HookRegisteredTooLateTests
    {
        [Fact]
        public Task ClassLibrary_RegistrationInHandlerAndItsHelper_IsFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
        Prime();
        return input;
    }

    private static void Prime()
    {
        {|SNAP040:SnapshotRestore.RegisterBeforeSnapshot(() => default)|};
    }
}");

        [Fact]
        public Task ClassLibrary_RegistrationsDuringInit_AreClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static bool s_registered;

    static Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => default);
    }

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(RefreshAsync);
        RegisterOnce();
    }

    private static void RegisterOnce()
    {
        if (s_registered)
        {
            return;
        }

        s_registered = true;
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    private ValueTask RefreshAsync() => default;

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task Executable_RegistrationAfterRunAsyncAndInHandlerLambda_IsFlagged() => VerifyCS.VerifyExecutableAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
Func<string, ILambdaContext, string> handler = (input, context) =>
{
    {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
    return input;
};
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
{|SNAP040:SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask)|};
");

        [Fact]
        public Task MinimalApi_RegistrationInEndpointAndInsideHook_IsFlagged() => VerifyCS.VerifyMinimalApiAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Amazon.Lambda.AspNetCoreServer.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
SnapshotRestore.RegisterBeforeSnapshot(() =>
{
    {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
    return ValueTask.CompletedTask;
});
app.MapGet(""/"", () =>
{
    {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
    return ""ok"";
});
app.Run();
");

        [Fact]
        public Task AspNetCoreFunction_RegistrationsInStartupAndEntryPoint_AreInit_InControllersEndpointsAndMiddleware_NeverRun() => VerifyCS.VerifyAspNetCoreFunctionAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;

public class LambdaEntryPoint : APIGatewayProxyFunction
{
    public LambdaEntryPoint()
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    protected override void Init(IWebHostBuilder builder)
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);
        builder.UseStartup<Startup>();
    }
}

public class Startup
{
    public Startup()
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    public void ConfigureServices(IServiceCollection services)
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
        app.UseMiddleware<AuditMiddleware>();
        app.UseEndpoints(endpoints =>
        {
            SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);
            endpoints.MapControllers();
            endpoints.MapGet(""/"", () =>
            {
                {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
                return ""ok"";
            });
        });
    }
}

public sealed class AuditMiddleware
{
    private readonly RequestDelegate _next;

    public AuditMiddleware(RequestDelegate next) => _next = next;

    public Task InvokeAsync(HttpContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
        return _next(context);
    }
}

[ApiController]
[Route(""api/[controller]"")]
public class OrdersController : ControllerBase
{
    public OrdersController()
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
    }

    [HttpGet]
    public string Get()
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
        return ""ok"";
    }
}");

        [Fact]
        public Task AspNetCoreFunction_FirstRequest_StartupRegistrationsNeverRun_EntryPointConstructorStillRuns() => VerifyCS.VerifyAspNetCoreFunctionAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

public class LambdaEntryPoint : APIGatewayProxyFunction
{
    public LambdaEntryPoint()
        : base({|SNAP047:StartupMode.FirstRequest|})
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    protected override void Init(IWebHostBuilder builder)
    {
        {|SNAP040:SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask)|};
        builder.UseStartup<Startup>();
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
    }

    public void Configure(IApplicationBuilder app)
    {
    }
}");
    }
}
