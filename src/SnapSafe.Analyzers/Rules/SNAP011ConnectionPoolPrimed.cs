using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP011: a pooled ADO.NET connection opened during init and handed back to the pool (not kept), with no pool
    /// clearing in a before-snapshot hook. Clearing is any provider's static <c>ClearAllPools</c>/<c>ClearPool</c>
    /// (Npgsql, Microsoft.Data.SqlClient, System.Data.SqlClient, MySqlConnector, Microsoft.Data.Sqlite) or
    /// <c>Clear()</c> on a <c>DbDataSource</c> (Npgsql data sources). A connection (or data source) whose connection
    /// string says <c>Pooling=false</c> (a constant, an interpolated string's text, or a connection-string builder with
    /// <c>Pooling = false</c>) has no pool and is not a finding.
    /// </summary>
    internal sealed class SNAP011ConnectionPoolPrimed : IPooledOpenHazard, IModelRule
    {
        public static readonly SNAP011ConnectionPoolPrimed Instance = new SNAP011ConnectionPoolPrimed();

        private SNAP011ConnectionPoolPrimed()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP011ConnectionPoolPrimed;

        /// <summary><c>connection.Open()</c> on an ADO.NET connection, or <c>dataSource.OpenConnection()</c>.</summary>
        public bool IsPooledOpen(IInvocationOperation invocation, IHazardContext context, out ITypeSymbol? connectionType, out bool opensReceiver)
        {
            var types = context.Types;
            var method = invocation.TargetMethod;
            var receiver = ApiMatch.Receiver(invocation);
            if (receiver != null && SNAP010ConnectionOpenedDuringInit.IsDbConnectionOpen(receiver.Type, method.Name, types))
            {
                connectionType = receiver.Type;
                opensReceiver = true;
                return !PoolingDisabled(receiver, context, 0);
            }

            if (ApiMatch.IsCallOn(invocation, types.DbDataSource) && method.Name.StartsWith("OpenConnection", System.StringComparison.Ordinal))
            {
                connectionType = invocation.Type;
                opensReceiver = false;
                return receiver == null || !PoolingDisabled(receiver, context, 0);
            }

            connectionType = null;
            opensReceiver = false;
            return false;
        }

        private const int MaxConnectionStringDepth = 4;

        /// <summary>
        /// True when every connection string the connection (or data source) is seen built from says <c>Pooling=false</c>:
        /// a constant or interpolated string, a builder with <c>Pooling = false</c>, through locals, field initializers,
        /// the creation's arguments and <c>ConnectionString</c> assignments in the same body.
        /// </summary>
        private static bool PoolingDisabled(IOperation connection, IHazardContext context, int depth)
        {
            var found = false;
            foreach (var value in ConnectionStringsOf(connection, context, depth))
            {
                found = true;
                if (!StringDisablesPooling(value, context, depth))
                {
                    return false;
                }
            }

            return found;
        }

        /// <summary>The connection-string values a connection, data source or builder is created or configured with.</summary>
        private static IEnumerable<IOperation> ConnectionStringsOf(IOperation holder, IHazardContext context, int depth)
        {
            holder = OperationFacts.Unwrap(holder);
            if (depth > MaxConnectionStringDepth)
            {
                yield break;
            }

            switch (holder)
            {
                case ILocalReferenceOperation local:
                    foreach (var value in context.ValuesOf(local))
                    {
                        foreach (var nested in ConnectionStringsOf(value, context, depth + 1))
                        {
                            yield return nested;
                        }
                    }

                    foreach (var operation in OperationFacts.RootOf(holder).Descendants())
                    {
                        if (operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ConnectionString", Instance: ILocalReferenceOperation target } } assignment
                            && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
                        {
                            yield return assignment.Value;
                        }
                    }

                    break;

                case IFieldReferenceOperation or IPropertyReferenceOperation { Arguments.IsEmpty: true }:
                    foreach (var value in context.DeclaredInitializersOf(((IMemberReferenceOperation)holder).Member))
                    {
                        foreach (var nested in ConnectionStringsOf(value, context, depth + 1))
                        {
                            yield return nested;
                        }
                    }

                    break;

                case IObjectCreationOperation creation:
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                        {
                            yield return argument.Value;
                        }
                    }

                    if (creation.Initializer != null)
                    {
                        foreach (var initializer in creation.Initializer.Initializers)
                        {
                            if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "ConnectionString" } } assignment)
                            {
                                yield return assignment.Value;
                            }
                        }
                    }

                    break;

                case IInvocationOperation invocation:
                    // NpgsqlDataSource.Create(connectionString), new NpgsqlDataSourceBuilder(connectionString).Build().
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Value.Type?.SpecialType == SpecialType.System_String)
                        {
                            yield return argument.Value;
                        }
                    }

                    if (invocation.Instance != null)
                    {
                        foreach (var nested in ConnectionStringsOf(invocation.Instance, context, depth + 1))
                        {
                            yield return nested;
                        }
                    }

                    break;
            }
        }

        private static bool StringDisablesPooling(IOperation value, IHazardContext context, int depth)
        {
            value = OperationFacts.Unwrap(value);
            if (value.ConstantValue.HasValue)
            {
                return value.ConstantValue.Value is string text && SaysPoolingFalse(text);
            }

            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    var text = new System.Text.StringBuilder();
                    foreach (var part in interpolated.Parts)
                    {
                        text.Append(part is IInterpolatedStringTextOperation literal && literal.Text.ConstantValue.Value is string piece ? piece : ";");
                    }

                    return SaysPoolingFalse(text.ToString());

                case ILocalReferenceOperation local when depth <= MaxConnectionStringDepth:
                    var values = context.ValuesOf(local);
                    if (values.Count == 0)
                    {
                        return false;
                    }

                    foreach (var assigned in values)
                    {
                        if (!StringDisablesPooling(assigned, context, depth + 1))
                        {
                            return false;
                        }
                    }

                    return true;

                case IPropertyReferenceOperation { Property.Name: "ConnectionString", Instance: { } builder } when KnownTypes.IsOrDerives(builder.Type, context.Types.DbConnectionStringBuilder):
                    return BuilderDisablesPooling(builder, context, depth + 1);

                case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } builder } when KnownTypes.IsOrDerives(builder.Type, context.Types.DbConnectionStringBuilder):
                    return BuilderDisablesPooling(builder, context, depth + 1);

                default:
                    return false;
            }
        }

        /// <summary>A connection-string builder created or configured with <c>Pooling = false</c> (or from a string that says so).</summary>
        private static bool BuilderDisablesPooling(IOperation builder, IHazardContext context, int depth)
        {
            builder = OperationFacts.Unwrap(builder);
            if (depth > MaxConnectionStringDepth)
            {
                return false;
            }

            if (builder is IObjectCreationOperation creation)
            {
                if (creation.Initializer != null)
                {
                    foreach (var initializer in creation.Initializer.Initializers)
                    {
                        if (IsPoolingFalse(initializer))
                        {
                            return true;
                        }
                    }
                }

                foreach (var argument in creation.Arguments)
                {
                    if (argument.Value.Type?.SpecialType == SpecialType.System_String && StringDisablesPooling(argument.Value, context, depth + 1))
                    {
                        return true;
                    }
                }

                return false;
            }

            if (builder is not ILocalReferenceOperation local)
            {
                return false;
            }

            foreach (var operation in OperationFacts.RootOf(builder).Descendants())
            {
                if (IsPoolingFalse(operation) && operation is ISimpleAssignmentOperation { Target: IMemberReferenceOperation { Instance: ILocalReferenceOperation target } }
                    && SymbolEqualityComparer.Default.Equals(target.Local, local.Local))
                {
                    return true;
                }
            }

            foreach (var value in context.ValuesOf(local))
            {
                if (BuilderDisablesPooling(value, context, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>Pooling = false</c> or <c>["Pooling"] = false</c> (the value a constant false).</summary>
        private static bool IsPoolingFalse(IOperation operation)
            => operation is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target, Value: var value }
                && (target.Property.Name == "Pooling"
                    || (target.Property.IsIndexer && target.Arguments.Length == 1 && target.Arguments[0].Value.ConstantValue.Value is string key
                        && string.Equals(key.Trim(), "Pooling", System.StringComparison.OrdinalIgnoreCase)))
                && OperationFacts.Unwrap(value).ConstantValue is { HasValue: true } constant
                && (constant.Value is false || (constant.Value is string text && string.Equals(text.Trim(), "false", System.StringComparison.OrdinalIgnoreCase)));

        /// <summary>A connection string with a <c>Pooling=false</c> pair (keys and values case-insensitive, spaces allowed).</summary>
        internal static bool SaysPoolingFalse(string connectionString)
        {
            foreach (var pair in connectionString.Split(';'))
            {
                var equals = pair.IndexOf('=');
                if (equals > 0
                    && string.Equals(pair.Substring(0, equals).Trim(), "Pooling", System.StringComparison.OrdinalIgnoreCase)
                    && string.Equals(pair.Substring(equals + 1).Trim().Trim('\'', '"'), "false", System.StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The pooled opens init made, unless a before-snapshot hook clears their pools.</summary>
        public void Find(InitPhase phase, ICollection<Finding> findings)
        {
            var types = phase.Types;
            var pooledOpens = phase.Kept.PooledOpens;
            if (types.SnapshotRestore == null || pooledOpens.Count == 0)
            {
                return;
            }

            // A provider's static clearing covers the connections of that provider; a data source's Clear() covers any.
            var clearings = new List<IMethodSymbol>();
            foreach (var hook in phase.Hooks.All)
            {
                if (hook.AfterRestore)
                {
                    continue;
                }

                foreach (var body in hook.Bodies)
                {
                    foreach (var operation in body.DescendantsAndSelf())
                    {
                        if (operation is IInvocationOperation invocation && IsPoolClearing(invocation, types))
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

            foreach (var pooled in pooledOpens)
            {
                if (clearings.Exists(clearing => KnownTypes.IsOrDerives(pooled.ConnectionType, clearing.ContainingType)))
                {
                    continue;
                }

                var frame = pooled.Frame;
                var priming = frame.Priming;
                var dataSource = ClearableDataSource(pooled.Open, types);
                var clear = ApiMatch.IsCallOn(pooled.Open, types.DbDataSource) ? null : ClearAllPoolsCall(pooled.ConnectionType);
                var host = priming != null ? HostAfterPriming(priming, phase.Models.RuntimeStart)
                    : frame.Kind == InitRootKind.Helper && frame.OwnerType != null
                    ? HookHost.StaticConstructor // a helper's type is touched during init, so its static constructor runs then (clearing needs no instance)
                    : FixContract.HostOf(frame.Kind);

                // After priming, the clearing hook sits in a static constructor or the entry point: a data source held by an instance is out of its reach.
                var request = new FixRequest { Host = host, PoolClear = clear, PoolDataSource = priming != null ? null : dataSource };
                var runStatement = priming != null ? phase.Models.RuntimeStart : frame.RunStatement;
                var additional = host == HookHost.EntryPoint && runStatement != null
                    ? ImmutableArray.Create(runStatement.GetLocation())
                    : ImmutableArray<Location>.Empty;
                if (priming != null)
                {
                    // A pool primed by priming is reported at the priming call; the open is a further location.
                    findings.Add(new Finding(Descriptors.PrimedTwinOf(Descriptor), priming.Location.GetLocation(), additional.Add(pooled.Open.Syntax.GetLocation()), request.ToProperties(), new object[] { ApiMatch.Describe(pooled.Open.TargetMethod), priming.Description }));
                    continue;
                }

                var syntax = frame.Anchor ?? pooled.Open.Syntax;
                findings.Add(new Finding(Descriptor, syntax.GetLocation(), additional, request.ToProperties(), new object[] { ApiMatch.Describe(pooled.Open.TargetMethod) }));
            }
        }

        /// <summary>
        /// Where a clearing hook runs after the priming that fills the pool (before-snapshot hooks run in reverse order, so
        /// it must be registered earlier): the static constructor of the type whose init registers the priming hook, or,
        /// for a warm-up request (replayed by a hook the host registers when it starts), before the host starts.
        /// </summary>
        private static HookHost HostAfterPriming(PrimingSource priming, SyntaxNode? runtimeStart)
        {
            if (priming.WarmUp != null)
            {
                // No statement starts the runtime in an ASP.NET Core entry point class: nowhere to register earlier.
                return runtimeStart != null ? HookHost.EntryPoint : HookHost.None;
            }

            return priming.Hook!.Frame.Kind is InitRootKind.Instance or InitRootKind.Static ? HookHost.StaticConstructor : HookHost.None;
        }

        /// <summary>A call in a before-snapshot hook that empties a connection pool.</summary>
        public static bool IsPoolClearing(IInvocationOperation invocation, KnownTypes types)
        {
            var method = invocation.TargetMethod;
            if (method.IsStatic && KnownTypes.IsOrDerives(method.ContainingType, types.DbConnection)
                && ApiMatch.StartsWithAny(method.Name, "ClearAllPools", "ClearPool"))
            {
                return true;
            }

            return !method.IsStatic && ApiMatch.IsCallOn(invocation, types.DbDataSource) && ApiMatch.StartsWithAny(method.Name, "Clear");
        }

        /// <summary>
        /// For <c>dataSource.OpenConnection()</c>: the name of the field, property or local holding the data source,
        /// when its type has a parameterless <c>Clear()</c> (Npgsql's <c>NpgsqlDataSource</c>); null otherwise.
        /// </summary>
        public static string? ClearableDataSource(IInvocationOperation open, KnownTypes types)
        {
            if (!ApiMatch.IsCallOn(open, types.DbDataSource) || open.Instance == null)
            {
                return null;
            }

            ISymbol? holder = OperationFacts.Unwrap(open.Instance) switch
            {
                IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field => field.Field,
                IPropertyReferenceOperation { Instance: null or IInstanceReferenceOperation, Arguments.Length: 0 } property => property.Property,
                ILocalReferenceOperation local => local.Local,
                _ => null,
            };

            for (var type = open.Instance.Type; holder != null && type != null; type = type.BaseType)
            {
                foreach (var member in type.GetMembers("Clear"))
                {
                    if (member is IMethodSymbol { IsStatic: false, Parameters.Length: 0, DeclaredAccessibility: Accessibility.Public })
                    {
                        return holder.Name;
                    }
                }
            }

            return null;
        }

        /// <summary>The static call that clears the pools of a connection type, when the provider has one.</summary>
        public static string? ClearAllPoolsCall(ITypeSymbol? connectionType)
        {
            for (var current = connectionType as INamedTypeSymbol; current != null; current = current.BaseType)
            {
                foreach (var member in current.GetMembers("ClearAllPools"))
                {
                    if (member is IMethodSymbol { IsStatic: true, Parameters.Length: 0 })
                    {
                        return current.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + ".ClearAllPools()";
                    }
                }
            }

            return null;
        }
    }
}
