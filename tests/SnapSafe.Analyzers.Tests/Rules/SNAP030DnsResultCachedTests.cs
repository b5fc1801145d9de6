using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP030DnsResultCachedTests
    {
        [Fact]
        public Task ClassLibrary_AddressesInStaticField() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Net;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly IPAddress[] Addresses = {|SNAP030:Dns.GetHostAddresses(""db.internal"")|};

    public string Handler(string input, ILambdaContext context) => Addresses[0].ToString();
}");

        [Fact]
        public Task ClassLibrary_EndpointBuiltFromAwaitedLookup() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Net;
using Amazon.Lambda.Core;

public class Function
{
    private readonly IPEndPoint _endpoint;

    public Function()
    {
        var entry = Dns.GetHostEntryAsync(""db.internal"").Result;
        _endpoint = {|SNAP030:new IPEndPoint(entry.AddressList[0], 5432)|};
    }

    public string Handler(string input, ILambdaContext context) => _endpoint.ToString();
}");

        [Fact]
        public Task Executable_CapturedByHandler() => VerifyAsync(LambdaModel.Executable, @"
using System.Net;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var addresses = {|SNAP030:await Dns.GetHostAddressesAsync(""db.internal"")|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => addresses[0].ToString(), new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_CapturedByEndpoint() => VerifyAsync(LambdaModel.MinimalApi, @"
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var cache = {|SNAP030:Dns.GetHostEntry(""api.internal"")|};
app.MapGet(""/"", () => cache.HostName);
app.Run();
");

        [Fact]
        public Task Annotations_InFunctionConstructor() => VerifyAsync(LambdaModel.Annotations, @"
using System.Net;
using Amazon.Lambda.Annotations;

public class Functions
{
    private readonly IPAddress _address;

    public Functions()
    {
        _address = {|SNAP030:Dns.GetHostAddresses(""db.internal"")[0]|};
    }

    [LambdaFunction]
    public string Get() => _address.ToString();
}");

        [Fact]
        public Task Clean_DnsInHandler() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Net;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public async Task<string> Handler(string host, ILambdaContext context)
        => (await Dns.GetHostAddressesAsync(host))[0].ToString();
}");

        [Fact]
        public Task Clean_ResolvedAgainAfterRestore() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Net;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static IPAddress[] _addresses = Dns.GetHostAddresses(""db.internal"");

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () => _addresses = await {|SNAP049:Dns.GetHostAddressesAsync(""db.internal"")|});
    }

    public string Handler(string input, ILambdaContext context) => _addresses[0].ToString();
}");

        [Fact]
        public Task Annotations_EndpointRegisteredInConfigureServices() => VerifyAsync(LambdaModel.Annotations, @"
using System.Net;
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton({|SNAP030:new IPEndPoint(Dns.GetHostAddresses(""statsd.internal"")[0], 8125)|});
    }
}

public class Functions
{
    [LambdaFunction]
    public string Get([FromServices] IPEndPoint statsd) => statsd.ToString();
}");
    }
}
