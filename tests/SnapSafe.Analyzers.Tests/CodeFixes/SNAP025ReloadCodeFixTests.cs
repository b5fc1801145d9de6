using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>SNAP025 through the shared after-restore fix: the hook reloads the configuration root. Fixed sources are compiled and clean.</summary>
    public class SNAP025ReloadCodeFixTests
    {
        [Fact]
        public Task ClassLibrary_RootInAFieldInitializer_IsReloadedByAHookInANewConstructor() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Microsoft.Extensions.Configuration;

public class Function
{
    private readonly IConfigurationRoot _configuration = {|SNAP025:new ConfigurationBuilder().AddSystemsManager(""/orders"")|}.Build();

    public string Handler(string input, ILambdaContext context) => _configuration[input] ?? input;
}", @"
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
        public Task ClassLibrary_StaticConfigurationAssignedInTheStaticConstructor_IsCastAndReloaded() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Microsoft.Extensions.Configuration;

public class Function
{
    private static readonly IConfiguration Configuration;

    static Function()
    {
        Configuration = {|SNAP025:new ConfigurationBuilder().AddSecretsManager()|}.Build();
    }

    public string Handler(string input, ILambdaContext context) => Configuration[input] ?? input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.Extensions.Configuration;

public class Function
{
    private static readonly IConfiguration Configuration;

    static Function()
    {
        Configuration = new ConfigurationBuilder().AddSecretsManager().Build();
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            ((IConfigurationRoot)Configuration).Reload();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => Configuration[input] ?? input;
}");

        [Fact]
        public Task Executable_TopLevelRoot_IsReloadedBeforeRunAsync() => Verify(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.Configuration;

var configuration = {|SNAP025:new ConfigurationBuilder().AddAppConfig(""orders"", ""prod"", ""flags"")|}.Build();
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => configuration[input] ?? input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.Configuration;

var configuration = new ConfigurationBuilder().AddAppConfig(""orders"", ""prod"", ""flags"").Build();
SnapshotRestore.RegisterAfterRestore(() =>
{
    configuration.Reload();
    return ValueTask.CompletedTask;
});
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => configuration[input] ?? input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_BuilderConfiguration_IsReloadedBeforeAppRun() => Verify(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
{|SNAP025:builder.Configuration.AddSystemsManager(""/orders"")|};
var app = builder.Build();
app.MapGet(""/"", (IConfiguration configuration) => configuration[""Greeting""]);
app.Run();
", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Configuration.AddSystemsManager(""/orders"");
var app = builder.Build();
app.MapGet(""/"", (IConfiguration configuration) => configuration[""Greeting""]);
SnapshotRestore.RegisterAfterRestore(() =>
{
    ((IConfigurationRoot)builder.Configuration).Reload();
    return ValueTask.CompletedTask;
});
app.Run();
");

        [Fact]
        public Task Annotations_RootInALocalOfConfigureServices_IsReloadedByAHookThere() => Verify(LambdaModel.Annotations, @"
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
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var configuration = new ConfigurationBuilder().AddSystemsManager(""/orders"").Build();
        services.AddSingleton<IConfiguration>(configuration);
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            configuration.Reload();
            return ValueTask.CompletedTask;
        });
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
        public Task NoFix_HostBuilderCallback() => Verify(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

using var host = Host.CreateDefaultBuilder(args)
    .ConfigureAppConfiguration((context, configuration) => {|SNAP025:configuration.AddSystemsManager(""/orders"")|})
    .Build();
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
", null);

        [Fact]
        public Task FixAll_ReloadAndBoundedSecretRefetchShareOneHook() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Microsoft.Extensions.Configuration;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private readonly IConfigurationRoot _configuration = {|SNAP025:new ConfigurationBuilder().AddSystemsManager(""/orders"")|}.Build();
    private readonly string _apiKey;

    public Function()
    {
        _apiKey = {|SNAP020:_secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).GetAwaiter().GetResult().SecretString|};
    }

    public string Handler(string input, ILambdaContext context) => _configuration[input] + _apiKey;
}",
            FixedCode = @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Microsoft.Extensions.Configuration;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private readonly IConfigurationRoot _configuration = new ConfigurationBuilder().AddSystemsManager(""/orders"").Build();
    private string _apiKey;

    public Function()
    {
        _apiKey = _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).GetAwaiter().GetResult().SecretString;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            _configuration.Reload();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _apiKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }, cts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _configuration[input] + _apiKey;
}",
            BatchFixedCode = @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Microsoft.Extensions.Configuration;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private readonly IConfigurationRoot _configuration = new ConfigurationBuilder().AddSystemsManager(""/orders"").Build();
    private string _apiKey;

    public Function()
    {
        _apiKey = _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).GetAwaiter().GetResult().SecretString;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _configuration.Reload();
            _apiKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }, cts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _configuration[input] + _apiKey;
}",
        }.WithPackages().RunAsync(CancellationToken.None);

        private static Task Verify(LambdaModel model, string source, string? fixedSource)
            => new VerifyCS.Test(model) { TestCode = source, FixedCode = fixedSource ?? source }.WithPackages().RunAsync(CancellationToken.None);
    }
}
