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
    internal static class SNAP011ConnectionPoolPrimed
    {
        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP011ConnectionPoolPrimed;

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

            ISymbol? holder = ValueFlow.Unwrap(open.Instance) switch
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
