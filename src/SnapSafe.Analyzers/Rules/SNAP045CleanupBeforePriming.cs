using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

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

        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            HookRegistration? firstPriming = null;
            foreach (var hook in phase.Hooks.All)
            {
                if (hook.AfterRestore)
                {
                    continue;
                }

                // A hook that primes and cleans up in one body does both in its own order.
                if (firstPriming != null && firstPriming != hook && CleanupOf(hook, phase) is { } cleanup)
                {
                    var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                    properties[FixProperties.Fixable] = SameBlock(hook.Invocation.Syntax, firstPriming.Invocation.Syntax) ? "true" : "false";
                    findings.Add(new Finding(
                        Descriptor,
                        hook.Invocation.Syntax.GetLocation(),
                        ImmutableArray.Create(firstPriming.Invocation.Syntax.GetLocation()),
                        properties.ToImmutable(),
                        new object[] { cleanup, "the priming hook registered at line " + (firstPriming.Invocation.Syntax.GetLocation().GetLineSpan().StartLinePosition.Line + 1) }));
                }

                if (firstPriming == null && phase.BeforeSnapshot.PrimesFunction(hook))
                {
                    firstPriming = hook;
                }
            }
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
