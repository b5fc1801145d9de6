using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Rules.ProviderPackagesTest;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Rules
{
    /// <summary>SNAP010 for gRPC channels, RabbitMQ and Kafka clients, configured receiver-opening methods, and data read through connections.</summary>
    public class SNAP010MessagingAndRpcConnectionsTests
    {
        /// <summary>What Grpc.Tools generates for a service: a client deriving from ClientBase, in the function's own compilation.</summary>
        private const string GreeterClient = @"
namespace Greet
{
    public class GreeterClient : Grpc.Core.ClientBase<GreeterClient>
    {
        public GreeterClient(Grpc.Core.ChannelBase channel) : base(channel) { }
        protected GreeterClient(ClientBaseConfiguration configuration) : base(configuration) { }
        public virtual Grpc.Core.AsyncUnaryCall<string> SayHelloAsync(string request, Grpc.Core.CallOptions options = default) => throw new System.NotSupportedException();
        public virtual string SayHello(string request, Grpc.Core.CallOptions options = default) => throw new System.NotSupportedException();
        protected override GreeterClient NewInstance(ClientBaseConfiguration configuration) => new GreeterClient(configuration);
    }
}";

        // gRPC

        [Fact]
        public Task ClassLibrary_GrpcCallThroughAKeptChannelDuringInit() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Grpc.Net.Client;

public class Function
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(""https://greeter.internal"");
    private readonly Greet.GreeterClient _client;

    public Function()
    {
        _client = new Greet.GreeterClient(_channel);
        {|SNAP010:_client.SayHello(""warm-up"")|};
    }

    public string Handler(string input, ILambdaContext context) => _client.SayHello(input);
}" + GreeterClient);

        [Fact]
        public Task Executable_GrpcCallThroughALocalClientOnACapturedChannel() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Grpc.Net.Client;

var channel = GrpcChannel.ForAddress(""https://greeter.internal"");
var warm = new Greet.GreeterClient(channel);
await {|SNAP010:warm.SayHelloAsync(""warm-up"")|};
await LambdaBootstrapBuilder.Create(async (string input, ILambdaContext context) => await new Greet.GreeterClient(channel).SayHelloAsync(input), new DefaultLambdaJsonSerializer()).Build().RunAsync();
" + GreeterClient);

        [Fact]
        public Task MinimalApi_GrpcChannelConnectedBeforeRun() => VerifyAsync(LambdaModel.MinimalApi, @"
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var app = builder.Build();
var channel = GrpcChannel.ForAddress(""https://greeter.internal"");
await {|SNAP010:channel.ConnectAsync()|};
app.MapGet(""/"", async () => await new Greet.GreeterClient(channel).SayHelloAsync(""x""));
app.Run();
" + GreeterClient);

        [Fact]
        public Task Annotations_GrpcClientKeptAndCalledInConstructor() => VerifyAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Grpc.Net.Client;

public class Functions
{
    private readonly Greet.GreeterClient _client = new Greet.GreeterClient(GrpcChannel.ForAddress(""https://greeter.internal""));

    public Functions()
    {
        {|SNAP010:_client.SayHello(""warm-up"")|};
    }

    [LambdaFunction]
    public string Get(string input) => _client.SayHello(input);
}" + GreeterClient);

        [Fact]
        public Task Clean_GrpcChannelCreatedAtInitUsedPerInvocation() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Grpc.Net.Client;

public class Function
{
    private static readonly GrpcChannel Channel = GrpcChannel.ForAddress(""https://greeter.internal"");
    private readonly Greet.GreeterClient _client = new Greet.GreeterClient(Channel);

    public string Handler(string input, ILambdaContext context) => _client.SayHello(input);
}" + GreeterClient);

        [Fact]
        public Task Clean_GrpcCallDuringInitOnAChannelThatIsNotKept() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Grpc.Net.Client;

public class Function
{
    private readonly string _greeting;

    public Function()
    {
        using var channel = GrpcChannel.ForAddress(""https://greeter.internal"");
        _greeting = new Greet.GreeterClient(channel).SayHello(""config"");
    }

    public string Handler(string input, ILambdaContext context) => _greeting + input;
}" + GreeterClient);

        // RabbitMQ (7.x)

        [Fact]
        public Task ClassLibrary_RabbitConnectionKept() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using RabbitMQ.Client;

public class Function
{
    private static IConnection _connection = null!;
    private static IChannel _channel = null!;

    static Function()
    {
        InitAsync().GetAwaiter().GetResult();
    }

    private static async Task InitAsync()
    {
        var factory = new ConnectionFactory { HostName = ""mq.internal"" };
        _connection = {|SNAP010:await factory.CreateConnectionAsync()|};
        _channel = await _connection.CreateChannelAsync();
    }

    public string Handler(string input, ILambdaContext context) => _channel.ChannelNumber.ToString() + input;
}");

        [Fact]
        public Task Executable_RabbitChannelFromAConnectionCapturedByTheHandler() => VerifyAsync(LambdaModel.Executable, @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using RabbitMQ.Client;

var factory = new ConnectionFactory { Uri = new System.Uri(""amqp://mq.internal"") };
var channel = {|SNAP010:await (await factory.CreateConnectionAsync()).CreateChannelAsync()|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => channel.ChannelNumber + input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task Clean_RabbitFactoryKeptConnectionPerInvocation() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using RabbitMQ.Client;

public class Function
{
    private readonly ConnectionFactory _factory = new ConnectionFactory { HostName = ""mq.internal"" };

    public async Task<string> Handler(string input, ILambdaContext context)
    {
        await using var connection = await _factory.CreateConnectionAsync();
        return connection.ClientProvidedName ?? input;
    }
}");

        // Kafka

        [Fact]
        public Task ClassLibrary_KafkaProducerBuiltAndKept() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Confluent.Kafka;

public class Function
{
    private readonly IProducer<string, string> _producer =
        {|SNAP010:new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = ""kafka:9092"" }).Build()|};

    public string Handler(string input, ILambdaContext context) => _producer.Name + input;
}");

        [Fact]
        public Task MinimalApi_KafkaConsumerSingletonInstance() => VerifyAsync(LambdaModel.MinimalApi, @"
using Confluent.Kafka;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddAWSLambdaHosting(LambdaEventSource.HttpApi);
var consumer = new ConsumerBuilder<Ignore, string>(new ConsumerConfig { BootstrapServers = ""kafka:9092"", GroupId = ""orders"" }).Build();
builder.Services.AddSingleton({|SNAP010:consumer|});
var app = builder.Build();
app.MapGet(""/"", () => ""ok"");
app.Run();
");

        [Fact]
        public Task Clean_KafkaProducerBuiltLazily() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
using Confluent.Kafka;

public class Function
{
    private readonly Lazy<IProducer<string, string>> _producer = new Lazy<IProducer<string, string>>(
        () => new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = ""kafka:9092"" }).Build());

    public string Handler(string input, ILambdaContext context) => _producer.Value.Name + input;
}");

        // snapsafe.connection_methods: a method that opens the object it is called on

        private const string Feed = @"
namespace MyCo
{
    public sealed class Feed
    {
        public void Attach(string url) { }
        public System.Threading.Tasks.Task<bool> AttachAsync(string url) => System.Threading.Tasks.Task.FromResult(true);
        public bool IsAttached => true;
    }
}";

        [Fact]
        public Task ClassLibrary_ConfiguredMethodOpensAKeptReceiver() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.Lambda.Core;

public class Function
{
    private readonly MyCo.Feed _feed = new MyCo.Feed();

    public Function()
    {
        {|SNAP010:_feed.Attach(""wss://prices.internal"")|};
    }

    public string Handler(string input, ILambdaContext context) => _feed.IsAttached + input;
}" + Feed,
        }.WithGlobalConfig("snapsafe.connection_methods = M:MyCo.Feed.Attach(System.String)").RunAsync();

        [Fact]
        public Task Executable_ConfiguredAsyncMethodReturningAFlagOpensACapturedReceiver() => new VerifyCS.Test(LambdaModel.Executable)
        {
            TestCode = @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

var feed = new MyCo.Feed();
var attached = await {|SNAP010:feed.AttachAsync(""wss://prices.internal"")|};
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => feed.IsAttached + input + attached, new DefaultLambdaJsonSerializer()).Build().RunAsync();
" + Feed,
        }.WithGlobalConfig("snapsafe.connection_methods = M:MyCo.Feed.AttachAsync(System.String)").RunAsync();

        [Fact]
        public Task Clean_ConfiguredReceiverOpenedOnAnObjectThatIsNotKept() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.Lambda.Core;

public class Function
{
    private readonly bool _reachable;

    public Function()
    {
        var probe = new MyCo.Feed();
        probe.Attach(""wss://prices.internal"");
        _reachable = probe.IsAttached;
    }

    public string Handler(string input, ILambdaContext context)
    {
        var feed = new MyCo.Feed();
        feed.Attach(""wss://prices.internal"");
        return _reachable + input;
    }
}" + Feed,
        }.WithGlobalConfig("snapsafe.connection_methods = M:MyCo.Feed.Attach(System.String)").RunAsync();

        // Data read through a connection is not the connection

        [Fact]
        public Task Clean_ScalarReadThroughAConnectionIsNotTheConnection() => VerifyAsync(LambdaModel.ClassLibrary, @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(""Host=db"");
    private static long _orderCount;

    static Function()
    {
        CountAsync().GetAwaiter().GetResult();
    }

    private static async Task CountAsync()
    {
        await using var connection = await {|SNAP011:DataSource.OpenConnectionAsync()|};
        await using var command = new NpgsqlCommand(""select count(*) from orders"", connection);
        _orderCount = (long)(await command.ExecuteScalarAsync())!;
    }

    public string Handler(string input, ILambdaContext context) => _orderCount + input;
}");

        [Fact]
        public Task Clean_RowsAndConnectionFactsReadIntoKeptState() => VerifyAsync(LambdaModel.Executable, @"
using System.Collections.Generic;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Npgsql;

var names = new List<string>();
var dataSource = NpgsqlDataSource.Create(""Host=db"");
var connection = {|SNAP011:dataSource.OpenConnection()|};
var database = connection.Database;
using (var command = new NpgsqlCommand(""select name from products"", connection))
using (var reader = command.ExecuteReader())
{
    while (reader.Read())
    {
        names.Add(reader.GetString(0));
    }
}

connection.Dispose();
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => names.Contains(input) ? database : input, new DefaultLambdaJsonSerializer()).Build().RunAsync();
");

        [Fact]
        public Task ClassLibrary_AKeptCommandStillHoldsItsConnection() => VerifyAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
using Npgsql;

public class Function
{
    private static readonly NpgsqlDataSource DataSource = NpgsqlDataSource.Create(""Host=db"");
    private readonly NpgsqlCommand _command;

    public Function()
    {
        // SNAP011 reports the open as well: it looks for a store of the connection local itself, not of objects built on it.
        var connection = {|SNAP011:DataSource.OpenConnection()|};
        _command = {|SNAP010:new NpgsqlCommand(""select 1"", connection)|};
    }

    public string Handler(string input, ILambdaContext context) => _command.CommandText + input;
}");
    }
}
