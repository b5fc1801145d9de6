using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The types SnapSafe recognizes, resolved once per compilation by metadata name: the Amazon.Lambda.* packages
    /// (a compilation that references none of them has no Lambda code) and the BCL APIs whose results are hazards.
    /// </summary>
    internal sealed class KnownTypes
    {
        private KnownTypes(Compilation compilation)
        {
            ILambdaContext = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.ILambdaContext");
            SnapshotRestore = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.SnapshotRestore");
            LambdaSerializerAttribute = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.LambdaSerializerAttribute");
            LambdaBootstrap = compilation.GetTypeByMetadataName("Amazon.Lambda.RuntimeSupport.LambdaBootstrap");
            LambdaBootstrapBuilder = compilation.GetTypeByMetadataName("Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder");
            LambdaEventSource = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.LambdaEventSource");
            LambdaFunctionAttribute = compilation.GetTypeByMetadataName("Amazon.Lambda.Annotations.LambdaFunctionAttribute");
            LambdaStartupAttribute = compilation.GetTypeByMetadataName("Amazon.Lambda.Annotations.LambdaStartupAttribute");
            AbstractAspNetCoreFunction = compilation.GetTypeByMetadataName("Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction");

            Random = compilation.GetTypeByMetadataName("System.Random");
            Guid = compilation.GetTypeByMetadataName("System.Guid");
            RandomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
            Path = compilation.GetTypeByMetadataName("System.IO.Path");
            DateTime = compilation.GetTypeByMetadataName("System.DateTime");
            DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
            Stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
            Environment = compilation.GetTypeByMetadataName("System.Environment");
            TimeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
            ThreadingTimer = compilation.GetTypeByMetadataName("System.Threading.Timer");
            TimersTimer = compilation.GetTypeByMetadataName("System.Timers.Timer");
            PeriodicTimer = compilation.GetTypeByMetadataName("System.Threading.PeriodicTimer");
            CancellationTokenSource = compilation.GetTypeByMetadataName("System.Threading.CancellationTokenSource");
            Timeout = compilation.GetTypeByMetadataName("System.Threading.Timeout");
            TimeSpan = compilation.GetTypeByMetadataName("System.TimeSpan");
            Enumerable = compilation.GetTypeByMetadataName("System.Linq.Enumerable");
            Queryable = compilation.GetTypeByMetadataName("System.Linq.Queryable");
            WebApplication = compilation.GetTypeByMetadataName("Microsoft.AspNetCore.Builder.WebApplication");
            IHost = compilation.GetTypeByMetadataName("Microsoft.Extensions.Hosting.IHost");
            IServiceCollection = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection");

            DbConnection = compilation.GetTypeByMetadataName("System.Data.Common.DbConnection");
            IDbConnection = compilation.GetTypeByMetadataName("System.Data.IDbConnection");
            DbDataSource = compilation.GetTypeByMetadataName("System.Data.Common.DbDataSource");
            ConnectionMultiplexer = compilation.GetTypeByMetadataName("StackExchange.Redis.ConnectionMultiplexer");
            TcpClient = compilation.GetTypeByMetadataName("System.Net.Sockets.TcpClient");
            Socket = compilation.GetTypeByMetadataName("System.Net.Sockets.Socket");
            ClientWebSocket = compilation.GetTypeByMetadataName("System.Net.WebSockets.ClientWebSocket");
            HttpMessageInvoker = compilation.GetTypeByMetadataName("System.Net.Http.HttpMessageInvoker");
            HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            Dns = compilation.GetTypeByMetadataName("System.Net.Dns");
            SecretsManager = compilation.GetTypeByMetadataName("Amazon.SecretsManager.IAmazonSecretsManager");
            SecretsManagerCache = compilation.GetTypeByMetadataName("Amazon.SecretsManager.Extensions.Caching.ISecretsManagerCache")
                ?? compilation.GetTypeByMetadataName("Amazon.SecretsManager.Extensions.Caching.SecretsManagerCache");
            SimpleSystemsManagement = compilation.GetTypeByMetadataName("Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement");
            KeyManagementService = compilation.GetTypeByMetadataName("Amazon.KeyManagementService.IAmazonKeyManagementService");
            SecurityTokenService = compilation.GetTypeByMetadataName("Amazon.SecurityToken.IAmazonSecurityTokenService");
            AWSCredentials = compilation.GetTypeByMetadataName("Amazon.Runtime.AWSCredentials");

            HasLambdaTypes = ILambdaContext != null || LambdaBootstrap != null || LambdaEventSource != null
                || LambdaFunctionAttribute != null || LambdaSerializerAttribute != null
                || AbstractAspNetCoreFunction != null;
        }

        public INamedTypeSymbol? ILambdaContext { get; }
        public INamedTypeSymbol? SnapshotRestore { get; }
        public INamedTypeSymbol? LambdaSerializerAttribute { get; }
        public INamedTypeSymbol? LambdaBootstrap { get; }
        public INamedTypeSymbol? LambdaBootstrapBuilder { get; }
        public INamedTypeSymbol? LambdaEventSource { get; }
        public INamedTypeSymbol? LambdaFunctionAttribute { get; }
        public INamedTypeSymbol? LambdaStartupAttribute { get; }

        /// <summary>The non-generic base of every Amazon.Lambda.AspNetCoreServer function (<c>APIGatewayProxyFunction</c> and friends).</summary>
        public INamedTypeSymbol? AbstractAspNetCoreFunction { get; }

        public INamedTypeSymbol? Random { get; }
        public INamedTypeSymbol? Guid { get; }
        public INamedTypeSymbol? RandomNumberGenerator { get; }
        public INamedTypeSymbol? Path { get; }
        public INamedTypeSymbol? DateTime { get; }
        public INamedTypeSymbol? DateTimeOffset { get; }
        public INamedTypeSymbol? Stopwatch { get; }
        public INamedTypeSymbol? Environment { get; }
        public INamedTypeSymbol? TimeProvider { get; }
        public INamedTypeSymbol? ThreadingTimer { get; }
        public INamedTypeSymbol? TimersTimer { get; }
        public INamedTypeSymbol? PeriodicTimer { get; }
        public INamedTypeSymbol? CancellationTokenSource { get; }
        public INamedTypeSymbol? Timeout { get; }
        public INamedTypeSymbol? TimeSpan { get; }
        public INamedTypeSymbol? Enumerable { get; }
        public INamedTypeSymbol? Queryable { get; }
        public INamedTypeSymbol? WebApplication { get; }
        public INamedTypeSymbol? IHost { get; }
        public INamedTypeSymbol? IServiceCollection { get; }

        public INamedTypeSymbol? DbConnection { get; }
        public INamedTypeSymbol? IDbConnection { get; }
        public INamedTypeSymbol? DbDataSource { get; }
        public INamedTypeSymbol? ConnectionMultiplexer { get; }
        public INamedTypeSymbol? TcpClient { get; }
        public INamedTypeSymbol? Socket { get; }
        public INamedTypeSymbol? ClientWebSocket { get; }
        public INamedTypeSymbol? HttpMessageInvoker { get; }
        public INamedTypeSymbol? HttpClient { get; }
        public INamedTypeSymbol? Dns { get; }
        public INamedTypeSymbol? SecretsManager { get; }
        public INamedTypeSymbol? SecretsManagerCache { get; }
        public INamedTypeSymbol? SimpleSystemsManagement { get; }
        public INamedTypeSymbol? KeyManagementService { get; }
        public INamedTypeSymbol? SecurityTokenService { get; }
        public INamedTypeSymbol? AWSCredentials { get; }

        /// <summary>True when the compilation references any Amazon.Lambda programming-model type.</summary>
        public bool HasLambdaTypes { get; }

        public static KnownTypes Create(Compilation compilation) => new KnownTypes(compilation);

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
            => known != null && type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

        public static bool IsOrDerives(ITypeSymbol? type, INamedTypeSymbol? known)
        {
            if (known == null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, known))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The type is, derives from, or implements <paramref name="known"/>.</summary>
        public static bool IsA(ITypeSymbol? type, INamedTypeSymbol? known)
            => known != null && type != null && (known.TypeKind == TypeKind.Interface ? Implements(type, known) : IsOrDerives(type, known));

        public static bool Implements(ITypeSymbol? type, INamedTypeSymbol? known)
        {
            if (type == null || known == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known))
            {
                return true;
            }

            foreach (var i in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(i.OriginalDefinition, known))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
