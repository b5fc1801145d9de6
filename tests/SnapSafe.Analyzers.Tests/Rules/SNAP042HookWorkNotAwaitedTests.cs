using System.Threading.Tasks;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    public class SNAP042HookWorkNotAwaitedTests
    {
        [Fact]
        public Task UnawaitedWork_IsFlagged() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            {|SNAP042:RefreshAsync()|};
            _ = {|SNAP042:Task.Run(() => { })|};
            {|SNAP042:FireAndForget()|};
            return ValueTask.CompletedTask;
        });
        SnapshotRestore.RegisterBeforeSnapshot(FlushAsync);
    }

    private ValueTask FlushAsync()
    {
        {|SNAP042:RefreshAsync()|};
        return default;
    }

    private Task RefreshAsync() => Task.CompletedTask;

    private async void FireAndForget() => await Task.Yield();

    public string Handler(string input, ILambdaContext context) => input;
}");

        [Fact]
        public Task AwaitedOrReturnedWork_IsClean() => VerifyCS.VerifyClassLibraryAsync(@"
using System.Threading.Tasks;
using Amazon.Lambda.Core;

public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(async () => await RefreshAsync());
        SnapshotRestore.RegisterAfterRestore(() => new ValueTask(RefreshAsync()));
        SnapshotRestore.RegisterBeforeSnapshot(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                await Handler(""warm-up"", null!);
            }
        });
    }

    private Task RefreshAsync() => Task.CompletedTask;

    public Task<string> Handler(string input, ILambdaContext context) => Task.FromResult(input);
}");
    }
}
