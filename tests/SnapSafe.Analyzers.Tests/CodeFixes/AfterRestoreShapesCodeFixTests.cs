using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// The shapes real init code has, in every programming model: initialization that uses locals of the
    /// constructor, static constructor or entry point, stores in methods init calls (awaited or waited on),
    /// expression-bodied and primary constructors, static fields of the entry point, deconstruction, kept
    /// collections, instances handed to a container. Each fixed source compiles and has no finding left; where no
    /// fix is correct, none is offered.
    /// </summary>
    public class AfterRestoreShapesCodeFixTests
    {
        private static Task Verify(LambdaModel model, string source, string fixedSource)
            => new VerifyCS.Test(model) { TestCode = source, FixedCode = fixedSource, NumberOfFixAllIterations = 1 }.WithPackages().RunAsync(CancellationToken.None);

        private static Task VerifyNoFix(LambdaModel model, string source)
            => new VerifyCS.Test(model) { TestCode = source, FixedCode = source }.WithPackages().RunAsync(CancellationToken.None);

        [Fact]
        public Task ConstructorLocalClient_HookCapturesIt() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

public class Function
{
    private readonly string _token;

    public Function()
    {
        var ssm = new AmazonSimpleSystemsManagementClient();
        _token = {|SNAP020:ssm.GetParameterAsync(new GetParameterRequest { Name = ""/app/token"", WithDecryption = true }).Result.Parameter.Value|};
    }

    public string Handler(string input, ILambdaContext context) => _token;
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

public class Function
{
    private string _token;

    public Function()
    {
        var ssm = new AmazonSimpleSystemsManagementClient();
        _token = ssm.GetParameterAsync(new GetParameterRequest { Name = ""/app/token"", WithDecryption = true }).Result.Parameter.Value;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _token = (await ssm.GetParameterAsync(new GetParameterRequest { Name = ""/app/token"", WithDecryption = true }, cts.Token)).Parameter.Value;
        });
    }

    public string Handler(string input, ILambdaContext context) => _token;
}");

        [Fact]
        public Task StaticConstructorLocals_ARequestSetUpBeforeTheFetch_IsCaptured() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

public class Function
{
    private static readonly string Token;

    static Function()
    {
        var ssm = new AmazonSimpleSystemsManagementClient();
        var request = new GetParameterRequest { Name = ""/app/token"" };
        request.WithDecryption = true;
        Token = {|SNAP020:ssm.GetParameterAsync(request).Result.Parameter.Value|};
    }

    public string Handler(string input, ILambdaContext context) => Token;
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

public class Function
{
    private static string Token;

