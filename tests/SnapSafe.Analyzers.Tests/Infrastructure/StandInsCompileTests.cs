using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyNoOp = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.Tests.Infrastructure.NoOpAnalyzer>;

#pragma warning disable RS1036, RS2008 // Test-only analyzers: never shipped, no release tracking.

namespace SnapSafe.Analyzers.Tests.Infrastructure
{
    /// <summary>Each programming model compiles a typical Lambda function of that model without errors.</summary>
    public class StandInsCompileTests
    {
        [Fact]
        public Task ClassLibrary_HandlerWithSerializerAndHooks_Compiles() => VerifyNoOp.VerifyClassLibraryAsync(@"
using System;
using System.IO;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

namespace Orders;

public record Order(string Id, decimal Total);

public class Function
{
    private readonly ILambdaSerializer _serializer = new CamelCaseLambdaJsonSerializer(options => options.WriteIndented = false);

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);
        SnapshotRestore.RegisterAfterRestore(async () => await Task.Yield());
    }

    public async Task<string> FunctionHandler(Order order, ILambdaContext context)
    {
        context.Logger.LogInformation($""Order {order.Id} in {context.FunctionName} ({context.AwsRequestId}), {context.RemainingTime} left"");
        context.Logger.LogLine(context.InvokedFunctionArn + context.MemoryLimitInMB + context.LogGroupName + context.LogStreamName + context.FunctionVersion);
        context.Logger.Log(LogLevel.Warning, ""total {Total}"", order.Total);
        context.Logger.LogError(new InvalidOperationException(), ""failed {Id}"", order.Id);
        LambdaLogger.Log(context.Identity?.IdentityId ?? context.ClientContext?.Client?.AppTitle ?? ""anonymous"");
        using var stream = new MemoryStream();
        _serializer.Serialize(order, stream);
        stream.Position = 0;
        await Task.Yield();
        return _serializer.Deserialize<Order>(stream).Id;
    }

    public Stream StreamHandler(Stream input, ILambdaContext context) => input;
}");

        [Theory]
        [InlineData("var handler = (string input, ILambdaContext context) => input.ToUpperInvariant();\nawait LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();")]
        [InlineData("Func<string, ILambdaContext, string> handler = (input, context) => input;\nawait LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer())\n    .Build()\n    .RunAsync();")]
        [InlineData("Func<Order, ILambdaContext, Task<string>> handler = async (order, context) => { await Task.Yield(); return order.Id; };\nusing var bootstrap = LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build();\nawait bootstrap.RunAsync(CancellationToken.None);\nrecord Order(string Id);")]
        [InlineData("await LambdaBootstrapBuilder.Create(async (Stream input, ILambdaContext context) => { await Task.Yield(); return input; }).Build().RunAsync();")]
        [InlineData("await LambdaBootstrapBuilder.Create((Order order) => order.Id.Length, new DefaultLambdaJsonSerializer()).Build().RunAsync();\nrecord Order(string Id);")]
        [InlineData("await LambdaBootstrapBuilder.Create((ILambdaContext context) => context.Logger.LogLine(\"tick\")).Build().RunAsync();")]
        [InlineData("using var wrapper = HandlerWrapper.GetHandlerWrapper((Func<string, ILambdaContext, string>)((input, context) => input), new DefaultLambdaJsonSerializer());\nusing var bootstrap = new LambdaBootstrap(wrapper);\nawait bootstrap.RunAsync();")]
        public Task Executable_TopLevelBootstrap_Compiles(string statements) => VerifyNoOp.VerifyExecutableAsync(@"
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
" + statements + "\n");

        [Fact]
        public Task Executable_MainMethod_Compiles() => VerifyNoOp.VerifyExecutableAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    public static async Task Main(string[] args)
    {
        Func<string, ILambdaContext, Task<string>> handler = FunctionHandler;
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer())
            .UseBootstrapHandler(() => Task.FromResult(true))
            .Build()
            .RunAsync();
    }

    public static Task<string> FunctionHandler(string input, ILambdaContext context) => Task.FromResult(input.ToUpperInvariant());
}");

        [Fact]
        public Task MinimalApi_WebApplicationWithLambdaHosting_Compiles() => VerifyNoOp.VerifyMinimalApiAsync(@"
using System;
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/health""));
builder.Services.AddSingleton(new Random(42));
builder.Services.AddSingleton<TimeProvider>(TimeProvider.System);

