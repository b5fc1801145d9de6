using System.Threading;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The types SnapSafe recognizes, resolved once per compilation by metadata name: the Amazon.Lambda.* packages
    /// (a compilation that references none of them has no Lambda code) and the BCL APIs whose results are hazards.
    /// Only the Lambda marker types are resolved up front; every other type when the model first asks for it.
    /// </summary>
    internal sealed class KnownTypes
    {
        /// <summary>A looked-up type that the compilation does not have (a slot still null has not been looked up).</summary>
        private static readonly object Missing = new object();

        private readonly Compilation _compilation;

        // Each slot holds the symbol, Missing, or null until the type is first asked for.
        private object? _snapshotRestore;
        private object? _lambdaBootstrapBuilder;
        private object? _lambdaStartupAttribute;
        private object? _random;
        private object? _guid;
        private object? _randomNumberGenerator;
        private object? _path;
        private object? _dateTime;
        private object? _dateTimeOffset;
        private object? _stopwatch;
        private object? _environment;
        private object? _timeProvider;
        private object? _threadingTimer;
        private object? _timersTimer;
        private object? _periodicTimer;
        private object? _cancellationTokenSource;
        private object? _timeout;
        private object? _timeSpan;
        private object? _enumerable;
        private object? _queryable;
        private object? _webApplication;
        private object? _iHost;
        private object? _iServiceCollection;
        private object? _dbConnection;
        private object? _iDbConnection;
        private object? _dbDataSource;
        private object? _connectionMultiplexer;
        private object? _tcpClient;
        private object? _socket;
        private object? _clientWebSocket;
        private object? _httpMessageInvoker;
        private object? _httpClient;
        private object? _dns;
        private object? _secretsManager;
        private object? _secretsManagerCache;
        private object? _simpleSystemsManagement;
        private object? _keyManagementService;
        private object? _securityTokenService;
        private object? _aWSCredentials;
        private object? _environmentVariablesAWSCredentials;
        private object? _basicAWSCredentials;
        private object? _sessionAWSCredentials;
        private object? _aWSOptions;
        private object? _iConfigurationBuilder;
        private object? _iConfigurationRoot;
        private object? _iHostBuilder;
        private object? _iWebHostBuilder;
        private object? _iHostedService;
        private object? _grpcClientBase;
        private object? _grpcChannel;
        private object? _rabbitConnectionFactory;
        private object? _kafkaProducerBuilder;
        private object? _kafkaConsumerBuilder;
        private object? _dbConnectionStringBuilder;
        private object? _cancellationToken;
        private object? _iAmazonService;
        private object? _iDisposable;
        private object? _iAsyncDisposable;

        private KnownTypes(Compilation compilation)
        {
            _compilation = compilation;

            // The types that make a compilation a Lambda project, resolved at once: a project without any of them
            // (and without configured or deployed handlers) is left alone, so these few lookups are all it pays.
            ILambdaContext = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.ILambdaContext");
            LambdaSerializerAttribute = compilation.GetTypeByMetadataName("Amazon.Lambda.Core.LambdaSerializerAttribute");
            LambdaBootstrap = compilation.GetTypeByMetadataName("Amazon.Lambda.RuntimeSupport.LambdaBootstrap");
            LambdaEventSource = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.LambdaEventSource");
            LambdaFunctionAttribute = compilation.GetTypeByMetadataName("Amazon.Lambda.Annotations.LambdaFunctionAttribute");
            AbstractAspNetCoreFunction = compilation.GetTypeByMetadataName("Amazon.Lambda.AspNetCoreServer.AbstractAspNetCoreFunction");

            HasLambdaTypes = ILambdaContext != null || LambdaBootstrap != null || LambdaEventSource != null
                || LambdaFunctionAttribute != null || LambdaSerializerAttribute != null
                || AbstractAspNetCoreFunction != null;
        }

        // The marker types are set by the constructor; the others are looked up on first use, once per compilation
        // (two threads may look one up at the same time: both get the same symbol).
        public INamedTypeSymbol? ILambdaContext { get; }

        /// <summary>The non-generic base of every Amazon.Lambda.AspNetCoreServer function (<c>APIGatewayProxyFunction</c> and friends).</summary>
        public INamedTypeSymbol? AbstractAspNetCoreFunction { get; }
        public INamedTypeSymbol? SnapshotRestore => Resolve(ref _snapshotRestore, "Amazon.Lambda.Core.SnapshotRestore");
        public INamedTypeSymbol? LambdaSerializerAttribute { get; }
        public INamedTypeSymbol? LambdaBootstrap { get; }
        public INamedTypeSymbol? LambdaBootstrapBuilder => Resolve(ref _lambdaBootstrapBuilder, "Amazon.Lambda.RuntimeSupport.LambdaBootstrapBuilder");
        public INamedTypeSymbol? LambdaEventSource { get; }
        public INamedTypeSymbol? LambdaFunctionAttribute { get; }
        public INamedTypeSymbol? LambdaStartupAttribute => Resolve(ref _lambdaStartupAttribute, "Amazon.Lambda.Annotations.LambdaStartupAttribute");

        public INamedTypeSymbol? Random => Resolve(ref _random, "System.Random");
        public INamedTypeSymbol? Guid => Resolve(ref _guid, "System.Guid");
        public INamedTypeSymbol? RandomNumberGenerator => Resolve(ref _randomNumberGenerator, "System.Security.Cryptography.RandomNumberGenerator");
        public INamedTypeSymbol? Path => Resolve(ref _path, "System.IO.Path");
        public INamedTypeSymbol? DateTime => Resolve(ref _dateTime, "System.DateTime");
        public INamedTypeSymbol? DateTimeOffset => Resolve(ref _dateTimeOffset, "System.DateTimeOffset");
        public INamedTypeSymbol? Stopwatch => Resolve(ref _stopwatch, "System.Diagnostics.Stopwatch");
        public INamedTypeSymbol? Environment => Resolve(ref _environment, "System.Environment");
        public INamedTypeSymbol? TimeProvider => Resolve(ref _timeProvider, "System.TimeProvider");
        public INamedTypeSymbol? ThreadingTimer => Resolve(ref _threadingTimer, "System.Threading.Timer");
        public INamedTypeSymbol? TimersTimer => Resolve(ref _timersTimer, "System.Timers.Timer");
        public INamedTypeSymbol? PeriodicTimer => Resolve(ref _periodicTimer, "System.Threading.PeriodicTimer");
        public INamedTypeSymbol? CancellationTokenSource => Resolve(ref _cancellationTokenSource, "System.Threading.CancellationTokenSource");
        public INamedTypeSymbol? Timeout => Resolve(ref _timeout, "System.Threading.Timeout");
        public INamedTypeSymbol? TimeSpan => Resolve(ref _timeSpan, "System.TimeSpan");
        public INamedTypeSymbol? Enumerable => Resolve(ref _enumerable, "System.Linq.Enumerable");
        public INamedTypeSymbol? Queryable => Resolve(ref _queryable, "System.Linq.Queryable");
        public INamedTypeSymbol? WebApplication => Resolve(ref _webApplication, "Microsoft.AspNetCore.Builder.WebApplication");
        public INamedTypeSymbol? IHost => Resolve(ref _iHost, "Microsoft.Extensions.Hosting.IHost");
        public INamedTypeSymbol? IServiceCollection => Resolve(ref _iServiceCollection, "Microsoft.Extensions.DependencyInjection.IServiceCollection");

        public INamedTypeSymbol? DbConnection => Resolve(ref _dbConnection, "System.Data.Common.DbConnection");
        public INamedTypeSymbol? IDbConnection => Resolve(ref _iDbConnection, "System.Data.IDbConnection");
        public INamedTypeSymbol? DbDataSource => Resolve(ref _dbDataSource, "System.Data.Common.DbDataSource");
        public INamedTypeSymbol? ConnectionMultiplexer => Resolve(ref _connectionMultiplexer, "StackExchange.Redis.ConnectionMultiplexer");
        public INamedTypeSymbol? TcpClient => Resolve(ref _tcpClient, "System.Net.Sockets.TcpClient");
        public INamedTypeSymbol? Socket => Resolve(ref _socket, "System.Net.Sockets.Socket");
        public INamedTypeSymbol? ClientWebSocket => Resolve(ref _clientWebSocket, "System.Net.WebSockets.ClientWebSocket");
        public INamedTypeSymbol? HttpMessageInvoker => Resolve(ref _httpMessageInvoker, "System.Net.Http.HttpMessageInvoker");
        public INamedTypeSymbol? HttpClient => Resolve(ref _httpClient, "System.Net.Http.HttpClient");
        public INamedTypeSymbol? Dns => Resolve(ref _dns, "System.Net.Dns");
        public INamedTypeSymbol? SecretsManager => Resolve(ref _secretsManager, "Amazon.SecretsManager.IAmazonSecretsManager");
        public INamedTypeSymbol? SecretsManagerCache => Resolve(ref _secretsManagerCache, "Amazon.SecretsManager.Extensions.Caching.ISecretsManagerCache", "Amazon.SecretsManager.Extensions.Caching.SecretsManagerCache");
        public INamedTypeSymbol? SimpleSystemsManagement => Resolve(ref _simpleSystemsManagement, "Amazon.SimpleSystemsManagement.IAmazonSimpleSystemsManagement");
        public INamedTypeSymbol? KeyManagementService => Resolve(ref _keyManagementService, "Amazon.KeyManagementService.IAmazonKeyManagementService");
        public INamedTypeSymbol? SecurityTokenService => Resolve(ref _securityTokenService, "Amazon.SecurityToken.IAmazonSecurityTokenService");
        public INamedTypeSymbol? AWSCredentials => Resolve(ref _aWSCredentials, "Amazon.Runtime.AWSCredentials");
        public INamedTypeSymbol? EnvironmentVariablesAWSCredentials => Resolve(ref _environmentVariablesAWSCredentials, "Amazon.Runtime.EnvironmentVariablesAWSCredentials");
        public INamedTypeSymbol? BasicAWSCredentials => Resolve(ref _basicAWSCredentials, "Amazon.Runtime.BasicAWSCredentials");
        public INamedTypeSymbol? SessionAWSCredentials => Resolve(ref _sessionAWSCredentials, "Amazon.Runtime.SessionAWSCredentials");
        public INamedTypeSymbol? AWSOptions => Resolve(ref _aWSOptions, "Amazon.Extensions.NETCore.Setup.AWSOptions");
        public INamedTypeSymbol? IConfigurationBuilder => Resolve(ref _iConfigurationBuilder, "Microsoft.Extensions.Configuration.IConfigurationBuilder");
        public INamedTypeSymbol? IConfigurationRoot => Resolve(ref _iConfigurationRoot, "Microsoft.Extensions.Configuration.IConfigurationRoot");
        public INamedTypeSymbol? IHostBuilder => Resolve(ref _iHostBuilder, "Microsoft.Extensions.Hosting.IHostBuilder");
        public INamedTypeSymbol? IWebHostBuilder => Resolve(ref _iWebHostBuilder, "Microsoft.AspNetCore.Hosting.IWebHostBuilder");
        public INamedTypeSymbol? IHostedService => Resolve(ref _iHostedService, "Microsoft.Extensions.Hosting.IHostedService");
        public INamedTypeSymbol? GrpcClientBase => Resolve(ref _grpcClientBase, "Grpc.Core.ClientBase");
        public INamedTypeSymbol? GrpcChannel => Resolve(ref _grpcChannel, "Grpc.Net.Client.GrpcChannel");
        public INamedTypeSymbol? RabbitConnectionFactory => Resolve(ref _rabbitConnectionFactory, "RabbitMQ.Client.IConnectionFactory");
        public INamedTypeSymbol? KafkaProducerBuilder => Resolve(ref _kafkaProducerBuilder, "Confluent.Kafka.ProducerBuilder`2");
        public INamedTypeSymbol? KafkaConsumerBuilder => Resolve(ref _kafkaConsumerBuilder, "Confluent.Kafka.ConsumerBuilder`2");
        public INamedTypeSymbol? DbConnectionStringBuilder => Resolve(ref _dbConnectionStringBuilder, "System.Data.Common.DbConnectionStringBuilder");
        public INamedTypeSymbol? CancellationToken => Resolve(ref _cancellationToken, "System.Threading.CancellationToken");
        public INamedTypeSymbol? IAmazonService => Resolve(ref _iAmazonService, "Amazon.Runtime.IAmazonService");
        public INamedTypeSymbol? IDisposable => Resolve(ref _iDisposable, "System.IDisposable");
        public INamedTypeSymbol? IAsyncDisposable => Resolve(ref _iAsyncDisposable, "System.IAsyncDisposable");

        /// <summary>True when the compilation references any Amazon.Lambda programming-model type.</summary>
        public bool HasLambdaTypes { get; }

        public static KnownTypes Create(Compilation compilation) => new KnownTypes(compilation);

        private INamedTypeSymbol? Resolve(ref object? slot, string metadataName, string? fallbackMetadataName = null)
        {
            var value = Volatile.Read(ref slot);
            if (value == null)
            {
                value = (object?)_compilation.GetTypeByMetadataName(metadataName)
                    ?? (fallbackMetadataName != null ? _compilation.GetTypeByMetadataName(fallbackMetadataName) : null)
                    ?? Missing;
                Volatile.Write(ref slot, value);
            }

            return value as INamedTypeSymbol;
        }

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
