using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP020SecretFetchedDuringInitTests
    {
        [Fact]
        public Task ClassLibrary_AwaitedResponsePropertyInline() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private static string _password = string.Empty;

    static Function()
    {
        LoadAsync().GetAwaiter().GetResult();
    }

    private static async Task LoadAsync()
    {
        var sm = new AmazonSecretsManagerClient();
        _password = {|SNAP020:(await sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" })).SecretString|};
    }

    public string Handler(string input, ILambdaContext context) => _password.Length.ToString();
}");

        [Fact]
        public Task ClassLibrary_TaskResultProperty() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _sm = new AmazonSecretsManagerClient();
    private readonly string _apiKey;

    public Function()
    {
        var resp = _sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""api"" });
        _apiKey = {|SNAP020:resp.Result.SecretString|};
    }

    public string Handler(string input, ILambdaContext context) => _apiKey;
}");

        [Fact]
        public Task ClassLibrary_AwaitedResponseLocalThenProperty() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private static string _secret = string.Empty;

    static Function() => InitAsync().GetAwaiter().GetResult();

    private static async Task InitAsync()
    {
        IAmazonSecretsManager sm = new AmazonSecretsManagerClient();
        var r = await sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" });
        _secret = {|SNAP020:r.SecretString|};
    }

    public string Handler(string input, ILambdaContext context) => _secret;
}");

        [Fact]
        public Task ClassLibrary_SsmParameterWithDecryption() => VerifyAsync(LambdaModel.ClassLibrary, @"
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
}");

        [Fact]
        public Task ClassLibrary_KmsDecrypt() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.IO;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Lambda.Core;

public class Function
{
    private readonly MemoryStream _key;

    public Function()
    {
        var kms = new AmazonKeyManagementServiceClient();
        _key = {|SNAP020:kms.DecryptAsync(new DecryptRequest { CiphertextBlob = new MemoryStream(new byte[] { 1 }) }).Result.Plaintext|};
    }

    public string Handler(string input, ILambdaContext context) => _key.Length.ToString();
}");

        [Fact]
        public Task Executable_CachingClientSecretCapturedByHandler() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SecretsManager.Extensions.Caching;

var cache = new SecretsManagerCache();
var apiKey = {|SNAP020:await cache.GetSecretString(""api-key"")|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input + apiKey.Length, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_SecretCapturedByEndpoint() => VerifyAsync(LambdaModel.MinimalApi, @"
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var sm = new AmazonSecretsManagerClient();
var secret = {|SNAP020:(await sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" })).SecretString|};
app.MapGet(""/"", () => secret.Length);
app.Run();
");

        [Fact]
        public Task Annotations_SecretInFunctionConstructor() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Functions
{
    private readonly string _secret;

    public Functions(IAmazonSecretsManager sm)
    {
        _secret = {|SNAP020:sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).Result.SecretString|};
    }

    [LambdaFunction]
    public int Get() => _secret.Length;
}");

        [Fact]
        public Task Annotations_SecretRegisteredInConfigureServices() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Amazon.SecretsManager.Extensions.Caching;
using Microsoft.Extensions.DependencyInjection;

public sealed class ApiKey
{
    public ApiKey(string value) => Value = value;

    public string Value { get; }
}

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var cache = new SecretsManagerCache();
        services.AddSingleton({|SNAP020:new ApiKey(cache.GetSecretString(""api"").Result)|});
    }
}

public class Functions
{
    [LambdaFunction]
    public int Get([FromServices] ApiKey key) => key.Value.Length;
}");

        [Fact]
        public Task Clean_SecretFetchedPerInvocation() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _sm = new AmazonSecretsManagerClient();

    public async Task<int> Handler(string input, ILambdaContext context)
    {
        var secret = (await _sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" })).SecretString;
        return secret.Length;
    }
}");

        [Fact]
        public Task Clean_SecretRefreshedAfterRestore() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly IAmazonSecretsManager _sm = new AmazonSecretsManagerClient();
    private string _secret;

    public Function()
    {
        _secret = _sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).Result.SecretString;
        SnapshotRestore.RegisterAfterRestore(async () => _secret = (await {|SNAP049:_sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" })|}).SecretString);
    }

    public string Handler(string input, ILambdaContext context) => _secret;
}");

        [Fact]
        public Task Clean_PlainSsmParameterIsConfiguration() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

public class Function
{
    private readonly string _tableName;
    private readonly string _queueUrl;

    public Function()
    {
        var ssm = new AmazonSimpleSystemsManagementClient();
        _tableName = ssm.GetParameterAsync(new GetParameterRequest { Name = ""/app/table"" }).Result.Parameter.Value;
        _queueUrl = ssm.GetParameterAsync(new GetParameterRequest { Name = ""/app/queue"", WithDecryption = false }).Result.Parameter.Value;
    }

    public string Handler(string input, ILambdaContext context) => _tableName + _queueUrl;
}");

        [Fact]
        public Task Clean_LazySecret() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private static readonly IAmazonSecretsManager Sm = new AmazonSecretsManagerClient();
    private static readonly Lazy<string> Secret = new Lazy<string>(() => Sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).Result.SecretString);

    public string Handler(string input, ILambdaContext context) => Secret.Value;
}");

        [Fact]
        public Task Clean_NoLambdaProject() => VerifyAsync(LambdaModel.NoLambda, @"
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Settings
{
    private static readonly string Secret = new AmazonSecretsManagerClient().GetSecretValueAsync(new GetSecretValueRequest { SecretId = ""db"" }).Result.SecretString;
}");

        [Fact]
        public Task ClassLibrary_SsmDecryptionSetOnLocalRequest() => VerifyAsync(LambdaModel.ClassLibrary, @"
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
}");

        [Fact]
        public Task ClassLibrary_BatchGetSecretValue() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Collections.Generic;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private readonly List<SecretValueEntry> _secrets;

    public Function()
    {
        var sm = new AmazonSecretsManagerClient();
        _secrets = {|SNAP020:sm.BatchGetSecretValueAsync(new BatchGetSecretValueRequest { SecretIdList = new List<string> { ""a"", ""b"" } }).Result.SecretValues|};
    }

    public int Handler(string input, ILambdaContext context) => _secrets.Count;
}");

        [Fact]
        public Task ClassLibrary_ConnectionStringBuiltFromSecretThroughHelper() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private static readonly IAmazonSecretsManager Sm = new AmazonSecretsManagerClient();
    private readonly string _connectionString;

    public Function()
    {
        _connectionString = {|SNAP020:BuildConnectionString(""db"")|};
    }

    private static string BuildConnectionString(string secretId)
        => $""Host=db;Password={Sm.GetSecretValueAsync(new GetSecretValueRequest { SecretId = secretId }).Result.SecretString}"";

    public string Handler(string input, ILambdaContext context) => input == ""rebuild"" ? BuildConnectionString(""db"") : _connectionString;
}");

        [Fact]
        public Task ClassLibrary_ConfiguredSecretMethod() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.Lambda.Core;

