using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP021CredentialsCapturedDuringInitTests
    {
        [Fact]
        public Task ClassLibrary_AssumeRoleCredentialsKept() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

public class Function
{
    private readonly Credentials _credentials;

    public Function()
    {
        var sts = new AmazonSecurityTokenServiceClient();
        _credentials = {|SNAP021:sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ""arn:aws:iam::123456789012:role/reader"", RoleSessionName = ""s"" }).Result.Credentials|};
    }

    public string Handler(string input, ILambdaContext context) => _credentials.AccessKeyId;
}");

        [Fact]
        public Task ClassLibrary_ImmutableCredentialsKept() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.Runtime;

public class Function
{
    private static readonly ImmutableCredentials Credentials = {|SNAP021:FallbackCredentialsFactory.GetCredentials().GetCredentials()|};

    public string Handler(string input, ILambdaContext context) => Credentials.AccessKey;
}");

        [Fact]
        public Task Executable_AwaitedAssumeRoleCapturedByHandler() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

var sts = new AmazonSecurityTokenServiceClient();
var session = {|SNAP021:(await sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ""arn"", RoleSessionName = ""s"" })).Credentials|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => session.AccessKeyId, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_CredentialsCapturedByEndpoint() => VerifyAsync(LambdaModel.MinimalApi, @"
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var sts = new AmazonSecurityTokenServiceClient();
var token = {|SNAP021:(await sts.GetSessionTokenAsync(new GetSessionTokenRequest())).Credentials|};
app.MapGet(""/"", () => token.Expiration.ToString());
app.Run();
");

        [Fact]
        public Task Annotations_CredentialsInFunctionConstructor() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

public class Functions
{
    private readonly Credentials _credentials;

    public Functions(IAmazonSecurityTokenService sts)
    {
        _credentials = {|SNAP021:sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ""arn"", RoleSessionName = ""s"" }).Result.Credentials|};
    }

    [LambdaFunction]
    public string Get() => _credentials.AccessKeyId;
}");

        [Fact]
        public Task Clean_CredentialsObjectKeptButResolvedPerCall() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.Runtime;

public class Function
{
    private static readonly AWSCredentials Credentials = FallbackCredentialsFactory.GetCredentials();

    public string Handler(string input, ILambdaContext context) => Credentials.GetCredentials().AccessKey;
}");

        [Fact]
        public Task Clean_StsClientCreatedAtInit() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

public class Function
{
    private readonly IAmazonSecurityTokenService _sts = new AmazonSecurityTokenServiceClient();

    public async Task<string> Handler(string input, ILambdaContext context)
        => (await _sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = input, RoleSessionName = ""s"" })).Credentials.AccessKeyId;
}");

        [Fact]
        public Task Clean_RefreshedAfterRestore() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Runtime;

public class Function
{
    private static readonly AWSCredentials Source = FallbackCredentialsFactory.GetCredentials();
    private static ImmutableCredentials _credentials = Source.GetCredentials();

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () => _credentials = await Source.GetCredentialsAsync());
    }

    public string Handler(string input, ILambdaContext context) => _credentials.AccessKey;
}");

        [Fact]
        public Task ClassLibrary_ClientBuiltFromAssumedRoleCredentials() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecurityToken;
using Amazon.SecurityToken.Model;

public class Function
{
    private readonly IAmazonKeyManagementService _crossAccountKms;

    public Function()
    {
        var sts = new AmazonSecurityTokenServiceClient();
        var assumed = sts.AssumeRoleAsync(new AssumeRoleRequest { RoleArn = ""arn"", RoleSessionName = ""s"" }).Result.Credentials;
        _crossAccountKms = {|SNAP021:new AmazonKeyManagementServiceClient(new SessionAWSCredentials(assumed.AccessKeyId, assumed.SecretAccessKey, assumed.SessionToken))|};
    }

    public string Handler(string input, ILambdaContext context) => _crossAccountKms.ToString()!;
}");

        [Fact]
        public Task Annotations_CredentialsRegisteredInConfigureServices() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton({|SNAP021:FallbackCredentialsFactory.GetCredentials().GetCredentials()|});
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get([FromServices] ImmutableCredentials credentials) => credentials.AccessKey;
}");
    }
}
