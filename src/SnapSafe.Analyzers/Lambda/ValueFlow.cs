using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// Which hazard sources a stored value carries. A value derives from its operands: string concatenation and
    /// interpolation, <c>ToString()</c> and other calls on it, conversions, constructors of wrapper objects, and the
    /// return values of helper methods of the same compilation (with their arguments bound). The walk stops at a
    /// hazard source (one hazard, one diagnostic), at fields and properties (kept state is reported where it is
    /// stored) and at closures (they run later). Objects of source types built along the way are returned too: their
    /// constructors run during init for a kept object.
    /// </summary>
    internal sealed class ValueFlow
    {
        private const int MaxHelperDepth = 4;
        private const int MaxOperations = 4096;

        private readonly HazardRules _rules;
        private readonly IHazardContext _context;
        private readonly BodyFactsTable _facts;
        private readonly SourceBodies _bodies;

        public ValueFlow(HazardRules rules, IHazardContext context, BodyFactsTable facts, SourceBodies bodies)
        {
            _rules = rules;
            _context = context;
            _facts = facts;
            _bodies = bodies;
        }

        /// <summary>
        /// The hazard sources of a value, at most one per rule, in the order found; and the creations of source types
        /// the value is built with (<paramref name="creations"/>), in the order found.
        /// </summary>
        public List<HazardSource> Collect(IOperation value, InitFrame frame, List<IObjectCreationOperation> creations)
        {
            var result = new List<HazardSource>();
            var seenLocals = new HashSet<ILocalSymbol>(SymbolEqualityComparer.Default);
            var stack = new Stack<(IOperation Operation, ImmutableDictionary<IParameterSymbol, IOperation> Arguments, int Depth)>();
            var cuts = new Dictionary<IOperation, int>();
            stack.Push((value, frame.Arguments, 0));
            var budget = MaxOperations;
            while (stack.Count > 0 && budget-- > 0)
            {
                var (operation, arguments, depth) = stack.Pop();
                cuts.TryGetValue(operation, out var cut);
                if (_rules.TryMatchValue(operation, _context, out var source))
                {
                    if (!IsCut(source, cut))
                    {
                        AddSource(result, source);
                    }

                    continue;
                }

                switch (operation)
                {
                    case IAnonymousFunctionOperation:
                    case IDelegateCreationOperation:
                    case IMethodReferenceOperation:
                    case ILocalFunctionOperation:
                    case IFieldReferenceOperation:
                    case IInstanceReferenceOperation:
                    case ILiteralOperation:
                    case ITypeOfOperation:
                    case INameOfOperation:
                    case IDefaultValueOperation:
                    case ISizeOfOperation:
                        continue;

                    case ILocalReferenceOperation local:
                        if (seenLocals.Add(local.Local))
                        {
                            foreach (var assigned in _facts.Around(operation).ValuesOf(local.Local))
                            {
                                if (assigned is IInvocationOperation fill && _rules.FillOf(fill, _context.Types) is { } filling)
                                {
                                    AddSource(result, new HazardSource(filling.Rule, filling.Describe(fill), fill));
                                }
                                else
                                {
                                    Push(stack, cuts, assigned, arguments, depth, cut);
                                }
                            }
                        }

                        continue;

                    case IParameterReferenceOperation parameter:
                        if (arguments.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument))
                        {
                            // The argument belongs to the caller: its own parameters are not bound here.
                            Push(stack, cuts, argument, InitFrame.NoArguments, depth, cut);
                        }

                        continue;

                    case IPropertyReferenceOperation property:
                        if (IsComputedSourceProperty(property.Property) && depth < MaxHelperDepth
                            && property.Property.GetMethod is { } getter && _bodies.BodyOf(getter.OriginalDefinition) is { } getterBody)
                        {
                            PushReturns(stack, cuts, getterBody, InitFrame.NoArguments, depth + 1, cut);
                        }
                        else if (!SymbolFacts.IsInSource(property.Property))
                        {
                            // An external property derives from its receiver (DateTime.UtcNow.Date, sw.Elapsed).
                            var propertyCut = cut | CutsOf(property);
                            if (property.Instance != null)
                            {
                                Push(stack, cuts, property.Instance, arguments, depth, propertyCut);
                            }

                            foreach (var index in property.Arguments)
                            {
                                Push(stack, cuts, index.Value, arguments, depth, propertyCut);
                            }
                        }

                        continue;

                    case IInvocationOperation invocation:
                        var method = invocation.TargetMethod;
                        if (SymbolFacts.IsInSource(method) && SourceBodies.HasBody(method) && method.MethodKind != MethodKind.LocalFunction
                            && _bodies.BodyOf(method.OriginalDefinition) is { } helperBody)
                        {
                            if (depth < MaxHelperDepth)
                            {
                                var bound = InitFrame.NoArguments.ToBuilder();
                                foreach (var helperArgument in invocation.Arguments)
                                {
                                    if (helperArgument.Parameter != null)
                                    {
                                        bound[helperArgument.Parameter.OriginalDefinition] = helperArgument.Value;
                                    }
                                }

                                PushReturns(stack, cuts, helperBody, bound.ToImmutable(), depth + 1, cut);
                            }

                            continue;
                        }

                        var invocationCut = cut | CutsOf(invocation);
                        if (invocation.Instance != null)
                        {
                            Push(stack, cuts, invocation.Instance, arguments, depth, invocationCut);
                        }

                        foreach (var callArgument in invocation.Arguments)
                        {
                            Push(stack, cuts, callArgument.Value, arguments, depth, invocationCut);
                        }

                        continue;

                    case IObjectCreationOperation creation:
                        // A wrapper keeps what it is built from; a source type's own constructor is init code of a kept object.
                        creations.Add(creation);
                        foreach (var creationArgument in creation.Arguments)
                        {
                            Push(stack, cuts, creationArgument.Value, arguments, depth, cut);
                        }

                        if (creation.Initializer != null)
                        {
                            Push(stack, cuts, creation.Initializer, arguments, depth, cut);
                        }

                        continue;

                    case IConditionalOperation conditional:
                        if (conditional.WhenTrue != null)
                        {
                            Push(stack, cuts, conditional.WhenTrue, arguments, depth, cut);
                        }

                        if (conditional.WhenFalse != null)
                        {
                            Push(stack, cuts, conditional.WhenFalse, arguments, depth, cut);
                        }

                        continue;
                }

                foreach (var child in operation.ChildOperations)
                {
                    Push(stack, cuts, child, arguments, depth, cut);
                }
            }

            return result;
        }

        /// <summary>
        /// Pushes an operation with the derivation cuts met on the way to it (bit i: <see cref="HazardRules.DerivationCuts"/>[i]).
        /// An operation reached on several paths keeps the cuts of the last; no path is ever widened.
        /// </summary>
        private static void Push(Stack<(IOperation, ImmutableDictionary<IParameterSymbol, IOperation>, int)> stack, Dictionary<IOperation, int> cuts, IOperation operation, ImmutableDictionary<IParameterSymbol, IOperation> arguments, int depth, int cut)
        {
            if (cut != 0)
            {
                cuts[operation] = cut;
            }
            else
            {
                cuts.Remove(operation);
            }

            stack.Push((operation, arguments, depth));
        }

        private static void PushReturns(Stack<(IOperation, ImmutableDictionary<IParameterSymbol, IOperation>, int)> stack, Dictionary<IOperation, int> cuts, IOperation body, ImmutableDictionary<IParameterSymbol, IOperation> arguments, int depth, int cut)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned } && !OperationFacts.IsInsideClosure(operation, body))
                {
                    Push(stack, cuts, returned, arguments, depth, cut);
                }
            }
        }

        /// <summary>The derivation cuts an external call or property read is (bit i set: <see cref="HazardRules.DerivationCuts"/>[i] cuts it).</summary>
        private int CutsOf(IOperation step)
        {
            var mask = 0;
            var all = _rules.DerivationCuts;
            for (var i = 0; i < all.Length && i < 31; i++)
            {
                if (all[i].Cuts(step, _context))
                {
                    mask |= 1 << i;
                }
            }

            return mask;
        }

        private bool IsCut(HazardSource source, int cut)
        {
            if (cut == 0)
            {
                return false;
            }

            var all = _rules.DerivationCuts;
            for (var i = 0; i < all.Length && i < 31; i++)
            {
                if ((cut & (1 << i)) != 0 && all[i].Rule.Id == source.Rule.Id)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsComputedSourceProperty(IPropertySymbol property)
        {
            if (!SymbolFacts.IsInSource(property) || property.GetMethod == null)
            {
                return false;
            }

            // An auto-property is storage (reported where it is assigned); a computed one is a helper.
            foreach (var member in property.ContainingType.GetMembers())
            {
                if (member is IFieldSymbol { IsImplicitlyDeclared: true } backing && SymbolEqualityComparer.Default.Equals(backing.AssociatedSymbol, property))
                {
                    return false;
                }
            }

            return true;
        }

        private static void AddSource(List<HazardSource> result, HazardSource source)
        {
            foreach (var existing in result)
            {
                if (existing.Rule.Id == source.Rule.Id)
                {
                    return;
                }
            }

            result.Add(source);
        }
    }
}
