using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Rules;

namespace SnapSafe.Analyzers.Lambda
{
    internal sealed partial class InitPhase
    {
        /// <summary>Runs one body as init code: records kept stores, hooks, and the code it reaches.</summary>
        private void Walk(IOperation root, InitFrame frame)
        {
            var info = RootInfoFor(root, frame.RunStatement?.Span.End ?? int.MaxValue);
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
                switch (operation)
                {
                    case IAnonymousFunctionOperation:
                    case ILocalFunctionOperation:
                    case IDelegateCreationOperation:
                        // Runs later (per invocation, lazily, or as a hook), not during init.
                        descend = false;
                        break;

                    case IFieldInitializerOperation fieldInitializer:
                        foreach (var field in fieldInitializer.InitializedFields)
                        {
                            RecordInitValue(field, fieldInitializer.Value, frame);
                            if (field.IsStatic || frame.ThisKept)
                            {
                                AddStore(field, fieldInitializer.Value, fieldInitializer.Value.Syntax, StoreKinds.Initializer, frame, info);
                            }
                        }

                        break;

                    case IPropertyInitializerOperation propertyInitializer:
                        foreach (var property in propertyInitializer.InitializedProperties)
                        {
                            RecordInitValue(property, propertyInitializer.Value, frame);
                            if (property.IsStatic || frame.ThisKept)
                            {
                                AddStore(property, propertyInitializer.Value, propertyInitializer.Value.Syntax, StoreKinds.Initializer, frame, info);
                            }
                        }

                        break;

                    case IVariableDeclaratorOperation declarator:
                        var initializerValue = declarator.Initializer?.Value;
                        if (initializerValue != null && info.KeptLocals.Contains(declarator.Symbol))
                        {
                            AddStore(declarator.Symbol, initializerValue, initializerValue.Syntax, StoreKinds.Declaration, frame, info);
                        }

                        break;

                    case IAssignmentOperation assignment when assignment is ISimpleAssignmentOperation || assignment is ICoalesceAssignmentOperation:
                        if (SNAP004TimerStartedDuringInit.TryMatchStart(assignment, Types, out var enabledTimer, out var enabledApi))
                        {
                            AddStart(enabledTimer!, enabledApi, assignment.Syntax, frame, info);
                        }
                        else if (KeptTarget(assignment.Target, frame, info) is { } target)
                        {
                            if (assignment is ISimpleAssignmentOperation && assignment.Target is IMemberReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } })
                            {
                                RecordInitValue(target, assignment.Value, frame);
                            }

                            // An indexer store (_cache[key] = value) puts the value into a kept collection: not re-runnable as a member assignment.
                            var whole = assignment is ISimpleAssignmentOperation && assignment.Target is not IPropertyReferenceOperation { Arguments.IsEmpty: false };
                            AddStore(target, assignment.Value, assignment.Value.Syntax, whole ? StoreKinds.Assignment : StoreKinds.Argument, frame, info);
                        }

                        break;

                    case IDeconstructionAssignmentOperation { Target: ITupleOperation targets } deconstruction
                        when ValueFlow.Unwrap(deconstruction.Value) is ITupleOperation values && targets.Elements.Length == values.Elements.Length:
                        // (_a, _b) = (x, y): one store per element.
                        for (var i = 0; i < targets.Elements.Length; i++)
                        {
                            if (KeptTarget(targets.Elements[i], frame, info) is { } element)
                            {
                                AddStore(element, values.Elements[i], values.Elements[i].Syntax, StoreKinds.Assignment, frame, info);
                            }
                        }

                        break;

                    case IInvocationOperation invocation:
                        descend = VisitInvocation(invocation, frame, info);
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
                        if (member is not IFieldSymbol { IsConst: true } && LambdaEntryPoints.IsInSource(member.ContainingType))
                        {
                            EnsureStaticInit(member.ContainingType, frame.Origin);
                        }

