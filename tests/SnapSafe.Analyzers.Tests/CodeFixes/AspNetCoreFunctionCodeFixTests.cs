using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyAfterRestore = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;
using VerifyHookMove = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.SNAP040MoveHookRegistrationCodeFix>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// The fixes in an ASP.NET Core Web API hosted by Amazon.Lambda.AspNetCoreServer: the after-restore hook goes into
    /// the startup class's constructor for startup state, into <c>ConfigureServices</c> for state assigned there, and
    /// into the entry point's constructor for its own state (all run once, during init); a hook registered per request moves into the constructor of middleware the pipeline builds
    /// during init, or of the entry point.
    /// </summary>
    public class AspNetCoreFunctionCodeFixTests
    {
        private const string Usings = @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
";

        private const string EntryPoint = @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}
";

        [Fact]
        public Task StartupState_HookGoesIntoTheStartupConstructor() => VerifyAfterRestore.VerifyCodeFixAsync(LambdaModel.AspNetCoreFunction, Usings + EntryPoint + @"
public class Startup
{
    private readonly DateTime _startedAt;

    public Startup(IConfiguration configuration)
    {
        Configuration = configuration;
        _startedAt = {|SNAP003:DateTime.UtcNow|};
    }

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services) { }

    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(_startedAt.ToString(""O"")));
    }
}", Usings + EntryPoint + @"
public class Startup
{
    private DateTime _startedAt;

    public Startup(IConfiguration configuration)
    {
        Configuration = configuration;
        _startedAt = DateTime.UtcNow;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _startedAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services) { }

    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(_startedAt.ToString(""O"")));
    }
}");

        [Fact]
        public Task EntryPointState_HookGoesIntoANewEntryPointConstructor() => VerifyAfterRestore.VerifyCodeFixAsync(LambdaModel.AspNetCoreFunction, Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    private readonly Random _sampling = {|SNAP001:new Random()|};

    public bool Sampled => _sampling.Next(100) == 0;
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}", Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    private Random _sampling = new Random();

    public bool Sampled => _sampling.Next(100) == 0;

    public LambdaEntryPoint()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _sampling = new Random();
            return ValueTask.CompletedTask;
        });
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}");

        [Fact]
        public Task FixAll_OneHookInTheStartupConstructor_OneInTheEntryPointConstructor() => new VerifyAfterRestore.Test(LambdaModel.AspNetCoreFunction)
        {
            TestCode = Usings + @"
public class LambdaEntryPoint : APIGatewayHttpApiV2ProxyFunction
{
    private static readonly string InstanceId = {|SNAP002:Guid.NewGuid().ToString(""N"")|};
    private readonly DateTime _constructedAt = {|SNAP003:DateTime.UtcNow|};

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}

public class Startup
{
    private readonly Random _jitter = {|SNAP001:new Random()|};
    private readonly string _salt;

    public Startup(IConfiguration configuration)
    {
        Configuration = configuration;
        _salt = {|SNAP002:Guid.NewGuid().ToString(""N"")|};
    }

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services) { }

    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(_salt + _jitter.Next()));
    }
}",
            FixedCode = Usings + @"
public class LambdaEntryPoint : APIGatewayHttpApiV2ProxyFunction
{
    private static string InstanceId = Guid.NewGuid().ToString(""N"");
    private DateTime _constructedAt = DateTime.UtcNow;

    static LambdaEntryPoint()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            InstanceId = Guid.NewGuid().ToString(""N"");
            return ValueTask.CompletedTask;
        });
    }

    public LambdaEntryPoint()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _constructedAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}

public class Startup
{
    private Random _jitter = new Random();
    private string _salt;

    public Startup(IConfiguration configuration)
    {
        Configuration = configuration;
        _salt = Guid.NewGuid().ToString(""N"");
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _jitter = new Random();
            _salt = Guid.NewGuid().ToString(""N"");
            return ValueTask.CompletedTask;
        });
    }

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services) { }

    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(_salt + _jitter.Next()));
    }
}",
            NumberOfFixAllIterations = 1,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task StateAssignedInConfigureServices_HookGoesIntoConfigureServices() => new VerifyAfterRestore.Test(LambdaModel.AspNetCoreFunction)
        {
            TestCode = Usings + EntryPoint + @"
public class Startup
{
    private DateTime _configuredAt;

    public void ConfigureServices(IServiceCollection services)
    {
        _configuredAt = {|SNAP003:DateTime.UtcNow|};
        services.AddSingleton({|SNAP001:new Random()|});
    }

    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(_configuredAt.ToString(""O"")));
    }
}",
            FixedCode = Usings + EntryPoint + @"
public class Startup
{
    private DateTime _configuredAt;

    public void ConfigureServices(IServiceCollection services)
    {
        _configuredAt = DateTime.UtcNow;
        services.AddSingleton(new Random());
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _configuredAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(_configuredAt.ToString(""O"")));
    }
}",

            // A framework type handed to the container has no automatic fix: the finding stays.
            FixedState = { ExpectedDiagnostics = { VerifyAfterRestore.Diagnostic(DiagnosticIds.RandomStateCaptured).WithSpan(24, 31, 24, 43).WithArguments("singleton Random", "new Random()") } },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task RegistrationInMiddlewareBuiltDuringInit_MovesIntoItsConstructor() => VerifyHookMove.VerifyCodeFixAsync(LambdaModel.AspNetCoreFunction, Usings + EntryPoint + @"
public sealed class CacheMiddleware
{
    private readonly RequestDelegate _next;
    private DateTime _loaded = {|SNAP003:DateTime.UtcNow|};

    public CacheMiddleware(RequestDelegate next)
    {
        _next = next;
    }

    public Task InvokeAsync(HttpContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() =>
        {
            _loaded = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        })|};
        return _next(context);
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) => app.UseMiddleware<CacheMiddleware>();
}", Usings + EntryPoint + @"
public sealed class CacheMiddleware
{
    private readonly RequestDelegate _next;
    private DateTime _loaded = DateTime.UtcNow;

    public CacheMiddleware(RequestDelegate next)
    {
        _next = next;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _loaded = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public Task InvokeAsync(HttpContext context)
    {
        return _next(context);
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) => app.UseMiddleware<CacheMiddleware>();
}");

        [Fact]
        public Task RegistrationInAPerRequestOverride_MovesIntoTheEntryPointConstructor() => VerifyHookMove.VerifyCodeFixAsync(LambdaModel.AspNetCoreFunction, Usings + @"
using Amazon.Lambda.APIGatewayEvents;
using Microsoft.AspNetCore.Http.Features;

public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    protected override void PostMarshallRequestFeature(IHttpRequestFeature aspNetCoreRequestFeature, APIGatewayProxyRequest lambdaRequest, ILambdaContext lambdaContext)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|};
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}", Usings + @"
using Amazon.Lambda.APIGatewayEvents;
using Microsoft.AspNetCore.Http.Features;

public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    public LambdaEntryPoint()
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    protected override void PostMarshallRequestFeature(IHttpRequestFeature aspNetCoreRequestFeature, APIGatewayProxyRequest lambdaRequest, ILambdaContext lambdaContext)
    {
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}");
    }
}
