using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// A rule whose hazard is a value (a random generator, a GUID, a timestamp, a secret...): the model asks it about
    /// every operation a kept value derives from, and reports the value where it enters kept state.
    /// </summary>
    internal interface IValueHazard
    {
        bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source);
    }

    /// <summary>
    /// A rule whose hazard is the static type of a kept value that a factory returned (the model cannot see the
    /// creation inside the factory). Asked only when the value walk found no source of the same rule.
    /// </summary>
    internal interface IKeptTypeHazard
    {
        DiagnosticDescriptor Rule { get; }

        bool TryMatchType(ITypeSymbol? type, IOperation value, IHazardContext context, out HazardSource source);
    }

    /// <summary>
    /// A rule whose hazard is a call (or an assignment) that starts or opens an existing object: a timer started, a
    /// connection opened. The model reports it when the object is kept from init, and an after-restore hook that makes
    /// the same call restarts the object.
    /// </summary>
    internal interface IStartHazard
    {
        DiagnosticDescriptor Rule { get; }

        /// <summary>True when the same call in an after-restore hook restarts the object (a timer), so it is not kept.</summary>
        bool RepeatingRestarts { get; }

        /// <summary>True when <paramref name="operation"/> starts <paramref name="receiver"/>; <paramref name="api"/> names what it is.</summary>
        bool TryMatchStart(IOperation operation, IHazardContext context, out IOperation? receiver, out string api);
    }

    /// <summary>
    /// A rule whose hazard is a call that writes its result into a buffer argument instead of returning it
    /// (<c>RandomNumberGenerator.Fill(span)</c>): the buffer then holds the hazard.
    /// </summary>
    internal interface IFillHazard
    {
        DiagnosticDescriptor Rule { get; }

        bool IsFill(IInvocationOperation invocation, KnownTypes types);

        /// <summary>The API as users write it, for the message.</summary>
        string Describe(IInvocationOperation fill);
    }

    /// <summary>
    /// A rule about connections that go back to a pool: the model records every call that opens a pooled connection
    /// during init and does not keep it (the connection then waits in the pool, in the snapshot).
    /// </summary>
    internal interface IPooledOpenHazard
    {
        /// <summary>
        /// True when <paramref name="invocation"/> opens a pooled connection: either the receiver
        /// (<paramref name="opensReceiver"/>, like <c>DbConnection.Open()</c>) or a new one it returns (like
        /// <c>DbDataSource.OpenConnection()</c>); <paramref name="connectionType"/> is the connection's type.
        /// </summary>
        bool IsPooledOpen(IInvocationOperation invocation, IHazardContext context, out ITypeSymbol? connectionType, out bool opensReceiver);
    }

    /// <summary>
    /// A rule whose hazard is state that code changes by merely running before the snapshot (a draw from
    /// <c>Random.Shared</c> advances the generator every restored copy continues from). Asked about code priming runs.
    /// </summary>
    internal interface IPrimedStateHazard
    {
        /// <summary>True when running <paramref name="operation"/> changes kept state; <paramref name="state"/> is that state's symbol.</summary>
        bool TryMatchPrimedState(IOperation operation, IHazardContext context, out HazardSource source, out ISymbol? state);
    }

    /// <summary>
    /// A value rule whose hazard does not survive every derivation: the value walk asks it about each call or property
    /// of another assembly a value is read through (<c>command.ExecuteScalar()</c>, <c>connection.Database</c>), and a
    /// source of the rule found below a step it cuts is not the value's hazard (data read through a connection is not
    /// the connection).
    /// </summary>
    internal interface IDerivationCut
    {
        DiagnosticDescriptor Rule { get; }

        /// <summary>True when a value read through <paramref name="step"/> no longer carries this rule's hazard.</summary>
        bool Cuts(IOperation step, IHazardContext context);
    }

    /// <summary>
    /// A rule whose hazard is a call that init makes at all, kept or not: configuration loaded from a secret store
    /// is kept by the configuration it builds. The walk records each such call it reaches
    /// (<see cref="InitCalls"/>); the rule reports them as a model rule.
    /// </summary>
    internal interface IInitCallHazard
    {
        DiagnosticDescriptor Rule { get; }

        bool TryMatchCall(IInvocationOperation invocation, IHazardContext context, out string api);

        /// <summary>Turns a recorded call into its finding (with the properties its fix reads), once the walk is done.</summary>
        void Report(InitCall call, InitPhase phase, ICollection<Finding> findings);
    }

    /// <summary>A rule that reads the finished model (hooks, reaches, refreshes) rather than matching values.</summary>
    internal interface IModelRule
    {
        void Find(InitPhase phase, ICollection<Finding> findings);
    }

    /// <summary>
    /// The rules the model is told about, by the kind of fact each contributes. The model iterates these lists and
    /// never names a rule; the rule catalog builds them.
    /// </summary>
    internal sealed class HazardRules
    {
        public HazardRules(
            ImmutableArray<IValueHazard> valueHazards,
            ImmutableArray<IKeptTypeHazard> keptTypeHazards,
            ImmutableArray<IStartHazard> startHazards,
            ImmutableArray<IFillHazard> fillHazards,
            ImmutableArray<IPooledOpenHazard> pooledOpenHazards,
            ImmutableArray<IPrimedStateHazard> primedStateHazards,
            ImmutableArray<IModelRule> modelRules,
            ImmutableArray<IDerivationCut> derivationCuts = default,
            ImmutableArray<IInitCallHazard> initCallHazards = default)
        {
            PrimedStateHazards = primedStateHazards;
            DerivationCuts = derivationCuts.IsDefault ? ImmutableArray<IDerivationCut>.Empty : derivationCuts;
            InitCallHazards = initCallHazards.IsDefault ? ImmutableArray<IInitCallHazard>.Empty : initCallHazards;
            ValueHazards = valueHazards;
            KeptTypeHazards = keptTypeHazards;
            StartHazards = startHazards;
            FillHazards = fillHazards;
            PooledOpenHazards = pooledOpenHazards;
            ModelRules = modelRules;
        }

        public ImmutableArray<IValueHazard> ValueHazards { get; }

        public ImmutableArray<IKeptTypeHazard> KeptTypeHazards { get; }

        public ImmutableArray<IStartHazard> StartHazards { get; }

        public ImmutableArray<IFillHazard> FillHazards { get; }

        public ImmutableArray<IPooledOpenHazard> PooledOpenHazards { get; }

        public ImmutableArray<IPrimedStateHazard> PrimedStateHazards { get; }

        public ImmutableArray<IModelRule> ModelRules { get; }

        public ImmutableArray<IDerivationCut> DerivationCuts { get; }

        public ImmutableArray<IInitCallHazard> InitCallHazards { get; }

        /// <summary>The first value rule, in catalog order, that matches the operation.</summary>
        public bool TryMatchValue(IOperation operation, IHazardContext context, out HazardSource source)
        {
            foreach (var hazard in ValueHazards)
            {
                if (hazard.TryMatch(operation, context, out source))
                {
                    return true;
                }
            }

            source = default;
            return false;
        }

        /// <summary>The fill rule a call matches, if any.</summary>
        public IFillHazard? FillOf(IInvocationOperation invocation, KnownTypes types)
        {
            foreach (var hazard in FillHazards)
            {
                if (hazard.IsFill(invocation, types))
                {
                    return hazard;
                }
            }

            return null;
        }
    }
}
