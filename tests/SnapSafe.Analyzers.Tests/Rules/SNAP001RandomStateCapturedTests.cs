using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP001RandomStateCapturedTests
    {
        [Fact]
        public Task ClassLibrary_StaticAndInstanceFieldInitializers_AreFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly Random Shared = {|SNAP001:new Random()|};
    private readonly Random _random = {|SNAP001:new()|};

    public int Handler(string input, ILambdaContext context) => Shared.Next() + _random.Next();
}");

        [Fact]
        public Task ClassLibrary_TimeSeededRandom_IsSnap001Only() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _byTicks = {|SNAP001:new Random(Environment.TickCount)|};
    private readonly Random _byClock;

    public Function()
    {
        _byClock = {|SNAP001:new Random((int)DateTime.UtcNow.Ticks)|};
    }

    public int Handler(string input, ILambdaContext context) => _byTicks.Next() + _byClock.Next();
}");

        [Fact]
        public Task ClassLibrary_ConstantSeed_LazyAndPerInvocation_AreClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private const int Seed = 7;
    private static readonly Random Deterministic = new Random(42);
    private readonly Random _fromConst = new Random(Seed);
    private readonly Lazy<Random> _lazy = new Lazy<Random>(() => new Random());
    private readonly Func<Random> _factory = () => new Random();

    public int Handler(string input, ILambdaContext context)
    {
        var perCall = new Random();
        return perCall.Next() + Deterministic.Next() + _fromConst.Next() + _lazy.Value.Next() + _factory().Next();
    }
}");

        [Fact]
        public Task ClassLibrary_RandomInsideWrapperAndHelper_IsFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public sealed class Dice
{
    private readonly Random _random;
    public Dice(Random random) { _random = random; }
    public int Roll() => _random.Next(1, 7);
}

public class Function
{
    private readonly Dice _dice = {|SNAP001:new Dice(new Random())|};
    private readonly Random _made;

    public Function()
    {
        _made = {|SNAP001:MakeRandom()|};
    }

    private static Random MakeRandom() => new Random();

    public int Handler(string input, ILambdaContext context) => _dice.Roll() + _made.Next();
}");

        [Fact]
        public Task ClassLibrary_BaseClassAndConstructedService_AreFlaggedWhereStored() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public abstract class FunctionBase
{
    protected readonly Random Random = {|SNAP001:new Random()|};
}

public sealed class TokenService
{
    private readonly Random _random = {|SNAP001:new Random()|};
    public int Next() => _random.Next();
}

public class Function : FunctionBase
{
    private readonly TokenService _tokens = new TokenService();

    public int Handler(string input, ILambdaContext context) => Random.Next() + _tokens.Next();
}");

        [Fact]
        public Task ClassLibrary_RefreshedByAfterRestoreHook_IsClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _lambdaRefreshed = new Random();
    private static Random s_methodGroupRefreshed = new Random();

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(ResetAsync);
    }

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _lambdaRefreshed = new Random();
            return ValueTask.CompletedTask;
        });
    }

    private static ValueTask ResetAsync()
    {
        Reset();
        return default;
    }

    private static void Reset() => s_methodGroupRefreshed = new Random();

    public int Handler(string input, ILambdaContext context) => _lambdaRefreshed.Next() + s_methodGroupRefreshed.Next();
}");

        [Fact]
        public Task ClassLibrary_HookRegisteredInHandler_DoesNotRefresh() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _random = {|SNAP001:new Random()|};

    public int Handler(string input, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            return ValueTask.CompletedTask;
        })|};
        return _random.Next();
    }
}");

        [Fact]
        public Task Executable_CapturedLocal_IsFlagged_UncapturedIsClean() => VerifyCS.VerifyExecutableAsync(@"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var random = {|SNAP001:new Random()|};
var onlyDuringInit = new Random();
Console.WriteLine(onlyDuringInit.Next());
Func<string, ILambdaContext, string> handler = (input, context) => input + random.Next();
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task Executable_MainMethodWithRefreshHook_IsClean() => VerifyCS.VerifyExecutableAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    public static async Task Main()
    {
        var random = new Random();
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            random = new Random();
            return ValueTask.CompletedTask;
        });
        Func<string, ILambdaContext, string> handler = (input, context) => input + random.Next();
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }
}");

        [Fact]
        public Task MinimalApi_CapturedLocalAndSingletonInstance_AreFlagged() => VerifyCS.VerifyMinimalApiAsync(@"
using System;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Amazon.Lambda.AspNetCoreServer.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
builder.Services.AddSingleton({|SNAP001:new Random()|});
var app = builder.Build();
var jitter = {|SNAP001:new Random()|};
app.MapGet(""/"", () => jitter.Next());
app.Run();
");

        [Fact]
        public Task Annotations_FunctionConstructorAndInjectedService_AreFlagged() => VerifyCS.VerifyAnnotationsAsync(@"
using System;
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;

public interface IJitter { int Next(); }

public sealed class Jitter : IJitter
{
    private readonly Random _random = {|SNAP001:new Random()|};
    public int Next() => _random.Next();
}

[LambdaStartup]
public class Startup
{
    public void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IJitter, Jitter>();
    }
}

public class Functions
{
    private readonly IJitter _jitter;
    private readonly Random _random;

    public Functions(IJitter jitter)
    {
        _jitter = jitter;
        _random = {|SNAP001:new Random()|};
    }

    [LambdaFunction]
    public int Roll() => _jitter.Next() + _random.Next();
}");

        [Fact]
        public Task NoLambdaTypes_NothingIsReported() => VerifyCS.VerifyNoLambdaAsync(@"
using System;

public class Function
{
    private static readonly Random Shared = new Random();
    public int Handler(string input) => Shared.Next();
}");

        [Fact]
        public Task ClassLibrary_TypeNeverBuiltDuringInit_IsClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using Amazon.Lambda.Core;

public sealed class PerRequest
{
    private readonly Random _random = new Random();
    public int Next() => _random.Next();
}

public class Function
{
    public int Handler(string input, ILambdaContext context) => new PerRequest().Next();
}");
    }
}
