using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>SNAP010: a kept ADO.NET connection is closed and re-opened after restore; a connection a connect call created is re-created.</summary>
    public class ConnectionCodeFixTests
    {
        [Fact]
        public Task AdoNetConnectionOpenedInConstructor_IsClosedAndReopened() => Verify(@"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private readonly NpgsqlConnection _db = new NpgsqlConnection(""Host=db;Database=orders"");

    public Function()
    {
        {|SNAP010:_db.Open()|};
    }

    public string Handler(string input, ILambdaContext context) => _db.State.ToString();
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private readonly NpgsqlConnection _db = new NpgsqlConnection(""Host=db;Database=orders"");

    public Function()
    {
        _db.Open();
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _db.Close();
            _db.Open();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _db.State.ToString();
}");

        [Fact]
        public Task AdoNetConnectionOpenedAsyncBeforeRunAsync_IsClosedAndReopenedByAnAsyncHook() => new VerifyCS.Test(LambdaModel.Executable)
        {
            TestCode = @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using MySqlConnector;

var db = new MySqlConnection(""Server=db"");
await {|SNAP010:db.OpenAsync()|};
Func<string, ILambdaContext, string> handler = (input, context) => input + db.State;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
",
            FixedCode = @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using MySqlConnector;

var db = new MySqlConnection(""Server=db"");
await db.OpenAsync();
Func<string, ILambdaContext, string> handler = (input, context) => input + db.State;
SnapshotRestore.RegisterAfterRestore(async () =>
{
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
    await db.CloseAsync();
    await db.OpenAsync(cts.Token);
});
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
",
        }.WithPackages().RunAsync(CancellationToken.None);

        [Fact]
        public Task RedisMultiplexer_IsDisposedAndRecreated() => Verify(@"
using Amazon.Lambda.Core;
using StackExchange.Redis;

public class Function
{
    private readonly ConnectionMultiplexer _redis;

    public Function()
    {
        _redis = {|SNAP010:ConnectionMultiplexer.Connect(""cache:6379"")|};
    }

    public string Handler(string input, ILambdaContext context) => _redis.ClientName;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using StackExchange.Redis;

public class Function
{
    private ConnectionMultiplexer _redis;

    public Function()
    {
        _redis = ConnectionMultiplexer.Connect(""cache:6379"");
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _redis.Dispose();
            _redis = ConnectionMultiplexer.Connect(""cache:6379"");
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _redis.ClientName;
}");

        [Fact]
        public Task RedisMultiplexerConnectedAsyncBeforeRunAsync_IsRecreatedThroughWaitAsync() => new VerifyCS.Test(LambdaModel.Executable)
        {
            TestCode = @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using StackExchange.Redis;

var redis = {|SNAP010:await ConnectionMultiplexer.ConnectAsync(""cache:6379"")|};
await LambdaBootstrapBuilder.Create((string key, ILambdaContext context) => (string)redis.GetDatabase().StringGet(key), new DefaultLambdaJsonSerializer()).Build().RunAsync();
",
            FixedCode = @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using StackExchange.Redis;

var redis = await ConnectionMultiplexer.ConnectAsync(""cache:6379"");
SnapshotRestore.RegisterAfterRestore(async () =>
{
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
    redis.Dispose();
    redis = await ConnectionMultiplexer.ConnectAsync(""cache:6379"").WaitAsync(cts.Token);
});
await LambdaBootstrapBuilder.Create((string key, ILambdaContext context) => (string)redis.GetDatabase().StringGet(key), new DefaultLambdaJsonSerializer()).Build().RunAsync();
",
        }.WithPackages().RunAsync(CancellationToken.None);

        [Fact]
        public Task TcpClientConnect_HasNoFix()
        {
            const string Source = @"
using System.Net.Sockets;
using Amazon.Lambda.Core;

public class Function
{
    private readonly TcpClient _tcp = new TcpClient();

    public Function()
    {
        {|SNAP010:_tcp.Connect(""metrics"", 8125)|};
    }

    public string Handler(string input, ILambdaContext context) => _tcp.Connected.ToString();
}";
            return Verify(Source, Source);
        }

        private static Task Verify(string source, string fixedSource)
            => new VerifyCS.Test(LambdaModel.ClassLibrary) { TestCode = source, FixedCode = fixedSource }.WithPackages().RunAsync(CancellationToken.None);
    }
}
