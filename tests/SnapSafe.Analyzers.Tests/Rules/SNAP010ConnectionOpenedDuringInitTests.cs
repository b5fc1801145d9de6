using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP010ConnectionOpenedDuringInitTests
    {
        [Fact]
        public Task ClassLibrary_NpgsqlConnectionOpenedInConstructor() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private readonly NpgsqlConnection _connection;

    public Function()
    {
        _connection = new NpgsqlConnection(""Host=db;Database=orders"");
        {|SNAP010:_connection.Open()|};
    }

    public string Handler(string input, ILambdaContext context) => _connection.Database;
}");

        [Fact]
        public Task ClassLibrary_MySqlConnectionOpenedAsyncInStaticConstructor() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using MySqlConnector;

public class Function
{
    private static readonly MySqlConnection Connection = new MySqlConnection(""Server=db"");

    static Function()
    {
        {|SNAP010:Connection.OpenAsync()|}.GetAwaiter().GetResult();
    }

    public string Handler(string input, ILambdaContext context) => Connection.Database;
}");

        [Fact]
        public Task ClassLibrary_SqlClientConnection() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Microsoft.Data.SqlClient;

public class Function
{
    private readonly SqlConnection _connection = new SqlConnection(""Server=db"");

    public Function()
    {
        {|SNAP010:_connection.Open()|};
    }

    public string Handler(string input, ILambdaContext context) => _connection.Database;
}");

        [Fact]
        public Task ClassLibrary_NpgsqlDataSourceConnectionKept() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(""Host=db"");
    private readonly NpgsqlConnection _connection = {|SNAP010:DataSource.OpenConnection()|};

    public string Handler(string input, ILambdaContext context) => _connection.Database;
}");

        [Fact]
        public Task ClassLibrary_RedisMultiplexerInFieldInitializer() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using StackExchange.Redis;

public class Function
{
    private static readonly ConnectionMultiplexer Redis = {|SNAP010:ConnectionMultiplexer.Connect(""cache:6379"")|};

    public string Handler(string input, ILambdaContext context) => (string)Redis.GetDatabase().StringGet(input);
}");

        [Fact]
        public Task ClassLibrary_HttpClientSendsRequestDuringInit() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Net.Http;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly HttpClient Http = new HttpClient();
    private readonly string _warm;

    public Function()
    {
        _warm = {|SNAP010:Http.GetStringAsync(""https://api.example.com/health"")|}.Result;
    }

    public string Handler(string input, ILambdaContext context) => _warm;
}");

        [Fact]
        public Task Executable_RedisCapturedByHandler() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using StackExchange.Redis;

var redis = {|SNAP010:await ConnectionMultiplexer.ConnectAsync(""cache:6379"")|};
await LambdaBootstrapBuilder.Create((string key, ILambdaContext context) => (string)redis.GetDatabase().StringGet(key), new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task Executable_NpgsqlConnectionOpenedBeforeRunAsync() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Npgsql;

var connection = new NpgsqlConnection(""Host=db"");
await {|SNAP010:connection.OpenAsync()|};
await LambdaBootstrapBuilder.Create((string sql, ILambdaContext context) => new NpgsqlCommand(sql, connection).ExecuteScalar()?.ToString() ?? """", new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_RedisRegisteredAsSingletonBeforeRun() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var redis = ConnectionMultiplexer.Connect(""cache:6379"");
builder.Services.AddSingleton<IConnectionMultiplexer>({|SNAP010:redis|});
var app = builder.Build();
app.MapGet(""/"", (IConnectionMultiplexer r) => r.GetDatabase().Ping().ToString());
app.Run();
");

        [Fact]
        public Task MinimalApi_ConnectionCapturedByEndpoint() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var connection = new NpgsqlConnection(""Host=db"");
{|SNAP010:connection.Open()|};
app.MapGet(""/"", () => connection.Database);
app.Run();
");

        [Fact]
        public Task Annotations_ConnectionOpenedInFunctionConstructor() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Npgsql;

public class Functions
{
    private readonly NpgsqlConnection _connection = new NpgsqlConnection(""Host=db"");

    public Functions()
    {
        {|SNAP010:_connection.Open()|};
    }

    [LambdaFunction]
    public string Get() => _connection.Database;
}");

        [Fact]
        public Task Annotations_RedisSingletonInConfigureServices() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IConnectionMultiplexer>({|SNAP010:ConnectionMultiplexer.Connect(""cache:6379"")|});
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get([FromServices] IConnectionMultiplexer redis) => redis.GetDatabase().Ping().ToString();
}");

        [Fact]
        public Task Clean_AwsSdkClientsCreatedAtInit() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecurityToken;
using Amazon.SimpleSystemsManagement;

public class Function
{
    private static readonly AmazonSimpleSystemsManagementClient Ssm = new AmazonSimpleSystemsManagementClient();
    private readonly IAmazonKeyManagementService _kms = new AmazonKeyManagementServiceClient();
    private readonly IAmazonSecurityTokenService _sts = new AmazonSecurityTokenServiceClient();
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();

    public Task<string> Handler(string input, ILambdaContext context) => Task.FromResult(input);
}");

        [Fact]
        public Task Clean_StaticHttpClientWithNoInitRequests() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly HttpClient Http = new HttpClient();

    public Task<string> Handler(string url, ILambdaContext context) => Http.GetStringAsync(url);
}");

        [Fact]
        public Task Clean_ConnectionOpenedPerInvocation() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(""Host=db"");

    public async Task<string> Handler(string input, ILambdaContext context)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(""select name from items where id = @id"", connection);
        command.Parameters.AddWithValue(""id"", input);
        return (string?)await command.ExecuteScalarAsync() ?? """";
    }
}");

        [Fact]
        public Task Clean_ClosedBeforeSnapshotAndReopenedAfterRestore() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private readonly NpgsqlConnection _connection = new NpgsqlConnection(""Host=db"");

    public Function()
    {
        _connection.Open();
        SnapshotRestore.RegisterBeforeSnapshot(async () => await _connection.CloseAsync());
        SnapshotRestore.RegisterAfterRestore(async () => await {|SNAP049:_connection.OpenAsync()|});
    }

    public string Handler(string input, ILambdaContext context) => _connection.Database;
}");

        [Fact]
        public Task Clean_RedisReconnectedAfterRestore() => VerifyAsync(LambdaModel.ClassLibrary, @"
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
}");

        [Fact]
        public Task Clean_LazyConnection() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
