using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>What runs per invocation: reached methods, members every invocation assigns, members created lazily.</summary>
    public class InvocationReachTests
    {
        [Fact]
        public async Task AssignmentsOnEveryPath_LazyCreation_AndConditionalStores_AreTold()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
public class Function
{
    private Guid _request;
    private Guid? _lazy;
    private Guid _guarded;
    private Guid _sometimes;

    public string Handler(string input, ILambdaContext context)
    {
        _request = Guid.NewGuid();
        _lazy ??= Guid.NewGuid();
        if (_guarded == Guid.Empty) { _guarded = Guid.NewGuid(); }
        if (input.Length > 3) { _sometimes = Guid.NewGuid(); }
        Helpers.Always();
        return input;
    }
}

public static class Helpers { public static void Always() { } public static void Never() { } }");

            var phase = Build(compilation);
            var reach = phase.InvocationReach;

            Assert.True(reach.Assigns(Member(compilation, "Function", "_request")));
            Assert.False(reach.Assigns(Member(compilation, "Function", "_lazy")));
            Assert.True(reach.AssignsLazily(Member(compilation, "Function", "_lazy")));
            Assert.True(reach.AssignsLazily(Member(compilation, "Function", "_guarded")));
            Assert.False(reach.Assigns(Member(compilation, "Function", "_sometimes")));
            Assert.False(reach.AssignsLazily(Member(compilation, "Function", "_sometimes")));
            Assert.True(reach.Reaches(Method(compilation, "Helpers", "Always")));
            Assert.False(reach.Reaches(Method(compilation, "Helpers", "Never")));
        }

        [Fact]
        public async Task CodeInsideAHookRegisteredPerInvocation_IsNotReached()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        SnapshotRestore.RegisterAfterRestore(() => { Helpers.InHook(); return ValueTask.CompletedTask; });
        return input;
    }
}

public static class Helpers { public static void InHook() { } }");

            var phase = Build(compilation);

            Assert.False(phase.InvocationReach.Reaches(Method(compilation, "Helpers", "InHook")));
        }
    }
}