    static Function()
    {
        var ssm = new AmazonSimpleSystemsManagementClient();
        var request = new GetParameterRequest { Name = ""/app/token"" };
        request.WithDecryption = true;
        Token = ssm.GetParameterAsync(request).Result.Parameter.Value;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            Token = (await ssm.GetParameterAsync(request, cts.Token)).Parameter.Value;
        });
    }

    public string Handler(string input, ILambdaContext context) => Token;
}");

        [Fact]
        public Task UsingLocal_DisposedWhenTheConstructorEnds_IsCreatedAgainInTheHook() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly string _password;

    public Function()
    {
        using var secrets = new AmazonSecretsManagerClient();
        _password = {|SNAP020:secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).GetAwaiter().GetResult().SecretString|};
    }

    public string Handler(string input, ILambdaContext context) => _password;
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private string _password;

    public Function()
    {
        using var secrets = new AmazonSecretsManagerClient();
        _password = secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).GetAwaiter().GetResult().SecretString;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            using var secrets = new AmazonSecretsManagerClient();
            _password = (await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }, cts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _password;
}");

        [Fact]
        public Task DnsAnswerInALocal_IsResolvedAgainInTheHook() => Verify(LambdaModel.ClassLibrary, @"
using System.Net;
using Amazon.Lambda.Core;

public class Function
{
    private readonly IPEndPoint _endpoint;

    public Function()
    {
        var entry = Dns.GetHostEntryAsync(""db.internal"").Result;
        _endpoint = {|SNAP030:new IPEndPoint(entry.AddressList[0], 5432)|};
    }

    public string Handler(string input, ILambdaContext context) => _endpoint.ToString();
}", @"
using System;
using System.Net;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private IPEndPoint _endpoint;

    public Function()
    {
        var entry = Dns.GetHostEntryAsync(""db.internal"").Result;
        _endpoint = new IPEndPoint(entry.AddressList[0], 5432);
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var entry = await Dns.GetHostEntryAsync(""db.internal"", cts.Token);
            _endpoint = new IPEndPoint(entry.AddressList[0], 5432);
        });
    }

    public string Handler(string input, ILambdaContext context) => _endpoint.ToString();
}");

        [Fact]
        public Task StoreInAMethodTheConstructorCalls_HookInTheConstructor() => Verify(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private Guid _instance;
    private readonly DateTime _loadedAt = {|SNAP003:DateTime.UtcNow|};

    public Function()
    {
        Configure();
    }

    private void Configure()
    {
        _instance = {|SNAP002:Guid.NewGuid()|};
    }

    public string Handler(string input, ILambdaContext context) => _instance + "" "" + _loadedAt;
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Guid _instance;
    private DateTime _loadedAt = DateTime.UtcNow;

    public Function()
    {
        Configure();
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _loadedAt = DateTime.UtcNow;
            _instance = Guid.NewGuid();
            return ValueTask.CompletedTask;
        });
    }

    private void Configure()
    {
        _instance = Guid.NewGuid();
    }

    public string Handler(string input, ILambdaContext context) => _instance + "" "" + _loadedAt;
}");

        [Fact]
        public Task StoreInAMethodThatUsesItsOwnLocals_HookInThatMethod() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private string _apiKey = """";

    public Function()
    {
        Configure(""api-key"");
    }

    private void Configure(string secretId)
    {
        var secrets = new AmazonSecretsManagerClient();
        _apiKey = {|SNAP020:secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }).Result.SecretString|};
    }

    public string Handler(string input, ILambdaContext context) => _apiKey;
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private string _apiKey = """";

    public Function()
    {
        Configure(""api-key"");
    }

    private void Configure(string secretId)
    {
        var secrets = new AmazonSecretsManagerClient();
        _apiKey = secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }).Result.SecretString;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _apiKey = (await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }, cts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey;
}");

        [Fact]
        public Task MethodInitCallsTwice_NoFix() => VerifyNoFix(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private Guid _instance;

    public Function()
    {
        Reset();
        Reset();
    }

    private void Reset()
    {
        _instance = {|SNAP002:Guid.NewGuid()|};
    }

    public string Handler(string input, ILambdaContext context) => _instance.ToString();
}");

        [Fact]
        public Task AsyncMethodInitDoesNotWaitFor_NoFix() => VerifyNoFix(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private static string _secret = string.Empty;

    static Function()
    {
        _ = InitAsync();
    }

    private static async Task InitAsync()
    {
        var sm = new AmazonSecretsManagerClient();
        var r = await sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" });
        _secret = {|SNAP020:r.SecretString|};
    }

    public string Handler(string input, ILambdaContext context) => _secret;
}");

        [Fact]
        public Task ExpressionBodiedConstructor_BecomesABlockThatRegistersTheHook() => Verify(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DateTime _startedAt;

    public Function() => _startedAt = {|SNAP003:DateTime.UtcNow|};

    public string Handler(string input, ILambdaContext context) => (DateTime.UtcNow - _startedAt).ToString();
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private DateTime _startedAt;

    public Function()
    {
        _startedAt = DateTime.UtcNow;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _startedAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => (DateTime.UtcNow - _startedAt).ToString();
}");

        [Fact]
        public Task PrimaryConstructorWithAChainedConstructor_BaseArgumentsAndParameterInitializersMove() => Verify(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Function(string prefix) : Object()
{
    private readonly Random _random = {|SNAP001:new Random()|};
    private readonly string _label = prefix.ToUpperInvariant();

    public Function() : this(""order"")
    {
    }

    public string Handler(string input, ILambdaContext context) => prefix + _label + _random.Next();
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function : Object
{
    private readonly string prefix;
    private Random _random = new Random();
    private readonly string _label;

    public Function(string prefix) : base()
    {
        this.prefix = prefix;
        _label = prefix.ToUpperInvariant();
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            return ValueTask.CompletedTask;
        });
    }

    public Function() : this(""order"")
    {
    }

    public string Handler(string input, ILambdaContext context) => prefix + _label + _random.Next();
}");

        [Fact]
        public Task Deconstruction_EachKeptElementIsAssignedAgain() => Verify(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Guid _id;
    private readonly DateTime _at;
    private readonly string _name;

    public Function()
    {
        (_id, _at, _name) = ({|SNAP002:Guid.NewGuid()|}, {|SNAP003:DateTime.UtcNow|}, ""orders"");
    }

    public string Handler(string input, ILambdaContext context) => _id + "" "" + _at + _name;
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Guid _id;
    private DateTime _at;
    private readonly string _name;

    public Function()
    {
        (_id, _at, _name) = (Guid.NewGuid(), DateTime.UtcNow, ""orders"");
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _id = Guid.NewGuid();
            _at = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _id + "" "" + _at + _name;
}");

        [Fact]
        public Task KeptCollections_EntriesStoredAgain_AnElementOfASourceTypeRefreshesItself() => Verify(LambdaModel.ClassLibrary, @"
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Amazon.Lambda.Core;

public sealed class Item
{
    private readonly Guid _id;

    public Item(Guid id)
    {
        _id = id;
    }

    public Guid Id => _id;
}

public class Function
{
    private readonly Dictionary<string, object> _cache = new();
    private static readonly ConcurrentDictionary<string, DateTime> Seen = new();
    private readonly List<Item> _items = new();

    public Function()
    {
        _cache[""bootTime""] = {|SNAP003:DateTime.UtcNow|};
        Seen.TryAdd(""boot"", {|SNAP003:DateTime.UtcNow|});
        _items.Add({|SNAP002:new Item(Guid.NewGuid())|});
    }

    public string Handler(string input, ILambdaContext context) => _cache[""bootTime""] + "" "" + Seen[""boot""] + _items[0].Id;
}", @"
using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public sealed class Item
{
    private Guid _id;

    public Item(Guid id)
    {
        _id = id;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _id = Guid.NewGuid();
            return ValueTask.CompletedTask;
        });
    }

    public Guid Id => _id;
}

public class Function
{
    private readonly Dictionary<string, object> _cache = new();
    private static readonly ConcurrentDictionary<string, DateTime> Seen = new();
    private readonly List<Item> _items = new();

    public Function()
    {
        _cache[""bootTime""] = DateTime.UtcNow;
        Seen.TryAdd(""boot"", DateTime.UtcNow);
        _items.Add(new Item(Guid.NewGuid()));
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _cache[""bootTime""] = DateTime.UtcNow;
            Seen[""boot""] = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _cache[""bootTime""] + "" "" + Seen[""boot""] + _items[0].Id;
}");

        [Fact]
        public Task ValueAppendedToAKeptList_NoFix() => VerifyNoFix(LambdaModel.ClassLibrary, @"
using System;
using System.Collections.Generic;
using Amazon.Lambda.Core;

public class Function
{
    private readonly List<Guid> _ids = new();

    public Function()
    {
        _ids.Add({|SNAP002:Guid.NewGuid()|});
    }

    public string Handler(string input, ILambdaContext context) => _ids[0].ToString();
}");

        [Fact]
        public Task TypeAlsoBuiltPerInvocation_GetsNoHookInItsConstructor() => VerifyNoFix(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Tokens
{
    private readonly Random _random = new Random();

    public int Next() => _random.Next();
}

public class Function
{
    private readonly Tokens _tokens = {|SNAP001:new Tokens()|};

    public int Handler(string input, ILambdaContext context) => new Tokens().Next() + _tokens.Next();
}");

        [Fact]
        public Task HttpClientThatSentARequestDuringInit_IsDisposedAndCreatedAgain() => Verify(LambdaModel.ClassLibrary, @"
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
}", @"
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static HttpClient Http = new HttpClient();
    private readonly string _warm;

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            Http.Dispose();
            Http = new HttpClient();
            return ValueTask.CompletedTask;
        });
    }

    public Function()
    {
        _warm = Http.GetStringAsync(""https://api.example.com/health"").Result;
    }

    public string Handler(string input, ILambdaContext context) => _warm;
}");

        [Fact]
        public Task Executable_StaticFieldsAssignedInMain_OneHookBeforeRunAsync() => Verify(LambdaModel.Executable, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    private static DateTime LoadedAt;
    private static string Instance = """";

    public static async Task Main()
    {
        LoadedAt = {|SNAP003:DateTime.UtcNow|};
        var prefix = ""ingest-"";
        Instance = {|SNAP002:prefix + Guid.NewGuid()|};
        Func<string, ILambdaContext, string> handler = (input, context) => input + LoadedAt + Instance;
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    private static DateTime LoadedAt;
    private static string Instance = """";

    public static async Task Main()
    {
        LoadedAt = DateTime.UtcNow;
        var prefix = ""ingest-"";
        Instance = prefix + Guid.NewGuid();
        Func<string, ILambdaContext, string> handler = (input, context) => input + LoadedAt + Instance;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            LoadedAt = DateTime.UtcNow;
            Instance = prefix + Guid.NewGuid();
            return ValueTask.CompletedTask;
        });
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }
}");

        [Fact]
        public Task Executable_MainLocalsCapturedByTheHandler_TheResponseIsFetchedAgain() => Verify(LambdaModel.Executable, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

public static class Program
{
    public static async Task Main()
    {
        var ssm = new AmazonSimpleSystemsManagementClient();
        var response = await ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = ""/app/"", WithDecryption = true });
        var settings = {|SNAP020:response.Parameters|};
        await LambdaBootstrapBuilder.Create((string key, ILambdaContext context) => settings.Find(p => p.Name == key)?.Value ?? """", new DefaultLambdaJsonSerializer())
            .Build()
            .RunAsync();
    }
}", @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

public static class Program
{
    public static async Task Main()
    {
        var ssm = new AmazonSimpleSystemsManagementClient();
        var response = await ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = ""/app/"", WithDecryption = true });
        var settings = response.Parameters;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            var response = await ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = ""/app/"", WithDecryption = true }, cts.Token);
            settings = response.Parameters;
        });
        await LambdaBootstrapBuilder.Create((string key, ILambdaContext context) => settings.Find(p => p.Name == key)?.Value ?? """", new DefaultLambdaJsonSerializer())
            .Build()
            .RunAsync();
    }
}");

        [Fact]
        public Task TopLevel_CapturedLocalComputedFromAnotherLocal_BothAreComputedAgain() => Verify(LambdaModel.Executable, @"
using System;
using System.Security.Cryptography;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var seed = new byte[8];
RandomNumberGenerator.Fill(seed);
var collectorId = {|SNAP002:Convert.ToHexString(seed)|};
Func<string, ILambdaContext, string> handler = (input, context) => collectorId + input;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
", @"
using System;
using System.Security.Cryptography;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var seed = new byte[8];
RandomNumberGenerator.Fill(seed);
var collectorId = Convert.ToHexString(seed);
Func<string, ILambdaContext, string> handler = (input, context) => collectorId + input;
SnapshotRestore.RegisterAfterRestore(() =>
{
    var seed = new byte[8];
    RandomNumberGenerator.Fill(seed);
    collectorId = Convert.ToHexString(seed);
    return ValueTask.CompletedTask;
});
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_SingletonInstancesOfSourceTypes_RefreshThemselves() => Verify(LambdaModel.MinimalApi, @"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton({|SNAP002:new InstanceIdentity(Guid.NewGuid().ToString(""N""))|});
builder.Services.AddSingleton({|SNAP003:new Clock { StartedAt = DateTime.UtcNow }|});
var app = builder.Build();
app.MapGet(""/"", (InstanceIdentity identity, Clock clock) => identity.Id + clock.StartedAt);
app.Run();

public sealed class InstanceIdentity
{
    public InstanceIdentity(string id)
    {
        Id = id;
    }

    public string Id { get; }
}

public sealed class Clock
{
    public DateTime StartedAt { get; set; }
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton(new InstanceIdentity(Guid.NewGuid().ToString(""N"")));
builder.Services.AddSingleton(new Clock { StartedAt = DateTime.UtcNow });
var app = builder.Build();
app.MapGet(""/"", (InstanceIdentity identity, Clock clock) => identity.Id + clock.StartedAt);
app.Run();

public sealed class InstanceIdentity
{
    public InstanceIdentity(string id)
    {
        Id = id;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            Id = Guid.NewGuid().ToString(""N"");
            return ValueTask.CompletedTask;
        });
    }

    public string Id { get; private set; }
}

public sealed class Clock
{
    public DateTime StartedAt { get; set; }

    public Clock()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            StartedAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }
}");

        [Fact]
        public Task MinimalApi_SingletonInstanceOfAFrameworkType_NoFix() => VerifyNoFix(LambdaModel.MinimalApi, @"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton({|SNAP001:new Random()|});
var app = builder.Build();
app.MapGet(""/"", (Random random) => random.Next());
app.Run();
");

        [Fact]
        public Task MinimalApi_EndpointCapturesALocalBuiltFromATaintedLocal_HookBeforeAppRun() => Verify(LambdaModel.MinimalApi, @"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var startedAt = DateTimeOffset.UtcNow;
var label = {|SNAP003:""started "" + startedAt.ToString(""O"")|};
app.MapGet(""/"", () => label);
app.Run();
", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var startedAt = DateTimeOffset.UtcNow;
var label = ""started "" + startedAt.ToString(""O"");
app.MapGet(""/"", () => label);
SnapshotRestore.RegisterAfterRestore(() =>
{
    var startedAt = DateTimeOffset.UtcNow;
    label = ""started "" + startedAt.ToString(""O"");
    return ValueTask.CompletedTask;
});
app.Run();
");

        [Fact]
        public Task Annotations_StartupSetsAStaticFromALocalCache_HookInConfigureServices() => Verify(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.SecretsManager.Extensions.Caching;
using Microsoft.Extensions.DependencyInjection;

public static class Settings
{
    public static string ApiKey { get; set; } = """";
}

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var cache = new SecretsManagerCache();
        Settings.ApiKey = {|SNAP020:cache.GetSecretString(""api"").Result|};
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get(ILambdaContext context) => Settings.ApiKey;
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.SecretsManager.Extensions.Caching;
using Microsoft.Extensions.DependencyInjection;

public static class Settings
{
    public static string ApiKey { get; set; } = """";
}

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var cache = new SecretsManagerCache();
        Settings.ApiKey = cache.GetSecretString(""api"").Result;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            Settings.ApiKey = await cache.GetSecretString(""api"", cts.Token);
        });
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get(ILambdaContext context) => Settings.ApiKey;
}");

        [Fact]
        public Task Annotations_FunctionConstructorFetchesThroughAnInjectedClient_HookCapturesTheParameter() => Verify(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(new AmazonSecretsManagerClient());
    }
}

