using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>SNAP023 through <c>Environment.GetEnvironmentVariables()[...]</c>.</summary>
    public class SNAP023EnvironmentDictionaryTests
    {
        [Fact]
        public Task ClassLibrary_IndexerOnTheCall() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    public string Handler(string input, ILambdaContext context)
        => (string?){|SNAP023:Environment.GetEnvironmentVariables()[""AWS_SESSION_TOKEN""]|} ?? input;
}");

        [Fact]
        public Task Executable_IndexerOnALocalHoldingTheDictionary() => VerifyCS.VerifyExecutableAsync(@"
using System;
using System.Collections;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

IDictionary variables = Environment.GetEnvironmentVariables();
var group = {|SNAP023:variables[""AWS_LAMBDA_LOG_GROUP_NAME""]|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input + group, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_InAnEndpoint() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
app.MapGet(""/"", () => (string?){|SNAP023:Environment.GetEnvironmentVariables()[""AWS_ACCESS_KEY_ID""]|});
app.Run();
");

        [Fact]
        public Task Annotations_InAFunction() => VerifyCS.VerifyAnnotationsAsync(@"
using System;
using Amazon.Lambda.Annotations;

public class Functions
{
    [LambdaFunction]
    public string Get(string input) => {|SNAP023:Environment.GetEnvironmentVariables()[""AWS_LAMBDA_LOG_STREAM_NAME""]|}?.ToString() ?? input;
}");

        [Fact]
        public Task Clean_OtherVariablesAndOtherDictionaries() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Collections.Generic;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Dictionary<string, string> _settings = new Dictionary<string, string> { [""AWS_SESSION_TOKEN""] = ""placeholder"" };

    public string Handler(string input, ILambdaContext context)
    {
        var region = Environment.GetEnvironmentVariables()[""AWS_REGION""];
        var copy = new Dictionary<string, string>(_settings);
        return (string?)region + copy[""AWS_SESSION_TOKEN""] + input;
    }
}");
    }
}
