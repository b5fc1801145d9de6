using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>
    /// The state rules in an ASP.NET Core Web API hosted by Amazon.Lambda.AspNetCoreServer: the entry point's base
    /// constructor builds and starts the host during init, so the startup class, the builder callbacks and the
    /// singletons the host builds then are init code; controllers, endpoint delegates and middleware run per request.
    /// </summary>
    public class AspNetCoreFunctionStateRulesTests
    {
        private const string Usings = @"
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
";

        private const string EntryPoint = @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}
";

        [Fact]
        public Task StartupConstructorAndFieldInitializers_AreKept() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + EntryPoint + @"
public class Startup
{
    private readonly Random _jitter = {|SNAP001:new Random()|};
    private readonly DateTime _startedAt;
    private readonly Timer _heartbeat;

    public Startup(IConfiguration configuration)
    {
        Configuration = configuration;
        _startedAt = {|SNAP003:DateTime.UtcNow|};
        _heartbeat = {|SNAP004:new Timer(_ => { }, null, 0, 60_000)|};
        {|SNAP004:_heartbeat.Change(0, 30_000)|};
    }

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(_startedAt.ToString(""O"") + _jitter.Next()));
    }
}");

        [Fact]
        public Task ConfigureServices_SingletonInstances_AreKept_ByTypeAndFactoryAreNot() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + EntryPoint + @"
public interface IClock { DateTime Now { get; } }
public sealed class FixedClock : IClock
{
    public FixedClock(DateTime now) => Now = now;
    public DateTime Now { get; }
}

public sealed class SystemClock : IClock
{
    private readonly DateTime _created = DateTime.UtcNow;
    public DateTime Now => DateTime.UtcNow;
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton({|SNAP001:new Random()|});
        services.AddSingleton<IClock>({|SNAP003:new FixedClock(DateTime.UtcNow)|});
        services.AddSingleton<SystemClock>();
        services.AddSingleton(provider => new Random());
        services.AddSingleton(new Random(42));
    }

    public void Configure(IApplicationBuilder app)
    {
    }
}");

        [Fact]
        public Task SingletonsTheHostResolvesDuringInit_ThroughConfigureParametersOrApplicationServices_AreKept() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + EntryPoint + @"
public interface ITokenCache { string Token { get; } }
public sealed class TokenCache : ITokenCache
{
    private readonly DateTime _expires;
    public TokenCache() => _expires = {|SNAP003:DateTime.UtcNow.AddHours(1)|};
    public string Token => _expires.ToString(""O"");
}

public sealed class RequestIds
{
    public string Prefix { get; } = {|SNAP002:Guid.NewGuid().ToString(""N"")|};
}

public sealed class RequestClock
{
    public DateTime Created { get; } = DateTime.UtcNow;
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<ITokenCache, TokenCache>();
        services.AddSingleton<RequestIds>();
        services.AddScoped<RequestClock>();
    }

    public void Configure(IApplicationBuilder app, ITokenCache cache, RequestClock clock)
    {
        var ids = app.ApplicationServices.GetRequiredService<RequestIds>();
        app.Run(context => context.Response.WriteAsync(cache.Token + ids.Prefix));
    }
}");

        [Fact]
        public Task SingletonsResolvedOnlyByControllers_AreBuiltAfterRestore() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + EntryPoint + @"
public interface IClock { DateTime Started { get; } }
public sealed class SystemClock : IClock
{
    public DateTime Started { get; } = DateTime.UtcNow;
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IClock, SystemClock>();
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints => endpoints.MapControllers());
    }
}

[ApiController]
[Route(""api/[controller]"")]
public class ValuesController : ControllerBase
{
    private static readonly Random Shared = new Random();
    private readonly Random _random = new Random();
    private readonly IClock _clock;

    public ValuesController(IClock clock) => _clock = clock;

    [HttpGet]
    public string Get() => Guid.NewGuid() + "" "" + DateTime.UtcNow + "" "" + _clock.Started + _random.Next() + Shared.Next();
}");

        [Fact]
        public Task EntryPointFields_AndItsInitOverride_AreKept() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    private static readonly string InstanceId = {|SNAP002:Guid.NewGuid().ToString()|};
    private DateTime _bootedAt;

    protected override void Init(IWebHostBuilder builder)
    {
        _bootedAt = {|SNAP003:DateTime.UtcNow|};
        builder.UseStartup<Startup>();
    }

    protected override void PostCreateHost(IHost host)
    {
        Host = host;
    }

    public IHost? Host { get; private set; }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}");

        [Fact]
        public Task BuilderCallbacks_RunDuringInit() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayHttpApiV2ProxyFunction
{
    protected override void Init(IWebHostBuilder builder)
    {
        var started = DateTime.UtcNow;
        builder
            .ConfigureServices(services => services.AddSingleton({|SNAP001:new Random()|}))
            .ConfigureAppConfiguration((context, configuration) => Console.WriteLine(started))
            .UseStartup<Startup>();
    }

    protected override void Init(IHostBuilder builder)
    {
        builder.ConfigureServices((context, services) => services.AddSingleton({|SNAP002:Guid.NewGuid().ToString()|}));
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }

    public void Configure(IApplicationBuilder app)
    {
        var uptimeFrom = {|SNAP003:DateTime.UtcNow|};
        var seen = DateTime.UtcNow;
        app.UseEndpoints(endpoints =>
        {
            Console.WriteLine(seen);
            endpoints.MapGet(""/uptime"", () => (DateTime.UtcNow - uptimeFrom).ToString());
        });
    }
}");

        [Fact]
        public Task MiddlewareTheHostBuildsDuringInit_IsKept_FactoryMiddlewareIsNot() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + EntryPoint + @"
