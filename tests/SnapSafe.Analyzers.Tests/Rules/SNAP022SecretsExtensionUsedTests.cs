using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP022SecretsExtensionUsedTests
    {
        [Fact]
        public Task ClassLibrary_EndpointAndHeaderInHandler() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly HttpClient Http = new HttpClient();

    public async Task<string> Handler(string input, ILambdaContext context)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, {|SNAP022:""http://localhost:2773/secretsmanager/get?secretId=db""|});
        request.Headers.Add({|SNAP022:""X-Aws-Parameters-Secrets-Token""|}, {|SNAP023:Environment.GetEnvironmentVariable(""AWS_SESSION_TOKEN"")|});
        return await (await Http.SendAsync(request)).Content.ReadAsStringAsync();
    }
}");

        [Fact]
        public Task ClassLibrary_LiteralInUnrelatedHelperClass() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;

public static class ExtensionEndpoints
{
    public const string Parameters = {|SNAP022:""http://127.0.0.1:2773/systemsmanager/parameters/get""|};
}

public class Function
{
    public string Handler(string input, ILambdaContext context) => ExtensionEndpoints.Parameters;
}");

        [Fact]
        public Task Executable_InterpolatedEndpoint() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var id = ""db"";
var url = $""{|SNAP022:http://localhost:2773/secretsmanager/get?secretId=|}{id}"";
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => url, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_InEndpoint() => VerifyAsync(LambdaModel.MinimalApi, @"
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
app.MapGet(""/"", () => {|SNAP022:""localhost:2773""|});
app.Run();
");

        [Fact]
        public Task Annotations_InFunction() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;

public class Functions
{
    [LambdaFunction]
    public string Get() => {|SNAP022:""http://localhost:2773/secretsmanager/get?secretId=db""|};
}");

        [Fact]
        public Task Clean_OtherPortsAndHeaders() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;

public class Function
{
    private const string Local = ""http://localhost:2774/"";
    private const string Header = ""X-Aws-Request-Id"";

    public string Handler(string input, ILambdaContext context) => Local + Header;
}");

        [Fact]
        public Task Clean_NoLambdaProject() => VerifyAsync(LambdaModel.NoLambda, @"
public static class Endpoints
{
    public const string Parameters = ""http://localhost:2773/systemsmanager/parameters/get"";
}");

        [Fact]
        public Task ClassLibrary_Utf8Literal() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    public int Handler(string input, ILambdaContext context)
    {
        ReadOnlySpan<byte> header = {|SNAP022:""X-Aws-Parameters-Secrets-Token""u8|};
        return header.Length;
    }
}");
    }
}
