using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The code that runs per invocation: handler methods, handler delegates and endpoint lambdas, and the
    /// same-compilation methods and constructors they reach. It tells whether a helper used by init code also runs
    /// per invocation (findings are then reported at its call in init code) and which members each invocation
    /// re-assigns (those are not kept).
    /// </summary>
    internal sealed class InvocationReach
    {
        private const int MaxBodies = 2048;

        private readonly HashSet<IMethodSymbol> _methods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _assigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<ISymbol> _lazilyAssigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private readonly List<KeyValuePair<IInvocationOperation, string>> _registrations = new List<KeyValuePair<IInvocationOperation, string>>();

        private InvocationReach()
        {
        }

        public bool Reaches(IMethodSymbol method) => _methods.Contains(method.OriginalDefinition);

        public bool Assigns(ISymbol member) => _assigned.Contains(member);

        /// <summary>True when invocation code creates the member when it is missing (<c>??=</c>, a null check).</summary>
        public bool AssignsLazily(ISymbol member) => _lazilyAssigned.Contains(member) || _assigned.Contains(member);

        /// <summary>Hook registrations in invocation code, with a phrase that says where they are.</summary>
        public IReadOnlyList<KeyValuePair<IInvocationOperation, string>> Registrations => _registrations;

        public static InvocationReach Compute(InitPhase phase)
        {
            var reach = new InvocationReach();
            var bodies = new Queue<KeyValuePair<IOperation, string>>();
            var seen = new HashSet<SyntaxNode>();

            foreach (var handler in phase.Entries.HandlerTypes)
            {
                for (var type = handler; type != null && LambdaEntryPoints.IsInSource(type); type = type.BaseType)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary, DeclaredAccessibility: Accessibility.Public } method
                            && phase.Bodies.BodyOf(method) is { } body)
                        {
                            reach._methods.Add(method.OriginalDefinition);
                            bodies.Enqueue(new KeyValuePair<IOperation, string>(body, "a handler method"));
                        }
                    }
                }
            }

            if (phase.Entries.EntryPoint is { } entryPoint && phase.Bodies.BodyOf(entryPoint) is { } entryBody)
            {
                foreach (var closure in phase.RootInfoFor(entryBody).Closures)
                {
                    bodies.Enqueue(new KeyValuePair<IOperation, string>(closure, "a handler or endpoint lambda"));
                }
            }

            while (bodies.Count > 0 && seen.Count < MaxBodies)
            {
                phase.Bodies.CancellationToken.ThrowIfCancellationRequested();
                var entry = bodies.Dequeue();
                var body = entry.Key;
                if (!seen.Add(body.Syntax))
                {
                    continue;
                }

                foreach (var operation in body.DescendantsAndSelf())
                {
                    IMethodSymbol? callee = null;
                    switch (operation)
                    {
                        case IInvocationOperation invocation:
                            callee = invocation.TargetMethod;
                            if (InitPhase.IsHookRegistration(invocation, phase.Types, out _))
                            {
                                reach._registrations.Add(new KeyValuePair<IInvocationOperation, string>(invocation, entry.Value));
                            }

                            break;
                        case ICoalesceAssignmentOperation coalesce:
                            AddAssigned(coalesce.Target, reach._lazilyAssigned);
                            break;
                        case ISimpleAssignmentOperation guarded when IsLazyGuarded(guarded, body):
                            AddAssigned(guarded.Target, reach._lazilyAssigned);
                            break;
                        case IObjectCreationOperation creation:
                            callee = creation.Constructor;
                            break;
                        case IMethodReferenceOperation reference:
                            callee = reference.Method;
                            break;
                        case ISimpleAssignmentOperation assignment:
                            AddAssigned(assignment.Target, reach._assigned);
                            break;
                    }

                    if (callee != null && LambdaEntryPoints.IsInSource(callee) && reach._methods.Add(callee.OriginalDefinition)
                        && phase.Bodies.BodyOf(callee.OriginalDefinition) is { } calleeBody)
                    {
                        // Constructor bodies run per invocation for the new object: their stores refresh nothing kept.
                        if (callee.MethodKind != MethodKind.Constructor)
                        {
                            bodies.Enqueue(new KeyValuePair<IOperation, string>(calleeBody, entry.Value));
                        }
                    }
                }
            }

            return reach;
        }

        private static void AddAssigned(IOperation target, HashSet<ISymbol> set)
        {
            switch (target)
            {
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field:
                    set.Add(field.Field.OriginalDefinition);
                    break;
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation } property:
                    set.Add(property.Property.OriginalDefinition);
                    break;
                case ILocalReferenceOperation local:
                    set.Add(local.Local);
                    break;
            }
        }

        /// <summary>An assignment under a test of the same member (<c>if (_x == null) _x = ...</c>): lazy creation, not a refresh.</summary>
        private static bool IsLazyGuarded(ISimpleAssignmentOperation assignment, IOperation body)
        {
            var target = MemberOf(assignment.Target);
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
                        if (SymbolEqualityComparer.Default.Equals(MemberOf(operation), target))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        private static ISymbol? MemberOf(IOperation operation) => operation switch
        {
            IFieldReferenceOperation field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation property => property.Property.OriginalDefinition,
            ILocalReferenceOperation local => local.Local,
            _ => null,
        };
    }
}
