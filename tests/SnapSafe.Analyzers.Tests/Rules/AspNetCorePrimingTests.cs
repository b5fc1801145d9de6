using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>
    /// Priming in the ASP.NET Core class-library model: the base class replays the requests of
    /// <c>GetBeforeSnapshotRequests()</c> before the snapshot through the pipeline; the controller actions and endpoints
    /// their routes match run then. What they leave is kept; writes, absolute URIs and cleanup order are checked.
    /// </summary>
    public class AspNetCorePrimingTests
    {
        private const string Usings = @"
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
";

        private const string Startup = @"
public class Startup
{
    public void ConfigureServices(IServiceCollection services) => services.AddControllers();

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapControllers();
            endpoints.MapGet(""/health"", () => Health.Check());
        });
    }
}

public static class Health
{
    private static DateTime? _since;
    public static string Check()
    {
        _since ??= {|#9:DateTime.UtcNow|};
        return ""ok since "" + _since;
    }
}
";

        [Fact]
        public Task WarmUpRequests_PrimeTheAttributeRoutedActionAndTheEndpointTheyMatch() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests() =>
    [
        new HttpRequestMessage(HttpMethod.Get, ""/api/values/5""),
        new HttpRequestMessage(HttpMethod.Get, ""/health""),
    ];
}

[ApiController]
[Route(""api/[controller]"")]
public class ValuesController : ControllerBase
{
    private static string? _region;
    private static Guid? _other;

    [HttpGet(""{id:int}"")]
    public string Get(int id)
    {
        _region ??= {|SNAP031:Environment.MachineName|};
        return _region + id;
    }

    [HttpPost]
    public string Post()
    {
        _other ??= Guid.NewGuid();
        return _other.ToString()!;
    }
}
" + Startup.Replace("{|#9:DateTime.UtcNow|}", "{|SNAP003:DateTime.UtcNow|}"));

        [Fact]
        public Task NoWarmUpRequests_NothingIsPrimed() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}
" + Startup.Replace("{|#9:DateTime.UtcNow|}", "DateTime.UtcNow"));

        [Fact]
        public Task DeferredStartup_ReplaysNoWarmUp() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    public LambdaEntryPoint() : base({|SNAP047:StartupMode.FirstRequest|}) { }

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests()
    {
        yield return new HttpRequestMessage(HttpMethod.Get, ""/health"");
    }
}
" + Startup.Replace("{|#9:DateTime.UtcNow|}", "DateTime.UtcNow"));

        [Fact]
        public Task ConventionalRoute_PrimesTheDefaultAction() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests()
    {
        yield return new HttpRequestMessage(HttpMethod.Get, ""/"");
    }
}

public class HomeController : Controller
{
    private static Guid? _page;
    public string Index()
    {
        _page ??= {|SNAP002:Guid.NewGuid()|};
        return _page.ToString()!;
    }

    public string About() => ""about"";
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) => services.AddControllersWithViews();

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapDefaultControllerRoute());
    }
}");

        [Fact]
        public Task AbsoluteWarmUpUri_AndAPostWarmUp_AreFlagged() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests() =>
    [
        new HttpRequestMessage { RequestUri = {|SNAP046:new Uri(""/api/ExampleSnapstartInit"")|}, Method = HttpMethod.Get },
        {|SNAP044:new HttpRequestMessage(HttpMethod.Post, ""/orders"")|},
    ];
}
" + Startup.Replace("{|#9:DateTime.UtcNow|}", "DateTime.UtcNow"));

        [Fact]
        public Task CleanupRegisteredInTheEntryPointConstructor_RunsBeforeTheWarmUp() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    public LambdaEntryPoint()
    {
        {|SNAP045:SnapshotRestore.RegisterBeforeSnapshot(() => { Pools.ClearAllPools(); return ValueTask.CompletedTask; })|};
    }

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests()
    {
        yield return new HttpRequestMessage(HttpMethod.Get, ""/health"");
    }
}

public static class Pools { public static void ClearAllPools() { } }

public class Startup
{
    public void Configure(IApplicationBuilder app)
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => { Pools.ClearAllPools(); return ValueTask.CompletedTask; });
        app.Run(context => context.Response.WriteAsync(""ok""));
    }
}");
    }
}
