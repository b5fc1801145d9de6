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
        public Task ClassLibrary_WorkInACalledMethodAndAMethodGroupHook_AreBounded() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
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
}",
            FixedCode = @"
using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private IPAddress[] _addresses = new IPAddress[0];

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await RefreshAsync().WaitAsync(cts.Token);
        });
        SnapshotRestore.RegisterAfterRestore(ResolveAsync);
    }

    private async Task RefreshAsync() => _addresses = await Dns.GetHostAddressesAsync(""db.internal"");

    private async ValueTask ResolveAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        _addresses = await Dns.GetHostAddressesAsync(""cache.internal"", cts.Token);
    }

    public string Handler(string input, ILambdaContext context) => _addresses.Length + input;
}",
        }.WithPackages().RunAsync(CancellationToken.None);

        [Fact]
        public Task NoFix_MethodGroupHookTheHandlerAlsoCalls() => Verify(LambdaModel.ClassLibrary, @"
using System.Net;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private IPAddress[] _addresses = new IPAddress[0];

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(ResolveAsync);
    }

    // A timeout here would also cut off the handler's lookups.
    private async ValueTask ResolveAsync() => _addresses = await {|SNAP049:Dns.GetHostAddressesAsync(""cache.internal"")|};

    public async Task<string> Handler(string input, ILambdaContext context)
    {
        await ResolveAsync();
        return _addresses.Length + input;
    }
}", null);

        [Fact]
        public Task ClassLibrary_ConnectWithNoTokenParameter_IsAwaitedThroughWaitAsync() => Verify(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using StackExchange.Redis;

public class Function
{
    private static ConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(""cache:6379"");

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () => _redis = await {|SNAP049:ConnectionMultiplexer.ConnectAsync(""cache:6379"")|});
    }

    public string Handler(string input, ILambdaContext context) => (string)_redis.GetDatabase().StringGet(input);
}", @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using StackExchange.Redis;

public class Function
{
    private static ConnectionMultiplexer _redis = ConnectionMultiplexer.Connect(""cache:6379"");

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _redis = await ConnectionMultiplexer.ConnectAsync(""cache:6379"").WaitAsync(cts.Token);
        });
    }

    public string Handler(string input, ILambdaContext context) => (string)_redis.GetDatabase().StringGet(input);
}");

        [Fact]
        public Task Annotations_SourceOfTheHookWithNoTimeout_GetsTheTimeout() => Verify(LambdaModel.Annotations, @"
using System.Threading;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Npgsql;

public class Functions
{
    private readonly NpgsqlConnection _connection = new NpgsqlConnection(""Host=db"");

    public Functions()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource();
            await {|SNAP049:_connection.OpenAsync(cts.Token)|};
        });
    }

    [LambdaFunction]
    public string Get(string input) => _connection.State + input;
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Npgsql;

public class Functions
{
    private readonly NpgsqlConnection _connection = new NpgsqlConnection(""Host=db"");

    public Functions()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _connection.OpenAsync(cts.Token);
        });
    }

    [LambdaFunction]
    public string Get(string input) => _connection.State + input;
}");

        [Fact]
        public Task ClassLibrary_TokenOfTheRegisteringMethod_IsKeptAndTheHookStopsWaiting() => Verify(LambdaModel.ClassLibrary, @"
using System.Net.Http;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly HttpClient Http = new HttpClient();

    public Function()
    {
        RegisterRefresh(CancellationToken.None);
    }

    private static void RegisterRefresh(CancellationToken token)
        => SnapshotRestore.RegisterAfterRestore(async () => await {|SNAP049:Http.GetAsync(""https://partner.example.com/ping"", token)|}.ConfigureAwait(false));

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System;
using System.Net.Http;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly HttpClient Http = new HttpClient();

    public Function()
    {
        RegisterRefresh(CancellationToken.None);
    }

    private static void RegisterRefresh(CancellationToken token)
        => SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Http.GetAsync(""https://partner.example.com/ping"", token).WaitAsync(cts.Token).ConfigureAwait(false);
        });

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task MinimalApi_FixAll_ValueTaskOfACalledMethodAndALookupShareOneSource() => new VerifyCS.Test(LambdaModel.MinimalApi)
        {
            TestCode = @"
using System.Net;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var endpoints = new Endpoints();
IPAddress[] cache = new IPAddress[0];
SnapshotRestore.RegisterAfterRestore(async () =>
{
    await {|SNAP049:endpoints.RefreshAsync()|};
    cache = await {|SNAP049:Dns.GetHostAddressesAsync(""cache.internal"")|};
});
var app = builder.Build();
app.MapGet(""/"", () => endpoints.Count + cache.Length);
app.Run();

public sealed class Endpoints
{
    private IPAddress[] _addresses = new IPAddress[0];

    public int Count => _addresses.Length;

    public async ValueTask RefreshAsync() => _addresses = await Dns.GetHostAddressesAsync(""db.internal"");
}
",
            FixedCode = @"
using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var endpoints = new Endpoints();
IPAddress[] cache = new IPAddress[0];
SnapshotRestore.RegisterAfterRestore(async () =>
{
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
    await endpoints.RefreshAsync().AsTask().WaitAsync(cts.Token);
    cache = await Dns.GetHostAddressesAsync(""cache.internal"", cts.Token);
});
var app = builder.Build();
app.MapGet(""/"", () => endpoints.Count + cache.Length);
app.Run();

public sealed class Endpoints
{
    private IPAddress[] _addresses = new IPAddress[0];

    public int Count => _addresses.Length;

    public async ValueTask RefreshAsync() => _addresses = await Dns.GetHostAddressesAsync(""db.internal"");
}
",
        }.WithPackages().RunAsync(CancellationToken.None);

        private static Task Verify(LambdaModel model, string source, string? fixedSource)
            => new VerifyCS.Test(model) { TestCode = source, FixedCode = fixedSource ?? source }.WithPackages().RunAsync(CancellationToken.None);
    }
}
