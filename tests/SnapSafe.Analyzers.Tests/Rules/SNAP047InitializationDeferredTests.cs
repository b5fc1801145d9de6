using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.StartupModeCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP047InitializationDeferredTests
    {
        private const string Usings = @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
";

        private const string Startup = @"
public class Startup
{
    private readonly DateTime _startedAt = DateTime.UtcNow;

    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(new Random());
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    public void Configure(IApplicationBuilder app)
    {
        app.Run(context => context.Response.WriteAsync(_startedAt.ToString(""O"")));
    }
}";

        [Fact]
        public Task FirstRequest_IsFlagged_StartupStateIsNotInit_HooksThereNeverRun_FixRemovesTheArgument()
        {
            var test = new VerifyCS.Test(LambdaModel.AspNetCoreFunction)
            {
                TestCode = Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    public LambdaEntryPoint()
        : base({|SNAP047:StartupMode.FirstRequest|})
    {
    }

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}
" + Startup.Replace("SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)", "{|SNAP040:SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask)|}"),
                FixedCode = Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction
{
    public LambdaEntryPoint()
    {
    }

    protected override void Init(IWebHostBuilder builder) => builder.UseStartup<Startup>();
}
" + Startup
                    .Replace("private readonly DateTime _startedAt = DateTime.UtcNow;", "private readonly DateTime _startedAt = {|SNAP003:DateTime.UtcNow|};")
                    .Replace("services.AddSingleton(new Random());", "services.AddSingleton({|SNAP001:new Random()|});"),
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FirstRequest_OneLineConstructor_PrimaryConstructor_AndNamedArgument_AreFixed()
        {
            var test = new VerifyCS.Test(LambdaModel.AspNetCoreFunction)
            {
                TestCode = Usings + @"
public class RestEntryPoint : APIGatewayProxyFunction<Startup>
{
    public RestEntryPoint() : base({|SNAP047:StartupMode.FirstRequest|}) { }
}

public class HttpApiEntryPoint() : APIGatewayHttpApiV2ProxyFunction<Startup>({|SNAP047:startupMode: StartupMode.FirstRequest|})
{
}

public class LoadBalancerEntryPoint : ApplicationLoadBalancerFunction<Startup>
{
    public LoadBalancerEntryPoint()
        : base({|SNAP047:(StartupMode)1|})
    {
        Console.WriteLine(""built"");
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}",
                FixedCode = Usings + @"
public class RestEntryPoint : APIGatewayProxyFunction<Startup>
{
    public RestEntryPoint() { }
}

public class HttpApiEntryPoint() : APIGatewayHttpApiV2ProxyFunction<Startup>()
{
}

public class LoadBalancerEntryPoint : ApplicationLoadBalancerFunction<Startup>
{
    public LoadBalancerEntryPoint()
    {
        Console.WriteLine(""built"");
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}",
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FirstRequest_ThroughAThisCall_IsFlaggedWithoutFix() => VerifyCS.VerifyAnalyzerAsync(LambdaModel.AspNetCoreFunction, Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    public LambdaEntryPoint()
        : this({|SNAP047:StartupMode.FirstRequest|})
    {
    }

    private LambdaEntryPoint(StartupMode mode)
        : base(mode)
    {
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}");

        [Fact]
        public Task ConstructorStartup_OrFirstRequestWithAnExplicitStart_IsClean() => VerifyCS.VerifyAnalyzerAsync(LambdaModel.AspNetCoreFunction, Usings + @"
public class RestEntryPoint : APIGatewayProxyFunction<Startup>
{
    public RestEntryPoint() : base(StartupMode.Constructor) { }
}

public class HttpApiEntryPoint : APIGatewayHttpApiV2ProxyFunction<Startup>
{
    public HttpApiEntryPoint()
        : base(StartupMode.FirstRequest)
    {
        RegisterResponseContentEncodingForContentType(""application/pdf"", ResponseContentEncoding.Base64);
        Start();
    }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}");

        [Fact]
        public Task FixAll_RemovesEveryFirstRequest()
        {
            var test = new VerifyCS.Test(LambdaModel.AspNetCoreFunction)
            {
                TestCode = Usings + @"
public class RestEntryPoint : APIGatewayProxyFunction<Startup>
{
    public RestEntryPoint() : base({|SNAP047:StartupMode.FirstRequest|}) { }
}

public class HttpApiEntryPoint : APIGatewayHttpApiV2ProxyFunction<Startup>
{
    public HttpApiEntryPoint() : base({|SNAP047:StartupMode.FirstRequest|}) { }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}",
                FixedCode = Usings + @"
public class RestEntryPoint : APIGatewayProxyFunction<Startup>
{
    public RestEntryPoint() { }
}

public class HttpApiEntryPoint : APIGatewayHttpApiV2ProxyFunction<Startup>
{
    public HttpApiEntryPoint() { }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}",
                NumberOfFixAllIterations = 1,
            };
            return test.RunAsync(CancellationToken.None);
        }

        [Fact]
        public Task FirstRequest_DeployedWithoutSnapStart_IsSilent() => new VerifyCS.Test(LambdaModel.AspNetCoreFunction)
        {
            TestCode = Usings + @"
public class LambdaEntryPoint : APIGatewayProxyFunction<Startup>
{
    public LambdaEntryPoint() : base(StartupMode.FirstRequest) { }
}

public class Startup
{
    public void ConfigureServices(IServiceCollection services) { }
    public void Configure(IApplicationBuilder app) { }
}",
        }.WithGlobalConfig("snapsafe.snapstart = disabled").RunAsync();

        [Fact]
        public Task Annotations_BeforeSnapStartSupport_FlagsEveryFunctionMethod() => VerifyCS.VerifyAnalyzerAsync(LambdaModel.AnnotationsBeforeSnapStart, @"
using Amazon.Lambda.Annotations;

public class Functions
{
    [LambdaFunction]
    public string {|#0:Greet|}(string name) => ""Hello "" + name;

    [LambdaFunction]
    public string {|SNAP047:Farewell|}(string name) => ""Bye "" + name;

    public string Helper(string name) => name;
}",
            VerifyCS.Diagnostic(Descriptors.SNAP047InitializationDeferred).WithLocation(0)
                .WithArguments("Amazon.Lambda.Annotations 1.5.0 builds 'Functions' on the first invocation, after the snapshot", "upgrade it to 1.6.0 or later"));

        [Fact]
        public Task Annotations_WithSnapStartSupport_IsClean() => VerifyCS.VerifyAnalyzerAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;

public class Functions
{
    [LambdaFunction]
    public string Greet(string name) => ""Hello "" + name;
}");

        [Fact]
        public Task Executable_RuntimeSupportBeforeSnapStart_IsFlaggedAtRunAsync() => VerifyCS.VerifyAnalyzerAsync(LambdaModel.ExecutableBeforeSnapStart, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

Func<string, ILambdaContext, string> handler = (input, context) => input;
await {|#0:LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync()|};",
            VerifyCS.Diagnostic(Descriptors.SNAP047InitializationDeferred)
                .WithLocation(0)
                .WithArguments("Amazon.Lambda.RuntimeSupport 1.11.0 has no SnapStart support: it never runs the hooks init registers", "upgrade it to 1.12.0 or later"));

        [Fact]
        public Task Executable_RuntimeSupportWithSnapStart_IsClean() => VerifyCS.VerifyAnalyzerAsync(LambdaModel.Executable, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

Func<string, ILambdaContext, string> handler = (input, context) => input;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();");
    }
}
