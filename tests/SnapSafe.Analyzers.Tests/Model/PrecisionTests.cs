using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>Shapes from real Lambda functions that once gave false positives or false negatives.</summary>
    public class PrecisionTests
    {
        [Fact]
        public Task AssemblySerializer_RequestAndResponseTypes_AreNotHandlers() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

public class Order
{
    public string Id { get; set; } = """";
    public DateTime ReceivedAt { get; set; } = DateTime.UtcNow;
    public bool IsLate(TimeSpan limit) => DateTime.UtcNow - ReceivedAt > limit;
}

public class Receipt
{
    public Guid TraceId { get; set; } = Guid.NewGuid();
    public string Format() => TraceId.ToString();
}

public class Function
{
    private static readonly Guid Instance = {|SNAP002:Guid.NewGuid()|};

    public Receipt FunctionHandler(Order order) => new Receipt();
}");

        [Fact]
        public Task AssemblySerializer_WithoutConventionalName_SignatureTypesAreNotHandlers() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

[assembly: LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]

public class Payment
{
    public DateTime At { get; set; } = DateTime.UtcNow;
    public string Describe() => At.ToString(""O"");
}

public class Processor
{
    private readonly DateTime _loaded = {|SNAP003:DateTime.UtcNow|};

    public string Process(Payment payment) => payment.Describe() + _loaded;
}");

        [Fact]
        public Task MethodLevelSerializer_MarksTheHandler() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.Serialization.SystemTextJson;

public class Function
{
    private readonly Random _random = {|SNAP001:new Random()|};

    [LambdaSerializer(typeof(DefaultLambdaJsonSerializer))]
    public int Handle(string input) => _random.Next();
}");

        [Fact]
        public Task ObjectInitializersOfUnkeptObjects_AreClean_KeptObjectIsReportedOnce() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class StartupEvent
{
    public DateTime Time { get; set; }
    public Guid Id { get; set; }
}

public class Settings
{
    public DateTime CreatedAt { get; set; }
}

public class Function
{
    private readonly Settings _settings;

    public Function()
    {
        var started = new StartupEvent { Time = DateTime.UtcNow, Id = Guid.NewGuid() };
        Console.WriteLine(started.Id);
        _settings = {|SNAP003:new Settings { CreatedAt = DateTime.UtcNow }|};
    }

    public string Handler(string input, ILambdaContext context) => _settings.CreatedAt.ToString(""O"");
}");

        [Fact]
        public Task ConstantsAndNameof_DoNotRunStaticInitializers() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public static class Clock
{
    public const string Format = ""O"";
    public static readonly DateTime Loaded = DateTime.UtcNow;
}

public class Function
{
    private readonly string _format = Clock.Format + nameof(Clock.Loaded);

    public string Handler(string input, ILambdaContext context) => DateTime.UtcNow.ToString(_format);
}");

        [Fact]
        public Task PublicInitializeCalledFromConstructor_IsInitNotInvocation() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private Guid _instance;

    public Function()
    {
        Initialize();
    }

    public void Initialize()
    {
        _instance = {|SNAP002:Guid.NewGuid()|};
    }

    public string Handler(string input, ILambdaContext context) => _instance.ToString();
}");

        [Fact]
        public Task TupleAssignment_IsOneStorePerElement() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Guid _id;
    private readonly DateTime _at;
    private readonly string _name;

    public Function()
    {
        (_id, _at, _name) = ({|SNAP002:Guid.NewGuid()|}, {|SNAP003:DateTime.UtcNow|}, ""orders"");
    }

    public string Handler(string input, ILambdaContext context) => _id + "" "" + _at + _name;
}");

        [Fact]
        public Task Annotations_ConfigureHostBuilder_IsInit() => VerifyCS.VerifyAnnotationsAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;
using Microsoft.Extensions.DependencyInjection;

public sealed class Identity
{
    public Guid Value { get; set; } = Guid.NewGuid();
}

public sealed class Clock
{
    public DateTime At { get; set; }
}

[LambdaStartup]
public class Startup
{
    public IServiceCollection ConfigureHostBuilder()
    {
        var services = new ServiceCollection();
        var identity = new Identity();
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            identity.Value = Guid.NewGuid();
            return ValueTask.CompletedTask;
        });
        services.AddSingleton(identity);
        services.AddSingleton({|SNAP003:new Clock { At = DateTime.UtcNow }|});
        return services;
    }
}

public class Functions
{
    [LambdaFunction]
    public string Who(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task MinimalApi_HostingAddedInAnExtensionMethod_IsStillLambda() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddApiServices();
var app = builder.Build();
var startedAt = {|SNAP003:DateTime.UtcNow|};
app.MapGet(""/"", () => startedAt.ToString(""O""));
app.Run();

static class ServiceSetup
{
    public static IServiceCollection AddApiServices(this IServiceCollection services)
    {
        services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
        return services;
    }
}
");

        [Fact]
        public Task KeptCollections_IndexerAndAddStores_AreFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Collections.Generic;
using System.Collections.Concurrent;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Dictionary<string, object> _cache = new();
    private readonly List<Guid> _ids = new();
    private static readonly ConcurrentDictionary<string, DateTime> Seen = new();

    public Function()
    {
        _cache[""bootTime""] = {|SNAP003:DateTime.UtcNow|};
        _ids.Add({|SNAP002:Guid.NewGuid()|});
        Seen.TryAdd(""boot"", {|SNAP003:DateTime.UtcNow|});
        var scratch = new List<Guid> { Guid.NewGuid() };
        scratch.Add(Guid.NewGuid());
    }

    public string Handler(string input, ILambdaContext context)
    {
        _ids.Add(Guid.NewGuid());
        return _cache[""bootTime""] + "" "" + _ids.Count + Seen.Count;
    }
}");

        [Fact]
        public Task MinimalApi_SingletonResolvedBeforeRun_IsBuiltDuringInit() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton<IClock, BootClock>();
builder.Services.AddScoped<RequestClock>();
var app = builder.Build();
app.Services.GetRequiredService<IClock>();
app.MapGet(""/"", (IClock clock) => clock.Booted.ToString(""O""));
app.Run();

public interface IClock
{
    DateTime Booted { get; }
}

public sealed class BootClock : IClock
{
    public DateTime Booted { get; } = {|SNAP003:DateTime.UtcNow|};
}

public sealed class RequestClock
{
    public DateTime Created { get; } = DateTime.UtcNow;
}
");
    }
}
