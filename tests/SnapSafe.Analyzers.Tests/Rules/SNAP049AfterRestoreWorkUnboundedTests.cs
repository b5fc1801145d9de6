using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP049AfterRestoreWorkUnboundedTests
    {
        [Fact]
        public Task ClassLibrary_SecretFetchWithoutAToken() => VerifyAsync(LambdaModel.ClassLibrary, @"
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
}");

        [Fact]
        public Task Executable_HttpRequestWithTheNoneToken() => VerifyAsync(LambdaModel.Executable, @"
using System.Net.Http;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var http = new HttpClient();
var rates = string.Empty;
SnapshotRestore.RegisterAfterRestore(async () => rates = await {|SNAP049:http.GetStringAsync(""https://rates.example.com/today"", CancellationToken.None)|}.ConfigureAwait(false));
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => rates + input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_DnsLookupInAMethodTheHookCalls() => VerifyAsync(LambdaModel.MinimalApi, @"
using System.Net;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var endpoints = new Endpoints();
SnapshotRestore.RegisterAfterRestore(async () => await {|SNAP049:endpoints.RefreshAsync()|});
var app = builder.Build();
app.MapGet(""/"", () => endpoints.Count);
app.Run();

public sealed class Endpoints
{
    private IPAddress[] _addresses = new IPAddress[0];

    public int Count => _addresses.Length;

    public async Task RefreshAsync() => _addresses = await Dns.GetHostAddressesAsync(""db.internal"");
}
");

        [Fact]
        public Task Annotations_OpenWithATokenSourceThatHasNoTimeout() => VerifyAsync(LambdaModel.Annotations, @"
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
}");

        [Fact]
        public Task ClassLibrary_HelperGivenTheDefaultToken() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using StackExchange.Redis;

public class Function
{
    private ConnectionMultiplexer? _redis;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () => await {|SNAP049:ReconnectAsync(default)|});
    }

    private async Task ReconnectAsync(CancellationToken token)
        => _redis = await ConnectionMultiplexer.ConnectAsync(""cache:6379"").WaitAsync(token);

    public string Handler(string input, ILambdaContext context) => _redis?.ClientName + input;
}");

        [Fact]
        public Task Clean_TokenFromASourceWithATimeout() => VerifyAsync(LambdaModel.ClassLibrary, @"
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
            _apiKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }, cts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey + input;
}");

        [Fact]
        public Task Clean_CancelAfterLinkedSourcesWaitAsyncAndPassedTokens() => VerifyAsync(LambdaModel.Executable, @"
using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using StackExchange.Redis;

var http = new HttpClient();
ConnectionMultiplexer? redis = null;
IPAddress[] addresses = Array.Empty<IPAddress>();
var body = string.Empty;
SnapshotRestore.RegisterAfterRestore(async () =>
{
    using var restore = new CancellationTokenSource();
    restore.CancelAfter(3000);
    body = await http.GetStringAsync(""https://partner.example.com/ping"", restore.Token);

    using var linked = CancellationTokenSource.CreateLinkedTokenSource(restore.Token, CancellationToken.None);
    var token = linked.Token;
    addresses = await Dns.GetHostAddressesAsync(""db.internal"", token);

    redis = await ConnectionMultiplexer.ConnectAsync(""cache:6379"").WaitAsync(TimeSpan.FromSeconds(4));
    await WarmAsync(http, restore.Token);
});
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => body + addresses.Length + redis?.ClientName + input, new DefaultLambdaJsonSerializer()).Build().RunAsync();

static async Task WarmAsync(HttpClient client, CancellationToken cancellationToken)
    => await client.GetAsync(""https://partner.example.com/warm"", cancellationToken);
");

        [Fact]
        public Task Clean_TokenParameterOfAnOuterCallerAndBeforeSnapshotWork() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Net.Http;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly HttpClient Http = new HttpClient();

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            using var flush = new HttpClient();
            await flush.GetAsync(""https://partner.example.com/flush"");
        });
        var restore = new CancellationTokenSource(TimeSpan.FromSeconds(8));
        Setup(restore.Token);
    }

    private static void Setup(CancellationToken token) => RegisterRefresh(token);

    // The token is the parameter of a caller two calls up: SnapSafe leaves its bound to that caller.
    private static void RegisterRefresh(CancellationToken token)
        => SnapshotRestore.RegisterAfterRestore(async () => await Http.GetAsync(""https://partner.example.com/ping"", token));

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task ClassLibrary_TokenOfTheRegisteringMethodBoundToNone() => VerifyAsync(LambdaModel.ClassLibrary, @"
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
        => SnapshotRestore.RegisterAfterRestore(async () => await {|SNAP049:Http.GetAsync(""https://partner.example.com/ping"", token)|});

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task Clean_WaitAsyncWithTheTokenOfASourceWithATimeout() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using StackExchange.Redis;

public class Function
{
    private static ConnectionMultiplexer? _redis;
    private IPAddress[] _addresses = new IPAddress[0];

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _redis = await ConnectionMultiplexer.ConnectAsync(""cache:6379"").WaitAsync(cts.Token);
            await RefreshAsync().WaitAsync(cts.Token);
            _addresses = await ResolveAsync().AsTask().WaitAsync(cts.Token).ConfigureAwait(false);
            await Dns.GetHostAddressesAsync(""db.internal"").WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None);
        });
    }

    private async Task RefreshAsync() => _addresses = await Dns.GetHostAddressesAsync(""db.internal"");

    private async ValueTask<IPAddress[]> ResolveAsync() => await Dns.GetHostAddressesAsync(""cache.internal"");

    public string Handler(string input, ILambdaContext context) => _redis?.ClientName + _addresses.Length + input;
}");

        [Fact]
        public Task ClassLibrary_WaitAsyncWithNoBound_IsReported() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using StackExchange.Redis;

public class Function
{
    private static ConnectionMultiplexer? _redis;
    private IPAddress[] _addresses = new IPAddress[0];

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var untimed = new CancellationTokenSource();
            _redis = await {|SNAP049:ConnectionMultiplexer.ConnectAsync(""cache:6379"")|}.WaitAsync(untimed.Token);
            await {|SNAP049:RefreshAsync()|}.WaitAsync(CancellationToken.None);
            _addresses = await {|SNAP049:Dns.GetHostAddressesAsync(""cache.internal"")|}.WaitAsync(Timeout.InfiniteTimeSpan);
        });
    }

    private async Task RefreshAsync() => _addresses = await Dns.GetHostAddressesAsync(""db.internal"");

    public string Handler(string input, ILambdaContext context) => _redis?.ClientName + _addresses.Length + input;
}");

        [Fact]
        public Task Clean_NoNetworkWorkInTheHook() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _random = new Random(42);

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            await Task.Yield();
            _random = new Random(7);
        });
    }

    public string Handler(string input, ILambdaContext context) => _random.Next() + input;
}");
    }
}