                        break;
                }

                if (descend)
                {
                    foreach (var child in operation.ChildOperations)
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        /// <summary>Returns whether the walk should go on into the invocation's receiver and arguments.</summary>
        private bool VisitInvocation(IInvocationOperation invocation, InitFrame frame, RootInfo info)
        {
            var method = invocation.TargetMethod;
            if (IsHookRegistration(invocation, Types, out var afterRestore))
            {
                var hookBodies = invocation.Arguments.Length > 0
                    ? new List<IOperation>(ResolveHookBodies(invocation.Arguments[0].Value, frame, 0))
                    : new List<IOperation>();
                if (_initRegistrations.Add(invocation.Syntax))
                {
                    _hooks.Add(new HookRegistration(invocation, afterRestore, hookBodies, frame));
                }

                if (afterRestore)
                {
                    foreach (var hookBody in hookBodies)
                    {
                        CollectRefreshed(hookBody, 0, new HashSet<SyntaxNode>());
                    }
                }

                return false;
            }

            if (SNAP004TimerStartedDuringInit.TryMatchStart(invocation, Types, out var timer, out var api))
            {
                AddStart(timer!, api, invocation.Syntax, frame, info);
            }

            if (SNAP010ConnectionOpenedDuringInit.TryMatchOpen(invocation, Types, out var connection, out var openApi, out var isDbConnection))
            {
                if (KeptTarget(ValueFlow.Unwrap(connection!), frame, info) is { } keptConnection)
                {
                    AddPending(SNAP010ConnectionOpenedDuringInit.Descriptor, openApi, keptConnection, null, invocation.Syntax, StoreKinds.StartCall, frame);
                }
                else if (isDbConnection)
                {
                    _poolCandidates.Add(new PoolCandidate(invocation, connection!.Type, frame));
                }
            }
            else if (ApiMatch.IsCallOn(invocation, Types.DbDataSource) && method.Name.StartsWith("OpenConnection", System.StringComparison.Ordinal)
                && IsDisposedLocal(invocation, info))
            {
                _poolCandidates.Add(new PoolCandidate(invocation, invocation.Type, frame));
            }

            if (SNAP002UniqueValueCaptured.IsFillingCall(invocation, Types))
            {
                foreach (var argument in invocation.Arguments)
                {
                    if (KeptTarget(ValueFlow.Unwrap(argument.Value), frame, info) is { } filled)
                    {
                        AddPending(SNAP002UniqueValueCaptured.Descriptor, method.ContainingType.Name + "." + method.Name + "()", filled, null, invocation.Syntax, StoreKinds.StartCall, frame);
                    }
                }
            }

            if (IsSingletonInstanceRegistration(invocation, out var instance))
            {
                AddStore(null, instance!, instance!.Syntax, StoreKinds.Argument, frame, info);
            }

            RecordRegistration(invocation);

            // _list.Add(value), _cache.TryAdd(key, value): the value is kept with a kept collection.
            if (IsCollectionAdd(invocation) && KeptTarget(ValueFlow.Unwrap(invocation.Instance!), frame, info) is { } collection)
            {
                foreach (var argument in invocation.Arguments)
                {
                    AddStore(collection, argument.Value, argument.Value.Syntax, StoreKinds.Argument, frame, info);
                }
            }

            // services.GetRequiredService<T>() during init builds a singleton (and what it takes) before the snapshot.
            if ((method.Name == "GetRequiredService" || method.Name == "GetService") && method.TypeArguments.Length == 1)
            {
                _resolvedServices.Add(new KeyValuePair<ITypeSymbol, ISymbol?>(method.TypeArguments[0].OriginalDefinition, frame.Origin));
            }

            if (method.MethodKind != MethodKind.Constructor && SourceBodies.HasBody(method) && LambdaEntryPoints.IsInSource(method))
            {
                if (method.IsStatic || !SymbolEqualityComparer.Default.Equals(method.ContainingType, frame.OwnerType))
                {
                    EnsureStaticInit(method.ContainingType, frame.Origin);
                }

                if (_bodies.BodyOf(method.OriginalDefinition) is { } body)
                {
                    var anchor = frame.Anchor;
                    var anchorFixable = frame.AnchorFixable;
                    if (anchor == null && method.MethodKind != MethodKind.LocalFunction && IsInvocationReachable(method))
                    {
                        anchor = invocation.Syntax;
                        anchorFixable = frame.Kind != InitRootKind.Helper && invocation.Syntax.Parent is ExpressionStatementSyntax;
                    }

                    var thisKept = !method.IsStatic && ReceiverKept(invocation.Instance, frame, info);
                    var arguments = InitFrame.NoArguments.ToBuilder();
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter != null)
                        {
                            arguments[argument.Parameter.OriginalDefinition] = argument.Value;
                        }
                    }

                    Enqueue(body, new InitFrame(InitRootKind.Helper, thisKept, anchor, anchorFixable, arguments.ToImmutable(), runStatement: null, frame.Depth + 1, method.ContainingType.OriginalDefinition, frame.Origin));
                }
            }
            else if (method.MethodKind == MethodKind.Constructor && LambdaEntryPoints.IsInSource(method))
            {
                // this(...) / base(...) chains run on the same object, with their parameters bound to the arguments.
                var arguments = InitFrame.NoArguments.ToBuilder();
                foreach (var argument in invocation.Arguments)
                {
                    if (argument.Parameter != null)
                    {
                        arguments[argument.Parameter.OriginalDefinition] = argument.Value;

                        // A primary constructor parameter that members use is state of the object, kept with it.
                        if (frame.ThisKept && SourceBodies.IsCapturedPrimaryConstructorParameter(argument.Parameter, _bodies.CancellationToken))
                        {
                            AddStore(argument.Parameter.OriginalDefinition, argument.Value, argument.Value.Syntax, StoreKinds.Argument, frame, info);
                        }
                    }
                }

                if (_bodies.BodyOf(method.OriginalDefinition) is { } chained)
                {
                    Enqueue(chained, new InitFrame(frame.Kind, frame.ThisKept, frame.Anchor, frame.AnchorFixable, arguments.ToImmutable(), runStatement: null, frame.Depth + 1, method.ContainingType.OriginalDefinition, frame.Origin));
                }
            }

