using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP024CredentialsNeedAbsentVariablesTests
    {
        [Fact]
        public Task ClassLibrary_EnvironmentVariablesCredentialsForAClient() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;

public class Function
{
    private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient({|SNAP024:new Amazon.Runtime.EnvironmentVariablesAWSCredentials()|});

    public string Handler(string input, ILambdaContext context) => _kms.Config.RegionEndpoint?.SystemName ?? input;
}");

        [Fact]
        public Task ClassLibrary_EnvironmentVariablesCredentialsInAHandlerMethod() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecurityToken;

public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        using var sts = new AmazonSecurityTokenServiceClient({|SNAP024:new EnvironmentVariablesAWSCredentials()|});
        return sts.Config.ServiceURL ?? input;
    }
}");

        [Fact]
        public Task ClassLibrary_BasicCredentialsFromTheAccessKeyVariables_TheReadsStaySnap023() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;

public class Function
{
    private readonly AmazonSimpleSystemsManagementClient _ssm;

    public Function()
    {
        var key = {|SNAP023:Environment.GetEnvironmentVariable(""AWS_ACCESS_KEY_ID"")|}!;
        var credentials = {|SNAP024:new BasicAWSCredentials(key, {|SNAP023:Environment.GetEnvironmentVariable(""AWS_SECRET_ACCESS_KEY"")|} ?? string.Empty)|};
        _ssm = new AmazonSimpleSystemsManagementClient(credentials);
    }

    public string Handler(string input, ILambdaContext context) => _ssm.Config.ServiceURL ?? input;
}");

        [Fact]
        public Task Executable_SessionCredentialsThroughTheEnvironmentDictionary() => VerifyAsync(LambdaModel.Executable, @"
using System;
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Runtime;

var env = Environment.GetEnvironmentVariables();
var credentials = {|SNAP024:new SessionAWSCredentials((string){|SNAP023:env[""AWS_ACCESS_KEY_ID""]|}!, (string){|SNAP023:Environment.GetEnvironmentVariables()[""AWS_SECRET_ACCESS_KEY""]|}!, (string){|SNAP023:env[""AWS_SESSION_TOKEN""]|}!)|};
var kms = new AmazonKeyManagementServiceClient(credentials);
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => kms.Config.ServiceURL ?? input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_EnvironmentCredentialsInAWSOptions() => VerifyAsync(LambdaModel.MinimalApi, @"
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var options = new AWSOptions { Credentials = {|SNAP024:new EnvironmentVariablesAWSCredentials()|} };
builder.Services.AddSingleton(options);
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
app.Run();
");

        [Fact]
        public Task Annotations_EnvironmentCredentialsInAFunctionConstructor() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Annotations;
using Amazon.Runtime;

public class Functions
{
    private readonly IAmazonKeyManagementService _kms;

    public Functions()
    {
        _kms = new AmazonKeyManagementServiceClient({|SNAP024:new EnvironmentVariablesAWSCredentials()|});
    }

    [LambdaFunction]
    public string Get(string input) => _kms.Config.ServiceURL ?? input;
}");

        [Fact]
        public Task Clean_DefaultChainAndExplicitKeysFromConfiguration() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Runtime;

public class Function
{
    private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient();
    private readonly AmazonKeyManagementServiceClient _partner;

    public Function()
    {
        // Keys of a partner account from a variable of the function's own: set under SnapStart too.
        _partner = new AmazonKeyManagementServiceClient(new BasicAWSCredentials(
            Environment.GetEnvironmentVariable(""PARTNER_ACCESS_KEY_ID"")!,
            Environment.GetEnvironmentVariable(""PARTNER_SECRET_ACCESS_KEY"")!));
        var region = Environment.GetEnvironmentVariables()[""AWS_REGION""];
    }

    public string Handler(string input, ILambdaContext context) => _kms.Config.ServiceURL ?? _partner.Config.ServiceURL ?? input;
}");

        [Fact]
        public Task Clean_NotALambdaProject() => new Verifiers.CSharpAnalyzerVerifier<SnapSafeAnalyzer>.Test(LambdaModel.NoLambda)
        {
            TestCode = @"
using Amazon.KeyManagementService;
using Amazon.Runtime;

public static class Tool
{
    public static AmazonKeyManagementServiceClient Create() => new AmazonKeyManagementServiceClient(new EnvironmentVariablesAWSCredentials());
}",
        }.WithPackages().RunAsync();

        [Fact]
        public Task Disabled_BySnapStartSetting() => new Verifiers.CSharpAnalyzerVerifier<SnapSafeAnalyzer>.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Runtime;

public class Function
{
    private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient(new EnvironmentVariablesAWSCredentials());

    public string Handler(string input, ILambdaContext context) => input;
}",
        }.WithPackages().WithGlobalConfig("snapsafe.snapstart = disabled").RunAsync();
    }
}
