using System;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;
using Confluent.Kafka;
using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

// SNAP004: starting the host starts its hosted services before the snapshot; their loop resumes at the wrong time
// in every restored copy.
using var host = Host.CreateDefaultBuilder(args)
    .ConfigureServices(services => services.AddHostedService<Heartbeat>())
    .Build();
await host.StartAsync();

// SNAP010: a RabbitMQ connection opened during init and captured by the handler.
var factory = new ConnectionFactory { HostName = "mq.internal" };
var connection = await factory.CreateConnectionAsync();

// SNAP010: a Kafka producer connects to its brokers when it is built.
var producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = "kafka.internal:9092" }).Build();

// SNAP010: a gRPC channel connected during init.
var inventory = GrpcChannel.ForAddress("https://inventory.internal");
await inventory.ConnectAsync();

await LambdaBootstrapBuilder.Create(async (string orderId, ILambdaContext context) =>
{
    await using var channel = await connection.CreateChannelAsync();
    await producer.ProduceAsync("orders", new Message<string, string> { Key = orderId, Value = orderId });
    return inventory.Target + "/" + orderId + "/" + channel.ChannelNumber;
}, new DefaultLambdaJsonSerializer()).Build().RunAsync();

/// <summary>Reports that the relay is alive, every 30 seconds.</summary>
internal sealed class Heartbeat : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(30));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            Console.WriteLine("relay alive");
        }
    }
}
