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
    /// <c>Clear()</c> on a <c>DbDataSource</c> (Npgsql data sources).
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
                return true;
            }

            if (ApiMatch.IsCallOn(invocation, types.DbDataSource) && method.Name.StartsWith("OpenConnection", System.StringComparison.Ordinal))
            {
                connectionType = invocation.Type;
                opensReceiver = false;
                return true;
            }

            connectionType = null;
            opensReceiver = false;
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
                var dataSource = ClearableDataSource(pooled.Open, types);
                var clear = ApiMatch.IsCallOn(pooled.Open, types.DbDataSource) ? null : ClearAllPoolsCall(pooled.ConnectionType);
                var host = frame.Kind == InitRootKind.Helper && frame.OwnerType != null
                    ? HookHost.StaticConstructor // a helper's type is touched during init, so its static constructor runs then (clearing needs no instance)
                    : FixContract.HostOf(frame.Kind);
                var request = new FixRequest { Host = host, PoolClear = clear, PoolDataSource = dataSource };
                var additional = host == HookHost.EntryPoint && frame.RunStatement != null
                    ? ImmutableArray.Create(frame.RunStatement.GetLocation())
                    : ImmutableArray<Location>.Empty;
                var syntax = frame.Anchor ?? pooled.Open.Syntax;
                findings.Add(new Finding(Descriptor, syntax.GetLocation(), additional, request.ToProperties(), new object[] { ApiMatch.Describe(pooled.Open.TargetMethod) }));
            }
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
