using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Rules;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>A <c>SnapshotRestore.Register*</c> call made during init, with the bodies its hook runs.</summary>
    internal sealed class HookRegistration
    {
        public HookRegistration(IInvocationOperation invocation, bool afterRestore, List<IOperation> bodies, InitFrame frame)
        {
            Invocation = invocation;
            AfterRestore = afterRestore;
            Bodies = bodies;
            Frame = frame;
        }

        public IInvocationOperation Invocation { get; }

        public bool AfterRestore { get; }

        /// <summary>The lambda body or the method body the hook runs (several when a helper registers what it is given).</summary>
        public List<IOperation> Bodies { get; }

        public InitFrame Frame { get; }

        public string Kind => AfterRestore ? "after-restore" : "before-snapshot";
    }

    /// <summary>A pooled connection opened during init and not kept (SNAP011 unless a before-snapshot hook clears pools).</summary>
    internal sealed class PoolCandidate
    {
        public PoolCandidate(IInvocationOperation open, ITypeSymbol? connectionType, InitFrame frame)
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
    /// The hook rules: registrations the runtime never runs (SNAP040), before-snapshot teardown with no restore
    /// (SNAP041), and hook work that is not awaited (SNAP042).
    /// </summary>
    internal sealed partial class InitPhase
    {
        public static class HookProperties
        {
            /// <summary>SNAP041: "Recreate" (repeat the member's initialization) or "Reopen" (call the open method).</summary>
            public const string Restore = "SnapSafe.Restore";

            /// <summary>SNAP041 with Restore=Reopen: the method that re-opens the member (<c>Open</c>, <c>OpenAsync</c>).</summary>
            public const string ReopenMethod = "SnapSafe.ReopenMethod";

            /// <summary>SNAP042: "true" when the hook is a method group (the method is made async) rather than a lambda.</summary>
            public const string HookIsMethod = "SnapSafe.HookIsMethod";

            /// <summary>SNAP011: the static call that clears the provider's pools (<c>global::Npgsql.NpgsqlConnection.ClearAllPools()</c>).</summary>
            public const string PoolClear = "SnapSafe.PoolClear";

            /// <summary>
            /// SNAP011 for a connection a data source opened: the name of the field, property or local that holds the
            /// data source; its own pool is cleared with <c>Clear()</c> (Npgsql: <c>NpgsqlDataSource.Clear()</c>).
            /// </summary>
            public const string PoolDataSource = "SnapSafe.PoolDataSource";
        }

        private void AnalyzeHooks()
        {
            if (Types.SnapshotRestore == null)
            {
                return;
            }

            _invocationReach ??= InvocationReach.Compute(this);
            ReportPrimedPools();

            // SNAP040: registrations in invocation code that init never makes.
            foreach (var registration in _invocationReach.Registrations)
            {
                if (!_initRegistrations.Contains(registration.Key.Syntax))
                {
                    ReportTooLate(registration.Key, registration.Value, host: HostForLateRegistration(registration.Key));
                }
            }

            // SNAP040: registrations after the runtime starts.
            if (_entries.EntryPoint is { } entryPoint && _bodies.BodyOf(entryPoint) is { } entryBody && FindRuntimeStart(entryBody) is { } run)
            {
                foreach (var operation in entryBody.Descendants())
                {
                    if (operation is IInvocationOperation invocation && invocation.Syntax.SpanStart > run.Span.End
                        && IsHookRegistration(invocation, Types, out _) && !IsInsideClosure(operation))
                    {
                        ReportTooLate(invocation, "code that runs after the runtime starts", host: HookHosts.EntryPoint);
                    }
                }
            }

            foreach (var hook in _hooks)
            {
                foreach (var body in hook.Bodies)
                {
                    // SNAP040: a registration inside a hook runs after the queues were drained.
                    foreach (var operation in body.Descendants())
                    {
                        if (operation is IInvocationOperation nested && IsHookRegistration(nested, Types, out _))
                        {
                            ReportTooLate(nested, "another hook", host: null);
                        }
                    }

                    FindUnawaitedWork(hook, body);
                    if (!hook.AfterRestore)
                    {
                        FindUnrestoredReleases(hook, body, 0, new HashSet<SyntaxNode>());
                    }
                }
            }
        }

        /// <summary>SNAP011: pooled connections opened during init, unless a before-snapshot hook clears the pools.</summary>
        private void ReportPrimedPools()
        {
            if (_poolCandidates.Count == 0)
            {
                return;
            }

            // A provider's static clearing covers the connections of that provider; a data source's Clear() covers any.
            var clearings = new List<IMethodSymbol>();
            foreach (var hook in _hooks)
            {
                if (hook.AfterRestore)
                {
                    continue;
                }

                foreach (var body in hook.Bodies)
                {
                    foreach (var operation in body.DescendantsAndSelf())
                    {
                        if (operation is IInvocationOperation invocation && Rules.SNAP011ConnectionPoolPrimed.IsPoolClearing(invocation, Types))
                        {
                            if (!invocation.TargetMethod.IsStatic)
                            {
                                return;
                            }

                            clearings.Add(invocation.TargetMethod);
                        }
                    }
                }
            }

            foreach (var candidate in _poolCandidates)
            {
                if (clearings.Exists(clearing => KnownTypes.IsOrDerives(candidate.ConnectionType, clearing.ContainingType)))
                {
                    continue;
                }

                var frame = candidate.Frame;
                var dataSource = Rules.SNAP011ConnectionPoolPrimed.ClearableDataSource(candidate.Open, Types);
                var clear = ApiMatch.IsCallOn(candidate.Open, Types.DbDataSource) ? null : Rules.SNAP011ConnectionPoolPrimed.ClearAllPoolsCall(candidate.ConnectionType);
                var host = frame.Kind switch
                {
                    InitRootKind.EntryPoint => HookHosts.EntryPoint,
                    InitRootKind.Static => HookHosts.StaticConstructor,
                    InitRootKind.Instance => HookHosts.Constructor,

                    // A helper's type is touched during init, so its static constructor runs then (clearing needs no instance).
                    InitRootKind.Helper when frame.OwnerType != null => HookHosts.StaticConstructor,
                    _ => null,
                };
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties[FixProperties.Host] = host;
                properties[HookProperties.PoolClear] = clear;
                properties[HookProperties.PoolDataSource] = dataSource;
                properties[FixProperties.Fixable] = (clear != null || dataSource != null) && host != null && frame.OwnerType is { TypeKind: TypeKind.Class } ? "true" : "false";
                var additional = host == HookHosts.EntryPoint && frame.RunStatement != null
                    ? ImmutableArray.Create(frame.RunStatement.GetLocation())
                    : ImmutableArray<Location>.Empty;
                var syntax = frame.Anchor ?? candidate.Open.Syntax;
                AddHookFinding(Descriptors.SNAP011ConnectionPoolPrimed, syntax, additional, properties.ToImmutable(), ApiMatch.Describe(candidate.Open.TargetMethod));
            }
        }

        private static bool IsInsideClosure(IOperation operation)
        {
            for (var current = operation.Parent; current != null; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Where a late registration can move: the handler type's constructor, or the entry point before the runtime starts.</summary>
        private string? HostForLateRegistration(IInvocationOperation registration)
        {
            var root = RootOf(registration);
            if (root.Syntax is CompilationUnitSyntax || root.Syntax is MethodDeclarationSyntax { Identifier.ValueText: "Main" })
            {
                return HookHosts.EntryPoint;
            }

            for (var node = registration.Syntax.Parent; node != null; node = node.Parent)
            {
                if (node is AnonymousFunctionExpressionSyntax || node is LocalFunctionStatementSyntax)
                {
                    return null;
                }

                if (node is MethodDeclarationSyntax method)
                {
                    // Only a handler type's constructors are sure to run during init.
                    if (registration.SemanticModel?.GetDeclaredSymbol(method) is not { ContainingType: { } owner } || !IsHandlerTypeOrBase(owner))
                    {
                        return null;
                    }

                    return method.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword) ? HookHosts.StaticConstructor : HookHosts.Constructor;
                }
            }

            return null;
        }

        private bool IsHandlerTypeOrBase(INamedTypeSymbol type)
        {
            foreach (var handler in _entries.HandlerTypes)
            {
                for (var current = handler; current != null; current = current.BaseType)
                {
                    if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, type.OriginalDefinition))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private void ReportTooLate(IInvocationOperation registration, string where, string? host)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            var fixable = host != null && registration.Syntax.Parent is ExpressionStatementSyntax && ArgumentIsSelfContained(registration);
            properties[FixProperties.Host] = host;
            properties[FixProperties.Fixable] = fixable ? "true" : "false";
            var additional = ImmutableArray<Location>.Empty;
            if (host == HookHosts.EntryPoint && _entries.EntryPoint is { } entryPoint && _bodies.BodyOf(entryPoint) is { } entryBody && FindRuntimeStart(entryBody) is { } run)
            {
                additional = ImmutableArray.Create(run.GetLocation());
            }

            AddHookFinding(Descriptors.SNAP040HookRegisteredTooLate, registration.Syntax, additional, properties.ToImmutable(), "SnapshotRestore." + registration.TargetMethod.Name, where);
        }

        /// <summary>The registered hook uses no local or parameter of the code around it (it can move as it is).</summary>
        private static bool ArgumentIsSelfContained(IInvocationOperation registration)
        {
            if (registration.Arguments.Length == 0)
            {
                return false;
            }

            var argument = registration.Arguments[0].Value;
            var span = argument.Syntax.Span;
            foreach (var operation in argument.DescendantsAndSelf())
            {
                switch (operation)
                {
                    case ILocalReferenceOperation local:
                        var declared = local.Local.DeclaringSyntaxReferences;
                        if (declared.Length == 0 || !span.Contains(declared[0].Span))
                        {
                            return false;
                        }

                        break;
                    case IParameterReferenceOperation parameter when !span.Contains(parameter.Parameter.Locations.Length > 0 ? parameter.Parameter.Locations[0].SourceSpan : default):
                        return false;
                }
            }

            return true;
        }

        /// <summary>SNAP042: tasks started in a hook body and neither awaited nor returned.</summary>
        private void FindUnawaitedWork(HookRegistration hook, IOperation body)
        {
            var isMethod = !(body.Parent is IAnonymousFunctionOperation);
            foreach (var operation in body.Descendants())
            {
                IOperation? started = null;
                switch (operation)
                {
                    case IExpressionStatementOperation { Operation: var expression } when !IsInsideClosureBelow(operation, body):
                        if (expression is ISimpleAssignmentOperation { Target: IDiscardOperation } discard)
                        {
                            expression = discard.Value;
                        }

                        expression = ValueFlow.Unwrap(expression);
                        if (expression is IInvocationOperation invocation
                            && (IsAwaitable(invocation.Type) || (invocation.TargetMethod.IsAsync && invocation.TargetMethod.ReturnsVoid)))
                        {
                            started = invocation;
                        }

                        break;
                }

                if (started == null)
                {
                    continue;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties[HookProperties.HookIsMethod] = isMethod ? "true" : "false";
                // An async void method of this compilation can be made to return a Task and be awaited.
                var awaitable = IsAwaitable(started.Type)
                    || (started is IInvocationOperation { TargetMethod: { IsAsync: true, ReturnsVoid: true } asyncVoid } && LambdaEntryPoints.IsInSource(asyncVoid));
                properties[FixProperties.Fixable] = awaitable && started.Syntax.Parent is ExpressionStatementSyntax or AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax } ? "true" : "false";
                var name = started is IInvocationOperation call ? call.TargetMethod.Name : started.Syntax.ToString();
                AddHookFinding(Descriptors.SNAP042HookWorkNotAwaited, started.Syntax, ImmutableArray<Location>.Empty, properties.ToImmutable(), hook.Kind, name);
            }
        }

        private static bool IsInsideClosureBelow(IOperation operation, IOperation body)
        {
            for (var current = operation.Parent; current != null && current != body; current = current.Parent)
            {
                if (current is IAnonymousFunctionOperation || current is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAwaitable(ITypeSymbol? type)
        {
            if (type == null)
            {
                return false;
            }

            var name = type.OriginalDefinition.ToDisplayString();
            return name == "System.Threading.Tasks.Task" || name == "System.Threading.Tasks.Task<TResult>"
                || name == "System.Threading.Tasks.ValueTask" || name == "System.Threading.Tasks.ValueTask<TResult>";
        }

        /// <summary>SNAP041: members a before-snapshot hook disposes, closes or nulls, and nothing brings back.</summary>
        private void FindUnrestoredReleases(HookRegistration hook, IOperation body, int depth, HashSet<SyntaxNode> seen)
        {
            if (depth > 4 || !seen.Add(body.Syntax))
            {
                return;
            }

            foreach (var operation in body.Descendants())
            {
                ISymbol? member = null;
                string? api = null;
                string restore = "Recreate";
                string? reopen = null;
                switch (operation)
                {
                    case IInvocationOperation { Instance: { } instance } invocation:
                        var name = invocation.TargetMethod.Name;
                        if (name == "Dispose" || name == "DisposeAsync" || name == "Close" || name == "CloseAsync")
                        {
                            member = MemberOf(ConditionalReceiver(ValueFlow.Unwrap(instance)));
                            api = name + "()";
                            if (name.StartsWith("Close", System.StringComparison.Ordinal))
                            {
                                var openName = name == "CloseAsync" ? "OpenAsync" : "Open";
                                if (FindMethod(instance.Type, openName))
                                {
                                    restore = "Reopen";
                                    reopen = openName;
                                }
                            }
                        }
                        else if (LambdaEntryPoints.IsInSource(invocation.TargetMethod) && _bodies.BodyOf(invocation.TargetMethod.OriginalDefinition) is { } callee)
                        {
                            FindUnrestoredReleases(hook, callee, depth + 1, seen);
                        }

                        break;

                    case IInvocationOperation { Instance: null } staticCall
                        when LambdaEntryPoints.IsInSource(staticCall.TargetMethod) && _bodies.BodyOf(staticCall.TargetMethod.OriginalDefinition) is { } staticCallee:
                        FindUnrestoredReleases(hook, staticCallee, depth + 1, seen);
                        break;

                    case ISimpleAssignmentOperation { Value: var value } assignment
                        when ValueFlow.Unwrap(value) is { ConstantValue: { HasValue: true, Value: null } } || ValueFlow.Unwrap(value) is IDefaultValueOperation:
                        member = MemberOf(assignment.Target);
                        api = "set to null";
                        break;
                }

                if (member == null || api == null || member is ILocalSymbol)
                {
                    continue;
                }

                if (_refreshed.Contains(member) || (_invocationReach != null && _invocationReach.AssignsLazily(member)))
                {
                    continue;
                }

                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties[FixProperties.Member] = member.Name;
                properties[FixProperties.MemberKind] = member is IPropertySymbol ? MemberKinds.Property : MemberKinds.Field;
                properties[FixProperties.IsStatic] = member.IsStatic ? "true" : "false";
                properties[FixProperties.Host] = member.IsStatic ? HookHosts.StaticConstructor : HookHosts.Constructor;
                properties[HookProperties.Restore] = restore;
                properties[HookProperties.ReopenMethod] = reopen;
                var additional = ImmutableArray<Location>.Empty;
                var fixable = false;
                if (restore == "Reopen")
                {
                    fixable = true;
                    properties[FixProperties.IsAsync] = reopen == "OpenAsync" ? "true" : "false";
                }
                else if (_initValues.TryGetValue(member, out var initial) && UsesOnlyVisibleNames(initial, allowParameters: false)
                    && StoreOf(initial.Syntax) is { } initialStore)
                {
                    // The fix repeats this initialization (the additional location) in the after-restore hook.
                    fixable = true;
                    additional = ImmutableArray.Create(initial.Syntax.GetLocation());
                    properties[FixProperties.Store] = initialStore;
                    properties[FixProperties.IsAsync] = HasAwait(initial.Syntax) ? "true" : "false";
                }

                fixable &= member.ContainingType is { TypeKind: TypeKind.Class };
                properties[FixProperties.Fixable] = fixable ? "true" : "false";
                AddHookFinding(Descriptors.SNAP041ReleasedResourceNotRestored, operation.Syntax, additional, properties.ToImmutable(), member.Name, api);
            }
        }

        /// <summary>How a member's first value is written: a field or property initializer, or an assignment statement.</summary>
        private static string? StoreOf(SyntaxNode value) => value.Parent switch
        {
            EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax or PropertyDeclarationSyntax } => StoreKinds.Initializer,
            AssignmentExpressionSyntax { Parent: ExpressionStatementSyntax } assignment when assignment.Right == value => StoreKinds.Assignment,
            _ => null,
        };

        private static bool FindMethod(ITypeSymbol? type, string name)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers(name))
                {
                    if (member is IMethodSymbol { IsStatic: false } method && method.Parameters.Length <= 1)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>For <c>_x?.Dispose()</c>, the <c>_x</c> the conditional access tests.</summary>
        private static IOperation ConditionalReceiver(IOperation instance)
        {
            if (instance is IConditionalAccessInstanceOperation)
            {
                for (var current = instance.Parent; current != null; current = current.Parent)
                {
                    if (current is IConditionalAccessOperation access)
                    {
                        return ValueFlow.Unwrap(access.Operation);
                    }
                }
            }

            return instance;
        }

        private static ISymbol? MemberOf(IOperation operation) => operation switch
        {
            IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } field => field.Field.OriginalDefinition,
            IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } } property => property.Property.OriginalDefinition,
            _ => null,
        };

        private void AddHookFinding(DiagnosticDescriptor rule, SyntaxNode syntax, ImmutableArray<Location> additional, ImmutableDictionary<string, string?> properties, params object[] arguments)
        {
            _hookFindings.Add(new Finding(rule, syntax.GetLocation(), additional, properties, arguments));
        }
    }
}
