using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;
using SnapSafe.Analyzers.Lambda.Models;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP045: a before-snapshot hook that cleans up (clears connection pools, disposes, closes, flushes) registered
    /// after a hook that primes the function. Before-snapshot hooks run in reverse registration order, so the cleanup
    /// runs first and the priming leaves its connections behind. Warm-up requests of a minimal API are replayed by a hook
    /// the host registers in <c>app.Run()</c>, after every hook of the program: cleanup registered before it is correct.
    /// </summary>
    internal sealed class SNAP045CleanupBeforePriming : IModelRule
    {
        public static readonly SNAP045CleanupBeforePriming Instance = new SNAP045CleanupBeforePriming();

        private SNAP045CleanupBeforePriming()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP045CleanupBeforePriming;

        /// <summary>Diagnostic property: "StartupConfigure" when the fix moves the registration into <c>Startup.Configure</c> (the further location).</summary>
        public const string MoveToProperty = "SnapSafe.MoveTo";

        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            // Hooks are ordered per function: the init of one function type (or entry point) registers them in one
            // process; another function of the project is another process with its own hooks.
            var firstPrimingOf = new Dictionary<ISymbol, HookRegistration>(SymbolEqualityComparer.Default);
            HookRegistration? firstSharedPriming = null;
            foreach (var hook in phase.Hooks.All)
            {
                if (hook.AfterRestore)
                {
                    continue;
                }

                var origin = hook.Frame.Origin;
                var firstPriming = origin == null ? firstSharedPriming : firstPrimingOf.TryGetValue(origin, out var first) ? first : null;

                // A hook that primes and cleans up in one body does both in its own order.
                if (firstPriming != null && firstPriming != hook && CleanupOf(hook, phase) is { } cleanup)
                {
                    var request = new FixRequest { RuleFixApplies = SameBlock(hook.Invocation.Syntax, firstPriming.Invocation.Syntax) };
                    findings.Add(new Finding(
                        Descriptor,
                        hook.Invocation.Syntax.GetLocation(),
                        ImmutableArray.Create(firstPriming.Invocation.Syntax.GetLocation()),
                        request.ToProperties(),
                        new object[] { cleanup, "the priming hook registered at line " + (firstPriming.Invocation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1) }));
                }

                if (firstPriming == null && phase.BeforeSnapshot.PrimesFunction(hook))
                {
                    if (origin == null)
                    {
                        firstSharedPriming = hook;
                    }
                    else
                    {
                        firstPrimingOf[origin] = hook;
                    }
                }
            }

            FindAfterBaseWarmUp(phase, findings);
        }

        /// <summary>
        /// ASP.NET Core in a class library: the base constructor registers the hook that replays
        /// <c>GetBeforeSnapshotRequests()</c> once the host is started, before the entry point's constructor body runs, so a
        /// cleanup that body registers runs before the warm-up. <c>Startup.Configure</c> runs while the host is built,
        /// before that registration: the fix moves the cleanup there.
        /// </summary>
        private static void FindAfterBaseWarmUp(InitPhase phase, ICollection<Finding> findings)
        {
            var model = phase.Models.Get<AspNetCoreFunctionModel>();
            if (!model.IsPresent)
            {
                return;
            }

            foreach (var entryPoint in model.EntryPoints)
            {
                if (entryPoint.DefersStartup || entryPoint.BeforeSnapshotRequests == null)
                {
                    continue;
                }

                foreach (var hook in phase.Hooks.All)
                {
                    if (hook.AfterRestore || !IsInConstructorOf(hook.Invocation.Syntax, entryPoint.Type, hook.Invocation.SemanticModel)
                        || CleanupOf(hook, phase) is not { } cleanup)
                    {
                        continue;
                    }

                    var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                    var additional = ImmutableArray<Location>.Empty;
                    var configure = ConfigureBodyOf(entryPoint);
                    var fixable = configure != null && hook.Invocation.Syntax.Parent is ExpressionStatementSyntax && IsSelfContained(hook.Invocation);
                    if (fixable)
                    {
                        properties[MoveToProperty] = "StartupConfigure";
                        additional = ImmutableArray.Create(configure!.GetLocation());
                    }

                    properties.AddRange(new FixRequest { RuleFixApplies = fixable }.ToProperties());
                    findings.Add(new Finding(Descriptor, hook.Invocation.Syntax.GetLocation(), additional, properties.ToImmutable(), new object[] { cleanup, "the warm-up requests of GetBeforeSnapshotRequests(), registered by the base constructor" }));
                }
            }
        }

        private static bool IsInConstructorOf(SyntaxNode registration, INamedTypeSymbol type, SemanticModel? model)
        {
            for (var node = registration.Parent; node != null; node = node.Parent)
            {
                if (node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax || node is MethodDeclarationSyntax)
                {
                    return false;
                }

                if (node is ConstructorDeclarationSyntax constructor)
                {
                    return model?.GetDeclaredSymbol(constructor) is { IsStatic: false } symbol
                        && SymbolEqualityComparer.Default.Equals(symbol.ContainingType.OriginalDefinition, type.OriginalDefinition);
                }
            }

            return false;
        }

        /// <summary>The block of the startup's <c>Configure</c> method, where a moved registration goes.</summary>
        private static BlockSyntax? ConfigureBodyOf(AspNetCoreEntryPoint entryPoint)
        {
            foreach (var configure in entryPoint.ConfigureMethods)
            {
                foreach (var reference in configure.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is MethodDeclarationSyntax { Body: { } body })
                    {
                        return body;
                    }
                }
            }

            return null;
        }

        /// <summary>The registration's hook uses no member of the entry point, local or parameter: it can move to another class.</summary>
        private static bool IsSelfContained(IInvocationOperation registration)
        {
            if (registration.Arguments.Length == 0)
            {
                return false;
            }

            var argument = registration.Arguments[0].Value;
            var span = argument.Syntax.Span;
            foreach (var operation in argument.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IInstanceReferenceOperation:
                    case IParameterReferenceOperation parameter when !span.Contains(parameter.Parameter.Locations.Length > 0 ? parameter.Parameter.Locations[0].SourceSpan : default):
                        return false;
                    case ILocalReferenceOperation local when local.Local.DeclaringSyntaxReferences.Length == 0 || !span.Contains(local.Local.DeclaringSyntaxReferences[0].Span):
                        return false;
                    case IMemberReferenceOperation { Member.IsStatic: false, Instance: null }:
                        return false;
                }
            }

            return true;
        }

        /// <summary>What the hook cleans up, for the message (<c>NpgsqlConnection.ClearAllPools()</c>, <c>_cache.Dispose()</c>); null when it does not.</summary>
        private static string? CleanupOf(HookRegistration hook, InitPhase phase)
        {
            foreach (var body in hook.Bodies)
            {
                foreach (var operation in body.DescendantsAndSelf())
                {
                    if (operation is IInvocationOperation invocation && !OperationFacts.IsInsideClosure(operation, body) && IsCleanup(invocation, phase))
                    {
                        return invocation.Syntax.ToString();
                    }
                }
            }

            return null;
        }

        private static bool IsCleanup(IInvocationOperation invocation, InitPhase phase)
        {
            var name = invocation.TargetMethod.Name;
            return SNAP011ConnectionPoolPrimed.IsPoolClearing(invocation, phase.Types)
                || name is "Dispose" or "DisposeAsync" or "Close" or "CloseAsync"
                || ApiMatch.StartsWithAny(name, "Flush", "ClearAllPools", "ClearPool");
        }

        private static bool SameBlock(SyntaxNode a, SyntaxNode b)
            => a.Parent?.Parent != null && a.Parent.Parent == b.Parent?.Parent;
    }
}
