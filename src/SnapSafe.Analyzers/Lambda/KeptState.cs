using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>A hazard that entered kept state during init, waiting for the refresh facts that only the whole walk gives.</summary>
    internal sealed class PendingFinding
    {
        public PendingFinding(DiagnosticDescriptor rule, string api, ISymbol? member, IOperation? value, SyntaxNode syntax, StoreKind storeKind, InitFrame frame, bool anchored, SyntaxNode? source)
        {
            Source = source;
            Rule = rule;
            Api = api;
            Member = member;
            Value = value;
            Syntax = syntax;
            StoreKind = storeKind;
            Frame = frame;
            Anchored = anchored;
        }

        public DiagnosticDescriptor Rule { get; }

        public string Api { get; }

        /// <summary>The kept field, property or local (null for a value handed to a DI container).</summary>
        public ISymbol? Member { get; }

        public IOperation? Value { get; }

        public SyntaxNode Syntax { get; }

        public StoreKind StoreKind { get; }

        public InitFrame Frame { get; }

        /// <summary>True when reported at the call of a helper that also runs per invocation.</summary>
        public bool Anchored { get; }

        /// <summary>The operation the hazard comes from (the creation, the call, the property read), as the rule matched it.</summary>
        public SyntaxNode? Source { get; }
    }

    /// <summary>A pooled connection opened during init and not kept: it waits in the provider's pool, in the snapshot.</summary>
    internal sealed class PooledOpen
    {
        public PooledOpen(IInvocationOperation open, ITypeSymbol? connectionType, InitFrame frame)
        {
            Open = open;
            ConnectionType = connectionType;
            Frame = frame;
        }

        public IInvocationOperation Open { get; }

        public ITypeSymbol? ConnectionType { get; }

        public InitFrame Frame { get; }
    }

    /// <summary>
    /// What init keeps: the hazards that entered kept state (static fields, members of objects kept from init,
    /// captured locals, container singletons), the first value each member receives in its own type's initialization
    /// (what a re-creation repeats), and the pooled connections init opened and handed back.
    /// </summary>
    internal sealed class KeptState
    {
        private readonly List<PendingFinding> _pending = new List<PendingFinding>();
        private readonly Dictionary<ISymbol, IOperation> _initValues = new Dictionary<ISymbol, IOperation>(SymbolEqualityComparer.Default);
        private readonly List<PooledOpen> _pooledOpens = new List<PooledOpen>();

        /// <summary>Every hazard that entered kept state, in the order the walk found them.</summary>
        public IReadOnlyList<PendingFinding> Pending => _pending;

        /// <summary>Pooled connections opened during init and not kept.</summary>
        public IReadOnlyList<PooledOpen> PooledOpens => _pooledOpens;

        /// <summary>The first value a member receives in its own type's constructor or initializer.</summary>
        public bool TryGetInitValue(ISymbol member, out IOperation value) => _initValues.TryGetValue(member, out value!);

        /// <summary>The member a store writes to, when that member is kept from init.</summary>
        public static ISymbol? KeptTarget(IOperation target, InitFrame frame, BodyFacts facts)
        {
            switch (target)
            {
                case IFieldReferenceOperation field:
                    return field.Field.IsStatic || ReceiverKept(field.Instance, frame, facts) ? field.Field.OriginalDefinition : null;
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                    return property.Property.IsStatic || ReceiverKept(property.Instance, frame, facts) ? property.Property.OriginalDefinition : null;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection }:
                    // _cache[key] = value: the value is kept with the collection.
                    return KeptTarget(OperationFacts.Unwrap(collection), frame, facts);
                case ILocalReferenceOperation local:
                    return facts.KeptLocals.Contains(local.Local) ? local.Local : null;
                default:
                    return null;
            }
        }

        /// <summary>True when the object a member is read from is kept from init (<c>this</c> of a kept object, a kept member).</summary>
        public static bool ReceiverKept(IOperation? receiver, InitFrame frame, BodyFacts facts)
        {
            switch (receiver)
            {
                case null:
                    return true;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return frame.ThisKept;
                case IConversionOperation conversion:
                    return ReceiverKept(conversion.Operand, frame, facts);
                default:
                    return KeptTarget(receiver, frame, facts) != null;
            }
        }

        /// <summary>Records the first value a member receives in its own type's constructor or initializer.</summary>
        public void RecordInitValue(ISymbol member, IOperation value, InitFrame frame)
        {
            if ((frame.Kind == InitRootKind.Instance || frame.Kind == InitRootKind.Static) && !_initValues.ContainsKey(member.OriginalDefinition))
            {
                _initValues.Add(member.OriginalDefinition, value);
            }
        }

        /// <summary>
        /// A hazard entering kept state at <paramref name="syntax"/>; in a helper that also runs per invocation it is
        /// reported at the helper's call in init code instead.
        /// </summary>
        public void Add(DiagnosticDescriptor rule, string api, ISymbol? member, IOperation? value, SyntaxNode syntax, StoreKind storeKind, InitFrame frame, SyntaxNode? source)
        {
            if (frame.Anchor != null)
            {
                _pending.Add(new PendingFinding(rule, api, member, value, frame.Anchor, StoreKind.StartCall, frame, anchored: true, source));
            }
            else
            {
                _pending.Add(new PendingFinding(rule, api, member, value, syntax, storeKind, frame, anchored: false, source));
            }
        }

        public void AddPooledOpen(IInvocationOperation open, ITypeSymbol? connectionType, InitFrame frame)
            => _pooledOpens.Add(new PooledOpen(open, connectionType, frame));
    }
}
