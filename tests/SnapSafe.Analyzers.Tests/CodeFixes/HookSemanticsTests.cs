using System;
using System.Collections;
using System.Threading.Tasks;
using SnapSafe.Analyzers.CodeFixes;
using Xunit;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// What the fixed code does when it runs: each source is fixed (Fix All), compiled, loaded, initialized the way the
    /// runtime does it during init (the function object built, the entry point run up to the stand-in runtime loop),
    /// and then the hooks it registered are run the way a restore runs them. Each test shows that the hooks are
    /// registered once, during init, that they repeat the initialization (the same call, with the same arguments),
    /// and that running them gives the member a new value; bounded work receives a token that can be cancelled.
    /// </summary>
    public class HookSemanticsTests
    {
        /// <summary>A client whose secret changes with every fetch, and that records whether the fetch could be cut off.</summary>
        private const string RotatingSecrets = @"
public sealed class RotatingSecrets : Amazon.SecretsManager.AmazonSecretsManagerClient
{
    public static int Version;
    public static bool LastFetchCancellable;

    public override System.Threading.Tasks.Task<Amazon.SecretsManager.Model.GetSecretValueResponse> GetSecretValueAsync(Amazon.SecretsManager.Model.GetSecretValueRequest request, System.Threading.CancellationToken cancellationToken = default)
    {
        LastFetchCancellable = cancellationToken.CanBeCanceled;
        return System.Threading.Tasks.Task.FromResult(new Amazon.SecretsManager.Model.GetSecretValueResponse { SecretString = request.SecretId + ""-v"" + (++Version) });
    }
}
";

        /// <summary>An ADO.NET connection that counts what is done to it.</summary>
        private const string CountingConnection = @"
public sealed class CountingConnection : System.Data.Common.DbConnection
{
    private System.Data.ConnectionState _state = System.Data.ConnectionState.Closed;
    public int Opens;
    public int Closes;
    public bool LastOpenCancellable;
    public override string ConnectionString { get; set; } = """";
    public override string Database => ""db"";
    public override string DataSource => ""db"";
    public override string ServerVersion => ""1"";
    public override System.Data.ConnectionState State => _state;
    public override void ChangeDatabase(string databaseName) { }
    public override void Close() { Closes++; _state = System.Data.ConnectionState.Closed; }
    public override void Open() { Opens++; _state = System.Data.ConnectionState.Open; }
    public override System.Threading.Tasks.Task OpenAsync(System.Threading.CancellationToken cancellationToken) { LastOpenCancellable = cancellationToken.CanBeCanceled; Open(); return System.Threading.Tasks.Task.CompletedTask; }
    protected override System.Data.Common.DbTransaction BeginDbTransaction(System.Data.IsolationLevel isolationLevel) => throw new System.NotSupportedException();
    protected override System.Data.Common.DbCommand CreateDbCommand() => throw new System.NotSupportedException();
}
";

        [Fact]
        public async Task RandomInFieldInitializer_HookRegisteredOnce_CreatesANewGenerator()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = new Random();

    public int Handler(string input, ILambdaContext context) => _random.Next();
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_random = new Random();");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var before = FixedFunction.Read(handler, function.Type("Function"), "_random");
            await FixedFunction.RunAsync(hooks);
            var after = FixedFunction.Read(handler, function.Type("Function"), "_random");
            Assert.NotSame(before, after);
            Assert.Equal(before!.GetType(), after!.GetType());
        }

        [Fact]
        public async Task SecretFetchedThroughALocalClient_HookCapturesTheClient_FetchesAgainWithABoundedToken()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using Amazon.Lambda.Core;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly string _apiKey;

    public Function()
    {
        var client = new RotatingSecrets();
        _apiKey = client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" }).GetAwaiter().GetResult().SecretString;
    }

    public string Handler(string input, ILambdaContext context) => _apiKey;
}
" + RotatingSecrets, new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats(
                "using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));",
                "_apiKey = (await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = \"api\" }, cts.Token)).SecretString;");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            Assert.Equal("api-v1", FixedFunction.Read(handler, function.Type("Function"), "_apiKey"));
            Assert.False((bool)FixedFunction.Read(null, function.Type("RotatingSecrets"), "LastFetchCancellable")!);
            await FixedFunction.RunAsync(hooks);
            Assert.Equal("api-v2", FixedFunction.Read(handler, function.Type("Function"), "_apiKey"));
            Assert.True((bool)FixedFunction.Read(null, function.Type("RotatingSecrets"), "LastFetchCancellable")!);
        }

        [Fact]
        public async Task SecretFetchedInAnAsyncHelperOfTheStaticConstructor_HookInTheHelper_FetchesAgain()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager.Model;

public class Function
{
    private static string _secret = string.Empty;

    static Function() => InitAsync().GetAwaiter().GetResult();

    private static async Task InitAsync()
    {
        var client = new RotatingSecrets();
        var response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" });
        _secret = response.SecretString;
    }

    public string Handler(string input, ILambdaContext context) => _secret;
}
" + RotatingSecrets, new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats(
                "var response = await client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = \"db\" }, cts.Token);",
                "_secret = response.SecretString;");
            function.RunStaticInit("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            Assert.Equal("db-v1", FixedFunction.Read(null, function.Type("Function"), "_secret"));
            await FixedFunction.RunAsync(hooks);
            Assert.Equal("db-v2", FixedFunction.Read(null, function.Type("Function"), "_secret"));
            Assert.True((bool)FixedFunction.Read(null, function.Type("RotatingSecrets"), "LastFetchCancellable")!);
        }

        [Fact]
        public async Task SecretFetchedThroughAHelperThatTakesNoToken_HookAwaitsItThroughWaitAsync_FetchesAgain()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private static readonly IAmazonSecretsManager Client = new RotatingSecrets();
    private readonly string _apiKey;

    public Function()
    {
        _apiKey = FetchAsync().GetAwaiter().GetResult();
    }

    private static async ValueTask<string> FetchAsync() => (await Client.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" })).SecretString;

    public string Handler(string input, ILambdaContext context) => _apiKey;
}
" + RotatingSecrets, new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats(
                "using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));",
                "_apiKey = await FetchAsync().AsTask().WaitAsync(cts.Token);");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            Assert.Equal("api-v1", FixedFunction.Read(handler, function.Type("Function"), "_apiKey"));
            await FixedFunction.RunAsync(hooks);
            Assert.Equal("api-v2", FixedFunction.Read(handler, function.Type("Function"), "_apiKey"));
        }

        [Fact]
        public async Task ValueFromAFilledLocalBuffer_HookFillsANewBuffer()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using System.Security.Cryptography;
using Amazon.Lambda.Core;

public class Function
{
    private readonly string _nonce;

    public Function()
    {
        var buffer = new byte[16];
        RandomNumberGenerator.Fill(buffer);
        _nonce = Convert.ToBase64String(buffer);
    }

    public string Handler(string input, ILambdaContext context) => _nonce;
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("var buffer = new byte[16];", "RandomNumberGenerator.Fill(buffer);", "_nonce = Convert.ToBase64String(buffer);");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var before = FixedFunction.Read(handler, function.Type("Function"), "_nonce");
            await FixedFunction.RunAsync(hooks);
            Assert.NotEqual(before, FixedFunction.Read(handler, function.Type("Function"), "_nonce"));
        }

        [Fact]
        public async Task TimestampInAnExpressionBodiedConstructor_IsCapturedAgain()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DateTime _startedAt;

    public Function() => _startedAt = DateTime.UtcNow;

    public string Handler(string input, ILambdaContext context) => (DateTime.UtcNow - _startedAt).ToString();
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_startedAt = DateTime.UtcNow;");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var before = (DateTime)FixedFunction.Read(handler, function.Type("Function"), "_startedAt")!;
            await Task.Delay(20);
            await FixedFunction.RunAsync(hooks);
            Assert.True((DateTime)FixedFunction.Read(handler, function.Type("Function"), "_startedAt")! > before);
        }

        [Fact]
        public async Task PrimaryConstructorType_ConvertedConstructorRegistersTheHook_WithTheSameArguments()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using Amazon.Lambda.Core;

public sealed class Tracker(string prefix)
{
    private readonly string _id = prefix + Guid.NewGuid();

    public string Id => _id;
}

public class Function
{
    private readonly Tracker _tracker = new Tracker(""order-"");

    public string Handler(string input, ILambdaContext context) => _tracker.Id;
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_id = prefix + Guid.NewGuid();");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var tracker = FixedFunction.Read(handler, function.Type("Function"), "_tracker");
            var before = (string)FixedFunction.Read(tracker, function.Type("Tracker"), "_id")!;
            await FixedFunction.RunAsync(hooks);
            var after = (string)FixedFunction.Read(tracker, function.Type("Tracker"), "_id")!;
            Assert.StartsWith("order-", before, StringComparison.Ordinal);
            Assert.StartsWith("order-", after, StringComparison.Ordinal);
            Assert.NotEqual(before, after);
        }

        [Fact]
        public async Task SystemTimersTimerEnabledDuringInit_HookStopsAndRestartsIt()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System.Timers;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Timer _flush = new Timer(60_000);

    public Function()
    {
        _flush.Enabled = true;
    }

    public string Handler(string input, ILambdaContext context) => _flush.Enabled.ToString();
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_flush.Enabled = false;", "_flush.Enabled = true;");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var timer = (System.Timers.Timer)FixedFunction.Read(handler, function.Type("Function"), "_flush")!;
            var scheduledBefore = FixedFunction.Read(timer, typeof(System.Timers.Timer), "_timer");
            await FixedFunction.RunAsync(hooks);
            Assert.True(timer.Enabled);
            Assert.NotSame(scheduledBefore, FixedFunction.Read(timer, typeof(System.Timers.Timer), "_timer"));
            timer.Dispose();
        }

        [Fact]
        public async Task TimeoutStartedDuringInit_HookDisposesItAndStartsAnother()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private readonly CancellationTokenSource _budget = new CancellationTokenSource(TimeSpan.FromMinutes(14));

    public string Handler(string input, ILambdaContext context) => _budget.IsCancellationRequested.ToString();
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_budget = new CancellationTokenSource(TimeSpan.FromMinutes(14));");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var before = FixedFunction.Read(handler, function.Type("Function"), "_budget");
            await FixedFunction.RunAsync(hooks);
            Assert.NotSame(before, FixedFunction.Read(handler, function.Type("Function"), "_budget"));
        }

        [Fact]
        public async Task ConnectionOpenedInAnAsyncHelper_HookInTheConstructor_ClosesAndReopensItWithABoundedToken()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly CountingConnection _db = new CountingConnection();

    public Function()
    {
        InitAsync().GetAwaiter().GetResult();
    }

    private async Task InitAsync()
    {
        await _db.OpenAsync();
    }

    public string Handler(string input, ILambdaContext context) => _db.State.ToString();
}
" + CountingConnection, new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("await _db.CloseAsync();", "await _db.OpenAsync(cts.Token);");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var connection = FixedFunction.Read(handler, function.Type("Function"), "_db")!;
            Assert.Equal(1, FixedFunction.Read(connection, connection.GetType(), "Opens"));
            await FixedFunction.RunAsync(hooks);
            Assert.Equal(2, FixedFunction.Read(connection, connection.GetType(), "Opens"));
            Assert.Equal(1, FixedFunction.Read(connection, connection.GetType(), "Closes"));
            Assert.True((bool)FixedFunction.Read(connection, connection.GetType(), "LastOpenCancellable")!);
        }

        [Fact]
        public async Task DnsAnswerFromALocal_HookResolvesAgain()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System.Net;
using Amazon.Lambda.Core;

public class Function
{
    private readonly IPAddress[] _addresses;

    public Function()
    {
        var host = ""localhost"";
        _addresses = Dns.GetHostAddresses(host);
    }

    public string Handler(string input, ILambdaContext context) => _addresses.Length.ToString();
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_addresses = Dns.GetHostAddresses(host);");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var before = FixedFunction.Read(handler, function.Type("Function"), "_addresses");
            await FixedFunction.RunAsync(hooks);
            Assert.NotSame(before, FixedFunction.Read(handler, function.Type("Function"), "_addresses"));
        }

        [Fact]
        public async Task HostIdentityAsWorkerId_HookGivesEveryCopyANewIdentifier()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly string _worker = ""worker-"" + Environment.MachineName;

    public string Handler(string input, ILambdaContext context) => _worker;
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_worker = Guid.NewGuid().ToString(\"N\");");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            await FixedFunction.RunAsync(hooks);
            var after = (string)FixedFunction.Read(handler, function.Type("Function"), "_worker")!;
            Assert.Equal(32, after.Length);
            Assert.True(Guid.TryParseExact(after, "N", out _));
        }

        [Fact]
        public async Task CredentialsFromAWSCredentials_HookGetsThemAgain()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using Amazon.Lambda.Core;
using Amazon.Runtime;

public sealed class RotatingCredentials : AWSCredentials
{
    private int _version;

    public override ImmutableCredentials GetCredentials() => new ImmutableCredentials(""key-"" + (++_version), ""secret"", ""token"");
}

public class Function
{
    private static readonly AWSCredentials Source = new RotatingCredentials();
    private readonly ImmutableCredentials _credentials = Source.GetCredentials();

    public string Handler(string input, ILambdaContext context) => _credentials.AccessKey;
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_credentials = Source.GetCredentials();");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var before = FixedFunction.Read(handler, function.Type("Function"), "_credentials")!;
            Assert.Equal("key-1", FixedFunction.Read(before, before.GetType(), "AccessKey"));
            await FixedFunction.RunAsync(hooks);
            var after = FixedFunction.Read(handler, function.Type("Function"), "_credentials")!;
            Assert.Equal("key-2", FixedFunction.Read(after, after.GetType(), "AccessKey"));
        }

        [Fact]
        public async Task EntryInAKeptDictionary_HookStoresItAgain()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using System.Collections.Generic;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Dictionary<string, DateTime> _seen = new Dictionary<string, DateTime>();

    public Function()
    {
        _seen.TryAdd(""boot"", DateTime.UtcNow);
    }

    public string Handler(string input, ILambdaContext context) => _seen[""boot""].ToString(""O"");
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_seen[\"boot\"] = DateTime.UtcNow;");
            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var seen = (IDictionary)FixedFunction.Read(handler, function.Type("Function"), "_seen")!;
            var before = (DateTime)seen["boot"]!;
            await Task.Delay(20);
            await FixedFunction.RunAsync(hooks);
            Assert.True((DateTime)seen["boot"]! > before);
        }

        [Fact]
        public async Task SingletonInstanceOfASourceType_RefreshesItsOwnState_WithTheArgumentOfItsCreation()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton(new InstanceIdentity(""node-"" + Guid.NewGuid().ToString(""N"")));
var app = builder.Build();
app.MapGet(""/"", (InstanceIdentity identity) => identity.Id);
app.Run();

public sealed class InstanceIdentity
{
    public InstanceIdentity(string id)
    {
        Id = id;
    }

    public string Id { get; }
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("Id = \"node-\" + Guid.NewGuid().ToString(\"N\");");

            // The minimal API's host does not run here: the instance is built as its registration builds it.
            var identity = function.Create("InstanceIdentity", "node-" + Guid.NewGuid().ToString("N"));
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var before = (string)FixedFunction.Read(identity, function.Type("InstanceIdentity"), "Id")!;
            await FixedFunction.RunAsync(hooks);
            var after = (string)FixedFunction.Read(identity, function.Type("InstanceIdentity"), "Id")!;
            Assert.StartsWith("node-", after, StringComparison.Ordinal);
            Assert.NotEqual(before, after);
        }

        [Fact]
        public async Task Executable_CapturedLocalAndStaticField_HooksRegisteredBeforeRunAsync_ReinitializeBoth()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    public static string Instance = """";

    public static async Task Main()
    {
        var sampler = new Random();
        Instance = ""ingest-"" + Guid.NewGuid();
        Func<string, ILambdaContext, string> handler = (input, context) => input + sampler.Next() + Instance;
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }
}", new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("sampler = new Random();", "Instance = \"ingest-\" + Guid.NewGuid();");
            await function.RunEntryPointAsync();
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            var sampler = FixedFunction.ReadCaptured(hooks[0], "sampler");
            var instance = FixedFunction.Read(null, function.Type("Program"), "Instance");
            await FixedFunction.RunAsync(hooks);
            Assert.NotSame(sampler, FixedFunction.ReadCaptured(hooks[0], "sampler"));
            Assert.NotEqual(instance, FixedFunction.Read(null, function.Type("Program"), "Instance"));
        }

        [Fact]
        public async Task RegistrationInTheHandler_MovedIntoTheConstructor_IsMadeOnceDuringInitAndNeverPerInvocation()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public static int Refreshes;

    public string Handler(string input, ILambdaContext context)
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            Refreshes++;
            return ValueTask.CompletedTask;
        });
        return input;
    }
}", new SNAP040MoveHookRegistrationCodeFix());

            var handler = function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            function.Type("Function").GetMethod("Handler")!.Invoke(handler, new object?[] { "x", null });
            Assert.Empty(function.TakeAfterRestoreHooks());
            await FixedFunction.RunAsync(hooks);
            Assert.Equal(1, FixedFunction.Read(null, function.Type("Function"), "Refreshes"));
        }

        [Fact]
        public async Task ConnectionClosedBeforeTheSnapshot_IsOpenedAgainAfterRestore()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly CountingConnection _db = new CountingConnection();

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _db.Close();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _db.State.ToString();
}
" + CountingConnection, new AfterRestoreCodeFixProvider());

            function.AssertHookRepeats("_db.Open();");
            var handler = function.Create("Function");
            var connection = FixedFunction.Read(handler, function.Type("Function"), "_db")!;
            await FixedFunction.RunAsync(function.TakeBeforeSnapshotHooks());
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            await FixedFunction.RunAsync(hooks);
            Assert.Equal(System.Data.ConnectionState.Open, FixedFunction.Read(connection, connection.GetType(), "State"));
        }

        [Fact]
        public async Task HookWorkNotAwaited_IsAwaited_TheHookEndsAfterTheWork()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public static bool Warmed;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            WarmAsync();
            return ValueTask.CompletedTask;
        });
    }

    private static async Task WarmAsync()
    {
        await Task.Delay(50);
        Warmed = true;
    }

    public string Handler(string input, ILambdaContext context) => input;
}", new SNAP042AwaitHookWorkCodeFix());

            function.Create("Function");
            var hooks = function.TakeAfterRestoreHooks();
            Assert.Single(hooks);
            await FixedFunction.RunAsync(hooks);
            Assert.True((bool)FixedFunction.Read(null, function.Type("Function"), "Warmed")!);
        }

        [Fact]
        public async Task PoolPrimedDuringInit_BeforeSnapshotHookClearsIt()
        {
            using var function = await FixedFunction.FixAndLoadAsync(@"
using System.Data;
using System.Data.Common;
using Amazon.Lambda.Core;

public sealed class PooledConnection : DbConnection
{
    public static int Clears;
    public static void ClearAllPools() => Clears++;
    public override string ConnectionString { get; set; } = """";
    public override string Database => """";
    public override string DataSource => """";
    public override string ServerVersion => """";
    public override ConnectionState State => ConnectionState.Closed;
    public override void ChangeDatabase(string databaseName) { }
    public override void Close() { }
    public override void Open() { }
    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => throw new System.NotSupportedException();
    protected override DbCommand CreateDbCommand() => throw new System.NotSupportedException();
}

public class Function
{
    public Function()
    {
        using var connection = new PooledConnection();
        connection.Open();
    }

    public string Handler(string input, ILambdaContext context) => input;
}", new SNAP011ClearPoolsCodeFix());

            function.Create("Function");
            var hooks = function.TakeBeforeSnapshotHooks();
            Assert.Single(hooks);
            await FixedFunction.RunAsync(hooks);
            Assert.Equal(1, FixedFunction.Read(null, function.Type("PooledConnection"), "Clears"));
        }
    }
}