var app = builder.Build();
var started = DateTime.UtcNow;
app.MapGet(""/health"", () => ""ok"");
app.MapGet(""/orders/{id}"", (string id, ILogger<Program> logger) =>
{
    logger.LogInformation(""order {Id}"", id);
    return Results.Ok(new { id, started });
});
app.Run();
");

        [Fact]
        public Task MinimalApi_HostingOptionsAndBeforeSnapshotRequest_Compile() => VerifyNoOp.VerifyMinimalApiAsync(@"
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi, (HostingOptions options) => options.Serializer = new DefaultLambdaJsonSerializer());
builder.Services.AddAWSLambdaBeforeSnapshotRequest(new HttpRequestMessage(HttpMethod.Get, ""/""));
SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
var app = builder.Build();
app.MapGet(""/"", () => LambdaEventSource.ApplicationLoadBalancer.ToString() + LambdaEventSource.WebsocketApi);
await app.RunAsync();
");

        [Fact]
        public Task AspNetCoreFunction_BlueprintEntryPointsStartupAndController_Compile() => VerifyNoOp.VerifyAspNetCoreFunctionAsync(@"
using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.APIGatewayEvents;
using Amazon.Lambda.ApplicationLoadBalancerEvents;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.AspNetCoreServer.Internal;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Orders;

public class LambdaEntryPoint : APIGatewayProxyFunction
{
    public LambdaEntryPoint()
    {
        RegisterResponseContentEncodingForContentType(""application/pdf"", ResponseContentEncoding.Base64);
        IncludeUnhandledExceptionDetailInResponse = true;
    }

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();

    protected override void Init(IHostBuilder builder) => builder.ConfigureWebHostLambdaDefaults(web => web.UseLambdaServer());

    protected override void PostCreateHost(IHost host) => Console.WriteLine(host.Services);

    protected override void PostCreateWebHost(IWebHost webHost) => Console.WriteLine(webHost.Services);

    protected override IEnumerable<HttpRequestMessage> GetBeforeSnapshotRequests() => new[] { new HttpRequestMessage(HttpMethod.Get, ""/api/orders"") };

    protected override void PostMarshallRequestFeature(IHttpRequestFeature aspNetCoreRequestFeature, APIGatewayProxyRequest lambdaRequest, ILambdaContext lambdaContext)
        => aspNetCoreRequestFeature.Headers[""x-request-id""] = lambdaRequest.RequestContext?.RequestId;

    protected override void MarshallRequest(InvokeFeatures features, APIGatewayProxyRequest apiGatewayRequest, ILambdaContext lambdaContext)
        => base.MarshallRequest(features, apiGatewayRequest, lambdaContext);

    public override Task<APIGatewayProxyResponse> FunctionHandlerAsync(APIGatewayProxyRequest request, ILambdaContext lambdaContext)
        => base.FunctionHandlerAsync(request, lambdaContext);
}

public class HttpApiEntryPoint : APIGatewayHttpApiV2ProxyFunction<Startup>
{
    public HttpApiEntryPoint() : base(StartupMode.FirstRequest) => Start();
}

public class LoadBalancerEntryPoint : ApplicationLoadBalancerFunction<Startup>
{
    protected override void PostMarshallResponseFeature(IHttpResponseFeature aspNetCoreResponseFeature, ApplicationLoadBalancerResponse lambdaResponse, ILambdaContext lambdaContext)
        => lambdaResponse.StatusDescription = aspNetCoreResponseFeature.ReasonPhrase;
}

#pragma warning disable CS0618 // the obsolete startup mode of the 1.x-5.x packages
public class LegacyEntryPoint : APIGatewayProxyFunction<Startup>
{
    public LegacyEntryPoint() : base((StartupMode)APIGatewayProxyFunction.AspNetCoreStartupMode.Constructor) { }
}
#pragma warning restore CS0618

public class Startup
{
    public Startup(IConfiguration configuration) => Configuration = configuration;

    public IConfiguration Configuration { get; }

    public void ConfigureServices(IServiceCollection services) => services.AddControllers();

    public void Configure(IApplicationBuilder app, IWebHostEnvironment env)
    {
        if (env.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }

        app.UseRouting();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapControllers();
            endpoints.MapGet(""/"", async context => await context.Response.WriteAsync(AbstractAspNetCoreFunction.LAMBDA_CONTEXT));
        });
    }
}

[ApiController]
[Route(""api/[controller]"")]
public class OrdersController : ControllerBase
{
    [HttpGet]
    public IEnumerable<string> Get() => new[] { ""a"", ""b"" };

    [HttpGet(""{id}"")]
    public ActionResult<string> Get(int id) => HttpContext.Items[AbstractAspNetCoreFunction.LAMBDA_CONTEXT] is ILambdaContext context ? context.AwsRequestId : NotFound();
}
");

        [Fact]
        public Task Annotations_FunctionsAndStartup_Compile() => VerifyNoOp.VerifyAnnotationsAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Annotations.APIGateway;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
