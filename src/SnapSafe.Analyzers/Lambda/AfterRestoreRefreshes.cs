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

        /// <summary>
        /// True when an instance of a source type, handed to something that keeps it (a container, a collection), has
        /// its hazard refreshed by a hook of its own: the members its constructor fills from the argument that carries
        /// the hazard (at <paramref name="source"/>), or the member its object initializer sets from it, are all
        /// re-assigned by an after-restore hook.
        /// </summary>
        public bool RefreshesInstance(IOperation? value, SyntaxNode? source)
        {
            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            if (value is not IObjectCreationOperation { Constructor: { } constructor } creation || source == null || !SymbolFacts.IsInSource(constructor.ContainingType))
            {
                return false;
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var initialized } } assignment && assignment.Value.Syntax.Span.Contains(source.Span))
                    {
                        return _refreshed.Contains(initialized.OriginalDefinition);
                    }
                }
            }

            IParameterSymbol? parameter = null;
            foreach (var argument in creation.Arguments)
            {
                if (argument.Syntax.Span.Contains(source.Span))
                {
                    parameter = argument.Parameter;
                }
            }

            if (parameter == null || _bodies.BodyOf(constructor.OriginalDefinition) is not { } body)
            {
                return false;
            }

            var filled = 0;
            foreach (var operation in body.Descendants())
            {
                if (operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Member: var member } } store
                    && SymbolEqualityComparer.Default.Equals(member.ContainingType, constructor.ContainingType)
                    && ReadsParameter(store.Value, parameter))
                {
                    filled++;
                    if (!_refreshed.Contains(member.OriginalDefinition))
                    {
                        return false;
                    }
                }
            }

            return filled > 0;
        }

        private static bool ReadsParameter(IOperation value, IParameterSymbol parameter)
        {
            foreach (var operation in value.DescendantsAndSelf())
            {
                if (operation is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter.OriginalDefinition, parameter.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }

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

                        // _timer.Enabled = true: the assignment restarts the timer, not only sets a property.
                        foreach (var start in _rules.StartHazards)
                        {
                            if (start.RepeatingRestarts && start.TryMatchStart(assignment, _context, out var enabled, out _))
                            {
                                Add(OperationFacts.Unwrap(enabled!));
                            }
                        }

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
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection }:
                    // _cache[key] = value: the collection's entry is stored again.
                    Add(OperationFacts.Unwrap(collection));
                    break;
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
