using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP031HostIdentityCapturedTests
    {
        [Fact]
        public Task ClassLibrary_EveryIdentitySource() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Net;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly string Host = {|SNAP031:Dns.GetHostName()|};
    private readonly string _machine = {|SNAP031:Environment.MachineName|};
    private readonly string _instance = {|SNAP031:""worker-"" + Environment.ProcessId|};

    public string Handler(string input, ILambdaContext context) => Host + _machine + _instance;
}");

        [Fact]
        public Task Executable_CapturedByHandler() => VerifyAsync(LambdaModel.Executable, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var instanceId = {|SNAP031:$""{Environment.MachineName}-{Environment.ProcessId}""|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => instanceId, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_CapturedByEndpoint() => VerifyAsync(LambdaModel.MinimalApi, @"
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var node = {|SNAP031:Dns.GetHostName()|};
app.MapGet(""/"", () => node);
app.Run();
");

        [Fact]
        public Task Annotations_InFunctionConstructor() => VerifyAsync(LambdaModel.Annotations, @"
using System;
using Amazon.Lambda.Annotations;

public class Functions
{
    private readonly string _node = {|SNAP031:Environment.MachineName|};

    [LambdaFunction]
    public string Get() => _node;
}");

        [Fact]
        public Task Clean_ReadPerInvocation() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Net;
using Amazon.Lambda.Core;

public class Function
{
    public string Handler(string input, ILambdaContext context) => Dns.GetHostName() + Environment.MachineName + Environment.ProcessId;
}");

        [Fact]
        public Task Clean_NoLambdaProject() => VerifyAsync(LambdaModel.NoLambda, @"
using System;

public static class Node
{
    public static readonly string Name = Environment.MachineName;
}");

        [Fact]
        public Task Annotations_IdentityRegisteredInConfigureServices() => VerifyAsync(LambdaModel.Annotations, @"
using System;
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;

public sealed record WorkerIdentity(string Name);

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton({|SNAP031:new WorkerIdentity(Environment.MachineName)|});
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get([FromServices] WorkerIdentity identity) => identity.Name;
}");

        [Fact]
        public Task Clean_IdentityGeneratedAgainAfterRestore() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static string _worker = Environment.MachineName;

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _worker = Guid.NewGuid().ToString(""N"");
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _worker;
}");
    }
}
