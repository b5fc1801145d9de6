using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda.Models;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The code that runs per invocation: the roots each programming model names (handler methods, handler delegates,
    /// endpoint lambdas) and the same-compilation methods and constructors they reach. It tells whether a helper used
    /// by init code also runs per invocation (findings are then reported at its call in init code), which members
    /// each invocation re-assigns (those are not kept) or creates when missing, and which hook registrations sit in
    /// invocation code.
    /// </summary>
    internal sealed class InvocationReach : CodeReach
    {
        private readonly HashSet<ISymbol> _assigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _lazilyAssigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly List<KeyValuePair<IInvocationOperation, string>> _registrations = new List<KeyValuePair<IInvocationOperation, string>>();
        private readonly KnownTypes _types;

        private InvocationReach(SourceBodies bodies, KnownTypes types)
            : base(bodies)
        {
            _types = types;
        }

        /// <summary>True when every invocation re-assigns the member (or local) before it is used again.</summary>
        public bool Assigns(ISymbol member) => _assigned.Contains(member);

        /// <summary>True when invocation code creates the member when it is missing (<c>??=</c>, a null check).</summary>
        public bool AssignsLazily(ISymbol member) => _lazilyAssigned.Contains(member) || _assigned.Contains(member);

        /// <summary>Hook registrations in invocation code, with a phrase that says where they are.</summary>
        public IReadOnlyList<KeyValuePair<IInvocationOperation, string>> Registrations => _registrations;

        public static InvocationReach Compute(ProgrammingModels models, SourceBodies bodies, KnownTypes types)
        {
            var reach = new InvocationReach(bodies, types);
            foreach (var model in models.All)
            {
                model.AddInvocationRoots(reach);
            }

            reach.Run(bodies.CancellationToken);
            return reach;
        }

        protected override bool Skips(IOperation operation, in ReachedBody body)
            => HookRegistrations.IsInsideRegistration(operation, body.Operation, _types); // a hook registered here never runs: it neither refreshes nor is reached

        protected override IMethodSymbol? Visit(IOperation operation, in ReachedBody body, bool first)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    if (first && HookRegistrations.IsRegistration(invocation, _types, out _))
                    {
                        _registrations.Add(new KeyValuePair<IInvocationOperation, string>(invocation, body.Where));
                    }

                    break;
                case ICoalesceAssignmentOperation coalesce:
                    AddAssigned(coalesce.Target, _lazilyAssigned);
                    break;
                case ISimpleAssignmentOperation guarded when IsLazyGuarded(guarded, body.Operation):
                    AddAssigned(guarded.Target, _lazilyAssigned);
                    break;
                case ISimpleAssignmentOperation assignment:
                    // Only a store every invocation makes replaces the init value before it is used again.
                    if (body.Always && !IsConditional(assignment, body.Operation))
                    {
                        AddAssigned(assignment.Target, _assigned);
                    }

                    break;
            }

            // Constructor bodies run per invocation for the new object: their stores refresh nothing kept.
            return CalleeOf(operation);
        }

        private static void AddAssigned(IOperation target, HashSet<ISymbol> set)
        {
            if ((target is ILocalReferenceOperation ? OperationFacts.SymbolOf(target) : OperationFacts.OwnMemberOf(target)) is { } member)
            {
                set.Add(member);
            }
        }

        /// <summary>An assignment under a test of the same member (<c>if (_x == null) _x = ...</c>): lazy creation, not a refresh.</summary>
        private static bool IsLazyGuarded(ISimpleAssignmentOperation assignment, IOperation body)
        {
            var target = OperationFacts.SymbolOf(assignment.Target);
            if (target == null)
            {
                return false;
            }

            for (var current = assignment.Parent; current != null && current != body; current = current.Parent)
            {
                if (current is IConditionalOperation conditional)
                {
                    foreach (var operation in conditional.Condition.DescendantsAndSelf())
                    {
                        if (SymbolEqualityComparer.Default.Equals(OperationFacts.SymbolOf(operation), target))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