[assembly: LambdaGlobalProperties(GenerateMain = false, Runtime = ""dotnet8"")]

namespace Orders;

public record Order(string Id, decimal Total);

public interface IOrderStore
{
    Task<Order?> FindAsync(string id);
}

public sealed class InMemoryOrderStore : IOrderStore
{
    public Task<Order?> FindAsync(string id) => Task.FromResult<Order?>(new Order(id, 10m));
}

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder().Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IOrderStore, InMemoryOrderStore>();
        services.AddLogging();
    }
}

public class Functions
{
    private readonly IOrderStore _store;

    public Functions(IOrderStore store)
    {
        _store = store;
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    [LambdaFunction(MemorySize = 512, Timeout = 30, PackageType = LambdaPackageType.Zip)]
    [HttpApi(LambdaHttpMethod.Get, ""/orders/{id}"")]
    public async Task<IHttpResult> GetOrder(string id, [FromServices] ILogger<Functions> logger, ILambdaContext context)
    {
        logger.LogInformation(""{RequestId}"", context.AwsRequestId);
        var order = await _store.FindAsync(id);
        return order is null ? HttpResults.NotFound() : HttpResults.Ok(order).AddHeader(""x-request-id"", context.AwsRequestId);
    }

    [LambdaFunction(ResourceName = ""CreateOrder"")]
    [RestApi(LambdaHttpMethod.Post, ""/orders"")]
    public IHttpResult Create([FromBody] Order order, [FromHeader(Name = ""x-tenant"")] string tenant, [FromQuery] int page, [FromRoute] string? unused = null)
        => HttpResults.Created(""/orders/"" + order.Id, order);

    [LambdaFunction]
    public string Echo(string input) => input;
}");

        [Fact]
        public Task NoLambda_PlainLibrary_Compiles() => VerifyNoOp.VerifyNoLambdaAsync(@"
using System;

public class Function
{
    public int Handler(string input) => input.Length + Random.Shared.Next();
}");

        [Fact]
        public async Task CoreWithoutSnapshotRestore_HandlerCompiles_ButSnapshotRestoreDoesNotResolve()
        {
            var compilation = await CompileAsync(LambdaModel.CoreWithoutSnapshotRestore, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        context.Logger.LogLine(input);
        return input;
    }
}");
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            Assert.NotNull(compilation.GetTypeByMetadataName("Amazon.Lambda.Core.ILambdaContext"));
            Assert.Null(compilation.GetTypeByMetadataName("Amazon.Lambda.Core.SnapshotRestore"));
        }

        [Theory]
        [InlineData(LambdaModel.ClassLibrary, "Amazon.Lambda.Core.SnapshotRestore", "Amazon.Lambda.Core")]
        [InlineData(LambdaModel.ClassLibrary, "Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer", "Amazon.Lambda.Serialization.SystemTextJson")]
        [InlineData(LambdaModel.Executable, "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder", "Amazon.Lambda.RuntimeSupport")]
        [InlineData(LambdaModel.Executable, "Amazon.Lambda.RuntimeSupport.LambdaBootstrap", "Amazon.Lambda.RuntimeSupport")]
        [InlineData(LambdaModel.MinimalApi, "Microsoft.Extensions.DependencyInjection.LambdaEventSource", "Amazon.Lambda.AspNetCoreServer.Hosting")]
        [InlineData(LambdaModel.MinimalApi, "Amazon.Lambda.AspNetCoreServer.Hosting.HostingOptions", "Amazon.Lambda.AspNetCoreServer.Hosting")]
        [InlineData(LambdaModel.MinimalApi, "Microsoft.AspNetCore.Builder.WebApplication", "Microsoft.AspNetCore")]
        [InlineData(LambdaModel.MinimalApi, "Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction", "Amazon.Lambda.AspNetCoreServer")]
        [InlineData(LambdaModel.AspNetCoreFunction, "Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction", "Amazon.Lambda.AspNetCoreServer")]
        [InlineData(LambdaModel.AspNetCoreFunction, "Amazon.Lambda.AspNetCoreServer.APIGatewayProxyFunction`1", "Amazon.Lambda.AspNetCoreServer")]
        [InlineData(LambdaModel.AspNetCoreFunction, "Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction`2", "Amazon.Lambda.AspNetCoreServer")]
        [InlineData(LambdaModel.AspNetCoreFunction, "Amazon.Lambda.AspNetCoreServer.StartupMode", "Amazon.Lambda.AspNetCoreServer")]
        [InlineData(LambdaModel.AspNetCoreFunction, "Amazon.Lambda.APIGatewayEvents.APIGatewayHttpApiV2ProxyRequest", "Amazon.Lambda.APIGatewayEvents")]
        [InlineData(LambdaModel.AspNetCoreFunction, "Amazon.Lambda.ApplicationLoadBalancerEvents.ApplicationLoadBalancerRequest", "Amazon.Lambda.ApplicationLoadBalancerEvents")]
        [InlineData(LambdaModel.AspNetCoreFunction, "Microsoft.AspNetCore.Mvc.ControllerBase", "Microsoft.AspNetCore.Mvc.Core")]
        [InlineData(LambdaModel.Annotations, "Amazon.Lambda.Annotations.LambdaFunctionAttribute", "Amazon.Lambda.Annotations")]
        [InlineData(LambdaModel.Annotations, "Amazon.Lambda.Annotations.LambdaStartupAttribute", "Amazon.Lambda.Annotations")]
        [InlineData(LambdaModel.Annotations, "Microsoft.Extensions.DependencyInjection.IServiceCollection", "Microsoft.Extensions.DependencyInjection.Abstractions")]
        public async Task StandInTypes_ComeFromMetadata_OfTheRealAssembly(LambdaModel model, string metadataName, string assemblyName)
        {
            var compilation = await CompileAsync(model, "public class C { }");
            var type = compilation.GetTypeByMetadataName(metadataName);
            Assert.NotNull(type);
            Assert.Equal(assemblyName, type!.ContainingAssembly.Name);
            Assert.All(type.Locations, location => Assert.True(location.IsInMetadata));
        }

