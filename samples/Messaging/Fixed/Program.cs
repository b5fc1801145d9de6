using System;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Confluent.Kafka;
using Grpc.Net.Client;
using RabbitMQ.Client;

// No host started during init: the liveness report is sent per invocation instead of by a background loop.
// Connections are made on first use, after restore; the gRPC channel is created at init (it connects lazily) and
// used for calls only per invocation.
var factory = new ConnectionFactory { HostName = "mq.internal" };
var connection = new Lazy<Task<IConnection>>(() => factory.CreateConnectionAsync());
var producer = new Lazy<IProducer<string, string>>(
    () => new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "kafka.internal:9092" }).Build());
var inventory = GrpcChannel.ForAddress("https://inventory.internal");

await LambdaBootstrapBuilder.Create(async (string orderId, ILambdaContext context) =>
{
    Console.WriteLine("relay alive");
    await using var channel = await (await connection.Value).CreateChannelAsync();
    await producer.Value.ProduceAsync("orders", new Message<string, string> { Key = orderId, Value = orderId });
    return inventory.Target + "/" + orderId + "/" + channel.ChannelNumber;
}, new DefaultLambdaJsonSerializer()).Build().RunAsync();