namespace MyCo.Vault
{
    public sealed class VaultClient
    {
        public string Read(string path) => path;

        public string ReadVersion(string path, int version) => path + version;
    }
}

public class Function
{
    private readonly string _token = {|SNAP020:new MyCo.Vault.VaultClient().Read(""secret/app"")|};
    private readonly string _previous = {|SNAP020:new MyCo.Vault.VaultClient().ReadVersion(""secret/app"", 2)|};

    public string Handler(string input, ILambdaContext context) => _token + _previous;
}",
        }.WithPackages().WithGlobalConfig("snapsafe.secret_methods = M:MyCo.Vault.VaultClient.Read(System.String), M:MyCo.Vault.VaultClient.ReadVersion(System.String, System.Int32)").RunAsync();

        [Fact]
        public Task ClassLibrary_KmsDataKeyPlaintextKept_CiphertextOnlyIsNot() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.IO;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly IAmazonKeyManagementService Kms = new AmazonKeyManagementServiceClient();
    private static readonly MemoryStream DataKey = {|SNAP020:Kms.GenerateDataKeyAsync(new GenerateDataKeyRequest { KeyId = ""alias/app"", KeySpec = DataKeySpec.AES_256 }).Result.Plaintext|};
    private static readonly MemoryStream WrappedKey = Kms.GenerateDataKeyWithoutPlaintextAsync(new GenerateDataKeyWithoutPlaintextRequest { KeyId = ""alias/app"" }).Result.CiphertextBlob;
    private static readonly MemoryStream Rewrapped = Kms.ReEncryptAsync(new ReEncryptRequest { CiphertextBlob = WrappedKey, DestinationKeyId = ""alias/other"" }).Result.CiphertextBlob;

    public long Handler(string input, ILambdaContext context) => DataKey.Length + WrappedKey.Length + Rewrapped.Length;
}");

        [Fact]
        public Task Executable_MainMethodKeepsSecretInLocalCapturedByHandler() => VerifyAsync(LambdaModel.Executable, @"
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
}");

        [Theory]
        [InlineData("_sm.GetSecretValueAsync(Request).GetAwaiter().GetResult().SecretString")]
        [InlineData("(await _sm.GetSecretValueAsync(Request).ConfigureAwait(false)).SecretString")]
        [InlineData("(await _sm.GetSecretValueAsync(Request)).SecretString.Trim()")]
        [InlineData("$\"Password={(await _sm.GetSecretValueAsync(Request)).SecretString}\"")]
        [InlineData("System.Text.Json.JsonDocument.Parse((await _sm.GetSecretValueAsync(Request)).SecretString).RootElement.GetProperty(\"password\").GetString() ?? string.Empty")]
        public Task ClassLibrary_ResponseReadThroughAwaitersAndConversions(string read) => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecretsManager;
using Amazon.SecretsManager.Model;

public class Function
{
    private static readonly GetSecretValueRequest Request = new GetSecretValueRequest { SecretId = ""db"" };
    private readonly IAmazonSecretsManager _sm = new AmazonSecretsManagerClient();
    private string _password = string.Empty;

    public Function() => LoadAsync().GetAwaiter().GetResult();

    private async Task LoadAsync()
    {
        _password = {|SNAP020:" + read + @"|};
    }

    public string Handler(string input, ILambdaContext context) => _password;
}");
    }
}
