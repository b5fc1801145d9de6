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
        private readonly HashSet<IMethodSymbol> _alwaysRun = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
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
            var bodies = new Queue<Body>();
            var seen = new HashSet<SyntaxNode>();
            var seenAlways = new HashSet<SyntaxNode>();

            foreach (var handler in phase.Entries.HandlerTypes)
            {
                var marked = LambdaEntryPoints.HasMarkedHandlerMethods(handler, phase.Types);
                for (var type = handler; type != null && LambdaEntryPoints.IsInSource(type); type = type.BaseType)
                {
                    foreach (var member in type.GetMembers())
                    {
                        if (member is IMethodSymbol method
                            && LambdaEntryPoints.IsHandlerMethod(method, phase.Types, marked)
                            && !SymbolEqualityComparer.Default.Equals(method, phase.Entries.EntryPoint)
                            && phase.Bodies.BodyOf(method) is { } body)
                        {
                            reach._methods.Add(method.OriginalDefinition);
                            reach._alwaysRun.Add(method.OriginalDefinition);
                            bodies.Enqueue(new Body(body, "a handler method", always: true));
                        }
                    }
                }
            }

            if (phase.Entries.EntryPoint is { } entryPoint && phase.Bodies.BodyOf(entryPoint) is { } entryBody)
            {
                foreach (var closure in phase.RootInfoFor(entryBody).Closures)
                {
                    bodies.Enqueue(new Body(closure, "a handler or endpoint lambda", always: true));
                }
            }

            while (bodies.Count > 0 && seen.Count + seenAlways.Count < MaxBodies)
            {
                phase.Bodies.CancellationToken.ThrowIfCancellationRequested();
                var entry = bodies.Dequeue();
                var body = entry.Operation;

                // A body is walked once, and once more when a later caller runs it on every invocation.
                var first = seen.Add(body.Syntax);
                if (entry.Always ? !seenAlways.Add(body.Syntax) : !first)
                {
                    continue;
                }

                foreach (var operation in body.DescendantsAndSelf())
                {
                    if (operation is not (IInvocationOperation or IObjectCreationOperation or IMethodReferenceOperation
                        or ISimpleAssignmentOperation or ICoalesceAssignmentOperation))
                    {
                        continue;
                    }

                    // Code of a hook registered here never runs (SNAP040): it neither refreshes nor is reached.
                    if (InsideHookRegistration(operation, body, phase.Types))
                    {
                        continue;
                    }

                    IMethodSymbol? callee = null;
                    switch (operation)
                    {
                        case IInvocationOperation invocation:
                            callee = invocation.TargetMethod;
                            if (first && InitPhase.IsHookRegistration(invocation, phase.Types, out _))
                            {
                                reach._registrations.Add(new KeyValuePair<IInvocationOperation, string>(invocation, entry.Where));
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
                            // Only a store every invocation makes replaces the init value before it is used again.
                            if (entry.Always && !IsConditional(assignment, body))
                            {
                                AddAssigned(assignment.Target, reach._assigned);
                            }

                            break;
                    }

                    if (callee == null || !LambdaEntryPoints.IsInSource(callee))
                    {
                        continue;
                    }

                    var definition = callee.OriginalDefinition;
                    var always = entry.Always && !IsConditional(operation, body);
                    var isNew = reach._methods.Add(definition);
                    var newlyAlways = always && reach._alwaysRun.Add(definition);

                    // Constructor bodies run per invocation for the new object: their stores refresh nothing kept.
                    if ((isNew || newlyAlways) && callee.MethodKind != MethodKind.Constructor
                        && phase.Bodies.BodyOf(definition) is { } calleeBody)
                    {
                        bodies.Enqueue(new Body(calleeBody, entry.Where, always));
                    }
                }
            }

            return reach;
        }

        /// <summary>
        /// True when <paramref name="operation"/> runs only on some paths through <paramref name="body"/>: under a
        /// branch, a loop, a switch, a null-conditional or coalescing operator, a catch clause, or in a nested
        /// lambda or local function.
        /// </summary>
        private static bool IsConditional(IOperation operation, IOperation body)
        {
            var child = operation;
            for (var current = operation.Parent; current != null && child != body; child = current, current = current.Parent)
            {
                switch (current)
                {
                    case IConditionalOperation conditional when conditional.Condition != child:
                    case ILoopOperation:
                    case ISwitchOperation:
                    case ISwitchExpressionOperation:
                    case ICatchClauseOperation:
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case IConditionalAccessOperation access when access.WhenNotNull == child:
                    case ICoalesceOperation coalesce when coalesce.WhenNull == child:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr } logical when logical.RightOperand == child:
                        return true;
                }
            }

            return false;
        }

        private static bool InsideHookRegistration(IOperation operation, IOperation body, KnownTypes types)
        {
            for (var current = operation.Parent; current != null && current != body.Parent; current = current.Parent)
            {
                if (current is IInvocationOperation invocation && InitPhase.IsHookRegistration(invocation, types, out _))
                {
                    return true;
                }
            }

            return false;
        }

        private readonly struct Body
        {
            public Body(IOperation operation, string where, bool always)
            {
                Operation = operation;
                Where = where;
                Always = always;
            }

            public IOperation Operation { get; }

            /// <summary>A phrase that says where the code runs, for SNAP040's message.</summary>
            public string Where { get; }

            /// <summary>True when every invocation runs the whole body (not only some of its paths).</summary>
            public bool Always { get; }
        }

        private static void AddAssigned(IOperation target, HashSet<ISymbol> set)
        {
            switch (target)
            {
                case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field:
                    set.Add(field.Field.OriginalDefinition);
                    break;
                case IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property:
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
