using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>A host builder's configuration callbacks run during init (when the host is built there) and are not kept.</summary>
    public class HostBuilderCallbacksTests
    {
        [Fact]
        public Task Executable_SingletonInstanceRegisteredInAConfigureServicesCallback_IsKept() => VerifyAsync(LambdaModel.Executable, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

using var host = Host.CreateDefaultBuilder(args)
    .ConfigureServices(services => services.AddSingleton({|SNAP001:new Random()|}))
    .Build();
var random = host.Services.GetRequiredService<Random>();
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input + random.Next(), new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_HostConfigureServicesCallbackRunsDuringInit() => VerifyAsync(LambdaModel.MinimalApi, @"
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Host.ConfigureServices(services => services.AddSingleton({|SNAP003:new Clock(DateTime.UtcNow)|}));
var app = builder.Build();
app.MapGet(""/"", (Clock clock) => clock.Started);
app.Run();

public sealed record Clock(DateTime Started);
");

        [Fact]
        public Task Clean_ALocalOnlyACallbackCapturesIsNotKept() => VerifyAsync(LambdaModel.Executable, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var buildId = Guid.NewGuid().ToString(""N"");
using var host = Host.CreateDefaultBuilder(args)
    .ConfigureServices(services => Console.WriteLine(""configuring "" + buildId + "" with "" + services.Count))
    .Build();
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");
    }
}
