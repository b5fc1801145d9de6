using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP041: a before-snapshot hook (or a method it calls) disposes, closes or nulls a member of its type that no
    /// after-restore hook re-creates or re-opens and that invocation code does not create again when missing.
    /// </summary>
    internal sealed class SNAP041ReleasedResourceNotRestored : IModelRule
    {
        private const int MaxDepth = 4;

        public static readonly SNAP041ReleasedResourceNotRestored Instance = new SNAP041ReleasedResourceNotRestored();

        private SNAP041ReleasedResourceNotRestored()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP041ReleasedResourceNotRestored;

        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            if (phase.Types.SnapshotRestore == null)
            {
                return;
            }

            foreach (var hook in phase.Hooks.All)
            {
                if (hook.AfterRestore)
                {
                    continue;
                }

                foreach (var body in hook.Bodies)
                {
                    FindReleases(phase, body, 0, new HashSet<SyntaxNode>(), findings);
                }
            }
        }

        private static void FindReleases(InitPhase phase, IOperation body, int depth, HashSet<SyntaxNode> seen, ICollection<Finding> findings)
        {
            if (depth > MaxDepth || !seen.Add(body.Syntax))
            {
                return;
            }

            foreach (var operation in body.Descendants())
            {
                ISymbol? member = null;
                string? api = null;
                string restore = "Recreate";
                string? reopen = null;
                switch (operation)
                {
                    case IInvocationOperation { Instance: { } instance } invocation:
                        var name = invocation.TargetMethod.Name;
                        if (name == "Dispose" || name == "DisposeAsync" || name == "Close" || name == "CloseAsync")
                        {
                            member = OperationFacts.OwnMemberOf(OperationFacts.ConditionalReceiver(OperationFacts.Unwrap(instance)));
                            api = name + "()";
                            if (name.StartsWith("Close", System.StringComparison.Ordinal))
                            {
                                var openName = name == "CloseAsync" ? "OpenAsync" : "Open";
                                if (HasOpenMethod(instance.Type, openName))
                                {
                                    restore = "Reopen";
                                    reopen = openName;
                                }
                            }
                        }
                        else if (SymbolFacts.IsInSource(invocation.TargetMethod) && phase.Bodies.BodyOf(invocation.TargetMethod.OriginalDefinition) is { } callee)
                        {
                            FindReleases(phase, callee, depth + 1, seen, findings);
                        }

                        break;

                    case IInvocationOperation { Instance: null } staticCall
                        when SymbolFacts.IsInSource(staticCall.TargetMethod) && phase.Bodies.BodyOf(staticCall.TargetMethod.OriginalDefinition) is { } staticCallee:
                        FindReleases(phase, staticCallee, depth + 1, seen, findings);
                        break;

                    case ISimpleAssignmentOperation { Value: var value } assignment
                        when OperationFacts.Unwrap(value) is { ConstantValue: { HasValue: true, Value: null } } || OperationFacts.Unwrap(value) is IDefaultValueOperation:
                        member = OperationFacts.OwnMemberOf(assignment.Target);
                        api = "set to null";
                        break;
                }

                if (member == null || api == null || member is ILocalSymbol)
                {
                    continue;
                }

                if (phase.Refreshes.Refreshes(member) || phase.InvocationReach.AssignsLazily(member))
                {
                    continue;
                }

                var request = new FixRequest
                {
                    Member = member.Name,
                    MemberKind = member is IPropertySymbol ? MemberKind.Property : MemberKind.Field,
                    IsStatic = member.IsStatic,
                    Host = member.IsStatic ? HookHost.StaticConstructor : HookHost.Constructor,
                    Restore = restore,
                    ReopenMethod = reopen,
                };
                var additional = ImmutableArray<Location>.Empty;
                if (restore != "Reopen" && phase.Kept.TryGetInitValue(member, out var initial) && FixFacts.StoreOf(initial.Syntax) is { } initialStore)
                {
                    // The fix repeats this initialization (the additional location) in the after-restore hook.
                    additional = ImmutableArray.Create(initial.Syntax.GetLocation());
                    request.Store = initialStore;
                }

                findings.Add(new Finding(Descriptor, operation.Syntax.GetLocation(), additional, request.ToProperties(), new object[] { member.Name, api }));
            }
        }

        private static bool HasOpenMethod(ITypeSymbol? type, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IMethodSymbol { IsStatic: false } method && method.Parameters.Length <= 1)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
