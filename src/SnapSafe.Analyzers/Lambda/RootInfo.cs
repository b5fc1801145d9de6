using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Rules;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// Facts about the locals of one body, read once: the values each local receives, and which locals are kept
    /// because a closure that outlives init (a handler delegate, an endpoint lambda, a factory) captures them.
    /// </summary>
    internal sealed class RootInfo
    {
        private static readonly IReadOnlyList<IOperation> None = new IOperation[0];
        private readonly Dictionary<ILocalSymbol, List<IOperation>> _values;

        private RootInfo(Dictionary<ILocalSymbol, List<IOperation>> values, HashSet<ILocalSymbol> keptLocals, List<IOperation> closures)
        {
            _values = values;
            KeptLocals = keptLocals;
            Closures = closures;
        }

        /// <summary>Locals captured by closures that outlive init, or bound to a method-group handler.</summary>
        public HashSet<ILocalSymbol> KeptLocals { get; }

        /// <summary>Bodies of the closures that outlive init (they run per invocation).</summary>
        public List<IOperation> Closures { get; }

        /// <summary>Values assigned to a local in this body (buffers filled by random APIs included, as the fill call).</summary>
        public IReadOnlyList<IOperation> ValuesOf(ILocalSymbol local)
            => _values.TryGetValue(local, out var list) ? list : None;

        /// <summary>Reads a body; closures that start at or after <paramref name="closuresEnd"/> are created once the runtime runs.</summary>
        public static RootInfo Compute(IOperation root, KnownTypes types, int closuresEnd)
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

                    case IInvocationOperation invocation when SNAP002UniqueValueCaptured.IsFillingCall(invocation, types):
                        foreach (var argument in invocation.Arguments)
                        {
                            if (ValueFlow.Unwrap(argument.Value) is ILocalReferenceOperation filled)
                            {
                                Add(values, filled.Local, invocation);
                            }
                        }

                        break;

                    case IAnonymousFunctionOperation lambda when lambda.Syntax.SpanStart < closuresEnd && !InitPhase.IsNonEscapingClosure(lambda, types):
                        if (!IsNested(lambda))
                        {
                            closures.Add(lambda.Body);
                            AddCaptures(lambda, kept);
                        }

                        break;

                    case ILocalFunctionOperation localFunction:
                        localFunctions.Add(localFunction);
                        break;

                    case IMethodReferenceOperation reference when reference.Syntax.SpanStart < closuresEnd && !InitPhase.IsNonEscapingClosure(reference, types):
                        if (reference.Method.MethodKind == MethodKind.LocalFunction)
                        {
                            referencedLocalFunctions.Add(reference.Method.OriginalDefinition);
                        }

                        if (ValueFlow.Unwrap(reference.Instance) is ILocalReferenceOperation receiver)
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

            return new RootInfo(values, kept, closures);
        }

        /// <summary>True for a lambda inside another lambda: the outer one decides what is kept.</summary>
        private static bool IsNested(IOperation lambda)
        {
            for (var current = lambda.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
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
}
