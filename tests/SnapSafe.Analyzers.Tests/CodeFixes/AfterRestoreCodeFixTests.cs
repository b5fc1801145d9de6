using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// The after-restore fix shared by SNAP001-SNAP004, through the real analyzer. Every fixed source is compiled:
    /// a fix that introduces a compiler error fails the test. Single fixes are applied one diagnostic at a time,
    /// Fix All in document, project and solution scope.
    /// </summary>
    public class AfterRestoreCodeFixTests
    {
        [Fact]
        public Task ReadonlyFieldInitializer_TypeWithoutConstructor_GetsConstructorWithHook() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = {|SNAP001:new Random()|};

    public int Handler(string input, ILambdaContext context) => _random.Next();
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _random = new Random();

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            return ValueTask.CompletedTask;
        });
    }

    public int Handler(string input, ILambdaContext context) => _random.Next();
}");

        [Fact]
        public Task StaticFieldInitializer_GetsStaticConstructorWithHook() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static readonly string InstanceId = {|SNAP002:Guid.NewGuid().ToString()|};

    public string Handler(string input, ILambdaContext context) => InstanceId;
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private static string InstanceId = Guid.NewGuid().ToString();

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            InstanceId = Guid.NewGuid().ToString();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => InstanceId;
}");

        [Fact]
        public Task GetOnlyAutoProperty_GetsPrivateSetter_HookInEveryConstructorThatRunsInitializers() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly string _prefix;

    public Function()
        : this(""order-"")
    {
    }

    public Function(string prefix)
    {
        _prefix = prefix;
    }

    protected Function(int shard) => _prefix = ""shard-"" + shard;

    public string Id { get; } = {|SNAP002:Guid.NewGuid().ToString()|};

    public string Handler(string input, ILambdaContext context) => _prefix + Id;
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly string _prefix;

    public Function()
        : this(""order-"")
    {
    }

    public Function(string prefix)
    {
        _prefix = prefix;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            Id = Guid.NewGuid().ToString();
            return ValueTask.CompletedTask;
        });
    }

    protected Function(int shard)
    {
        _prefix = ""shard-"" + shard;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            Id = Guid.NewGuid().ToString();
            return ValueTask.CompletedTask;
        });
    }

    public string Id { get; private set; } = Guid.NewGuid().ToString();

    public string Handler(string input, ILambdaContext context) => _prefix + Id;
}");

        [Fact]
        public Task AssignmentInConstructor_HookAtTheEndOfTheConstructor() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly DateTime _startedAt;
    private readonly string _name;

    public Function()
    {
        _startedAt = {|SNAP003:DateTime.UtcNow|};
        _name = ""orders"";
    }

    public string Handler(string input, ILambdaContext context) => _name + (DateTime.UtcNow - _startedAt);
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private DateTime _startedAt;
    private readonly string _name;

    public Function()
    {
        _startedAt = DateTime.UtcNow;
        _name = ""orders"";
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _startedAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _name + (DateTime.UtcNow - _startedAt);
}");

        [Fact]
        public Task ExistingExpressionBodiedHook_BecomesABlockWithTheStatement() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _random = {|SNAP001:new Random()|};

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    public int Handler(string input, ILambdaContext context) => _random.Next();
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _random = new Random();

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            return ValueTask.CompletedTask;
        });
    }

    public int Handler(string input, ILambdaContext context) => _random.Next();
}");

        [Fact]
        public Task ExistingBlockHook_GetsTheStatementBeforeItsReturn() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = {|SNAP001:new Random()|};
    private int _restores;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _restores++;
            return default;
        });
    }

    public int Handler(string input, ILambdaContext context) => _random.Next() + _restores;
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _random = new Random();
    private int _restores;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _restores++;
            _random = new Random();
            return default;
        });
    }

    public int Handler(string input, ILambdaContext context) => _random.Next() + _restores;
}");

        [Fact]
        public Task ExistingMethodGroupHook_GetsTheStatementInTheMethod() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = {|SNAP001:new Random()|};
    private int _restores;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(RefreshAsync);
    }

    private ValueTask RefreshAsync()
    {
        _restores++;
        return ValueTask.CompletedTask;
    }

    public int Handler(string input, ILambdaContext context) => _random.Next() + _restores;
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _random = new Random();
    private int _restores;

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(RefreshAsync);
    }

    private ValueTask RefreshAsync()
    {
        _restores++;
        _random = new Random();
        return ValueTask.CompletedTask;
    }

    public int Handler(string input, ILambdaContext context) => _random.Next() + _restores;
}");

        [Fact]
        public Task TimerStartedInConstructor_StartCallIsRepeated_ATimersTimerIsStoppedFirst() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private readonly CancellationTokenSource _deadline = new CancellationTokenSource();
    private readonly System.Timers.Timer _poll = new System.Timers.Timer(1000);

    public Function()
    {
        {|SNAP004:_deadline.CancelAfter(TimeSpan.FromMinutes(10))|};
        {|SNAP004:_poll.Start()|};
    }

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly CancellationTokenSource _deadline = new CancellationTokenSource();
    private readonly System.Timers.Timer _poll = new System.Timers.Timer(1000);

    public Function()
    {
        _deadline.CancelAfter(TimeSpan.FromMinutes(10));
        _poll.Start();
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _deadline.CancelAfter(TimeSpan.FromMinutes(10));
            _poll.Stop();
            _poll.Start();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task StartedTimerInitializer_OldTimerIsDisposedBeforeItIsRecreated() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using System.Threading;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Timer _flush = {|SNAP004:new Timer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMinutes(1))|};

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Timer _flush = new Timer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMinutes(1));

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _flush.Dispose();
            _flush = new Timer(_ => { }, null, TimeSpan.Zero, TimeSpan.FromMinutes(1));
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task TopLevelStatements_HookGoesRightBeforeRunAsync() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Executable, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var random = {|SNAP001:new Random()|};
var startedAt = {|SNAP003:DateTime.UtcNow|};
Func<string, ILambdaContext, string> handler = (input, context) => input + random.Next() + startedAt;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var random = new Random();
var startedAt = DateTime.UtcNow;
Func<string, ILambdaContext, string> handler = (input, context) => input + random.Next() + startedAt;
SnapshotRestore.RegisterAfterRestore(() =>
{
    random = new Random();
    startedAt = DateTime.UtcNow;
    return ValueTask.CompletedTask;
});
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task MinimalApi_HookGoesRightBeforeAppRun() => VerifyCS.VerifyCodeFixAsync(LambdaModel.MinimalApi, @"
using System;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var jitter = {|SNAP001:new Random()|};
app.MapGet(""/"", () => jitter.Next());
app.Run();
", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var jitter = new Random();
app.MapGet(""/"", () => jitter.Next());
SnapshotRestore.RegisterAfterRestore(() =>
{
    jitter = new Random();
    return ValueTask.CompletedTask;
});
app.Run();
");

        [Fact]
        public Task MainMethod_AsyncValue_MakesAnAsyncHookBeforeRunAsync() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Executable, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    public static async Task Main()
    {
        var startedAt = {|SNAP003:await ReadClockAsync()|};
        Func<string, ILambdaContext, string> handler = (input, context) => input + startedAt;
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }

    private static async Task<DateTime> ReadClockAsync()
    {
        await Task.Yield();
        return DateTime.UtcNow;
    }
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

public static class Program
{
    public static async Task Main()
    {
        var startedAt = await ReadClockAsync();
        Func<string, ILambdaContext, string> handler = (input, context) => input + startedAt;
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            startedAt = await ReadClockAsync();
        });
        await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();
    }

    private static async Task<DateTime> ReadClockAsync()
    {
        await Task.Yield();
        return DateTime.UtcNow;
    }
}");

        [Fact]
        public Task ExistingSynchronousHook_BecomesAsyncForAnAwaitedValue() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Executable, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var startedAt = {|SNAP003:await Clock.ReadAsync()|};
