using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.SNAP042AwaitHookWorkCodeFix>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// SNAP042's fix through the real analyzer: the hook becomes async and awaits the work it started. Every fixed
    /// source is compiled and analyzed again: it must build and carry no finding.
    /// </summary>
    public class SNAP042AwaitHookWorkCodeFixTests
    {
        [Fact]
        public Task DiscardedTask_InBlockLambda_LambdaBecomesAsyncAndCompletedReturnIsDropped() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            _ = {|SNAP042:WarmUpAsync()|};
            return ValueTask.CompletedTask;
        });
    }

    private static Task WarmUpAsync() => Task.Delay(1);

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            await WarmUpAsync();
        });
    }

    private static Task WarmUpAsync() => Task.Delay(1);

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task UnobservedCall_InAsyncLambda_IsAwaited() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            await Task.Yield();
            {|SNAP042:RefreshAsync()|};
        });
    }

    private static ValueTask RefreshAsync() => default;

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            await Task.Yield();
            await RefreshAsync();
        });
    }

    private static ValueTask RefreshAsync() => default;

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task MethodGroupHook_MethodBecomesAsync_ReturnedTaskIsAwaited() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(WarmUp);
    }

    private ValueTask WarmUp()
    {
        {|SNAP042:Task.Delay(5)|};
        if (Skip)
        {
            return default;
        }

        return new ValueTask(Task.Delay(1));
    }

    public bool Skip { get; set; }

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(WarmUp);
    }

    private async ValueTask WarmUp()
    {
        await Task.Delay(5);
        if (Skip)
        {
            return;
        }

        await new ValueTask(Task.Delay(1));
    }

    public bool Skip { get; set; }

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task TopLevelStatements_HookLambdaBeforeRunAsync() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Executable, @"
using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

Func<string, ILambdaContext, string> handler = (input, context) => input;
SnapshotRestore.RegisterBeforeSnapshot(() =>
{
    {|SNAP042:Prime()|};
    return default;
});
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

static Task Prime() => Task.CompletedTask;
", @"
using System;
using System.Net.Http;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

Func<string, ILambdaContext, string> handler = (input, context) => input;
SnapshotRestore.RegisterBeforeSnapshot(async () =>
{
    await Prime();
});
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();

static Task Prime() => Task.CompletedTask;
");

        [Fact]
        public Task MinimalApi_HookBeforeAppRun() => VerifyCS.VerifyCodeFixAsync(LambdaModel.MinimalApi, @"
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
SnapshotRestore.RegisterAfterRestore(() =>
{
    _ = {|SNAP042:Task.Run(() => { })|};
    return ValueTask.CompletedTask;
});
app.Run();
", @"
using System.Threading.Tasks;
using Amazon.Lambda.AspNetCoreServer.Hosting;
using Amazon.Lambda.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
SnapshotRestore.RegisterAfterRestore(async () =>
{
    await Task.Run(() => { });
});
app.Run();
");

        [Fact]
        public Task Annotations_FunctionConstructorHook() => VerifyCS.VerifyCodeFixAsync(LambdaModel.Annotations, @"
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;

public class Functions
{
    public Functions()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP042:Task.Delay(1)|};
            return new ValueTask();
        });
    }

    [LambdaFunction]
    public string Echo(string input) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Annotations;
using Amazon.Lambda.Core;

public class Functions
{
    public Functions()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            await Task.Delay(1);
        });
    }

    [LambdaFunction]
    public string Echo(string input) => input;
}");

        [Fact]
        public Task FixAll_TwoFindingsInOneHook_OneAsyncLambda() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP042:Task.Delay(1)|};
            _ = {|SNAP042:Task.Delay(2)|};
            return default;
        });
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            {|SNAP042:Task.Delay(3)|};
            return default;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}",
            FixedCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            await Task.Delay(1);
            await Task.Delay(2);
        });
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            await Task.Delay(3);
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}",
            NumberOfFixAllIterations = 1,
        }.RunAsync(CancellationToken.None);

        [Fact]
        public Task InsideLock_NoFix()
        {
            const string Source = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    private readonly object _gate = new object();

    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            lock (_gate)
            {
                {|SNAP042:Task.Delay(1)|};
            }

            return default;
        });
    }

    public string Handler(string input, ILambdaContext context) => input;
}";
            return VerifyCS.VerifyCodeFixAsync(Source, Source);
        }

        [Fact]
        public Task AsyncVoidMethodOnlyTheHookCalls_ReturnsATaskAndIsAwaited() => VerifyCS.VerifyCodeFixAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP042:Fire()|};
            return default;
        });
    }

    private static async void Fire() => await Task.Delay(1);

    public string Handler(string input, ILambdaContext context) => input;
}", @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            await Fire();
        });
    }

    private static async Task Fire() => await Task.Delay(1);

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task AsyncVoidMethodWithAnotherCaller_NoFix()
        {
            const string Source = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(() =>
        {
            {|SNAP042:Fire()|};
            return default;
        });
    }

    private static async void Fire() => await Task.Delay(1);

    public string Handler(string input, ILambdaContext context)
    {
        Fire();
        return input;
    }
}";
            return VerifyCS.VerifyCodeFixAsync(Source, Source);
        }
    }
}
