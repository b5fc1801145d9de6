using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP002UniqueValueCapturedTests
    {
        [Fact]
        public Task ClassLibrary_EveryUniqueValueApi_IsFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.IO;
using System.Security.Cryptography;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Guid _id = {|SNAP002:Guid.NewGuid()|};
    private readonly byte[] _key = {|SNAP002:RandomNumberGenerator.GetBytes(32)|};
    private readonly int _pin = {|SNAP002:RandomNumberGenerator.GetInt32(1000, 9999)|};
    private readonly int _shared = {|SNAP002:Random.Shared.Next()|};
    private readonly double _draw = {|SNAP002:new Random().NextDouble()|};
    private readonly string _file = {|SNAP002:Path.GetRandomFileName()|};
    private readonly string _temp = {|SNAP002:Path.GetTempFileName()|};

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task ClassLibrary_ValuesDerivedThroughConversionsAndHelpers_AreFlaggedAtTheStore() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Security.Cryptography;
using Amazon.Lambda.Core;

public static class Ids
{
    public static string Next(string prefix) => prefix + ""-"" + Guid.NewGuid().ToString(""N"");
}

public class Function
{
    private readonly string _instance = {|SNAP002:""fn-"" + Guid.NewGuid()|};
    private readonly string _interpolated = {|SNAP002:$""run {Guid.NewGuid():N}""|};
    private readonly string _viaHelper = {|SNAP002:Ids.Next(""worker"")|};
    private readonly string _secret;

    public Function()
    {
        var buffer = new byte[16];
        RandomNumberGenerator.Fill(buffer);
        _secret = {|SNAP002:Convert.ToBase64String(buffer)|};
    }

    public string Handler(string input, ILambdaContext context) => Ids.Next(input);
}");

        [Fact]
        public Task ClassLibrary_NearestCleanShapes_AreNotFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Security.Cryptography;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly Guid Namespace = Guid.Parse(""6ba7b810-9dad-11d1-80b4-00c04fd430c8"");
    private readonly Guid _empty = new Guid();
    private readonly Guid _none = Guid.Empty;
    private readonly RandomNumberGenerator _generator = RandomNumberGenerator.Create();
    private readonly int _deterministic = new Random(42).Next();
    private readonly Lazy<string> _lazyId = new Lazy<string>(() => Guid.NewGuid().ToString());
    private readonly string _name = ""orders"";

    public string Handler(string input, ILambdaContext context)
    {
        var requestId = Guid.NewGuid();
        var bytes = new byte[8];
        _generator.GetBytes(bytes);
        return $""{requestId} {Namespace} {_empty} {_none} {_deterministic} {_lazyId.Value} {_name} {bytes[0]}"";
    }
}");

        [Fact]
        public Task ClassLibrary_AssignedPerInvocation_IsClean_LazyGuardIsNot() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private string _requestId = Guid.NewGuid().ToString();
    private string _cached = {|SNAP002:Guid.NewGuid().ToString()|};

    public string Handler(string input, ILambdaContext context)
    {
        _requestId = Guid.NewGuid().ToString();
        if (_cached == null)
        {
            _cached = Guid.NewGuid().ToString();
        }

        return _requestId + _cached;
    }
}");

        [Fact]
        public Task ClassLibrary_HelperAlsoUsedPerInvocation_IsReportedAtItsCallInInit() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private string _correlation;

    public Function()
    {
        {|SNAP002:NewCorrelation()|};
    }

    private void NewCorrelation()
    {
        _correlation = Guid.NewGuid().ToString();
    }

    public string Handler(string input, ILambdaContext context)
    {
        var before = _correlation;
        if (input == ""reset"")
        {
            NewCorrelation();
        }

        return before;
    }
}");

        [Fact]
        public Task Executable_CapturedGuid_IsFlagged() => VerifyCS.VerifyExecutableAsync(@"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var instanceId = {|SNAP002:Guid.NewGuid().ToString(""N"")|};
Func<string, ILambdaContext, string> handler = (input, context) => $""{instanceId}: {input} {Guid.NewGuid()}"";
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_CapturedGuid_IsFlagged_EndpointValueIsClean() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Amazon.Lambda.AspNetCoreServer.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.RestApi);
var app = builder.Build();
var instanceId = {|SNAP002:Guid.NewGuid()|};
app.MapGet(""/id"", () => new { instance = instanceId, request = Guid.NewGuid() });
app.Run();
");

        [Fact]
        public Task Annotations_FunctionConstructor_IsFlagged() => VerifyCS.VerifyAnnotationsAsync(@"
using System;
using Amazon.Lambda.Annotations;

public class Functions
{
    private readonly string _workerId;

    public Functions()
    {
        _workerId = {|SNAP002:Guid.NewGuid().ToString()|};
    }

    [LambdaFunction]
    public string WhoAmI() => _workerId;
}");
    }
}
