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
    /// The shared after-restore fix for secrets (SNAP020), temporary credentials (SNAP021), DNS answers (SNAP030) and
    /// sensitive types (SNAP043): the original fetch stays, and the hook fetches again. Fixed sources are compiled.
    /// </summary>
    public class RefetchCodeFixTests
    {
        [Fact]
        public Task Secret_AwaitedInConstructorHelper_IsRefetchedByAnAsyncHook() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private readonly string _apiKey;

    public Function()
    {
        _apiKey = {|SNAP020:_secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api-key"" }).GetAwaiter().GetResult().SecretString|};
    }

    public string Handler(string input, ILambdaContext context) => _apiKey.Length.ToString();
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _secrets = new AmazonSecretsManagerClient();
    private string _apiKey;

    public Function()
    {
        _apiKey = _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api-key"" }).GetAwaiter().GetResult().SecretString;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _apiKey = (await _secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api-key"" }, cts.Token)).SecretString;
        });
    }

    public string Handler(string input, ILambdaContext context) => _apiKey.Length.ToString();
}");

        [Fact]
        public Task Secret_AwaitedInTopLevelCode_IsRefetchedByAnAsyncHookBeforeRunAsync() => Verify(LambdaModel.Executable, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

var secrets = new AmazonSecretsManagerClient();
var apiKey = {|SNAP020:(await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api-key"" })).SecretString|};
Func<string, ILambdaContext, string> handler = (input, context) => input + apiKey.Length;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
", @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

var secrets = new AmazonSecretsManagerClient();
var apiKey = (await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api-key"" })).SecretString;
Func<string, ILambdaContext, string> handler = (input, context) => input + apiKey.Length;
SnapshotRestore.RegisterAfterRestore(async () =>
{
    using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
    apiKey = (await secrets.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api-key"" }, cts.Token)).SecretString;
});
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task Credentials_StaticField_AreRefetchedInTheStaticConstructorHook() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

public class Function
{
    private static readonly IAmazonSecurityTokenService Sts = new AmazonSecurityTokenServiceClient();
    private static readonly Credentials Ledger = {|SNAP021:Sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ""arn:aws:iam::1:role/ledger"", RoleSessionName = ""fn"" }).GetAwaiter().GetResult().Credentials|};

    public string Handler(string input, ILambdaContext context) => Ledger.AccessKeyId;
}", @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

public class Function
{
    private static readonly IAmazonSecurityTokenService Sts = new AmazonSecurityTokenServiceClient();
    private static Credentials Ledger = Sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ""arn:aws:iam::1:role/ledger"", RoleSessionName = ""fn"" }).GetAwaiter().GetResult().Credentials;

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            Ledger = (await Sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ""arn:aws:iam::1:role/ledger"", RoleSessionName = ""fn"" }, cts.Token)).Credentials;
        });
    }

    public string Handler(string input, ILambdaContext context) => Ledger.AccessKeyId;
}");

        [Fact]
        public Task DnsAnswer_IsResolvedAgain_FixAllMergesWithTheSecretIntoOneHook() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System.Net;
using Amazon.Lambda.Core;

public class Function
{
    private readonly IPAddress[] _database = {|SNAP030:Dns.GetHostAddresses(""db.internal"")|};
    private readonly IPAddress[] _cache = {|SNAP030:Dns.GetHostAddresses(""cache.internal"")|};

    public string Handler(string input, ILambdaContext context) => _database.Length + "" "" + _cache.Length;
}",
            FixedCode = @"
using System.Net;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private IPAddress[] _database = Dns.GetHostAddresses(""db.internal"");
    private IPAddress[] _cache = Dns.GetHostAddresses(""cache.internal"");

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _database = Dns.GetHostAddresses(""db.internal"");
            _cache = Dns.GetHostAddresses(""cache.internal"");
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _database.Length + "" "" + _cache.Length;
}",
        }.WithPackages().RunAsync(CancellationToken.None);

        [Fact]
        public Task DnsAnswer_OfAHelperThatTakesNoToken_IsAwaitedThroughWaitAsync() => Verify(LambdaModel.ClassLibrary, @"
using System.Net;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly IPAddress[] _database;

    public Function()
    {
        _database = {|SNAP030:LookupAsync(""db.internal"").GetAwaiter().GetResult()|};
    }

    private static async Task<IPAddress[]> LookupAsync(string host) => await Dns.GetHostAddressesAsync(host);

    public string Handler(string input, ILambdaContext context) => _database.Length + input;
}", @"
using System;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private IPAddress[] _database;

    public Function()
    {
        _database = LookupAsync(""db.internal"").GetAwaiter().GetResult();
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            _database = await LookupAsync(""db.internal"").WaitAsync(cts.Token);
        });
    }

    private static async Task<IPAddress[]> LookupAsync(string host) => await Dns.GetHostAddressesAsync(host);

    public string Handler(string input, ILambdaContext context) => _database.Length + input;
}");

        [Fact]
        public Task SensitiveType_IsRecreated() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.Lambda.Core;

namespace MyCo.Licensing
{
    public sealed class Lease
    {
        public Lease(string product) => Product = product;
        public string Product { get; }
    }

    public class Function
    {
        private readonly Lease _lease = {|SNAP043:new Lease(""orders"")|};

        public string Handler(string input, ILambdaContext context) => _lease.Product;
    }
}",
            FixedCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace MyCo.Licensing
{
    public sealed class Lease
    {
        public Lease(string product) => Product = product;
        public string Product { get; }
    }

    public class Function
    {
        private Lease _lease = new Lease(""orders"");

        public Function()
        {
            SnapshotRestore.RegisterAfterRestore(() =>
            {
                _lease = new Lease(""orders"");
                return ValueTask.CompletedTask;
            });
        }

        public string Handler(string input, ILambdaContext context) => _lease.Product;
    }
}",
        }.WithEditorConfig("snapsafe.sensitive_types = MyCo.Licensing.Lease").RunAsync(CancellationToken.None);

        [Fact]
        public Task MinimalApi_DnsAnswerCapturedByAnEndpoint_IsResolvedAgainBeforeAppRun() => Verify(LambdaModel.MinimalApi, @"
using System.Net;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var upstream = {|SNAP030:Dns.GetHostAddresses(""upstream.internal"")|};
app.MapGet(""/"", () => upstream.Length.ToString());
app.Run();
", @"
using System.Net;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var upstream = Dns.GetHostAddresses(""upstream.internal"");
app.MapGet(""/"", () => upstream.Length.ToString());
SnapshotRestore.RegisterAfterRestore(() =>
{
    upstream = Dns.GetHostAddresses(""upstream.internal"");
    return ValueTask.CompletedTask;
});
app.Run();
");

        private static Task Verify(LambdaModel model, string source, string fixedSource)
            => new VerifyCS.Test(model) { TestCode = source, FixedCode = fixedSource }.WithPackages().RunAsync(CancellationToken.None);
    }
}