public sealed class InstanceHeaderMiddleware
{
    private readonly RequestDelegate _next;
    private readonly string _instance = {|SNAP002:Guid.NewGuid().ToString(""N"")|};

    public InstanceHeaderMiddleware(RequestDelegate next) => _next = next;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers[""x-instance""] = _instance;
        return _next(context);
    }
}

public sealed class RequestIdMiddleware : IMiddleware
{
    private readonly string _id = Guid.NewGuid().ToString(""N"");

    public Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        context.Response.Headers[""x-request""] = _id;
        return next(context);
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) => services.AddTransient<RequestIdMiddleware>();

    public void Configure(IApplicationBuilder app)
    {
        app.UseMiddleware<InstanceHeaderMiddleware>();
        app.UseMiddleware<RequestIdMiddleware>();
    }
}");

        [Fact]
        public Task HostedServicesTheHostStarts_AreKept() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + EntryPoint + @"
public sealed class CacheWarmer : IHostedService
{
    private DateTime _warmedAt;
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _warmedAt = {|SNAP003:DateTime.UtcNow|};
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) => services.AddHostedService<CacheWarmer>();
    public void Configure(IApplicationBuilder app) { }
}");

        [Fact]
        public Task ValuesRefreshedInAHookTheStartupRegisters_AreClean() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + EntryPoint + @"
public class Startup
{
    private Random _random = new Random();
    private DateTime _startedAt = DateTime.UtcNow;

    public Startup()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            _startedAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public void ConfigureServices(IServiceCollection services) { }

    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(_startedAt + "" "" + _random.Next()));
    }
}");

        [Fact]
        public Task AwsSdkClientSingletons_AreClean() => new VerifyCS.Test(LambdaModel.AspNetCoreFunction)
        {
            TestCode = @"
using Amazon.KeyManagementService;
using Amazon.SimpleSystemsManagement;" + Usings + EntryPoint + @"

public class Startup
{
    private readonly IAmazonSimpleSystemsManagement _ssm = new AmazonSimpleSystemsManagementClient();

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IAmazonKeyManagementService>(new AmazonKeyManagementServiceClient());
        services.AddSingleton(_ssm);
    }

    public void Configure(IApplicationBuilder app) { }
}",
        }.WithPackages().RunAsync();

        [Fact]
        public Task StartupOfAnotherHost_IsNotInit() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}

public class AdminStartup
{
    private readonly Random _random = new Random();
    public void ConfigureServices(IServiceCollection services) => services.AddSingleton(new Random());
    public void Configure(IApplicationBuilder app) { }
}");

        [Fact]
        public Task StartupSharedWithAnEntryPointThatDefers_IsStillInitCodeOfTheOther() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
}

public class BackOfficeEntryPoint : ApplicationLoadBalancerFunction<Startup>
{
    public BackOfficeEntryPoint()
        : base({|SNAP047:StartupMode.FirstRequest|})
    {
    }
}

public class Startup
{
    private readonly DateTime _startedAt;

    public Startup()
    {
        _startedAt = {|SNAP003:DateTime.UtcNow|};
        SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);
    }

    public void ConfigureServices(IServiceCollection services) { }

    public void Configure(IApplicationBuilder app) => app.Run(context => context.Response.WriteAsync(_startedAt.ToString(""O"")));
}");

        [Fact]
        public Task FirstRequest_StartupStateIsNotKept_EntryPointStateStillIs() => VerifyCS.VerifyAspNetCoreFunctionAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    private readonly DateTime _constructedAt = {|SNAP003:DateTime.UtcNow|};

    public LambdaEntryPoint()
        : base({|SNAP047:StartupMode.FirstRequest|})
    {
    }

    public DateTime ConstructedAt => _constructedAt;
}

public class Startup
{
    private readonly DateTime _startedAt = DateTime.UtcNow;

    public void ConfigureServices(IServiceCollection services) => services.AddSingleton(new Random());

    public void Configure(IApplicationBuilder app) => app.Run(context => context.Response.WriteAsync(_startedAt.ToString(""O"")));
}");

        [Fact]
        public Task SecretsConnectionsAndPools_InStartupCode_AreKept() => new VerifyCS.Test(LambdaModel.AspNetCoreFunction)
        {
            TestCode = @"
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Npgsql;
using StackExchange.Redis;" + Usings + EntryPoint + @"
public class Startup
{
    public Startup(IConfiguration configuration)
    {
        Configuration = configuration;
        var ssm = new AmazonSimpleSystemsManagementClient();
        var parameter = ssm.GetParameterAsync(new GetParameterRequest { Name = ""/orders/db"", WithDecryption = true }).GetAwaiter().GetResult();
        ConnectionString = {|SNAP020:parameter.Parameter.Value|};
    }

    public IConfiguration Configuration { get; }

    public string ConnectionString { get; }

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IConnectionMultiplexer>({|SNAP010:ConnectionMultiplexer.Connect(""cache:6379"")|});
        services.AddSingleton(provider => ConnectionMultiplexer.Connect(""cache:6380""));
    }

    public void Configure(IApplicationBuilder app)
    {
        using var connection = new NpgsqlConnection(ConnectionString);
        {|SNAP011:connection.Open()|};
    }
}",
        }.WithPackages().RunAsync();
    }
}
