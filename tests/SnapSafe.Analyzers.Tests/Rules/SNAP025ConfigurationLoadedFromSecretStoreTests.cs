using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP025ConfigurationLoadedFromSecretStoreTests
    {
        [Fact]
        public Task ClassLibrary_SystemsManagerRootKeptInAField() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Microsoft.Extensions.Configuration;

public class Function
{
    private readonly IConfigurationRoot _configuration = {|SNAP025:new ConfigurationBuilder().AddSystemsManager(""/orders"")|}.Build();

    public string Handler(string input, ILambdaContext context) => _configuration[""Db:Password""] ?? input;
}");

        [Fact]
        public Task ClassLibrary_SecretsManagerInAStaticConstructor() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Microsoft.Extensions.Configuration;

public class Function
{
    private static readonly IConfiguration Configuration;

    static Function()
    {
        Configuration = {|SNAP025:new ConfigurationBuilder()
            .AddEnvironmentVariables()
            .AddSecretsManager()|}
            .Build();
    }

    public string Handler(string input, ILambdaContext context) => Configuration[""ApiKey""] ?? input;
}");

        [Fact]
        public Task Executable_AppConfigInATopLevelLocal() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.Configuration;

var configuration = {|SNAP025:new ConfigurationBuilder().AddAppConfig(""orders"", ""prod"", ""flags"")|}.Build();
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => configuration[input] ?? input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task Executable_HostBuilderConfigurationCallback() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

using var host = Host.CreateDefaultBuilder(args)
    .ConfigureAppConfiguration((context, configuration) => {|SNAP025:configuration.AddSystemsManager(source => source.Path = ""/orders"")|})
    .Build();
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_BuilderConfiguration() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
{|SNAP025:builder.Configuration.AddSystemsManager(""/orders"", optional: true)|};
var app = builder.Build();
app.MapGet(""/"", (IConfiguration configuration) => configuration[""Greeting""]);
app.Run();
");

        [Fact]
        public Task MinimalApi_HostConfigurationCallback() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Host.ConfigureAppConfiguration(configuration => {|SNAP025:configuration.AddSecretsManager()|});
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
app.Run();
");

        [Fact]
        public Task Annotations_StartupBuildsConfiguration() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var configuration = {|SNAP025:new ConfigurationBuilder().AddSystemsManager(""/orders"")|}.Build();
        services.AddSingleton<IConfiguration>(configuration);
    }
}

public class Functions
{
    private readonly IConfiguration _configuration;

    public Functions(IConfiguration configuration) => _configuration = configuration;

    [LambdaFunction]
    public string Get(string key) => _configuration[key] ?? key;
}");

        [Fact]
        public Task Clean_ConfigurationBuiltPerRequestLazilyOrFromFiles() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
using Microsoft.Extensions.Configuration;

public class Function
{
    private readonly IConfigurationRoot _files = new ConfigurationBuilder().AddJsonFile(""appsettings.json"", optional: true).AddEnvironmentVariables().Build();
    private readonly Lazy<IConfigurationRoot> _secrets = new Lazy<IConfigurationRoot>(() => new ConfigurationBuilder().AddSecretsManager().Build());

    public string Handler(string input, ILambdaContext context)
    {
        var perRequest = new ConfigurationBuilder().AddSystemsManager(""/orders"").Build();
        return perRequest[input] ?? _secrets.Value[input] ?? _files[input] ?? input;
    }
}");

        [Fact]
        public Task Clean_RootReloadedInAnAfterRestoreHook() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.Extensions.Configuration;

public class Function
{
    private readonly IConfigurationRoot _configuration = new ConfigurationBuilder().AddSystemsManager(""/orders"").Build();

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _configuration.Reload();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _configuration[input] ?? input;
}");

        [Fact]
        public Task MinimalApi_ReloadingAnotherRootDoesNotCount() => VerifyAsync(LambdaModel.MinimalApi, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
{|SNAP025:builder.Configuration.AddSystemsManager(""/orders"")|};
var files = new ConfigurationBuilder().AddJsonFile(""extra.json"", optional: true).Build();
SnapshotRestore.RegisterAfterRestore(() =>
{
    files.Reload();
    return ValueTask.CompletedTask;
});
var app = builder.Build();
app.MapGet(""/"", () => files[""x""]);
app.Run();
");
    }
}
