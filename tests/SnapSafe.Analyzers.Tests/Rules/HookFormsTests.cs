using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>Hooks in every form users write them, for the rules that read hooks (refresh, SNAP040-SNAP042).</summary>
    public class HookFormsTests
    {
        [Fact]
        public Task RefreshThroughEveryHookForm_IsClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Random _byLambda = new Random();
    private Guid _byMethodGroup = Guid.NewGuid();
    private DateTime _byLocalFunction = DateTime.UtcNow;
    private Guid _byAsyncLambda = Guid.NewGuid();
    private Guid _byValueTaskCtor = Guid.NewGuid();
    private Guid _byCallee = Guid.NewGuid();

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _byLambda = new Random();
            return ValueTask.CompletedTask;
        });
        SnapshotRestore.RegisterAfterRestore(RefreshIdentity);
        SnapshotRestore.RegisterAfterRestore(RefreshClock);
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            await Task.Yield();
            _byAsyncLambda = Guid.NewGuid();
        });
        SnapshotRestore.RegisterAfterRestore(() => new ValueTask(Task.Run(() => { _byValueTaskCtor = Guid.NewGuid(); })));

        ValueTask RefreshClock()
        {
            _byLocalFunction = DateTime.UtcNow;
            return default;
        }
    }

    private ValueTask RefreshIdentity()
    {
        _byMethodGroup = Guid.NewGuid();
        Reset();
        return ValueTask.CompletedTask;
    }

    private void Reset() => _byCallee = Guid.NewGuid();

    public string Handler(string input, ILambdaContext context)
        => $""{_byLambda.Next()} {_byMethodGroup} {_byLocalFunction} {_byAsyncLambda} {_byValueTaskCtor} {_byCallee}"";
}");

        [Fact]
        public Task RegisterOnceHelper_RegisteringOnBehalfOfTheType_Refreshes() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public static class Restore
{
    private static int s_registered;

    public static void Once(Func<ValueTask> hook)
    {
        if (Interlocked.Exchange(ref s_registered, 1) == 0)
        {
            SnapshotRestore.RegisterAfterRestore(hook);
        }
    }
}

public class Function
{
    private static Guid s_instance = Guid.NewGuid();
    private readonly Guid _unrefreshed = {|SNAP002:Guid.NewGuid()|};

    static Function()
    {
        Restore.Once(() =>
        {
            s_instance = Guid.NewGuid();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => s_instance + "" "" + _unrefreshed;
}");

        [Fact]
        public Task StaticConstructorAndEntryPointRegistrations_AreInit() => VerifyCS.VerifyExecutableAsync(@"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var random = new Random();
SnapshotRestore.RegisterAfterRestore(() =>
{
    random = new Random();
    return ValueTask.CompletedTask;
});
SnapshotRestore.RegisterBeforeSnapshot(Priming.WarmAsync);

Func<string, ILambdaContext, string> handler = (input, context) => input + random.Next() + Priming.Ready;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

static class Priming
{
    public static bool Ready;

    static Priming()
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    public static async ValueTask WarmAsync()
    {
        for (var i = 0; i < 3; i++)
        {
            await Task.Delay(1);
        }

        Ready = true;
    }
}
");

        [Fact]
        public Task AwsPrimingHook_InvokingTheHandlerSeveralTimes_IsClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await HandlerAsync(""warm-up"", null!);
            }
        });
    }

    public async Task<string> HandlerAsync(string input, ILambdaContext context)
    {
        await Task.Yield();
        return input.ToUpperInvariant();
    }
}");

        [Fact]
        public Task Annotations_RegistrationInFunctionMethod_IsFlagged_InConstructorIsClean() => VerifyCS.VerifyAnnotationsAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;

public class Functions
{
    public Functions()
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
    }

    [LambdaFunction]
    public string Greet(string name, ILambdaContext context)
    {
        {|SNAP040:SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask)|};
        return ""hello "" + name;
    }
}");

        [Fact]
        public Task AsyncVoidMethodGroupAndDiscardedValueTask_AreFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _ = {|SNAP042:WarmAsync()|};
            return default;
        });
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP042:FlushAsync()|};
            return ValueTask.CompletedTask;
        });
    }

    private static ValueTask WarmAsync() => ValueTask.CompletedTask;

    private static Task FlushAsync() => Task.CompletedTask;

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task TeardownForms_WithoutRestore_AreFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System;
using System.IO;
using System.Collections.Generic;
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private Stream _log = new MemoryStream();
    private StreamWriter _writer = new StreamWriter(new MemoryStream());
    private IDisposable _lease = new MemoryStream();
    private readonly List<string> _cache = new List<string>();

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP041:_log.Dispose()|};
            {|SNAP041:_writer.Close()|};
            {|SNAP041:_lease = null!|};
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => input + _log.Length + _writer + _lease + _cache.Count;
}");
    }
}
