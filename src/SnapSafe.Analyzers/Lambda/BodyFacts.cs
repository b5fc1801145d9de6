using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// Facts about the locals of one body, read once: the values each local receives, and which locals are kept
    /// because a closure that outlives init (a handler delegate, an endpoint lambda, a factory) captures them.
    /// </summary>
    internal sealed class BodyFacts
    {
        private static readonly IReadOnlyList<IOperation> None = new IOperation[0];
        private readonly Dictionary<ILocalSymbol, List<IOperation>> _values;

        private BodyFacts(Dictionary<ILocalSymbol, List<IOperation>> values, HashSet<ILocalSymbol> keptLocals, List<IOperation> closures)
        {
            _values = values;
            KeptLocals = keptLocals;
            Closures = closures;
        }

        /// <summary>Locals captured by closures that outlive init, or bound to a method-group handler.</summary>
        public HashSet<ILocalSymbol> KeptLocals { get; }

        /// <summary>Bodies of the closures that outlive init (they run per invocation).</summary>
        public List<IOperation> Closures { get; }

        /// <summary>
        /// Values assigned to a local in this body (buffers filled by random APIs included, as the fill call; a foreach
        /// iteration variable, as the collection it iterates).
        /// </summary>
        public IReadOnlyList<IOperation> ValuesOf(ILocalSymbol local)
            => _values.TryGetValue(local, out var list) ? list : None;

        /// <summary>
        /// Reads a body; closures that start at or after <paramref name="closuresEnd"/> are created once the runtime runs.
        /// A closure <paramref name="runsDuringInit"/> accepts (a callback a builder runs before init goes on) does not
        /// outlive init: it keeps nothing, and the closures inside it are read as the body's own.
        /// </summary>
        public static BodyFacts Compute(IOperation root, KnownTypes types, HazardRules rules, int closuresEnd, Func<IOperation, bool>? runsDuringInit = null)
        {
            var values = new Dictionary<ILocalSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
            var kept = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var closures = new List<IOperation>();
            var referencedLocalFunctions = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
            var localFunctions = new List<ILocalFunctionOperation>();

            foreach (var operation in root.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                        Add(values, declarator.Symbol, initializer.Value);
                        break;

                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment:
                        Add(values, target.Local, assignment.Value);
                        break;

                    case IForEachLoopOperation loop:
                        // foreach (var p in response.Parameters): each iteration variable holds an element of the collection.
                        foreach (var local in loop.Locals)
                        {
                            Add(values, local, loop.Collection);
                        }

                        break;

                    case IInvocationOperation invocation when rules.FillOf(invocation, types) != null:
                        foreach (var argument in invocation.Arguments)
                        {
                            if (OperationFacts.Unwrap(argument.Value) is ILocalReferenceOperation filled)
                            {
                                Add(values, filled.Local, invocation);
                            }
                        }

                        break;

                    case IAnonymousFunctionOperation lambda when lambda.Syntax.SpanStart < closuresEnd && !HookRegistrations.IsNonEscapingClosure(lambda, types)
                        && !RunsDuringInit(lambda, runsDuringInit):
                        if (!IsInsideClosure(lambda, runsDuringInit))
                        {
                            closures.Add(lambda.Body);
                            AddCaptures(lambda, kept);
                        }

                        break;

                    case ILocalFunctionOperation localFunction:
                        localFunctions.Add(localFunction);
                        break;

                    case IMethodReferenceOperation reference when reference.Syntax.SpanStart < closuresEnd && !HookRegistrations.IsNonEscapingClosure(reference, types)
                        && !RunsDuringInit(reference, runsDuringInit):
                        if (reference.Method.MethodKind == MethodKind.LocalFunction)
                        {
                            referencedLocalFunctions.Add(reference.Method.OriginalDefinition);
                        }

                        if (OperationFacts.Unwrap(reference.Instance) is ILocalReferenceOperation receiver)
                        {
                            kept.Add(receiver.Local);
                        }

                        break;
                }
            }

            foreach (var localFunction in localFunctions)
            {
                if (referencedLocalFunctions.Contains(localFunction.Symbol.OriginalDefinition) && localFunction.Body != null)
                {
                    closures.Add(localFunction.Body);
                    AddCaptures(localFunction, kept);
                }
            }

            return new BodyFacts(values, kept, closures);
        }

        private static bool RunsDuringInit(IOperation closure, Func<IOperation, bool>? runsDuringInit)
            => runsDuringInit != null && (runsDuringInit(closure) || (closure.Parent is IDelegateCreationOperation creation && runsDuringInit(creation)));

        /// <summary>True when the closure sits inside a lambda or local function that runs later (not inside a callback that runs during init).</summary>
        private static bool IsInsideClosure(IOperation closure, Func<IOperation, bool>? runsDuringInit)
        {
            if (runsDuringInit == null)
            {
                return OperationFacts.IsInsideClosure(closure);
            }

            for (var current = closure.Parent; current != null; current = current.Parent)
            {
                if (current is ILocalFunctionOperation || (current is IAnonymousFunctionOperation outer && !RunsDuringInit(outer, runsDuringInit)))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AddCaptures(IOperation closure, HashSet<ILocalSymbol> kept)
        {
            var span = closure.Syntax.Span;
            foreach (var operation in closure.Descendants())
            {
                if (operation is ILocalReferenceOperation reference)
                {
                    var local = reference.Local;
                    var declared = local.DeclaringSyntaxReferences;
                    if (declared.Length > 0 && !span.Contains(declared[0].Span))
                    {
                        kept.Add(local);
                    }
                }
            }
        }

        private static void Add(Dictionary<ILocalSymbol, List<IOperation>> values, ILocalSymbol local, IOperation value)
        {
            if (!values.TryGetValue(local, out var list))
            {
                list = new List<IOperation>();
                values.Add(local, list);
            }

            list.Add(value);
        }
    }

    /// <summary>
    /// The <see cref="BodyFacts"/> of every body the model reads, computed once each. The entry point's body is read
    /// with the runtime-start statement's end as its closure cut-off, whoever asks first.
    /// </summary>
    internal sealed class BodyFactsTable
    {
        private readonly Dictionary<SyntaxNode, BodyFacts> _facts = new Dictionary<SyntaxNode, BodyFacts>();
        private readonly KnownTypes _types;
        private readonly HazardRules _rules;
        private SyntaxNode? _entrySyntax;
        private int _entryClosuresEnd = int.MaxValue;
        private Func<IOperation, bool>? _runsDuringInit;

        public BodyFactsTable(KnownTypes types, HazardRules rules)
        {
            _types = types;
            _rules = rules;
        }

        /// <summary>Closures of the entry point's body that start at or after <paramref name="closuresEnd"/> are created once the runtime runs.</summary>
        public void SetEntryPoint(SyntaxNode entrySyntax, int closuresEnd)
        {
            _entrySyntax = entrySyntax;
            _entryClosuresEnd = closuresEnd;
        }

        /// <summary>Callbacks <paramref name="runsDuringInit"/> accepts run during init: they keep nothing (set before any body is read).</summary>
        public void SetInitCallbacks(Func<IOperation, bool> runsDuringInit) => _runsDuringInit = runsDuringInit;

        public BodyFacts For(IOperation root, int closuresEnd = int.MaxValue)
        {
            if (!_facts.TryGetValue(root.Syntax, out var facts))
            {
                if (_entrySyntax != null && root.Syntax == _entrySyntax)
                {
                    closuresEnd = _entryClosuresEnd;
                }

                facts = BodyFacts.Compute(root, _types, _rules, closuresEnd, _runsDuringInit);
                _facts.Add(root.Syntax, facts);
            }

            return facts;
        }

        /// <summary>The facts of the body that contains <paramref name="operation"/>.</summary>
        public BodyFacts Around(IOperation operation) => For(OperationFacts.RootOf(operation));
    }
}
