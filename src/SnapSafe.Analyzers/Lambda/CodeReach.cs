using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>One body a <see cref="CodeReach"/> walks, and how it is reached.</summary>
    internal readonly struct ReachedBody
    {
        public ReachedBody(IOperation operation, string where, bool always)
        {
            Operation = operation;
            Where = where;
            Always = always;
        }

        public IOperation Operation { get; }

        /// <summary>A phrase that says where the code runs, for messages ("a handler method").</summary>
        public string Where { get; }

        /// <summary>True when every run of the root runs the whole body (not only some of its paths).</summary>
        public bool Always { get; }
    }

    /// <summary>
    /// The code reachable from a set of root bodies: the same-compilation methods, constructors and method groups they
    /// call, transitively. A body is walked once, and once more when a later caller runs it on every path. Derived
    /// types say what they record about each operation (<see cref="InvocationReach"/>: the code that runs per
    /// invocation).
    /// </summary>
    internal abstract class CodeReach
    {
        private const int MaxBodies = 2048;

        private readonly HashSet<IMethodSymbol> _methods = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly HashSet<IMethodSymbol> _alwaysRun = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        private readonly Queue<ReachedBody> _bodies = new Queue<ReachedBody>();
        private readonly SourceBodies _sources;

        protected CodeReach(SourceBodies sources)
        {
            _sources = sources;
        }

        /// <summary>True when the method (or constructor) is reached.</summary>
        public bool Reaches(IMethodSymbol method) => _methods.Contains(method.OriginalDefinition);

        /// <summary>A root: a method's body (the method then counts as reached on every path) or a closure body.</summary>
        public void AddRoot(IMethodSymbol? method, IOperation body, string where)
        {
            if (method != null)
            {
                _methods.Add(method.OriginalDefinition);
                _alwaysRun.Add(method.OriginalDefinition);
            }

            _bodies.Enqueue(new ReachedBody(body, where, always: true));
        }

        /// <summary>True when the operation is not followed at all (neither recorded nor its callee reached).</summary>
        protected virtual bool Skips(IOperation operation, in ReachedBody body) => false;

        /// <summary>
        /// Records what an operation of a reached body does; <paramref name="first"/> is true on the body's first walk.
        /// Returns the method the operation runs (a call, a creation's constructor, a method group), or null.
        /// </summary>
        protected abstract IMethodSymbol? Visit(IOperation operation, in ReachedBody body, bool first);

        /// <summary>True when a reached constructor's body is followed too (its stores then run for a new object).</summary>
        protected virtual bool FollowsConstructors => false;

        /// <summary>Walks everything reachable from the roots added so far.</summary>
        protected void Run(System.Threading.CancellationToken cancellationToken)
        {
            var seen = new HashSet<SyntaxNode>();
            var seenAlways = new HashSet<SyntaxNode>();
            while (_bodies.Count > 0 && seen.Count + seenAlways.Count < MaxBodies)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var entry = _bodies.Dequeue();
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

                    if (Skips(operation, entry))
                    {
                        continue;
                    }

                    var callee = Visit(operation, entry, first);
                    if (callee == null || !SymbolFacts.IsInSource(callee))
                    {
                        continue;
                    }

                    var definition = callee.OriginalDefinition;
                    var always = entry.Always && !IsConditional(operation, body);
                    var isNew = _methods.Add(definition);
                    var newlyAlways = always && _alwaysRun.Add(definition);

                    if ((isNew || newlyAlways) && (FollowsConstructors || callee.MethodKind != MethodKind.Constructor)
                        && _sources.BodyOf(definition) is { } calleeBody)
                    {
                        _bodies.Enqueue(new ReachedBody(calleeBody, entry.Where, always));
                    }
                }
            }
        }

        /// <summary>The method an operation runs: a call's target, a creation's constructor, a method group's method.</summary>
        protected static IMethodSymbol? CalleeOf(IOperation operation) => operation switch
        {
            IInvocationOperation invocation => invocation.TargetMethod,
            IObjectCreationOperation creation => creation.Constructor,
            IMethodReferenceOperation reference => reference.Method,
            _ => null,
        };

        /// <summary>
        /// True when <paramref name="operation"/> runs only on some paths through <paramref name="body"/>: under a
        /// branch, a loop, a switch, a null-conditional or coalescing operator, a catch clause, or in a nested
        /// lambda or local function.
        /// </summary>
        public static bool IsConditional(IOperation operation, IOperation body)
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
    }
}
