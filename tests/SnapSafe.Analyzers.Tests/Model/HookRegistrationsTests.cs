using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>The hooks init registers: in which order, and which bodies they run.</summary>
    public class HookRegistrationsTests
    {
        [Fact]
        public async Task Registrations_AreRecordedInOrder_WithTheBodiesTheyRun()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    public Function()
    {
        SnapshotRestore.RegisterBeforeSnapshot(Flush);
        Func<ValueTask> warm = () => ValueTask.CompletedTask;
        SnapshotRestore.RegisterBeforeSnapshot(warm);
        Hooks.Register(Reload);
    }

    private ValueTask Flush() => ValueTask.CompletedTask;
    private ValueTask Reload() => ValueTask.CompletedTask;
    public string Handler(string input, ILambdaContext context) => input;
}

public static class Hooks
{
    public static void Register(Func<ValueTask> hook) => SnapshotRestore.RegisterAfterRestore(hook);
}");

            var phase = Build(compilation);
            var hooks = phase.Hooks.All;

            Assert.Equal(new[] { 0, 1, 2 }, hooks.Select(h => h.Order));
            Assert.Equal(new[] { "before-snapshot", "before-snapshot", "after-restore" }, hooks.Select(h => h.Kind));
            Assert.Equal("Flush", MethodOf(hooks[0].Bodies.Single()));
            Assert.Equal("ValueTask.CompletedTask", hooks[1].Bodies.Single().Syntax.ToString());
            Assert.Equal("Reload", MethodOf(hooks[2].Bodies.Single()));
            Assert.All(hooks, h => Assert.True(phase.Hooks.IsMadeDuringInit(h.Invocation)));
        }

        [Fact]
        public async Task Order_FollowsExecution_ThroughHelpersAndObjectsBuiltOnTheWay()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    private readonly Pool _pool;

    public Function()
    {
        Priming.Register();
        _pool = new Pool();
        SnapshotRestore.RegisterBeforeSnapshot(() => ValueTask.CompletedTask);
    }

    public string Handler(string input, ILambdaContext context) => input;
}

public static class Priming
{
    public static void Register() => SnapshotRestore.RegisterBeforeSnapshot(Warm);
    private static ValueTask Warm() => ValueTask.CompletedTask;
}

public class Pool
{
    public Pool() { SnapshotRestore.RegisterBeforeSnapshot(Clear); }
    private ValueTask Clear() => ValueTask.CompletedTask;
}");

            var phase = Build(compilation);
            var hooks = phase.Hooks.All;

            Assert.Equal(3, hooks.Count);
            Assert.Equal("Warm", MethodOf(hooks[0].Bodies.Single()));
            Assert.Equal("Clear", MethodOf(hooks[1].Bodies.Single()));
            Assert.Null(MethodOf(hooks[2].Bodies.Single()));
        }

        private static string? MethodOf(IOperation body)
            => body.Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.ValueText;

        [Fact]
        public async Task RegistrationsInInvocationCode_AreNotMadeDuringInit()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
public class Function
{
    public string Handler(string input, ILambdaContext context)
    {
        SnapshotRestore.RegisterAfterRestore(() => ValueTask.CompletedTask);
        return input;
    }
}");

            var phase = Build(compilation);

            Assert.Empty(phase.Hooks.All);
            var registration = Assert.Single(phase.InvocationReach.Registrations);
            Assert.False(phase.Hooks.IsMadeDuringInit(registration.Key));
            Assert.Equal("a handler method", registration.Value);
        }
    }
}