SnapshotRestore.RegisterAfterRestore(() =>
{
    Console.WriteLine(""restored"");
    return ValueTask.CompletedTask;
});
Func<string, ILambdaContext, string> handler = (input, context) => input + startedAt;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

static class Clock
{
    public static async Task<DateTime> ReadAsync()
    {
        await Task.Yield();
        return DateTime.UtcNow;
    }
}
", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var startedAt = await Clock.ReadAsync();
SnapshotRestore.RegisterAfterRestore(async () =>
{
    Console.WriteLine(""restored"");
    startedAt = await Clock.ReadAsync();
});
Func<string, ILambdaContext, string> handler = (input, context) => input + startedAt;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

static class Clock
{
    public static async Task<DateTime> ReadAsync()
    {
        await Task.Yield();
        return DateTime.UtcNow;
    }
}
");

        [Fact]
        public Task FileScopedNamespace_MissingUsingsAreAdded() => VerifyCS.VerifyCodeFixAsync(@"
using System;

namespace Orders;

public class Function
{
    private readonly Random _random = {|SNAP001:new Random()|};

    public int Handler(string input, Amazon.Lambda.Core.ILambdaContext context) => _random.Next();
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

namespace Orders;

public class Function
{
    private Random _random = new Random();

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            return ValueTask.CompletedTask;
        });
    }

    public int Handler(string input, Amazon.Lambda.Core.ILambdaContext context) => _random.Next();
}");

        [Fact]
        public Task GlobalUsings_NoUsingIsAdded() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestState =
            {
                Sources =
                {
                    @"
public class Function
{
    private readonly System.Random _random = {|SNAP001:new System.Random()|};

    public int Handler(string input, ILambdaContext context) => _random.Next();
}",
                    ("/0/GlobalUsings.cs", "global using Amazon.Lambda.Core;\nglobal using System.Threading.Tasks;\n"),
                },
            },
            FixedState =
            {
                Sources =
                {
                    @"
public class Function
{
    private System.Random _random = new System.Random();

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new System.Random();
            return ValueTask.CompletedTask;
        });
    }

    public int Handler(string input, ILambdaContext context) => _random.Next();
}",
                    ("/0/GlobalUsings.cs", "global using Amazon.Lambda.Core;\nglobal using System.Threading.Tasks;\n"),
                },
            },
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task FixAll_ThreeFindingsOfOneType_OneHook() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = {|SNAP001:new Random()|};
    private readonly DateTime _startedAt;

    public Function()
    {
        _startedAt = {|SNAP003:DateTime.UtcNow|};
    }

    public string Id { get; } = {|SNAP002:Guid.NewGuid().ToString()|};

    public string Handler(string input, ILambdaContext context) => Id + _random.Next() + _startedAt;
}",
            FixedCode = @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _random = new Random();
    private DateTime _startedAt;

    public Function()
    {
        _startedAt = DateTime.UtcNow;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            _startedAt = DateTime.UtcNow;
            Id = Guid.NewGuid().ToString();
            return ValueTask.CompletedTask;
        });
    }

    public string Id { get; private set; } = Guid.NewGuid().ToString();

    public string Handler(string input, ILambdaContext context) => Id + _random.Next() + _startedAt;
}",
            NumberOfFixAllIterations = 1,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task FixAll_TwoTypes_OneHookEach() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public sealed class TokenService
{
    private readonly Random _random = {|SNAP001:new Random()|};
    private readonly string _salt = {|SNAP002:Guid.NewGuid().ToString(""N"")|};

    public string Next() => _salt + _random.Next();
}