        [Theory]
        [InlineData(LambdaModel.NoLambda, "Amazon.Lambda.Core.ILambdaContext")]
        [InlineData(LambdaModel.ClassLibrary, "Amazon.Lambda.RuntimeSupport.LambdaBootstrap")]
        [InlineData(LambdaModel.ClassLibrary, "Microsoft.AspNetCore.Builder.WebApplication")]
        [InlineData(LambdaModel.Executable, "Amazon.Lambda.Annotations.LambdaFunctionAttribute")]
        [InlineData(LambdaModel.Annotations, "Microsoft.AspNetCore.Builder.WebApplication")]
        [InlineData(LambdaModel.AspNetCoreFunction, "Amazon.Lambda.RuntimeSupport.LambdaBootstrap")]
        [InlineData(LambdaModel.AspNetCoreFunction, "Microsoft.Extensions.DependencyInjection.LambdaEventSource")]
        public async Task Models_DoNotReferenceOtherModelsPackages(LambdaModel model, string metadataName)
        {
            var compilation = await CompileAsync(model, "public class C { }");
            Assert.Null(compilation.GetTypeByMetadataName(metadataName));
        }

        [Theory]
        [InlineData(LambdaModel.Executable, StandInReferences.RuntimeSupportAssembly, StandInReferences.RuntimeSupportVersion)]
        [InlineData(LambdaModel.ExecutableBeforeSnapStart, StandInReferences.RuntimeSupportAssembly, StandInReferences.RuntimeSupportBeforeSnapStartVersion)]
        [InlineData(LambdaModel.Annotations, StandInReferences.AnnotationsAssembly, StandInReferences.AnnotationsVersion)]
        [InlineData(LambdaModel.AnnotationsBeforeSnapStart, StandInReferences.AnnotationsAssembly, StandInReferences.AnnotationsBeforeSnapStartVersion)]
        [InlineData(LambdaModel.AspNetCoreFunction, StandInReferences.AspNetCoreServerAssembly, StandInReferences.AspNetCoreServerVersion)]
        public async Task StandIns_CarryTheAssemblyVersionOfThePackage(LambdaModel model, string assemblyName, string version)
        {
            var compilation = await CompileAsync(model, "public class C { }");
            var identity = Assert.Single(compilation.ReferencedAssemblyNames, a => a.Name == assemblyName);
            Assert.Equal(System.Version.Parse(version), identity.Version);
        }

        private static async Task<CSharpCompilation> CompileAsync(LambdaModel model, string source)
        {
            var net80 = await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            var references = net80.AddRange(await StandInReferences.ForModelAsync(model));
            return CSharpCompilation.Create(
                "Test",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)) },
                references,
                new CSharpCompilationOptions(StandInReferences.OutputKindOf(model), nullableContextOptions: NullableContextOptions.Enable));
        }
    }

    /// <summary>An analyzer that reports nothing: the verifier then checks only that the source compiles.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor(
            "NOOP01", "Never reported", "Never reported", "Test", DiagnosticSeverity.Hidden, isEnabledByDefault: false);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        }
    }
}