using StackExchange.Redis;

public class Function
{
    private static readonly Lazy<ConnectionMultiplexer> Redis = new Lazy<ConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(""cache:6379""));

    public string Handler(string input, ILambdaContext context) => (string)Redis.Value.GetDatabase().StringGet(input);
}");

        [Fact]
        public Task Clean_NoLambdaProject() => VerifyAsync(LambdaModel.NoLambda, @"
using StackExchange.Redis;

public class Cache
{
    private static readonly ConnectionMultiplexer Redis = ConnectionMultiplexer.Connect(""cache:6379"");
}");

        [Fact]
        public Task ClassLibrary_TcpClientAndWebSocket() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private readonly TcpClient _metrics = {|SNAP010:new TcpClient(""metrics.internal"", 8125)|};
    private readonly ClientWebSocket _feed = new ClientWebSocket();

    public Function()
    {
        {|SNAP010:_feed.ConnectAsync(new Uri(""wss://feed.example.com""), CancellationToken.None)|}.Wait();
    }

    public string Handler(string input, ILambdaContext context) => _feed.State.ToString() + _metrics.Connected;
}");

        [Fact]
        public Task ClassLibrary_ConfiguredConnectionMethod() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.Lambda.Core;

namespace MyCo.Messaging
{
    public sealed class Broker
    {
        public static Broker Connect(string host, int port) => new Broker();
    }
}

public class Function
{
    private static readonly MyCo.Messaging.Broker Broker = {|SNAP010:MyCo.Messaging.Broker.Connect(""mq.internal"", 5672)|};

    public string Handler(string input, ILambdaContext context) => Broker.ToString()!;
}",
        }.WithPackages().WithGlobalConfig("snapsafe.connection_methods = M:MyCo.Messaging.Broker.Connect(System.String,System.Int32)").RunAsync();

        [Fact]
        public Task MinimalApi_KeptHttpClientWarmedBeforeRun() => VerifyAsync(LambdaModel.MinimalApi, @"
using System.Net.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var http = new HttpClient();
await {|SNAP010:http.GetAsync(""https://partner.example.com/ping"")|};
app.MapGet(""/"", async () => await http.GetStringAsync(""https://partner.example.com/rates""));
app.Run();
");

        [Fact]
        public Task Clean_SingletonFactoriesConnectOnFirstUse() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(""cache:6379""));
builder.Services.AddSingleton(sp => NpgsqlDataSource.Create(""Host=db""));
var app = builder.Build();
app.MapGet(""/"", async (NpgsqlDataSource db, IConnectionMultiplexer redis) =>
{
    await using var connection = await db.OpenConnectionAsync();
    return redis.GetDatabase().Ping().ToString() + connection.Database;
});
app.Run();
");

        [Fact]
        public Task Clean_AnnotationsStartupRegistersFactories() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IConnectionMultiplexer>(sp => ConnectionMultiplexer.Connect(""cache:6379""));
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get([FromServices] IConnectionMultiplexer redis) => redis.GetDatabase().Ping().ToString();
}");

        [Fact]
        public Task HalfTypedCode_NoAnalyzerException() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Npgsql;
using StackExchange.Redis;

public class Function
{
    private readonly NpgsqlConnection _connection = new NpgsqlConnection(;
    private readonly string _token;
    private static readonly ConnectionMultiplexer Redis = ConnectionMultiplexer.

    public Function()
    {
        _connection.Open(
        var ssm = new AmazonSimpleSystemsManagementClient();
        _token = ssm.GetParameterAsync(new GetParameterRequest { WithDecryption = }).Result.Parameter.
        var sm = new AmazonSecretsManagerClient();
        var r = await sm.GetSecretValueAsync(
        System.Environment.GetEnvironmentVariable(
        var s = $""{|SNAP022:http://localhost:2773/|}{
    }

    public string Handler(string input, ILambdaContext context) => _token
}",
            CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None,
        }.WithPackages().RunAsync();
    }
}