public class Functions
{
    private readonly string _dbPassword;

    public Functions(AmazonSecretsManagerClient secrets)
    {
        _dbPassword = {|SNAP020:secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).Result.SecretString|};
    }

    [LambdaFunction]
    public string Get(ILambdaContext context) => _dbPassword;
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton(new AmazonSecretsManagerClient());
    }
}

public class Functions
{
    private string _dbPassword;

    public Functions(AmazonSecretsManagerClient secrets)
    {
        _dbPassword = secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).Result.SecretString;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _dbPassword = (await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }, cts.Token)).SecretString;
        });
    }

    [LambdaFunction]
    public string Get(ILambdaContext context) => _dbPassword;
}");

        [Fact]
        public Task ConnectionOpenedAndWaitedOnInAStaticConstructor_IsClosedAndReopenedByABoundedHook() => Verify(LambdaModel.ClassLibrary, @"
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
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using MySqlConnector;

public class Function
{
    private static readonly MySqlConnection Connection = new MySqlConnection(""Server=db"");

    static Function()
    {
        Connection.OpenAsync().GetAwaiter().GetResult();
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await Connection.CloseAsync();
            await Connection.OpenAsync(cts.Token);
        });
    }

    public string Handler(string input, ILambdaContext context) => Connection.Database;
}");

        [Fact]
        public Task ConnectionOpenedInAnAsyncMethodTheConstructorWaitsOn_HookInTheConstructor() => Verify(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private readonly NpgsqlConnection _db = new NpgsqlConnection(""Host=db"");

    public Function()
    {
        InitAsync().GetAwaiter().GetResult();
    }

    private async Task InitAsync()
    {
        await {|SNAP010:_db.OpenAsync()|};
    }

    public string Handler(string input, ILambdaContext context) => _db.State.ToString();
}", @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private readonly NpgsqlConnection _db = new NpgsqlConnection(""Host=db"");

    public Function()
    {
        InitAsync().GetAwaiter().GetResult();
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _db.CloseAsync();
            await _db.OpenAsync(cts.Token);
        });
    }

    private async Task InitAsync()
    {
        await _db.OpenAsync();
    }

    public string Handler(string input, ILambdaContext context) => _db.State.ToString();
}");

        [Fact]
        public Task TimerEnabledDuringInit_IsStoppedAndEnabledAgain_AndTheFindingIsCleared() => Verify(LambdaModel.ClassLibrary, @"
using System.Timers;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Timer _flush = new Timer(60_000);

    public Function()
    {
        {|SNAP004:_flush.Enabled = true|};
    }

    public string Handler(string input, ILambdaContext context) => _flush.Enabled.ToString();
}", @"
using System.Threading.Tasks;
using System.Timers;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Timer _flush = new Timer(60_000);

    public Function()
    {
        _flush.Enabled = true;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _flush.Enabled = false;
            _flush.Enabled = true;
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _flush.Enabled.ToString();
}");

        [Fact]
        public Task ConnectionClosedBeforeTheSnapshot_IsOpenedAgainAfterRestore() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private readonly NpgsqlConnection _db = new NpgsqlConnection(""Host=db"");

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP041:_db.Close()|};
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _db.State.ToString();
}",
            FixedCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private readonly NpgsqlConnection _db = new NpgsqlConnection(""Host=db"");

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _db.Close();
            return ValueTask.CompletedTask;
        });
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _db.Open();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _db.State.ToString();
}",
        }.WithPackages().RunAsync(CancellationToken.None);

        [Fact]
        public Task MinimalApi_SingletonTypeInAFileWithoutTheImports_GetsThemWithItsHook() => new VerifyCS.Test(LambdaModel.MinimalApi)
        {
            TestState =
            {
                Sources =
                {
                    ("/0/Program.cs", @"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using CatalogApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton({|SNAP002:new InstanceIdentity(Guid.NewGuid().ToString(""N""))|});
var app = builder.Build();
app.MapGet(""/"", (InstanceIdentity identity) => identity.Id);
app.Run();
"),
                    ("/0/InstanceIdentity.cs", @"namespace CatalogApi
{
    public sealed class InstanceIdentity
    {
        public InstanceIdentity(string id)
        {
            Id = id;
        }

        public string Id { get; }
    }
}
"),
                },
            },
            FixedState =
            {
                Sources =
                {
                    ("/0/Program.cs", @"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using CatalogApi;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton(new InstanceIdentity(Guid.NewGuid().ToString(""N"")));
var app = builder.Build();
app.MapGet(""/"", (InstanceIdentity identity) => identity.Id);
app.Run();
"),
                    ("/0/InstanceIdentity.cs", @"using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace CatalogApi
{
    public sealed class InstanceIdentity
    {
        public InstanceIdentity(string id)
        {
            Id = id;
            SnapshotRestore.RegisterAfterRestore(() =>
            {
                Id = Guid.NewGuid().ToString(""N"");
                return ValueTask.CompletedTask;
            });
        }

        public string Id { get; private set; }
    }
}
"),
                },
            },
        }.RunAsync(CancellationToken.None);
    }
}