public class Function
{
    private static readonly DateTime LoadedAt = {|SNAP003:DateTime.UtcNow|};
    private static readonly Random Jitter = {|SNAP001:new Random()|};
    private readonly TokenService _tokens = new TokenService();

    public string Handler(string input, ILambdaContext context) => _tokens.Next() + LoadedAt + Jitter.Next();
}",
            FixedCode = @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public sealed class TokenService
{
    private Random _random = new Random();
    private string _salt = Guid.NewGuid().ToString(""N"");

    public TokenService()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            _salt = Guid.NewGuid().ToString(""N"");
            return ValueTask.CompletedTask;
        });
    }

    public string Next() => _salt + _random.Next();
}

public class Function
{
    private static DateTime LoadedAt = DateTime.UtcNow;
    private static Random Jitter = new Random();
    private readonly TokenService _tokens = new TokenService();

    static Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            LoadedAt = DateTime.UtcNow;
            Jitter = new Random();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _tokens.Next() + LoadedAt + Jitter.Next();
}",
            NumberOfFixAllIterations = 1,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task CoreWithoutSnapshotRestore_NoFix()
        {
            const string Source = @"
using System;
using Amazon.Lambda.Core;

public class Function
{
    private readonly Random _random = {|SNAP001:new Random()|};

    public int Handler(string input, ILambdaContext context) => _random.Next();
}";
            return VerifyCS.VerifyCodeFixAsync(LambdaModel.CoreWithoutSnapshotRestore, Source, Source);
        }

        [Fact]
        public Task Annotations_FunctionClassConstructor_GetsTheHook() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Annotations, @"
using System;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;

public class Functions
{
    private readonly DateTime _loadedAt;

    public Functions()
    {
        _loadedAt = {|SNAP003:DateTime.UtcNow|};
    }

    [LambdaFunction]
    public string Age(string input, ILambdaContext context) => (DateTime.UtcNow - _loadedAt).ToString();
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;

public class Functions
{
    private DateTime _loadedAt;

    public Functions()
    {
        _loadedAt = DateTime.UtcNow;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _loadedAt = DateTime.UtcNow;
            return ValueTask.CompletedTask;
        });
    }

    [LambdaFunction]
    public string Age(string input, ILambdaContext context) => (DateTime.UtcNow - _loadedAt).ToString();
}");

        [Fact]
        public Task PrimaryConstructorType_BecomesAnOrdinaryConstructorThatRegistersTheHook() => VerifyCS.VerifyCodeFixAsync(@"
using System;
using Amazon.Lambda.Core;

public class Function(string prefix)
{
    private readonly Random _random = {|SNAP001:new Random()|};

    public string Handler(string input, ILambdaContext context) => prefix + _random.Next();
}", @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly string prefix;
    private Random _random = new Random();

    public Function(string prefix)
    {
        this.prefix = prefix;
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _random = new Random();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => prefix + _random.Next();
}");
    }
}
