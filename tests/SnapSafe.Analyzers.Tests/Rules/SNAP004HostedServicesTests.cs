using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>SNAP004 for a generic host (and so its hosted services) started during init.</summary>
    public class SNAP004HostedServicesTests
    {
        private const string Worker = @"
public sealed class Heartbeat : Microsoft.Extensions.Hosting.BackgroundService
{
    protected override async System.Threading.Tasks.Task ExecuteAsync(System.Threading.CancellationToken stoppingToken)
    {
        using var timer = new System.Threading.PeriodicTimer(System.TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(stoppingToken)) { }
    }
}";

        [Fact]
        public Task Executable_HostStartedBeforeTheRuntimeLoop() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using var host = Host.CreateDefaultBuilder(args)
    .ConfigureServices(services => services.AddHostedService<Heartbeat>())
    .Build();
await {|SNAP004:host.StartAsync()|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
" + Worker);

        [Fact]
        public Task Executable_HostRunFireAndForgetBeforeTheRuntimeLoop() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services.AddHostedService<Heartbeat>();
var host = builder.Build();
_ = {|SNAP004:host.RunAsync()|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
" + Worker);

        [Fact]
        public Task ClassLibrary_HostStartedInTheConstructor() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

public class Function
{
    private readonly IHost _host;

    public Function()
    {
        _host = Host.CreateDefaultBuilder().ConfigureServices(services => services.AddHostedService<Heartbeat>()).Build();
        {|SNAP004:_host.Start()|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}" + Worker);

        [Fact]
        public Task MinimalApi_SecondHostStartedBeforeRun() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var workers = Host.CreateDefaultBuilder().ConfigureServices(services => services.AddHostedService<Heartbeat>()).Build();
await {|SNAP004:workers.StartAsync()|};
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
app.Run();
" + Worker);

        [Fact]
        public Task Clean_HostBuiltAtInitStartedPerInvocation_AndTheMinimalApisOwnRun() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

public class Function
{
    private readonly IHost _host = Host.CreateDefaultBuilder().ConfigureServices(services => services.AddHostedService<Heartbeat>()).Build();

    public async Task<string> Handler(string input, ILambdaContext context)
    {
        await _host.StartAsync();
        await _host.StopAsync();
        return input;
    }
}" + Worker);

        [Fact]
        public Task Clean_MinimalApiHostedServiceStartedByTheRuntimeStart() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddHostedService<Heartbeat>();
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
await app.RunAsync();
" + Worker);
    }
}
