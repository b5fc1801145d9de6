using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Rules
{
    /// <summary>
    /// SNAP010: connections opened during init and kept: ADO.NET connections of any provider (<c>DbConnection</c>,
    /// <c>DbDataSource</c>), Redis <c>ConnectionMultiplexer</c>, <c>TcpClient</c>/<c>Socket</c> connects,
    /// <c>ClientWebSocket.ConnectAsync</c>, requests sent by a kept <c>HttpClient</c>, RabbitMQ
    /// <c>ConnectionFactory.CreateConnection*</c>, Confluent.Kafka producers and consumers (<c>Build()</c>), a
    /// <c>GrpcChannel</c> that init connects or makes calls through, and the methods listed in
    /// <c>snapsafe.connection_methods</c> (a method that returns a connection, or one that opens the object it is
    /// called on). AWS SDK clients are never matched: they reconnect on their own. Data read through a connection (a
    /// query result, a scalar, the database name) is not the connection.
    /// </summary>
    internal sealed class SNAP010ConnectionOpenedDuringInit : IValueHazard, IStartHazard, IDerivationCut
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
                    else if (ApiMatch.IsCallOn(invocation, types.RabbitConnectionFactory) && ApiMatch.StartsWithAny(method.Name, "CreateConnection"))
                    {
                        api = "ConnectionFactory." + method.Name + "()";
                    }
                    else if (method.Name == "Build" && !method.IsStatic
                        && (KnownTypes.IsOrDerives(method.ContainingType, types.KafkaProducerBuilder) || KnownTypes.IsOrDerives(method.ContainingType, types.KafkaConsumerBuilder)))
                    {
                        api = method.ContainingType.Name + ".Build()";
                    }
                    else if (ApiMatch.IsConfigured(method, context.Options.ConnectionMethods) && !ReturnsNoConnection(method))
                    {
                        // A configured method that returns a connection (one returning nothing, a flag or a count opens its receiver: see TryMatchStart).
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

            var method = invocation.TargetMethod;
            var name = method.Name;
            var type = receiver.Type;
            if (IsGrpcCall(invocation, types))
            {
                // A call through a generated client: the connection is its channel's.
                receiver = ChannelOf(receiver, context);
                api = method.ContainingType.Name + "." + name + "()";
                return true;
            }

            var opens = IsDbConnectionOpen(type, name, types)
                || ((KnownTypes.IsOrDerives(type, types.TcpClient) || KnownTypes.IsOrDerives(type, types.Socket)) && (name == "Connect" || name == "ConnectAsync"))
                || (KnownTypes.IsOrDerives(type, types.ClientWebSocket) && name == "ConnectAsync")
                || (KnownTypes.IsOrDerives(type, types.HttpMessageInvoker) && IsRequest(name))
                || (KnownTypes.IsOrDerives(type, types.GrpcChannel) && name == "ConnectAsync")
                || (ApiMatch.IsConfigured(method, context.Options.ConnectionMethods) && ReturnsNoConnection(method));
            if (!opens)
            {
                return false;
            }

            api = (type?.Name ?? "connection") + "." + name + "()";
            return true;
        }

        /// <summary>
        /// Data read through a connection is not the connection: a call or property whose (awaited) result is plain data
        /// (numbers, strings, dates, enums, <c>object</c>, the compilation's own non-disposable types, collections of
        /// those) cuts the connection hazard of what it reads from; a command, reader, channel or database handle does not.
        /// </summary>
        public bool Cuts(IOperation step, IHazardContext context) => IsPlainData(AwaitedType(step.Type), context.Types);

        /// <summary><c>Open</c>/<c>OpenAsync</c> on an ADO.NET connection (its physical connection comes from the provider's pool).</summary>
        public static bool IsDbConnectionOpen(ITypeSymbol? connectionType, string name, KnownTypes types)
            => (KnownTypes.IsOrDerives(connectionType, types.DbConnection) || KnownTypes.Implements(connectionType, types.IDbConnection)) && (name == "Open" || name == "OpenAsync");

        /// <summary>An RPC method of a generated gRPC client (a <c>Grpc.Core.ClientBase</c> subclass), not its plumbing.</summary>
        private static bool IsGrpcCall(IInvocationOperation invocation, KnownTypes types)
        {
            var method = invocation.TargetMethod;
            var declaring = method.ContainingType;
            return types.GrpcClientBase != null && !method.IsStatic
                && KnownTypes.IsOrDerives(declaring, types.GrpcClientBase)
                && !declaring.OriginalDefinition.ContainingNamespace.ToDisplayString().StartsWith("Grpc.Core", System.StringComparison.Ordinal)
                && method.Name != "WithHost" && method.Name != "NewInstance"
                && !KnownTypes.IsOrDerives(method.ReturnType, types.GrpcClientBase);
        }

        /// <summary>
        /// The channel a gRPC client was built on, when the client's creation is visible (inline, or the value of a local)
        /// and names the channel by a field, property or local; otherwise the client itself (a kept client keeps its channel).
        /// </summary>
        private static IOperation ChannelOf(IOperation client, IHazardContext context)
        {
            var unwrapped = OperationFacts.Unwrap(client);
            IObjectCreationOperation? creation = unwrapped as IObjectCreationOperation;
            if (creation == null && unwrapped is ILocalReferenceOperation local)
            {
                foreach (var value in context.ValuesOf(local))
                {
                    if (OperationFacts.Unwrap(value) is IObjectCreationOperation created)
                    {
                        creation = created;
                        break;
                    }
                }
            }

            if (creation != null && creation.Arguments.Length > 0)
            {
                var channel = OperationFacts.Unwrap(creation.Arguments[0].Value);
                if (channel is IFieldReferenceOperation or IPropertyReferenceOperation or ILocalReferenceOperation)
                {
                    return channel;
                }
            }

            return client;
        }

        /// <summary>
        /// A configured connection method that returns nothing, a flag, a number, a string or an enum (awaited or not)
        /// opens the object it is called on; one that returns anything else returns the connection.
        /// </summary>
        private static bool ReturnsNoConnection(IMethodSymbol method)
            => AwaitedType(method.ReturnType) is not { } type
                || type.TypeKind == TypeKind.Enum
                || (type.SpecialType != SpecialType.None && type.SpecialType != SpecialType.System_Object);

        /// <summary>The result type of a <c>Task&lt;T&gt;</c>/<c>ValueTask&lt;T&gt;</c>; null for <c>void</c>, <c>Task</c>, <c>ValueTask</c>.</summary>
        private static ITypeSymbol? AwaitedType(ITypeSymbol? type)
        {
            if (type == null || type.SpecialType == SpecialType.System_Void)
            {
                return null;
            }

            if (SymbolFacts.IsAwaitable(type))
            {
                return type is INamedTypeSymbol { TypeArguments.Length: 1 } generic ? generic.TypeArguments[0] : null;
            }

            return type;
        }

        /// <summary>Values that cannot hold a connection open: no value, primitives, strings, enums, dates, the compilation's own non-disposable types, and arrays, nullables, tuples and collections of those.</summary>
        private static bool IsPlainData(ITypeSymbol? type, KnownTypes types, int depth = 0)
        {
            if (type == null)
            {
                return true;
            }

            if (depth > 3 || type.TypeKind == TypeKind.TypeParameter || type.TypeKind == TypeKind.Error)
            {
                return false;
            }

            if (type.SpecialType != SpecialType.None || type.TypeKind == TypeKind.Enum)
            {
                return true;
            }

            if (type is IArrayTypeSymbol array)
            {
                return IsPlainData(array.ElementType, types, depth + 1);
            }

            if (KnownTypes.Implements(type, types.IDisposable) || KnownTypes.Implements(type, types.IAsyncDisposable))
            {
                return false;
            }

            if (SymbolFacts.IsInSource(type))
            {
                return true;
            }

            if (type is not INamedTypeSymbol named)
            {
                return false;
            }

            var ns = named.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            if (ns == "System" && (named.Name is "Guid" or "DateTimeOffset" or "TimeSpan" or "DateOnly" or "TimeOnly" or "Nullable" or "ValueTuple" or "Tuple" or "Uri" or "Version"))
            {
                return AllPlain(named, types, depth);
            }

            return named.IsGenericType && ns.StartsWith("System.Collections", System.StringComparison.Ordinal) && AllPlain(named, types, depth);
        }

        private static bool AllPlain(INamedTypeSymbol type, KnownTypes types, int depth)
        {
            foreach (var argument in type.TypeArguments)
            {
                if (!IsPlainData(argument, types, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsRequest(string name)
            => name == "Send" || name == "SendAsync" || name == "GetAsync" || name == "GetStringAsync" || name == "GetByteArrayAsync"
                || name == "GetStreamAsync" || name == "PostAsync" || name == "PutAsync" || name == "PatchAsync" || name == "DeleteAsync"
                || name == "GetFromJsonAsync" || name == "PostAsJsonAsync" || name == "PutAsJsonAsync" || name == "PatchAsJsonAsync"
                || name == "DeleteFromJsonAsync";
    }
}
