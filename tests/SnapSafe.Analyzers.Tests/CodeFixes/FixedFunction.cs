using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SnapSafe.Analyzers.CodeFixes.HookWriting;
using SnapSafe.Analyzers.Tests.Robustness;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// A Lambda function fixed by a SnapSafe fix and loaded to run: the source is analyzed, every finding of the fix's
    /// rules is fixed in one batch (Fix All), the fixed code must compile and be free of SnapSafe findings, and is then
    /// emitted and loaded into a collectible <see cref="AssemblyLoadContext"/> with its own copy of the
    /// Amazon.Lambda.Core stand-in, so the hooks it registers can be read from <c>SnapshotRestore</c> and run: what the
    /// Lambda runtime does after init and after a restore.
    /// </summary>
    internal sealed class FixedFunction : IDisposable
    {
        private readonly FunctionLoadContext _context;

        private FixedFunction(string fixedText, Assembly assembly, FunctionLoadContext context)
        {
            FixedText = fixedText;
            Assembly = assembly;
            _context = context;
        }

        /// <summary>The fixed source.</summary>
        public string FixedText { get; }

        public Assembly Assembly { get; }

        /// <summary>Fixes every finding <paramref name="fix"/> handles in <paramref name="source"/>, checks the result, and loads it.</summary>
        public static async Task<FixedFunction> FixAndLoadAsync(string source, HookCodeFix fix)
        {
            await PackageReferences.AllAsync();
            var document = await RobustnessCorpus.DocumentAsync(source, RobustnessCorpus.OutputKindOf(source));
            var (diagnostics, exceptions) = await RobustnessCorpus.AnalyzeAsync(document.Project);
            Assert.Empty(exceptions);
            var items = diagnostics.Where(d => fix.FixableDiagnosticIds.Contains(d.Id)).Select(d => (document, d)).ToList();
            Assert.True(items.Count > 0, "the source has no finding for " + fix.GetType().Name + ":\n" + string.Join("\n", diagnostics));
            foreach (var (_, diagnostic) in items)
            {
                Assert.True((await fix.PlanAsync(document, diagnostic, CancellationToken.None)).Title != null, "no fix offered for " + diagnostic);
            }

            var solution = await fix.ApplyAsync(new FixSession(document.Project.Solution, CancellationToken.None), items);
            var project = solution.GetProject(document.Project.Id)!;
            var fixedText = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
            var compilation = (await project.GetCompilationAsync())!;
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "the fixed code does not compile: " + string.Join("\n", errors) + "\n" + fixedText);
            var (after, _) = await RobustnessCorpus.AnalyzeAsync(project);
            Assert.True(after.IsEmpty, "the fixed code still has findings: " + string.Join("\n", after) + "\n" + fixedText);

            using var image = new MemoryStream();
            var emitted = compilation.Emit(image);
            Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
            var context = new FunctionLoadContext();
            image.Position = 0;
            return new FixedFunction(fixedText, context.LoadFromStream(image), context);
        }

        public Type Type(string name) => Assembly.GetType(name, throwOnError: true)!;

        /// <summary>Builds the function object the way the runtime does during init (its public parameterless constructor, or the given arguments).</summary>
        public object Create(string typeName, params object?[] arguments) => Activator.CreateInstance(Type(typeName), arguments)!;

        /// <summary>Runs a type's static initialization, as the first use of the type during init does.</summary>
        public void RunStaticInit(string typeName) => RuntimeHelpers.RunClassConstructor(Type(typeName).TypeHandle);

        /// <summary>Runs the entry point: init, then the stand-in runtime loop, which has no Runtime API to poll and returns.</summary>
        public async Task RunEntryPointAsync()
        {
            var entryPoint = Assembly.EntryPoint!;
            var result = entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? null : new object?[] { Array.Empty<string>() });
            if (result is Task task)
            {
                await task;
            }
        }

        /// <summary>The after-restore hooks registered so far, in registration order (the stand-in's queue, emptied).</summary>
        public IReadOnlyList<Func<ValueTask>> TakeAfterRestoreHooks() => Drain("CopyAfterRestoreCallbacksToRegistry");

        /// <summary>The before-snapshot hooks registered so far, in registration order (the stand-in's queue, emptied).</summary>
        public IReadOnlyList<Func<ValueTask>> TakeBeforeSnapshotHooks() => Drain("CopyBeforeSnapshotCallbacksToRegistry");

        /// <summary>Runs hooks the way the runtime does: in order, each awaited.</summary>
        public static async Task RunAsync(IEnumerable<Func<ValueTask>> hooks)
        {
            foreach (var hook in hooks)
            {
                await hook();
            }
        }

        /// <summary>A field or property of an object (or, with a type and no object, a static one), public or not.</summary>
        public static object? Read(object? instance, Type type, string member)
        {
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
            for (var current = type; current != null; current = current.BaseType)
            {
                if (current.GetField(member, Flags) is { } field)
                {
                    return field.GetValue(field.IsStatic ? null : instance);
                }

                if (current.GetProperty(member, Flags) is { } property)
                {
                    return property.GetValue(property.GetMethod!.IsStatic ? null : instance);
                }
            }

            throw new MissingMemberException(type.FullName, member);
        }

        /// <summary>A local the hook captures: a field of the closure object the registered delegate is bound to.</summary>
        public static object? ReadCaptured(Func<ValueTask> hook, string local)
        {
            for (object? target = hook.Target; target != null;)
            {
                var fields = target.GetType().GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance);
                if (fields.FirstOrDefault(f => f.Name == local) is { } field)
                {
                    return field.GetValue(target);
                }

                // A nested closure keeps its parent in a field of its own.
                target = fields.FirstOrDefault(f => f.Name.Contains("locals", StringComparison.Ordinal))?.GetValue(target);
            }

            throw new MissingMemberException("closure", local);
        }

        /// <summary>The bodies of the lambdas passed to <c>SnapshotRestore.RegisterAfterRestore</c> in the fixed source.</summary>
        public IReadOnlyList<string> AfterRestoreHookBodies()
            => CSharpSyntaxTree.ParseText(FixedText).GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
                .Where(i => i.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: "RegisterAfterRestore" } && i.ArgumentList.Arguments.Count == 1)
                .Select(i => i.ArgumentList.Arguments[0].Expression.ToString())
                .ToList();

        /// <summary>Asserts that exactly one after-restore hook repeats each initialization (whitespace ignored).</summary>
        public void AssertHookRepeats(params string[] initializations)
        {
            var bodies = AfterRestoreHookBodies().Select(Normalize).ToList();
            foreach (var initialization in initializations)
            {
                Assert.True(bodies.Count(b => b.Contains(Normalize(initialization), StringComparison.Ordinal)) == 1, "no single after-restore hook runs '" + initialization + "':\n" + FixedText);
            }
        }

        public void Dispose() => _context.Unload();

        private static string Normalize(string code) => new string(code.Where(c => !char.IsWhiteSpace(c)).ToArray());

        private IReadOnlyList<Func<ValueTask>> Drain(string method)
        {
            var snapshotRestore = _context.Assemblies.Single(a => a.GetName().Name == StandInReferences.CoreAssembly).GetType("Amazon.Lambda.Core.SnapshotRestore", throwOnError: true)!;
            var hooks = new List<Func<ValueTask>>();
            snapshotRestore.GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!.Invoke(null, new object[] { new Action<Func<ValueTask>>(hooks.Add) });
            return hooks;
        }

        /// <summary>Resolves the stand-ins from their emitted images and the real packages from their lib folders.</summary>
        private sealed class FunctionLoadContext : AssemblyLoadContext
        {
            public FunctionLoadContext()
                : base("SnapSafe fixed function", isCollectible: true)
            {
                Resolving += (context, name) =>
                {
                    if (name.Name != null && StandInReferences.ImageOf(name.Name) is { } image)
                    {
                        using var stream = new MemoryStream(image);
                        return context.LoadFromStream(stream);
                    }

                    return name.Name != null && PackageReferences.RuntimeAssemblyPathOf(name.Name) is { } path ? context.LoadFromAssemblyPath(path) : null;
                };
            }
        }
    }
}
