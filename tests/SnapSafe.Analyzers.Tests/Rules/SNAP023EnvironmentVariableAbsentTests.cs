using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP023EnvironmentVariableAbsentTests
    {
        [Fact]
        public Task ClassLibrary_EveryAbsentVariable() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly string LogGroup = {|SNAP023:Environment.GetEnvironmentVariable(""AWS_LAMBDA_LOG_GROUP_NAME"")|} ?? """";

    public string Handler(string input, ILambdaContext context)
        => LogGroup
            + {|SNAP023:Environment.GetEnvironmentVariable(""AWS_LAMBDA_LOG_STREAM_NAME"")|}
            + {|SNAP023:Environment.GetEnvironmentVariable(""AWS_ACCESS_KEY_ID"")|}
            + {|SNAP023:Environment.GetEnvironmentVariable(""AWS_SECRET_ACCESS_KEY"")|}
            + {|SNAP023:Environment.GetEnvironmentVariable(""AWS_SESSION_TOKEN"", EnvironmentVariableTarget.Process)|};
}");

        [Fact]
        public Task ClassLibrary_ConstantName() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private const string KeyVariable = ""AWS_ACCESS_KEY_ID"";

    public string Handler(string input, ILambdaContext context) => {|SNAP023:Environment.GetEnvironmentVariable(KeyVariable)|} ?? """";
}");

        [Fact]
        public Task Executable_TopLevel() => VerifyAsync(LambdaModel.Executable, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var stream = {|SNAP023:Environment.GetEnvironmentVariable(""AWS_LAMBDA_LOG_STREAM_NAME"")|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => stream ?? input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_InEndpoint() => VerifyAsync(LambdaModel.MinimalApi, @"
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
app.MapGet(""/"", () => {|SNAP023:Environment.GetEnvironmentVariable(""AWS_LAMBDA_LOG_GROUP_NAME"")|});
app.Run();
");

        [Fact]
        public Task Annotations_InStartup() => VerifyAsync(LambdaModel.Annotations, @"
using System;
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        var key = {|SNAP023:Environment.GetEnvironmentVariable(""AWS_SECRET_ACCESS_KEY"")|};
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get() => ""ok"";
}");

        [Fact]
        public Task Clean_VariablesPresentUnderSnapStart() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    public string Handler(string input, ILambdaContext context)
        => Environment.GetEnvironmentVariable(""AWS_REGION"")
            + Environment.GetEnvironmentVariable(""AWS_LAMBDA_FUNCTION_NAME"")
            + Environment.GetEnvironmentVariable(""AWS_LAMBDA_INITIALIZATION_TYPE"")
            + Environment.GetEnvironmentVariable(input);
}");

        [Fact]
        public Task Clean_NoLambdaProject() => VerifyAsync(LambdaModel.NoLambda, @"
using System;

public static class Credentials
{
    public static string? Key => Environment.GetEnvironmentVariable(""AWS_ACCESS_KEY_ID"");
}");

        [Fact]
        public Task ClassLibrary_InAClassThatIsNotTheHandler() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;

public static class LogLocation
{
    public static string Describe() => {|SNAP023:Environment.GetEnvironmentVariable(""AWS_LAMBDA_LOG_STREAM_NAME"")|} ?? ""unknown"";
}

public class Function
{
    public string Handler(string input, ILambdaContext context) => LogLocation.Describe();
}");
    }
}
