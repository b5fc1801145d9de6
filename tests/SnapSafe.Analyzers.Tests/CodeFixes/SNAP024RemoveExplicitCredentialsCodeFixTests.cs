using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.SNAP024RemoveExplicitCredentialsCodeFix>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>SNAP024: the explicit credentials go, so the SDK's default chain applies. Fixed sources are compiled and clean.</summary>
    public class SNAP024RemoveExplicitCredentialsCodeFixTests
    {
        [Fact]
        public Task ClassLibrary_ConstructorArgument_IsRemoved() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Runtime;

public class Function
{
    private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient({|SNAP024:new EnvironmentVariablesAWSCredentials()|});

    public string Handler(string input, ILambdaContext context) => _kms.Config.ServiceURL ?? input;
}", @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Runtime;

public class Function
{
    private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient();

    public string Handler(string input, ILambdaContext context) => _kms.Config.ServiceURL ?? input;
}");

        [Fact]
        public Task ClassLibrary_CredentialsBeforeTheRegion_TheRegionOverloadRemains() => Verify(LambdaModel.ClassLibrary, @"
using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;

public class Function
{
    private static readonly AmazonSimpleSystemsManagementClient Ssm = new AmazonSimpleSystemsManagementClient({|SNAP024:new EnvironmentVariablesAWSCredentials()|}, RegionEndpoint.EUWest1);

    public string Handler(string input, ILambdaContext context) => Ssm.Config.ServiceURL ?? input;
}", @"
using Amazon;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;

public class Function
{
    private static readonly AmazonSimpleSystemsManagementClient Ssm = new AmazonSimpleSystemsManagementClient(RegionEndpoint.EUWest1);

    public string Handler(string input, ILambdaContext context) => Ssm.Config.ServiceURL ?? input;
}");

        [Fact]
        public Task Executable_LocalUsedOnlyByTheClient_GoesToo() => Verify(LambdaModel.Executable, @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Runtime;

var credentials = {|SNAP024:new EnvironmentVariablesAWSCredentials()|};
var kms = new AmazonKeyManagementServiceClient(credentials);
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => kms.Config.ServiceURL ?? input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
", @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.Runtime;

var kms = new AmazonKeyManagementServiceClient();
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => kms.Config.ServiceURL ?? input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task ClassLibrary_BasicCredentialsFromTheVariablesInAPrivateField_TheFieldGoes() => Verify(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecurityToken;

public class Function
{
    private static readonly AWSCredentials Credentials = {|SNAP024:new BasicAWSCredentials({|SNAP023:Environment.GetEnvironmentVariable(""AWS_ACCESS_KEY_ID"")|}, {|SNAP023:Environment.GetEnvironmentVariable(""AWS_SECRET_ACCESS_KEY"")|})|};
    private readonly AmazonSecurityTokenServiceClient _sts = new AmazonSecurityTokenServiceClient(Credentials);

    public string Handler(string input, ILambdaContext context) => _sts.Config.ServiceURL ?? input;
}", @"
using System;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecurityToken;

public class Function
{
    private readonly AmazonSecurityTokenServiceClient _sts = new AmazonSecurityTokenServiceClient();

    public string Handler(string input, ILambdaContext context) => _sts.Config.ServiceURL ?? input;
}");

        [Fact]
        public Task MinimalApi_AWSOptionsInitializerMember_IsRemoved() => Verify(LambdaModel.MinimalApi, @"
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var options = new AWSOptions { Credentials = {|SNAP024:new EnvironmentVariablesAWSCredentials()|}, Region = RegionEndpoint.USEast1 };
builder.Services.AddSingleton(options);
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
app.Run();
", @"
using Amazon;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var options = new AWSOptions { Region = RegionEndpoint.USEast1 };
builder.Services.AddSingleton(options);
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
app.Run();
");

        [Fact]
        public Task Annotations_AWSOptionsCredentialsAssignment_IsRemoved() => Verify(LambdaModel.Annotations, @"
using Amazon.Extensions.NETCore.Setup;
using Amazon.Lambda.Annotations;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var options = new AWSOptions();
        options.Credentials = {|SNAP024:new EnvironmentVariablesAWSCredentials()|};
        services.AddSingleton(options);
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get(string input) => input;
}", @"
using Amazon.Extensions.NETCore.Setup;
using Amazon.Lambda.Annotations;
using Amazon.Runtime;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var options = new AWSOptions();
        services.AddSingleton(options);
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get(string input) => input;
}");

        [Fact]
        public Task NoFix_CredentialsSharedByTwoClients() => Verify(LambdaModel.ClassLibrary, @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecurityToken;

public class Function
{
    private readonly AmazonKeyManagementServiceClient _kms;
    private readonly AmazonSecurityTokenServiceClient _sts;

    public Function()
    {
        var credentials = {|SNAP024:new EnvironmentVariablesAWSCredentials()|};
        _kms = new AmazonKeyManagementServiceClient(credentials);
        _sts = new AmazonSecurityTokenServiceClient(credentials);
    }

    public string Handler(string input, ILambdaContext context) => _kms.Config.ServiceURL + _sts.Config.ServiceURL + input;
}", null);

        [Fact]
        public Task FixAll_EveryFindingOfTheDocument() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecurityToken;

public class Function
{
    private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient({|SNAP024:new EnvironmentVariablesAWSCredentials()|});
    private readonly AmazonSecurityTokenServiceClient _sts;

    public Function()
    {
        var credentials = {|SNAP024:new EnvironmentVariablesAWSCredentials()|};
        _sts = new AmazonSecurityTokenServiceClient(credentials);
    }

    public string Handler(string input, ILambdaContext context) => _kms.Config.ServiceURL + _sts.Config.ServiceURL + input;
}",
            FixedCode = @"
using Amazon.KeyManagementService;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Amazon.SecurityToken;

public class Function
{
    private readonly AmazonKeyManagementServiceClient _kms = new AmazonKeyManagementServiceClient();
    private readonly AmazonSecurityTokenServiceClient _sts;

    public Function()
    {
        _sts = new AmazonSecurityTokenServiceClient();
    }

    public string Handler(string input, ILambdaContext context) => _kms.Config.ServiceURL + _sts.Config.ServiceURL + input;
}",
        }.WithPackages().RunAsync(CancellationToken.None);

        private static Task Verify(LambdaModel model, string source, string? fixedSource)
            => new VerifyCS.Test(model) { TestCode = source, FixedCode = fixedSource ?? source }.WithPackages().RunAsync(CancellationToken.None);
    }
}
