using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using SnapSafe.Analyzers.Configuration;
using SnapSafe.Analyzers.Lambda;
using SnapSafe.Analyzers.Lambda.Models;
using SnapSafe.Analyzers.Rules;
using SnapSafe.Analyzers.Tests.Infrastructure;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>
    /// The ASP.NET Core class-library model (Amazon.Lambda.AspNetCoreServer) queried directly: which types are its entry
    /// points, what their base constructor runs during init, and what runs per request.
    /// </summary>
    public class AspNetCoreFunctionModelTests
    {
        internal const string Usings = @"
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
";

        private const string BlueprintStartup = @"
public class Startup
{
    public Startup(IConfiguration configuration)
    {
        Configuration = configuration;
    }

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddControllers();
    }

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapControllers();
            endpoints.MapGet(""/"", async context => await context.Response.WriteAsync(""Welcome""));
        });
    }
}";

        [Theory]
        [InlineData("APIGatewayProxyFunction")]
        [InlineData("APIGatewayHttpApiV2ProxyFunction")]
        [InlineData("ApplicationLoadBalancerFunction")]
        public async Task EveryPackageBase_MakesAnEntryPoint_WhoseStartupIsInit(string baseType)
        {
            var compilation = await CompileAsync(Usings + @"
namespace Shop;
public class LambdaEntryPoint : " + baseType + @"
{
    protected override void Init(IWebHostBuilder builder)
    {
        builder.UseStartup<Startup>();
    }
}" + BlueprintStartup);

            var models = Find(compilation);
            var model = models.Get<AspNetCoreFunctionModel>();

            var entryPoint = Assert.Single(model.EntryPoints);
            Assert.Equal("LambdaEntryPoint", entryPoint.Type.Name);
            Assert.True(model.IsPresent);
            Assert.False(entryPoint.DefersStartup);
            Assert.Equal(new[] { "Init" }, entryPoint.HostOverrides.Select(m => m.Name));
            Assert.Equal(new[] { "Startup" }, entryPoint.StartupTypes.Select(t => t.Name));
            Assert.Equal(new[] { "ConfigureServices", "Configure" }, entryPoint.StartupMethods.Select(m => m.Name));
            Assert.Equal(new[] { "Configure" }, entryPoint.ConfigureMethods.Select(m => m.Name));
            Assert.Contains(models.FunctionTypes, t => t.Name == "LambdaEntryPoint");
            Assert.Empty(models.Get<ClassLibraryModel>().HandlerTypes);
        }

        [Theory]
        [InlineData("APIGatewayProxyFunction<Startup>")]
        [InlineData("APIGatewayHttpApiV2ProxyFunction<Startup>")]
        [InlineData("ApplicationLoadBalancerFunction<Startup>")]
        public async Task GenericBase_NamesTheStartup(string baseType)
        {
            var compilation = await CompileAsync(Usings + @"
public class LambdaEntryPoint : " + baseType + @"
{
}" + BlueprintStartup);

            var entryPoint = Assert.Single(Find(compilation).Get<AspNetCoreFunctionModel>().EntryPoints);

            Assert.Empty(entryPoint.HostOverrides);
            Assert.Equal(new[] { "Startup" }, entryPoint.StartupTypes.Select(t => t.Name));
            Assert.Equal(new[] { "ConfigureServices", "Configure" }, entryPoint.StartupMethods.Select(m => m.Name));
        }

        [Fact]
        public async Task GenericBase_InitOverrideWithoutBaseCall_UsesItsOwnStartup()
        {
            var compilation = await CompileAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<OtherStartup>();
}
public class OtherStartup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}" + BlueprintStartup);

            var entryPoint = Assert.Single(Find(compilation).Get<AspNetCoreFunctionModel>().EntryPoints);

            Assert.Equal(new[] { "OtherStartup" }, entryPoint.StartupTypes.Select(t => t.Name));
        }

        [Fact]
        public async Task GenericBase_InitOverrideCallingBase_KeepsTheGenericStartup()
        {
            var compilation = await CompileAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    protected override void Init(IWebHostBuilder builder)
    {
        base.Init(builder);
        builder.UseSetting(""detailedErrors"", ""true"");
    }
}" + BlueprintStartup);

            var entryPoint = Assert.Single(Find(compilation).Get<AspNetCoreFunctionModel>().EntryPoints);

            Assert.Equal(new[] { "Startup" }, entryPoint.StartupTypes.Select(t => t.Name));
        }

        [Fact]
        public async Task AbstractClasses_AreNotEntryPoints_TheirConcreteSubclassIs()
        {
            var compilation = await CompileAsync(Usings + @"
public abstract class EntryPointBase : APIGatewayHttpApiV2ProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
    protected override void PostCreateHost(IHost host) { }
}
public class LambdaEntryPoint : EntryPointBase
{
}" + BlueprintStartup);

            var models = Find(compilation);
            var entryPoint = Assert.Single(models.Get<AspNetCoreFunctionModel>().EntryPoints);

            Assert.Equal("LambdaEntryPoint", entryPoint.Type.Name);
            Assert.Equal(new[] { "Init", "PostCreateHost" }, entryPoint.HostOverrides.Select(m => m.Name));
            Assert.Equal(new[] { "Startup" }, entryPoint.StartupTypes.Select(t => t.Name));
            Assert.DoesNotContain(models.FunctionTypes, t => t.Name == "EntryPointBase");
        }

        [Fact]
        public async Task TemplateOrConfiguration_NamingTheEntryPoint_LeavesItToThisModel()
        {
            var compilation = await CompileAsync(Usings + @"
namespace Shop.Api;
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}
public abstract class NotDeployable : APIGatewayProxyFunction
{
}" + BlueprintStartup);

            var models = Find(compilation, "snapsafe.handler_types = Shop.Api.NotDeployable", "Shop.Api.LambdaEntryPoint", "Shop.Api.NotDeployable");

            Assert.Empty(models.Get<ClassLibraryModel>().HandlerTypes);
            Assert.Equal(new[] { "LambdaEntryPoint" }, models.Get<AspNetCoreFunctionModel>().EntryPoints.Select(e => e.Type.Name));
            Assert.Equal(new[] { "LambdaEntryPoint" }, models.FunctionTypes.Select(t => t.Name));
        }

        [Fact]
        public async Task StartupNamedInInitIHostBuilder_ThroughConfigureWebHostDefaults_IsFound()
        {
            var compilation = await CompileAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IHostBuilder builder)
    {
        builder.ConfigureWebHostDefaults(web => Configure(web));
    }

    private static void Configure(IWebHostBuilder web) => web.UseStartup(typeof(Startup));
}" + BlueprintStartup);

            var entryPoint = Assert.Single(Find(compilation).Get<AspNetCoreFunctionModel>().EntryPoints);

            Assert.Equal(new[] { "Startup" }, entryPoint.StartupTypes.Select(t => t.Name));
        }

        [Fact]
        public async Task EntryPointOverrides_AreSplitIntoHostCodeWarmUpAndPerRequestCode()
        {
            var compilation = await CompileAsync(Usings + @"
using Amazon.Lambda.Core;
using Amazon.Lambda.APIGatewayEvents;
using Microsoft.AspNetCore.Http.Features;
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
    protected override void Init(IHostBuilder builder) { }
    protected override void PostCreateHost(IHost host) { }
    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests()
    {
        yield return new HttpRequestMessage(HttpMethod.Get, ""/api/values"");
    }

    protected override void PostMarshallRequestFeature(IHttpRequestFeature aspNetCoreRequestFeature, APIGatewayProxyRequest lambdaRequest, ILambdaContext lambdaContext)
    {
    }

    public override string ToString() => ""entry point"";
}" + BlueprintStartup);

            var entryPoint = Assert.Single(Find(compilation).Get<AspNetCoreFunctionModel>().EntryPoints);

            Assert.Equal(new[] { "Init", "Init", "PostCreateHost" }, entryPoint.HostOverrides.Select(m => m.Name));
            Assert.Equal("GetBeforeSnapshotRequests", entryPoint.BeforeSnapshotRequests?.Name);
            Assert.Equal(new[] { "PostMarshallRequestFeature" }, entryPoint.RequestOverrides.Select(m => m.Name));
        }

        [Fact]
        public async Task PerRequestCode_ControllersMiddlewareEndpointDelegatesAndOverrides_AreInvocationRoots()
        {
            var compilation = await CompileAsync(Usings + @"
using Amazon.Lambda.Core;
using Amazon.Lambda.APIGatewayEvents;
using Microsoft.AspNetCore.Http.Features;
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    protected override void PostMarshallRequestFeature(IHttpRequestFeature feature, APIGatewayProxyRequest request, ILambdaContext context) => Audit.PerRequestOverride();
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) => Audit.ConfigureServices();

    public void Configure(IApplicationBuilder app)
    {
        Audit.Configure();
        app.UseMiddleware<TimingMiddleware>();
        app.Use(async (context, next) => { Audit.MiddlewareLambda(); await next(); });
        app.Map(""/health"", branch => { Audit.MapBranch(); branch.Run(context => { Audit.BranchEndpoint(); return Task.CompletedTask; }); });
        app.UseEndpoints(endpoints =>
        {
            Audit.UseEndpoints();
            endpoints.MapGet(""/"", () => Audit.Endpoint());
        });
    }
}

