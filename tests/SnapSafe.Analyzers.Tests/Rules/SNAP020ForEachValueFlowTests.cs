using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>SNAP020 for decrypted values copied element by element (foreach) into a kept collection.</summary>
    public class SNAP020ForEachValueFlowTests
    {
        [Fact]
        public Task ClassLibrary_DecryptedParametersCopiedIntoAKeptDictionary() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

public class Function
{
    private static readonly Dictionary<string, string> Settings = new Dictionary<string, string>();

    static Function()
    {
        LoadAsync().GetAwaiter().GetResult();
    }

    private static async Task LoadAsync()
    {
        var ssm = new AmazonSimpleSystemsManagementClient();
        var response = await ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = ""/app"", WithDecryption = true });
        foreach (var parameter in response.Parameters)
        {
            Settings[parameter.Name] = {|SNAP020:parameter.Value|};
        }
    }

    public string Handler(string input, ILambdaContext context) => Settings[input];
}");

        [Fact]
        public Task Executable_DecryptedParametersAddedToACapturedDictionary() => VerifyAsync(LambdaModel.Executable, @"
using System.Collections.Generic;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

var ssm = new AmazonSimpleSystemsManagementClient();
var request = new GetParametersRequest { Names = new List<string> { ""/app/db"", ""/app/api"" }, WithDecryption = true };
var secrets = new Dictionary<string, string>();
foreach (var parameter in (await ssm.GetParametersAsync(request)).Parameters)
{
    secrets.Add(parameter.Name, {|SNAP020:parameter.Value|});
}

await LambdaBootstrapBuilder.Create((string key, ILambdaContext context) => secrets[key], new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_DecryptedValuesCopiedIntoASingletonList() => VerifyAsync(LambdaModel.MinimalApi, @"
using System.Collections.Generic;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var ssm = new AmazonSimpleSystemsManagementClient();
var response = await ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = ""/keys"", WithDecryption = true });
var keys = new List<string>();
foreach (var parameter in response.Parameters)
{
    var value = parameter.Value;
    keys.Add({|SNAP020:value|});
}

var app = builder.Build();
app.MapGet(""/"", () => keys.Count);
app.Run();
");

        [Fact]
        public Task Clean_PlainParametersAndPerInvocationCopies() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;

public class Function
{
    private static readonly Dictionary<string, string> Settings = new Dictionary<string, string>();
    private readonly AmazonSimpleSystemsManagementClient _ssm = new AmazonSimpleSystemsManagementClient();

    static Function()
    {
        var ssm = new AmazonSimpleSystemsManagementClient();
        var response = ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = ""/app/public"", WithDecryption = false }).Result;
        foreach (var parameter in response.Parameters)
        {
            Settings[parameter.Name] = parameter.Value;
        }
    }

    public async Task<string> Handler(string input, ILambdaContext context)
    {
        var secrets = new Dictionary<string, string>();
        var response = await _ssm.GetParametersByPathAsync(new GetParametersByPathRequest { Path = ""/app"", WithDecryption = true });
        foreach (var parameter in response.Parameters)
        {
            secrets[parameter.Name] = parameter.Value;
        }

        return secrets[input] + Settings[input];
    }
}");
    }
}
