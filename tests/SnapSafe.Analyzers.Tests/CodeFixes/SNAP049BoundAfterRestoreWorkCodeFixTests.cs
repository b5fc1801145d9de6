using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.SNAP049BoundAfterRestoreWorkCodeFix>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>SNAP049: the hook's calls get a token from a source with a 5-second timeout. Fixed sources are compiled and clean.</summary>
    public class SNAP049BoundAfterRestoreWorkCodeFixTests
    {
        [Fact]
        public Task ClassLibrary_OptionalTokenParameter_IsPassedByName() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private string _apiKey = string.Empty;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            _apiKey = (await {|SNAP049:_secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" })|}).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey + input;
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private string _apiKey = string.Empty;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _apiKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }, cancellationToken: cts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey + input;
}");

        [Fact]
        public Task Executable_ExpressionBodiedHookAndTheNoneToken_BecomeABlockWithTheSource() => Verify(LambdaModel.Executable, @"
using System.Net.Http;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var http = new HttpClient();
var rates = string.Empty;
SnapshotRestore.RegisterAfterRestore(async () => rates = await {|SNAP049:http.GetStringAsync(""https://rates.example.com/today"", CancellationToken.None)|});
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => rates + input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
", @"
using System;
using System.Net.Http;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var http = new HttpClient();
var rates = string.Empty;
SnapshotRestore.RegisterAfterRestore(async () =>
{
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
    rates = await http.GetStringAsync(""https://rates.example.com/today"", cts.Token);
});
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => rates + input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_OverloadWithAToken_IsCalled() => Verify(LambdaModel.MinimalApi, @"
using System.Net;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
IPAddress[] addresses = new IPAddress[0];
SnapshotRestore.RegisterAfterRestore(async () =>
{
    addresses = await {|SNAP049:Dns.GetHostAddressesAsync(""db.internal"")|};
});
var app = builder.Build();
app.MapGet(""/"", () => addresses.Length);
app.Run();
", @"
using System;
using System.Net;
using System.Threading;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
IPAddress[] addresses = new IPAddress[0];
SnapshotRestore.RegisterAfterRestore(async () =>
{
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
    addresses = await Dns.GetHostAddressesAsync(""db.internal"", cts.Token);
});
var app = builder.Build();
app.MapGet(""/"", () => addresses.Length);
app.Run();
");

        [Fact]
        public Task Annotations_FixAll_TwoCallsOfOneHookShareOneSource() => new VerifyCS.Test(LambdaModel.Annotations)
        {
            TestCode = @"
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Npgsql;

public class Functions
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private readonly NpgsqlConnection _connection = new NpgsqlConnection(""Host=db"");
    private string _password = string.Empty;

    public Functions()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            _password = (await {|SNAP049:_secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" })|}).SecretString;
            await {|SNAP049:_connection.OpenAsync()|};
        });
    }

    [LambdaFunction]
    public string Get(string input) => _connection.State + _password + input;
}",
            FixedCode = @"
using System;
using System.Threading;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Npgsql;

public class Functions
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private readonly NpgsqlConnection _connection = new NpgsqlConnection(""Host=db"");
    private string _password = string.Empty;

    public Functions()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _password = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }, cancellationToken: cts.Token)).SecretString;
            await _connection.OpenAsync(cts.Token);
        });
    }

    [LambdaFunction]
    public string Get(string input) => _connection.State + _password + input;
}",
        }.WithPackages().RunAsync(CancellationToken.None);

        [Fact]
        public Task NoFix_WorkInACalledMethodAndAMethodGroupHook() => Verify(LambdaModel.ClassLibrary, @"
using System.Net;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private IPAddress[] _addresses = new IPAddress[0];

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () => await {|SNAP049:RefreshAsync()|});
        SnapshotRestore.RegisterAfterRestore(ResolveAsync);
    }

    private async Task RefreshAsync() => _addresses = await Dns.GetHostAddressesAsync(""db.internal"");

    private async ValueTask ResolveAsync() => _addresses = await {|SNAP049:Dns.GetHostAddressesAsync(""cache.internal"")|};

    public string Handler(string input, ILambdaContext context) => _addresses.Length + input;
}", null);

        private static Task Verify(LambdaModel model, string source, string? fixedSource)
            => new VerifyCS.Test(model) { TestCode = source, FixedCode = fixedSource ?? source }.WithPackages().RunAsync(CancellationToken.None);
    }
}