public class TimingMiddleware
{
    private readonly RequestDelegate _next;
    public TimingMiddleware(RequestDelegate next) { _next = next; Audit.MiddlewareConstructor(); }
    public Task InvokeAsync(HttpContext context) { Audit.MiddlewareInvoke(); return _next(context); }
}

[ApiController]
[Route(""api/[controller]"")]
public class OrdersController : ControllerBase
{
    public OrdersController() => Audit.ControllerConstructor();

    [HttpGet]
    public string Get() => Audit.Action();

    [NonAction]
    public string Helper() => Audit.NonAction();
}

[Controller]
public class PlainController
{
    public string Index() => Audit.PocoAction();
}

public static class Audit
{
    public static void PerRequestOverride() { }
    public static void ConfigureServices() { }
    public static void Configure() { }
    public static void MiddlewareLambda() { }
    public static void MapBranch() { }
    public static void BranchEndpoint() { }
    public static void UseEndpoints() { }
    public static string Endpoint() => """";
    public static void MiddlewareConstructor() { }
    public static void MiddlewareInvoke() { }
    public static void ControllerConstructor() { }
    public static string Action() => """";
    public static string NonAction() => """";
    public static string PocoAction() => """";
}");

            var phase = Build(compilation);
            var audit = compilation.GetTypeByMetadataName("Audit")!;
            bool PerRequest(string name) => phase.InvocationReach.Reaches(audit.GetMembers(name).OfType<IMethodSymbol>().Single());

            Assert.True(PerRequest("PerRequestOverride"));
            Assert.True(PerRequest("MiddlewareLambda"));
            Assert.True(PerRequest("BranchEndpoint"));
            Assert.True(PerRequest("Endpoint"));
            Assert.True(PerRequest("MiddlewareInvoke"));
            Assert.True(PerRequest("ControllerConstructor"));
            Assert.True(PerRequest("Action"));
            Assert.True(PerRequest("PocoAction"));

            Assert.False(PerRequest("ConfigureServices"));
            Assert.False(PerRequest("Configure"));
            Assert.False(PerRequest("MapBranch"));
            Assert.False(PerRequest("UseEndpoints"));
            Assert.False(PerRequest("MiddlewareConstructor"));
            Assert.False(PerRequest("NonAction"));

            var model = phase.Models.Get<AspNetCoreFunctionModel>();
            Assert.Equal(new[] { "OrdersController", "PlainController" }, model.Controllers.Select(c => c.Name).OrderBy(n => n));
            Assert.Equal(new[] { "TimingMiddleware" }, model.Middleware.Select(c => c.Name));
            Assert.True(model.IsBuiltDuringInit(compilation.GetTypeByMetadataName("TimingMiddleware")!));
            Assert.Equal(3, Assert.Single(model.EntryPoints).RequestDelegates.Length);
        }

        [Theory]
        [InlineData("public LambdaEntryPoint() : base(StartupMode.FirstRequest) { }", "StartupMode.FirstRequest", true)]
        [InlineData("public LambdaEntryPoint()\n        : base(startupMode: StartupMode.FirstRequest)\n    {\n    }", "startupMode: StartupMode.FirstRequest", true)]
        [InlineData("#pragma warning disable CS0618\n    public LambdaEntryPoint() : base(AspNetCoreStartupMode.FirstRequest) { }\n#pragma warning restore CS0618", "AspNetCoreStartupMode.FirstRequest", true)]
        [InlineData("public LambdaEntryPoint() : this(StartupMode.FirstRequest) { }\n    private LambdaEntryPoint(StartupMode mode) : base(mode) { }", "StartupMode.FirstRequest", false)]
        public async Task FirstRequest_DefersTheStartup_AtTheArgument(string constructors, string argument, bool removable)
        {
            var compilation = await CompileAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    " + constructors + @"

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}" + BlueprintStartup);

            var entryPoint = Assert.Single(Find(compilation).Get<AspNetCoreFunctionModel>().EntryPoints);

            Assert.True(entryPoint.DefersStartup);
            Assert.Equal(argument, entryPoint.DeferringArgument!.ToString());
            Assert.Equal(removable, entryPoint.DeferralRemovable);
        }

        [Theory]
        [InlineData("public LambdaEntryPoint() : base(StartupMode.Constructor) { }")]
        [InlineData("public LambdaEntryPoint() { }")]
        [InlineData("public LambdaEntryPoint() : base(StartupMode.FirstRequest)\n    {\n        Start();\n    }")]
        public async Task ConstructorStartup_OrAnExplicitStart_DoesNotDefer(string constructor)
        {
            var compilation = await CompileAsync(Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    " + constructor + @"

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}" + BlueprintStartup);

            var entryPoint = Assert.Single(Find(compilation).Get<AspNetCoreFunctionModel>().EntryPoints);

            Assert.False(entryPoint.DefersStartup);
        }

        [Fact]
        public async Task FirstRequest_ThroughASourceBaseClass_IsFound()
        {
            var compilation = await CompileAsync(Usings + @"
public abstract class EntryPointBase : APIGatewayProxyFunction
{
    protected EntryPointBase() : base(StartupMode.FirstRequest) { }
}
public class LambdaEntryPoint : EntryPointBase
{
    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}" + BlueprintStartup);

            var entryPoint = Assert.Single(Find(compilation).Get<AspNetCoreFunctionModel>().EntryPoints);

            Assert.True(entryPoint.DefersStartup);
            Assert.True(entryPoint.DeferralRemovable);
        }

        [Fact]
        public async Task BlueprintWithLocalEntryPoint_IsAnAspNetCoreFunction_AndMainIsNotInit()
        {
            var compilation = await CompileAsync(
                Usings + @"
namespace BlueprintBaseName;

public class LambdaEntryPoint : APIGatewayProxyFunction
{
    protected override void Init(IWebHostBuilder builder)
    {
        builder.UseStartup<Startup>();
    }

    protected override void Init(IHostBuilder builder)
    {
    }
}

public class LocalEntryPoint
{
    public static void Main(string[] args)
    {
        CreateHostBuilder(args).Build().Run();
    }

    public static IHostBuilder CreateHostBuilder(string[] args) =>
        Host.CreateDefaultBuilder(args)
            .ConfigureWebHostDefaults(webBuilder =>
            {
                webBuilder.UseStartup<Startup>();
            });
}" + BlueprintStartup,
                OutputKind.ConsoleApplication);

            var phase = Build(compilation);

            Assert.Equal(new[] { "LambdaEntryPoint" }, phase.Models.FunctionTypes.Select(t => t.Name));
            Assert.Equal(EntryPointKind.Unknown, phase.Models.EntryPointStart.Kind);
            Assert.Empty(phase.AllFindings);
        }

        [Fact]
        public async Task WebApiWithoutAnEntryPoint_IsNotAFunction_ItsStartupIsNotInit()
        {
            var compilation = await CompileAsync(Usings + @"
public class Startup
{
    private readonly DateTime _startedAt = DateTime.UtcNow;
    public void ConfigureServices(IServiceCollection services) => services.AddSingleton(new Random());
    public void Configure(IApplicationBuilder app) => app.Run(context => context.Response.WriteAsync(_startedAt.ToString(""O"")));
}

[ApiController]
public class ValuesController : ControllerBase
{
    [HttpGet]
    public string Get() => ""v"";
}");

            var phase = Build(compilation);

            Assert.False(phase.Models.Get<AspNetCoreFunctionModel>().IsPresent);
            Assert.Empty(phase.Models.FunctionTypes);
            Assert.Empty(phase.AllFindings);
        }

        [Fact]
        public async Task OnlyTheAspNetCoreServerPackage_MakesALambdaProject()
        {
            var compilation = await CompileAsync("public class C { }", OutputKind.DynamicallyLinkedLibrary, withoutCore: true);

            var types = KnownTypes.Create(compilation);

            Assert.Null(types.ILambdaContext);
            Assert.NotNull(types.AbstractAspNetCoreFunction);
            Assert.True(types.HasLambdaTypes);
        }

        [Fact]
        public async Task LanguageShapes_RecordStartup_PartialStartup_NestedEntryPoint_AreRead()
        {
            var compilation = await CompileAsync(Usings + @"
namespace Shop;

public static class Functions
{
    public class Rest : APIGatewayProxyFunction<RecordStartup>
    {
    }

    public class Alb : ApplicationLoadBalancerFunction
    {
        protected override void Init(IWebHostBuilder builder) => builder.UseStartup<PartialStartup>();
    }
}

public record RecordStartup(IConfiguration Configuration)
{
    public DateTime Started { get; } = DateTime.UtcNow;
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}

public partial class PartialStartup
{
    private readonly Guid _id = Guid.NewGuid();
    public void ConfigureServices(IServiceCollection services) => services.AddSingleton(new Random());
}

public partial class PartialStartup
{
    public void Configure(IApplicationBuilder app) => app.Run(context => context.Response.WriteAsync(_id.ToString()));
}");

            var phase = Build(compilation);
            var model = phase.Models.Get<AspNetCoreFunctionModel>();

            Assert.Equal(new[] { "Rest", "Alb" }, model.EntryPoints.Select(e => e.Type.Name));
            Assert.Equal(new[] { "RecordStartup" }, model.EntryPoints[0].StartupTypes.Select(t => t.Name));
            Assert.Equal(new[] { "ConfigureServices", "Configure" }, model.EntryPoints[1].StartupMethods.Select(m => m.Name));
            Assert.Equal(
                new[] { DiagnosticIds.RandomStateCaptured, DiagnosticIds.UniqueValueCaptured, DiagnosticIds.TimestampCaptured },
                phase.AllFindings.Select(f => f.Rule.Id).OrderBy(id => id));
        }

        [Fact]
        public async Task HalfTypedEntryPointsAndStartups_NeverThrow()
        {
            const string Source = Usings + @"
using Amazon.Lambda.Core;
namespace Shop;
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    private readonly DateTime _at = DateTime.UtcNow;
    public LambdaEntryPoint() : this(StartupMode.FirstRequest) { SnapshotRestore.RegisterAfterRestore(() => default); }
    private LambdaEntryPoint(StartupMode mode) : base(mode) { Start(); }
    protected override void Init(IWebHostBuilder builder) => builder.ConfigureServices(s => s.AddSingleton(new Random())).UseStartup<Startup>();
    protected override void Init(IHostBuilder builder) => builder.ConfigureWebHostDefaults(web => web.UseStartup(typeof(Startup)));
    protected override void PostCreateHost(IHost host) => host.Services.GetRequiredService<Cache>();
    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests() => new[] { new HttpRequestMessage(HttpMethod.Get, ""/"") };
}
public class Startup
{
    public void ConfigureServices(IServiceCollection services) { services.AddSingleton<Cache>(); services.AddHostedService<Warmer>(); }
    public void Configure(IApplicationBuilder app, Cache cache)
    {
        app.UseMiddleware<Timing>();
        app.Map(""/x"", b => b.Run(c => c.Response.WriteAsync(cache.Id)));
        app.UseEndpoints(e => e.MapGet(""/"", () => cache.Id));
    }
}
public class Cache { public string Id { get; } = Guid.NewGuid().ToString(); }
public class Timing { private readonly RequestDelegate _next; public Timing(RequestDelegate next) => _next = next; public Task InvokeAsync(HttpContext c) => _next(c); }
public class Warmer : BackgroundService { protected override Task ExecuteAsync(System.Threading.CancellationToken t) => Task.CompletedTask; }
[ApiController] public class ValuesController : ControllerBase { [HttpGet] public string Get() => ""v""; }";

            var failures = new List<string>();
            var cuts = Enumerable.Range(1, 40).Select(i => Source.Length * i / 41).ToList();
            foreach (var cut in cuts)
            {
                foreach (var variant in new[] { Source.Substring(0, cut), Source.Remove(cut, Math.Min(7, Source.Length - cut)) })
                {
                    var document = await Robustness.RobustnessCorpus.DocumentAsync(variant, OutputKind.DynamicallyLinkedLibrary);
                    var (_, exceptions) = await Robustness.RobustnessCorpus.AnalyzeAsync(document.Project);
                    if (exceptions.Count > 0)
                    {
                        failures.Add(exceptions[0] + "\n" + variant);
                    }
                }
            }

            Assert.True(failures.Count == 0, failures.FirstOrDefault());
        }

        internal static async Task<Compilation> CompileAsync(string source, OutputKind outputKind = OutputKind.DynamicallyLinkedLibrary, bool withoutCore = false)
        {
            var references = (await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
                .AddRange(await StandInReferences.ForModelAsync(LambdaModel.AspNetCoreFunction));
            if (withoutCore)
            {
                references = references.Where(r => Path.GetFileNameWithoutExtension(r.Display ?? string.Empty) != StandInReferences.CoreAssembly).ToImmutableArray();
            }

            var compilation = CSharpCompilation.Create(
                "AspNetCoreFunction",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/Function.cs") },
                references,
                new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            return compilation;
        }

        private static ProgrammingModels Find(Compilation compilation, string? editorConfig = null, params string[] templateHandlers)
        {
            var types = KnownTypes.Create(compilation);
            var options = SnapSafeOptions.Create(compilation, new TestOptionsProvider(editorConfig));
            var context = new ModelContext(compilation, types, options, templateHandlers.ToImmutableHashSet(), new SourceBodies(compilation, CancellationToken.None));
            return ProgrammingModels.Create(context, new BodyFactsTable(types, HazardCatalog.Rules));
        }

        private static InitPhase Build(Compilation compilation)
            => InitPhase.Build(
                compilation,
                KnownTypes.Create(compilation),
                SnapSafeOptions.Create(compilation, new TestOptionsProvider(null)),
                SnapSafe.Analyzers.Deployment.SnapStartDeployment.Create(SnapSafe.Analyzers.Deployment.DeploymentTemplates.None, compilation),
                HazardCatalog.Rules,
                CancellationToken.None);
    }
}