            return true;
        }

        /// <summary>An object built during init: its constructor and initializers are init code.</summary>
        internal void VisitCreation(IObjectCreationOperation creation, InitFrame frame, bool thisKept)
        {
            if (creation.Type is not INamedTypeSymbol type || !LambdaEntryPoints.IsInSource(type) || creation.Constructor == null)
            {
                return;
            }

            var anchor = frame.Anchor;
            var anchorFixable = frame.AnchorFixable;
            if (anchor == null && IsInvocationReachable(creation.Constructor))
            {
                anchor = creation.Syntax;
                anchorFixable = false;
            }

            EnqueueInstanceInit(type, creation.Constructor, thisKept, anchor, anchorFixable, frame.Origin, frame.Depth + 1);
        }

        private IEnumerable<IOperation> ResolveHookBodies(IOperation value, InitFrame frame, int depth)
        {
            value = ValueFlow.Unwrap(value);
            switch (value)
            {
                case IDelegateCreationOperation delegateCreation:
                    return ResolveHookBodies(delegateCreation.Target, frame, depth);

                case IAnonymousFunctionOperation lambda:
                    return new IOperation[] { lambda.Body };

                case IMethodReferenceOperation reference:
                    var body = _bodies.BodyOf(reference.Method.OriginalDefinition);
                    return body != null ? new[] { body } : System.Array.Empty<IOperation>();

                case IParameterReferenceOperation parameter when depth < 4
                    && frame.Arguments.TryGetValue(parameter.Parameter.OriginalDefinition, out var argument):
                    return ResolveHookBodies(argument, frame, depth + 1);

                case ILocalReferenceOperation local when depth < 4:
                    var results = new List<IOperation>();
                    foreach (var assigned in RootInfoFor(RootOf(value)).ValuesOf(local.Local))
                    {
                        results.AddRange(ResolveHookBodies(assigned, frame, depth + 1));
                    }

                    return results;

                default:
                    return System.Array.Empty<IOperation>();
            }
        }

        /// <summary>Members re-assigned (or timers restarted) by an after-restore hook body and the methods it calls.</summary>
        private void CollectRefreshed(IOperation body, int depth, HashSet<SyntaxNode> seen)
        {
            if (depth > 4 || !seen.Add(body.Syntax))
            {
                return;
            }

            foreach (var operation in body.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case IAssignmentOperation assignment:
                        AddRefreshed(assignment.Target);
                        break;

                    case IArgumentOperation { Parameter: { RefKind: RefKind.Ref or RefKind.Out } } argument:
                        AddRefreshed(argument.Value);
                        break;

                    case IInvocationOperation invocation:
                        if (SNAP004TimerStartedDuringInit.TryMatchStart(invocation, Types, out var timer, out _))
                        {
                            AddRefreshed(timer!);
                        }

                        if (SNAP002UniqueValueCaptured.IsFillingCall(invocation, Types))
                        {
                            foreach (var argument in invocation.Arguments)
                            {
                                AddRefreshed(ValueFlow.Unwrap(argument.Value));
                            }
                        }

                        var method = invocation.TargetMethod;
                        if (invocation.Instance != null && IsReopenName(method.Name))
                        {
                            AddRefreshed(ValueFlow.Unwrap(invocation.Instance));
                        }

                        if (SourceBodies.HasBody(method) && LambdaEntryPoints.IsInSource(method) && _bodies.BodyOf(method.OriginalDefinition) is { } callee)
                        {
                            CollectRefreshed(callee, depth + 1, seen);
                        }

                        break;
                }
            }
        }

        private void AddRefreshed(IOperation target)
        {
            // A member of an object being initialized in the hook (new X { Member = ... }) is not the kept member.
            if (target is IMemberReferenceOperation { Instance: IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ImplicitReceiver } })
            {
                return;
            }

            switch (target)
            {
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

        /// <summary>The member a store writes to, when that member is kept from init.</summary>
        private ISymbol? KeptTarget(IOperation target, InitFrame frame, RootInfo info)
        {
            switch (target)
            {
                case IFieldReferenceOperation field:
                    return field.Field.IsStatic || ReceiverKept(field.Instance, frame, info) ? field.Field.OriginalDefinition : null;
                case IPropertyReferenceOperation property when property.Arguments.IsEmpty:
                    return property.Property.IsStatic || ReceiverKept(property.Instance, frame, info) ? property.Property.OriginalDefinition : null;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } collection }:
                    // _cache[key] = value: the value is kept with the collection.
                    return KeptTarget(ValueFlow.Unwrap(collection), frame, info);
                case ILocalReferenceOperation local:
                    return info.KeptLocals.Contains(local.Local) ? local.Local : null;
                default:
                    return null;
            }
        }

        private bool ReceiverKept(IOperation? receiver, InitFrame frame, RootInfo info)
        {
            switch (receiver)
            {
                case null:
                    return true;
                case IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance }:
                    return frame.ThisKept;
                case IConversionOperation conversion:
                    return ReceiverKept(conversion.Operand, frame, info);
                default:
                    return KeptTarget(receiver, frame, info) != null;
            }
        }

        private bool IsSingletonInstanceRegistration(IInvocationOperation invocation, out IOperation? instance)
        {
            instance = null;
            var method = invocation.TargetMethod;
            if (method.Name != "AddSingleton" && method.Name != "TryAddSingleton")
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == "implementationInstance")
                {
                    instance = argument.Value;
                    return true;
                }
            }

            return false;
        }

        private bool IsCollectionAdd(IInvocationOperation invocation)
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

        private void RecordRegistration(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name == "AddSingleton" || method.Name == "TryAddSingleton")
            {
                if (method.TypeArguments.Length >= 1)
                {
                    _singletons.Add(method.TypeArguments[0].OriginalDefinition);
                }
            }

            if (method.TypeArguments.Length == 2
                && (method.Name == "AddSingleton" || method.Name == "AddScoped" || method.Name == "AddTransient"
                    || method.Name == "TryAddSingleton" || method.Name == "TryAddScoped" || method.Name == "TryAddTransient"))
            {
                _registrations[method.TypeArguments[0].OriginalDefinition] = method.TypeArguments[1];
            }
        }

        private void AddStart(IOperation timer, string api, SyntaxNode syntax, InitFrame frame, RootInfo info)
        {
            if (KeptTarget(ValueFlow.Unwrap(timer), frame, info) is { } member)
            {
                AddPending(SNAP004TimerStartedDuringInit.Descriptor, api, member, null, syntax, StoreKinds.StartCall, frame);
            }
        }

        /// <summary>A value entering kept state: each hazard it carries becomes a pending finding.</summary>
        private void AddStore(ISymbol? member, IOperation value, SyntaxNode syntax, string storeKind, InitFrame frame, RootInfo info)
        {
            var sources = _flow.Collect(value, frame);
            // A sensitive instance built by a factory (the creation itself is matched by the value walk).
            if (!sources.Exists(s => s.Rule.Id == DiagnosticIds.SensitiveStateNotRefreshed)
                && IsFactoryResult(value)
                && SNAP043SensitiveStateNotRefreshed.TryMatchType(ValueFlow.Unwrap(value).Type, value, this, out var sensitive))
            {
                sources.Add(sensitive);
            }

            foreach (var source in sources)
            {
                AddPending(source.Rule, source.Api, member, value, syntax, storeKind, frame);
            }
        }

        /// <summary>The first value a member receives in its own type's constructor or initializer (what a re-creation repeats).</summary>
        private void RecordInitValue(ISymbol member, IOperation value, InitFrame frame)
        {
            if ((frame.Kind == InitRootKind.Instance || frame.Kind == InitRootKind.Static) && !_initValues.ContainsKey(member.OriginalDefinition))
            {
                _initValues.Add(member.OriginalDefinition, value);
            }
        }

        internal static bool IsReopenName(string name)
            => name.StartsWith("Open", System.StringComparison.Ordinal) || name.StartsWith("Connect", System.StringComparison.Ordinal)
                || name.StartsWith("Start", System.StringComparison.Ordinal) || name.StartsWith("Restart", System.StringComparison.Ordinal)
                || name.StartsWith("Reconnect", System.StringComparison.Ordinal);

        /// <summary>The call's result goes into a local that init does not keep (a connection handed back when disposed).</summary>
        private static bool IsDisposedLocal(IOperation operation, RootInfo info)
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
            value = ValueFlow.Unwrap(value);
            if (value is IAwaitOperation awaited)
            {
                value = ValueFlow.Unwrap(awaited.Operation);
            }

            return value is IInvocationOperation;
        }

        private void AddPending(DiagnosticDescriptor rule, string api, ISymbol? member, IOperation? value, SyntaxNode syntax, string storeKind, InitFrame frame)
        {
            if (frame.Anchor != null)
            {
                _pending.Add(new PendingFinding(rule, api, member, value, frame.Anchor, StoreKinds.StartCall, frame, anchored: true));
            }
            else
            {
                _pending.Add(new PendingFinding(rule, api, member, value, syntax, storeKind, frame, anchored: false));
            }
        }
    }
}
