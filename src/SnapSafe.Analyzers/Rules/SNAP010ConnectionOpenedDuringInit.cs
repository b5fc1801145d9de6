using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP010: connections opened during init and kept: ADO.NET connections of any provider (<c>DbConnection</c>,
    /// <c>DbDataSource</c>), Redis <c>ConnectionMultiplexer</c>, <c>TcpClient</c>/<c>Socket</c> connects,
    /// <c>ClientWebSocket.ConnectAsync</c>, requests sent by a kept <c>HttpClient</c>, and the methods listed in
    /// <c>snapsafe.connection_methods</c>. AWS SDK clients are never matched: they reconnect on their own.
    /// </summary>
    internal sealed class SNAP010ConnectionOpenedDuringInit : IValueHazard, IStartHazard
    {
        public static readonly SNAP010ConnectionOpenedDuringInit Instance = new SNAP010ConnectionOpenedDuringInit();

        private SNAP010ConnectionOpenedDuringInit()
        {
        }

        public static DiagnosticDescriptor Descriptor => Descriptors.SNAP010ConnectionOpenedDuringInit;

        public DiagnosticDescriptor Rule => Descriptor;

        /// <summary>Sending or opening again in a hook is not what brings a connection back (re-opening by name is: see the refreshes).</summary>
        public bool RepeatingRestarts => false;

        /// <summary>A call whose result is an open connection.</summary>
        public bool TryMatch(IOperation operation, IHazardContext context, out HazardSource source)
        {
            source = default;
            var types = context.Types;
            string? api = null;
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod;
                    if (ApiMatch.IsCallOn(invocation, types.DbDataSource) && ApiMatch.StartsWithAny(method.Name, "OpenConnection"))
                    {
                        api = ApiMatch.Describe(method);
                    }
                    else if (KnownTypes.Is(method.ContainingType, types.ConnectionMultiplexer) && method.IsStatic && ApiMatch.StartsWithAny(method.Name, "Connect", "SentinelConnect"))
                    {
                        api = ApiMatch.Describe(method);
                    }
                    else if (ApiMatch.IsConfigured(method, context.Options.ConnectionMethods))
                    {
                        api = ApiMatch.Describe(method);
                    }

                    break;

                case IObjectCreationOperation creation when KnownTypes.IsOrDerives(creation.Type, types.TcpClient) && creation.Arguments.Length == 2:
                    api = "new TcpClient(host, port)";
                    break;
            }

            if (api == null)
            {
                return false;
            }

            source = new HazardSource(Descriptor, api, operation);
            return true;
        }

        /// <summary>A call that opens (or sends through) an existing connection object: <paramref name="receiver"/> is that object.</summary>
        public bool TryMatchStart(IOperation operation, IHazardContext context, out IOperation? receiver, out string api)
        {
            var types = context.Types;
            receiver = null;
            api = string.Empty;
            if (operation is not IInvocationOperation invocation)
            {
                return false;
            }

            receiver = ApiMatch.Receiver(invocation);
            if (receiver == null)
            {
                return false;
            }

            var name = invocation.TargetMethod.Name;
            var type = receiver.Type;
            var opens = IsDbConnectionOpen(type, name, types)
                || ((KnownTypes.IsOrDerives(type, types.TcpClient) || KnownTypes.IsOrDerives(type, types.Socket)) && (name == "Connect" || name == "ConnectAsync"))
                || (KnownTypes.IsOrDerives(type, types.ClientWebSocket) && name == "ConnectAsync")
                || (KnownTypes.IsOrDerives(type, types.HttpMessageInvoker) && IsRequest(name));
            if (!opens)
            {
                return false;
            }

            api = (type?.Name ?? "connection") + "." + name + "()";
            return true;
        }

        /// <summary><c>Open</c>/<c>OpenAsync</c> on an ADO.NET connection (its physical connection comes from the provider's pool).</summary>
        public static bool IsDbConnectionOpen(ITypeSymbol? connectionType, string name, KnownTypes types)
            => (KnownTypes.IsOrDerives(connectionType, types.DbConnection) || KnownTypes.Implements(connectionType, types.IDbConnection)) && (name == "Open" || name == "OpenAsync");

        private static bool IsRequest(string name)
            => name == "Send" || name == "SendAsync" || name == "GetAsync" || name == "GetStringAsync" || name == "GetByteArrayAsync"
                || name == "GetStreamAsync" || name == "PostAsync" || name == "PutAsync" || name == "PatchAsync" || name == "DeleteAsync"
                || name == "GetFromJsonAsync" || name == "PostAsJsonAsync" || name == "PutAsJsonAsync" || name == "PatchAsJsonAsync"
                || name == "DeleteFromJsonAsync";
    }
}
