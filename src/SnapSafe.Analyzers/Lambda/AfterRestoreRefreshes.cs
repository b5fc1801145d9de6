using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// What the after-restore hooks registered during init bring back: the members (and captured locals) they
    /// re-assign, fill, restart or re-open, in their bodies and the same-compilation methods they call.
    /// </summary>
    internal sealed class AfterRestoreRefreshes
    {
        private const int MaxDepth = 4;

        private readonly HashSet<ISymbol> _refreshed = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly SourceBodies _bodies;
        private readonly HazardRules _rules;
        private readonly IHazardContext _context;

        public AfterRestoreRefreshes(SourceBodies bodies, HazardRules rules, IHazardContext context)
        {
            _bodies = bodies;
            _rules = rules;
            _context = context;
        }

        /// <summary>True when an after-restore hook refreshes the member or local.</summary>
        public bool Refreshes(ISymbol member) => _refreshed.Contains(member);

        /// <summary>Reads an after-restore hook body (and what it calls) for the members it refreshes.</summary>
        public void Collect(IOperation body) => Collect(body, 0, new HashSet<SyntaxNode>());

        /// <summary>True for the names of calls that bring an object back (<c>Open</c>, <c>Connect</c>, <c>Start</c>, ...).</summary>
        public static bool IsReopenName(string name)
            => name.StartsWith("Open", System.StringComparison.Ordinal) || name.StartsWith("Connect", System.StringComparison.Ordinal)
                || name.StartsWith("Start", System.StringComparison.Ordinal) || name.StartsWith("Restart", System.StringComparison.Ordinal)
                || name.StartsWith("Reconnect", System.StringComparison.Ordinal);

        private void Collect(IOperation body, int depth, HashSet<SyntaxNode> seen)
        {
            if (depth > MaxDepth || !seen.Add(body.Syntax))
            {
                return;
            }

            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAssignmentOperation assignment:
                        Add(assignment.Target);
                        break;

                    case IArgumentOperation { Parameter: { RefKind: RefKind.Ref or RefKind.Out } } argument:
                        Add(argument.Value);
                        break;

                    case IInvocationOperation invocation:
                        foreach (var start in _rules.StartHazards)
                        {
                            if (start.RepeatingRestarts && start.TryMatchStart(invocation, _context, out var restarted, out _))
                            {
                                Add(restarted!);
                            }
                        }

                        if (_rules.FillOf(invocation, _context.Types) != null)
                        {
                            foreach (var argument in invocation.Arguments)
                            {
                                Add(OperationFacts.Unwrap(argument.Value));
                            }
                        }

                        var method = invocation.TargetMethod;
                        if (invocation.Instance != null && IsReopenName(method.Name))
                        {
                            Add(OperationFacts.Unwrap(invocation.Instance));
                        }

                        if (SourceBodies.HasBody(method) && SymbolFacts.IsInSource(method) && _bodies.BodyOf(method.OriginalDefinition) is { } callee)
                        {
                            Collect(callee, depth + 1, seen);
                        }

                        break;
                }
            }
        }

        private void Add(IOperation target)
        {
            // A member of an object being initialized in the hook (new X { Member = ... }) is not the kept member.
            if (target is IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } })
            {
                return;
            }

            switch (target)
            {
                case IFieldReferenceOperation field:
                    _refreshed.Add(field.Field.OriginalDefinition);
                    break;
                case IPropertyReferenceOperation property:
                    _refreshed.Add(property.Property.OriginalDefinition);
                    break;
                case ILocalReferenceOperation local:
                    _refreshed.Add(local.Local);
                    break;
            }
        }
    }
}
