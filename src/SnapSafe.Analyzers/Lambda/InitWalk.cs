using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// What runs during init: a worklist of bodies (constructors, initializers, the entry point before the runtime
    /// starts, and the same-compilation methods and constructors they reach), each walked once per way it runs. The
    /// walk tells the other parts of the model what it sees: stores into kept state (<see cref="KeptState"/>), hook
    /// registrations (<see cref="HookRegistrations"/>, <see cref="AfterRestoreRefreshes"/>) and container
    /// registrations (<see cref="ServiceRegistrations"/>). Which operations are hazards comes from the rules
    /// (<see cref="HazardRules"/>).
    /// </summary>
    internal sealed class InitWalk
    {
        private const int MaxDepth = 8;

        private readonly Queue<KeyValuePair<IOperation, InitFrame>> _work = new Queue<KeyValuePair<IOperation, InitFrame>>();
        private readonly HashSet<(SyntaxNode Node, bool ThisKept, SyntaxNode? Anchor, ISymbol? Origin, bool Primed)> _visited = new HashSet<(SyntaxNode, bool, SyntaxNode?, ISymbol?, bool)>();
        private readonly HashSet<(ISymbol Type, ISymbol? Origin)> _staticInitDone = new HashSet<(ISymbol, ISymbol?)>();
        private readonly HashSet<SyntaxNode> _walked = new HashSet<SyntaxNode>();
        private readonly List<IOperation> _children = new List<IOperation>();
        private int _rootCount;
        private readonly SourceBodies _bodies;
        private readonly BodyFactsTable _facts;
        private readonly HazardRules _rules;
        private readonly IHazardContext _context;
        private readonly ValueFlow _flow;
        private readonly KeptState _kept;
        private readonly HookRegistrations _hooks;
        private readonly AfterRestoreRefreshes _refreshes;
        private readonly ServiceRegistrations _services;
        private readonly BeforeSnapshotReach _beforeSnapshot;
        private readonly Func<InvocationReach> _invocationReach;
        private readonly Func<IOperation, bool> _runsDuringInit;
        private readonly bool _walkPerOrigin;
        private readonly CancellationToken _cancellationToken;

        public InitWalk(
            SourceBodies bodies,
            BodyFactsTable facts,
            HazardRules rules,
            IHazardContext context,
            KeptState kept,
            HookRegistrations hooks,
            AfterRestoreRefreshes refreshes,
            ServiceRegistrations services,
            BeforeSnapshotReach beforeSnapshot,
            Func<InvocationReach> invocationReach,
            bool walkPerOrigin,
            CancellationToken cancellationToken,
            Func<IOperation, bool>? runsDuringInit = null)
        {
            _bodies = bodies;
            _facts = facts;
            _rules = rules;
            _context = context;
            _kept = kept;
            _hooks = hooks;
            _refreshes = refreshes;
            _services = services;
            _beforeSnapshot = beforeSnapshot;
            _invocationReach = invocationReach;
            _runsDuringInit = runsDuringInit ?? (_ => false);
            _walkPerOrigin = walkPerOrigin;
            _cancellationToken = cancellationToken;
            _flow = new ValueFlow(rules, context, facts, bodies);
        }

        private KnownTypes Types => _context.Types;

        /// <summary>True when the body (a method, constructor or initializer syntax) ran as init code.</summary>
        public bool Walked(SyntaxNode body) => _walked.Contains(body);

        /// <summary>Where the calls that rules ask about are recorded (<see cref="IInitCallHazard"/>).</summary>
        public InitCalls Calls { get; set; } = new InitCalls();

        /// <summary>Walks every enqueued body, and what they enqueue in turn.</summary>
        public void Drain()
        {
            while (_work.Count > 0)
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var item = _work.Dequeue();
                Walk(item.Key, item.Value);
            }
        }

        /// <summary>Runs <paramref name="root"/> during init as <paramref name="frame"/> says (once per distinct way).</summary>
        public void Enqueue(IOperation root, InitFrame frame)
        {
            if (frame.Depth > MaxDepth)
            {
                return;
            }

            if (_visited.Add((root.Syntax, frame.ThisKept, frame.Anchor, OriginKey(frame.Origin), frame.Priming != null)))
            {
                if (frame.Sequence.IsDefault)
                {
                    frame = frame.WithSequence(ImmutableArray.Create(_rootCount++));
                }

                _work.Enqueue(new KeyValuePair<IOperation, InitFrame>(root, frame));
            }
        }

        /// <summary>
        /// Bodies are walked once per origin only when the templates switch SnapStart off for some functions and on
        /// for others (a finding is then kept when any origin that reaches it has SnapStart on); otherwise once.
        /// </summary>
        private ISymbol? OriginKey(ISymbol? origin) => _walkPerOrigin ? origin : null;

        /// <summary>
        /// Static field initializers and static constructors of a type and its source base types; <paramref name="sequence"/>
        /// is where init touches the type (default: after everything enqueued so far).
        /// </summary>
        public void EnsureStaticInit(INamedTypeSymbol? type, ISymbol? origin, ImmutableArray<int> sequence = default, PrimingSource? priming = null)
        {
            var step = 0;
            for (var current = type; current != null && SymbolFacts.IsInSource(current); current = current.BaseType)
            {
                var definition = current.OriginalDefinition;
                if (!_staticInitDone.Add((definition, OriginKey(origin))))
                {
                    return;
                }

                var frame = new InitFrame(InitRootKind.Static, thisKept: false, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, depth: 0, definition, origin, priming: priming);
                foreach (var initializer in _bodies.InitializersOf(definition, isStatic: true))
                {
                    Enqueue(initializer, Sequenced(frame, sequence, ref step));
                }

                foreach (var constructor in _bodies.ConstructorsOf(definition, isStatic: true))
                {
                    if (_bodies.BodyOf(constructor) is { } body)
                    {
                        Enqueue(body, Sequenced(frame, sequence, ref step));
                    }
                }

                if (definition.ContainingType != null)
                {
                    EnsureStaticInit(definition.ContainingType, origin, sequence.IsDefault ? default : sequence.Add(step++), priming);
                }
            }
        }

        /// <summary>
        /// Instance field initializers and a constructor (all source constructors when none is named) of a type and
        /// its source base types, run for an object built during init.
        /// </summary>
        public void EnqueueInstanceInit(INamedTypeSymbol type, IMethodSymbol? constructor, bool thisKept, SyntaxNode? anchor, bool anchorFixable, ISymbol? origin, int depth = 0, ImmutableArray<int> sequence = default, PrimingSource? priming = null)
        {
            type = type.OriginalDefinition;
            var step = 0;
            EnsureStaticInit(type, origin, sequence.IsDefault ? default : sequence.Add(step++), priming);
            var first = true;
            var implicitBaseCall = false;
            for (var current = type; current != null && SymbolFacts.IsInSource(current); current = current.BaseType)
            {
                var frame = new InitFrame(InitRootKind.Instance, thisKept, anchor, anchorFixable, InitFrame.NoArguments, runStatement: null, depth, current, origin, priming: priming);
                foreach (var initializer in _bodies.InitializersOf(current, isStatic: false))
                {
                    Enqueue(initializer, Sequenced(frame, sequence, ref step));
                }

                var runsImplicitBaseCall = false;
                var hasSourceConstructor = false;
                foreach (var ctor in _bodies.ConstructorsOf(current, isStatic: false))
                {
                    hasSourceConstructor = true;

                    // The named constructor of the created type (all of them when none is named). A base type's
                    // constructor runs through the derived constructor's base(...) call, walked with its arguments
                    // bound; only the parameterless one that an implicit base() call reaches is walked from here.
                    var runs = first
                        ? constructor == null || SymbolEqualityComparer.Default.Equals(ctor, constructor.OriginalDefinition)
                        : implicitBaseCall && ctor.Parameters.IsEmpty;
                    if (!runs)
                    {
                        continue;
                    }

                    runsImplicitBaseCall |= !ChainsExplicitly(ctor);
                    if (_bodies.BodyOf(ctor) is { } body)
                    {
                        Enqueue(body, Sequenced(frame, sequence, ref step));
                    }
                }

                implicitBaseCall = runsImplicitBaseCall || !hasSourceConstructor;
                first = false;
            }
        }

        /// <summary>The frame at the next step below <paramref name="sequence"/>, or unsequenced (a root of its own) when there is none.</summary>
        private static InitFrame Sequenced(InitFrame frame, ImmutableArray<int> sequence, ref int step)
            => sequence.IsDefault ? frame : frame.WithSequence(sequence.Add(step++));

        /// <summary>True when the constructor calls <c>this(...)</c> or <c>base(...)</c> itself (a primary constructor: with base arguments).</summary>
        private bool ChainsExplicitly(IMethodSymbol constructor)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax(_cancellationToken))
                {
                    case ConstructorDeclarationSyntax { Initializer: not null }:
                        return true;
                    case TypeDeclarationSyntax { BaseList: { } baseList }:
                        foreach (var baseType in baseList.Types)
                        {
                            if (baseType is PrimaryConstructorBaseTypeSyntax)
                            {
                                return true;
                            }
                        }

                        break;
                }
            }

            return false;
        }

        /// <summary>Runs one body as init code: records kept stores, hooks, and the code it reaches.</summary>
        private void Walk(IOperation root, InitFrame frame)
        {
            _walked.Add(root.Syntax);
            if (frame.Priming != null)
            {
                // Warm-up requests reach per-request code directly.
                _beforeSnapshot.Add(root, frame.Priming, isInvocationCode: frame.Priming.WarmUp != null);
            }

            // A lambda's body (a hook, an endpoint) is read with the facts of the body it sits in: the locals it uses are that body's.
            var info = root.Parent != null ? _facts.Around(root) : _facts.For(root, frame.RunStatement?.Span.End ?? int.MaxValue);
            var runStart = frame.RunStart;
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                if (operation != root && operation.Syntax.SpanStart >= runStart)
                {
                    continue;
                }

                var descend = true;
                if (frame.Priming != null)
                {
                    PrimedState(operation, frame);
                }

                switch (operation)
                {
                    case IDelegateCreationOperation callback when _runsDuringInit(callback):
                        // A callback the call runs while init builds the host (ConfigureServices, UseEndpoints): init code
                        // of the same body. A method group runs as a call.
                        if (OperationFacts.Unwrap(callback.Target) is IMethodReferenceOperation reference)
                        {
                            EnqueueCallback(reference, frame, info);
                        }

                        break;

                    case IAnonymousFunctionOperation when operation.Parent is IDelegateCreationOperation creation && _runsDuringInit(creation):
                        break;

                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case IDelegateCreationOperation:
                        // Runs later (per invocation, lazily, or as a hook), not during init.
                        descend = false;
                        break;

                    case IFieldInitializerOperation fieldInitializer:
                        foreach (var field in fieldInitializer.InitializedFields)
                        {
                            _kept.RecordInitValue(field, fieldInitializer.Value, frame);
                            if (field.IsStatic || frame.ThisKept)
                            {
                                Store(field, fieldInitializer.Value, fieldInitializer.Value.Syntax, StoreKind.Initializer, frame);
                            }
                        }

                        break;

                    case IPropertyInitializerOperation propertyInitializer:
                        foreach (var property in propertyInitializer.InitializedProperties)
                        {
                            _kept.RecordInitValue(property, propertyInitializer.Value, frame);
                            if (property.IsStatic || frame.ThisKept)
                            {
                                Store(property, propertyInitializer.Value, propertyInitializer.Value.Syntax, StoreKind.Initializer, frame);
                            }
                        }

                        break;

                    case IVariableDeclaratorOperation declarator:
                        var initializerValue = declarator.Initializer?.Value;
                        if (initializerValue != null && info.KeptLocals.Contains(declarator.Symbol))
                        {
                            Store(declarator.Symbol, initializerValue, initializerValue.Syntax, StoreKind.Declaration, frame);
                        }

                        break;

                    case IAssignmentOperation assignment when assignment is ISimpleAssignmentOperation || assignment is ICoalesceAssignmentOperation:
                        if (!Start(assignment, frame, info) && KeptState.KeptTarget(assignment.Target, frame, info) is { } target)
                        {
                            if (assignment is ISimpleAssignmentOperation && assignment.Target is IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } })
                            {
                                _kept.RecordInitValue(target, assignment.Value, frame);
                            }

                            // An indexer store (_cache[key] = value) puts the value into a kept collection: not re-runnable as a member assignment.
                            var whole = assignment is ISimpleAssignmentOperation && assignment.Target is not IPropertyReferenceOperation { Arguments.IsEmpty: false };
                            Store(target, assignment.Value, assignment.Value.Syntax, whole ? StoreKind.Assignment : StoreKind.CollectionElement, frame);
                        }

                        break;

                    case IDeconstructionAssignmentOperation { Target: ITupleOperation targets } deconstruction
                        when OperationFacts.Unwrap(deconstruction.Value) is ITupleOperation values && targets.Elements.Length == values.Elements.Length:
                        // (_a, _b) = (x, y): one store per element.
                        for (var i = 0; i < targets.Elements.Length; i++)
                        {
                            if (KeptState.KeptTarget(targets.Elements[i], frame, info) is { } element)
                            {
                                Store(element, values.Elements[i], values.Elements[i].Syntax, StoreKind.Assignment, frame);
                            }
                        }

                        break;

                    case IInvocationOperation invocation:
                        descend = VisitInvocation(root, invocation, frame, info);
                        break;

                    case IObjectCreationOperation creation:
                        VisitCreation(creation, frame, thisKept: false);
                        break;

                    case INameOfOperation:
                        // nameof(...) names a member without running anything.
                        descend = false;
                        break;

                    case IMemberReferenceOperation { Member: { IsStatic: true } member }:
                        // Reading a constant does not run the type's static initializer.
                        if (member is not IFieldSymbol { IsConst: true } && SymbolFacts.IsInSource(member.ContainingType))
                        {
                            EnsureStaticInit(member.ContainingType, frame.Origin, frame.SequenceAt(operation.Syntax.SpanStart), frame.Priming);
                        }

                        break;
                }

                if (descend)
                {
                    // Children in reverse, so that the body is walked in source order (hook registrations are ordered by it).
                    _children.Clear();
                    _children.AddRange(operation.ChildOperations);
                    for (var i = _children.Count - 1; i >= 0; i--)
                    {
                        stack.Push(_children[i]);
                    }
                }
            }
        }

        /// <summary>Returns whether the walk should go on into the invocation's receiver and arguments.</summary>
        private bool VisitInvocation(IOperation root, IInvocationOperation invocation, InitFrame frame, BodyFacts info)
        {
            var method = invocation.TargetMethod;
            if (HookRegistrations.IsRegistration(invocation, Types, out var afterRestore))
            {
                // Reached by priming, a registration runs while the runtime drains the queues: it never runs.
                if (frame.Priming != null)
                {
                    return false;
                }

                var hookBodies = invocation.Arguments.Length > 0
                    ? new List<IOperation>(ResolveHookBodies(invocation.Arguments[0].Value, frame, 0))
                    : new List<IOperation>();
                _hooks.Add(invocation, afterRestore, hookBodies, frame, frame.SequenceAt(invocation.Syntax.SpanStart));
                if (afterRestore)
                {
                    foreach (var hookBody in hookBodies)
                    {
                        _refreshes.Collect(hookBody);
                    }
                }

                return false;
            }

            Start(invocation, frame, info);
            foreach (var hazard in _rules.InitCallHazards)
            {
                if (hazard.TryMatchCall(invocation, _context, out var api))
                {
                    Calls.Add(hazard, api, invocation, frame);
                }
            }

            foreach (var pooled in _rules.PooledOpenHazards)
            {
                if (pooled.IsPooledOpen(invocation, _context, out var connectionType, out var opensReceiver)
                    && (opensReceiver
                        ? KeptState.KeptTarget(OperationFacts.Unwrap(OperationFacts.Receiver(invocation)!), frame, info) == null
                        : IsDisposedLocal(invocation, info)))
                {
                    _kept.AddPooledOpen(invocation, connectionType, frame);
                    break;
                }
            }

            if (_rules.FillOf(invocation, Types) is { } fill)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (KeptState.KeptTarget(OperationFacts.Unwrap(argument.Value), frame, info) is { } filled)
                    {
                        _kept.Add(fill.Rule, fill.Describe(invocation), filled, null, invocation.Syntax, StoreKind.StartCall, frame, invocation.Syntax);
                    }
                }
            }

            if (ServiceRegistrations.IsSingletonInstance(invocation, out var instance))
            {
                Store(null, instance!, instance!.Syntax, StoreKind.ContainerInstance, frame);
            }

            // _list.Add(value), _cache.TryAdd(key, value): the value is kept with a kept collection (a key is not, as for _cache[key] = value).
            if (IsCollectionAdd(invocation) && KeptState.KeptTarget(OperationFacts.Unwrap(invocation.Instance!), frame, info) is { } collection)
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter?.Name != "key" || invocation.Arguments.Length == 1)
                    {
                        Store(collection, argument.Value, argument.Value.Syntax, StoreKind.CollectionElement, frame);
                    }
                }
            }

            if (frame.Priming == null)
            {
                _services.Record(invocation, frame.Origin);
                if (HookRegistrations.IsWarmUpRegistration(invocation) && invocation.Arguments.Length > 0)
                {
                    _hooks.AddWarmUp(WarmUpRequest.Read(invocation.Syntax, invocation.Arguments[invocation.Arguments.Length - 1].Value, _context.ValuesOf, _bodies), frame);
                }
            }
            else if (method.MethodKind == MethodKind.DelegateInvoke && invocation.Instance != null)
            {
                // Priming through a delegate (an executable's handler): run what it points at.
                foreach (var target in ResolveHookBodies(invocation.Instance, frame, 0, followFields: true))
                {
                    var priming = frame.Priming.Through(invocation);
                    _beforeSnapshot.AddCall(root, invocation, target, priming, isInvocationCode: true);
                    Enqueue(target, new InitFrame(InitRootKind.Helper, frame.ThisKept, anchor: null, anchorFixable: false, InitFrame.NoArguments, runStatement: null, frame.Depth + 1, frame.OwnerType, frame.Origin, frame.SequenceAt(invocation.Syntax.SpanStart), priming));
                }
            }

            if (method.MethodKind != MethodKind.Constructor && SourceBodies.HasBody(method) && SymbolFacts.IsInSource(method))
            {
                var callSequence = frame.SequenceAt(invocation.Syntax.SpanStart);
                if (method.IsStatic || !SymbolEqualityComparer.Default.Equals(method.ContainingType, frame.OwnerType))
                {
                    EnsureStaticInit(method.ContainingType, frame.Origin, callSequence.Add(0), frame.Priming);
                }

                if (_bodies.BodyOf(method.OriginalDefinition) is { } body)
                {
                    var anchor = frame.Anchor;
                    var anchorFixable = frame.AnchorFixable;
                    if (anchor == null && frame.Priming == null && method.MethodKind != MethodKind.LocalFunction && _invocationReach().Reaches(method))
                    {
                        anchor = invocation.Syntax;
                        anchorFixable = frame.Kind != InitRootKind.Helper && invocation.Syntax.Parent is ExpressionStatementSyntax;
                    }

                    var thisKept = !method.IsStatic && KeptState.ReceiverKept(invocation.Instance, frame, info);
                    var arguments = InitFrame.NoArguments.ToBuilder();
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter != null)
                        {
                            arguments[argument.Parameter.OriginalDefinition] = argument.Value;
                        }
                    }

                    var priming = frame.Priming?.Through(invocation);
                    if (priming != null)
                    {
                        _beforeSnapshot.AddCall(root, invocation, body, priming, method.MethodKind != MethodKind.LocalFunction && _invocationReach().Reaches(method));
                    }

                    Enqueue(body, new InitFrame(InitRootKind.Helper, thisKept, anchor, anchorFixable, arguments.ToImmutable(), runStatement: null, frame.Depth + 1, method.ContainingType.OriginalDefinition, frame.Origin, callSequence.Add(1), priming));
                }
            }
            else if (method.MethodKind == MethodKind.Constructor && SymbolFacts.IsInSource(method))
            {
                // this(...) / base(...) chains run on the same object, with their parameters bound to the arguments.
                var arguments = InitFrame.NoArguments.ToBuilder();
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter != null)
                    {
                        arguments[argument.Parameter.OriginalDefinition] = argument.Value;

                        // A primary constructor parameter that members use is state of the object, kept with it.
                        if (frame.ThisKept && SourceBodies.IsCapturedPrimaryConstructorParameter(argument.Parameter, _cancellationToken))
                        {
                            Store(argument.Parameter.OriginalDefinition, argument.Value, argument.Value.Syntax, StoreKind.ConstructorArgument, frame);
                        }
                    }
                }

                if (_bodies.BodyOf(method.OriginalDefinition) is { } chained)
                {
                    // A this(...)/base(...) chain runs before the body that calls it.
                    Enqueue(chained, new InitFrame(frame.Kind, frame.ThisKept, frame.Anchor, frame.AnchorFixable, arguments.ToImmutable(), runStatement: null, frame.Depth + 1, method.ContainingType.OriginalDefinition, frame.Origin, frame.SequenceAt(-1), frame.Priming));
                }
            }

            return true;
        }

        /// <summary>State that code run by priming changes by running at all (a draw from <c>Random.Shared</c>): kept by the snapshot.</summary>
        private void PrimedState(IOperation operation, InitFrame frame)
        {
            foreach (var hazard in _rules.PrimedStateHazards)
            {
                if (hazard.TryMatchPrimedState(operation, _context, out var source, out var state))
                {
                    _kept.Add(source.Rule, source.Api, state, null, operation.Syntax, StoreKind.None, frame, operation.Syntax);
                }
            }
        }

        /// <summary>A method group given as a callback that runs during init: its body runs as a call would.</summary>
        private void EnqueueCallback(IMethodReferenceOperation reference, InitFrame frame, BodyFacts info)
        {
            var method = reference.Method;
            if (!SymbolFacts.IsInSource(method) || !SourceBodies.HasBody(method) || _bodies.BodyOf(method.OriginalDefinition) is not { } body)
            {
                return;
            }

            EnsureStaticInit(method.ContainingType, frame.Origin);
            var thisKept = !method.IsStatic && KeptState.ReceiverKept(reference.Instance, frame, info);
            Enqueue(body, new InitFrame(InitRootKind.Helper, thisKept, frame.Anchor, frame.AnchorFixable, InitFrame.NoArguments, runStatement: null, frame.Depth + 1, method.ContainingType.OriginalDefinition, frame.Origin));
        }

        /// <summary>A call (or assignment) that starts or opens an object: a finding when the object is kept. True when a rule matched.</summary>
        private bool Start(IOperation operation, InitFrame frame, BodyFacts info)
        {
            var matched = false;
            foreach (var start in _rules.StartHazards)
            {
                if (start.TryMatchStart(operation, _context, out var receiver, out var api))
                {
                    matched = true;
                    if (KeptState.KeptTarget(OperationFacts.Unwrap(receiver!), frame, info) is { } member)
                    {
                        _kept.Add(start.Rule, api, member, null, operation.Syntax, StoreKind.StartCall, frame, operation.Syntax);
                    }
                }
            }

            return matched;
        }

        /// <summary>An object built during init: its constructor and initializers are init code.</summary>
        private void VisitCreation(IObjectCreationOperation creation, InitFrame frame, bool thisKept)
        {
            if (creation.Type is not INamedTypeSymbol type || !SymbolFacts.IsInSource(type) || creation.Constructor == null)
            {
                return;
            }

            var anchor = frame.Anchor;
            var anchorFixable = frame.AnchorFixable;
            if (anchor == null && frame.Priming == null && _invocationReach().Reaches(creation.Constructor))
            {
                anchor = creation.Syntax;
                anchorFixable = false;
            }

            EnqueueInstanceInit(type, creation.Constructor, thisKept, anchor, anchorFixable, frame.Origin, frame.Depth + 1, frame.SequenceAt(creation.Syntax.SpanStart), frame.Priming);
        }

        /// <summary>A value entering kept state: each hazard it carries becomes a pending finding.</summary>
        private void Store(ISymbol? member, IOperation value, SyntaxNode syntax, StoreKind storeKind, InitFrame frame)
        {
            var creations = new List<IObjectCreationOperation>();
            var sources = _flow.Collect(value, frame, creations);

            // Objects of source types the value is built with are kept with it: their constructors are init code.
            foreach (var creation in creations)
            {
                VisitCreation(creation, frame, thisKept: true);
            }

            // A kept value of a hazardous type built by a factory (a creation itself is matched by the value walk).
            if (IsFactoryResult(value))
            {
                foreach (var typeHazard in _rules.KeptTypeHazards)
                {
                    if (!sources.Exists(s => s.Rule.Id == typeHazard.Rule.Id)
                        && typeHazard.TryMatchType(OperationFacts.Unwrap(value).Type, value, _context, out var typed))
                    {
                        sources.Add(typed);
                    }
                }
            }

            foreach (var source in sources)
            {
                _kept.Add(source.Rule, source.Api, member, value, syntax, storeKind, frame, source.Operation.Syntax);
            }
        }

        /// <summary>The bodies a delegate value runs (lambdas, method groups, through parameters, locals and, when asked, fields' first values).</summary>
        private IEnumerable<IOperation> ResolveHookBodies(IOperation value, InitFrame frame, int depth, bool followFields = false)
        {
            value = OperationFacts.Unwrap(value);
            switch (value)
            {
                case IDelegateCreationOperation delegateCreation:
                    return ResolveHookBodies(delegateCreation.Target, frame, depth, followFields);

                case IAnonymousFunctionOperation lambda:
                    return new IOperation[] { lambda.Body };

                case IMethodReferenceOperation reference:
                    var body = _bodies.BodyOf(reference.Method.OriginalDefinition);
                    return body != null ? new[] { body } : Array.Empty<IOperation>();

                case IParameterReferenceOperation parameter when depth < 4
                    && frame.Arguments.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument):
                    return ResolveHookBodies(argument, frame, depth + 1, followFields);

                case IFieldReferenceOperation field when followFields && depth < 4 && _kept.TryGetInitValue(field.Field.OriginalDefinition, out var fieldValue):
                    return ResolveHookBodies(fieldValue, frame, depth + 1, followFields);

                case ILocalReferenceOperation local when depth < 4:
                    var results = new List<IOperation>();
                    foreach (var assigned in _facts.Around(value).ValuesOf(local.Local))
                    {
                        results.AddRange(ResolveHookBodies(assigned, frame, depth + 1, followFields));
                    }

                    return results;

                default:
                    return Array.Empty<IOperation>();
            }
        }

        private static bool IsCollectionAdd(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (invocation.Instance == null || method.IsStatic || method.ContainingType == null
                || !(method.Name is "Add" or "TryAdd" or "Insert" or "Push" or "Enqueue" or "AddOrUpdate" or "GetOrAdd" or "Set"))
            {
                return false;
            }

            var ns = method.ContainingType.ContainingNamespace?.ToDisplayString();
            return ns == "System.Collections.Generic" || ns == "System.Collections.Concurrent" || ns == "System.Collections.Immutable"
                || ns == "System.Collections" || ns == "Microsoft.Extensions.Caching.Memory";
        }

        /// <summary>The call's result goes into a local that init does not keep (a connection handed back when disposed).</summary>
        private static bool IsDisposedLocal(IOperation operation, BodyFacts info)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case IAwaitOperation:
                    case IConversionOperation:
                    case IVariableInitializerOperation:
                        continue;
                    case IVariableDeclaratorOperation declarator:
                        return !info.KeptLocals.Contains(declarator.Symbol);
                    default:
                        return false;
                }
            }

            return false;
        }

        private static bool IsFactoryResult(IOperation value)
        {
            value = OperationFacts.Unwrap(value);
            if (value is IAwaitOperation awaited)
            {
                value = OperationFacts.Unwrap(awaited.Operation);
            }

            return value is IInvocationOperation;
        }
    }
}
