using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpAnalyzerVerifier<SnapSafe.Analyzers.SnapSafeAnalyzer>;

namespace SnapSafe.Analyzers.Tests.Robustness
{
    /// <summary>
    /// Half-typed code around the shapes SNAP024, SNAP025, SNAP049 and the SNAP004/SNAP010/SNAP011/SNAP023 extensions
    /// read: the analyzer reports what it can and never throws (no AD0001).
    /// </summary>
    public class CatalogBreadthRobustnessTests
    {
        [Fact]
        public Task ClassLibrary_HalfTypedCredentialsConfigurationAndHooks() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using System;
using System.Threading;
using Amazon.Lambda.Core;
using Amazon.Runtime;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Npgsql;
using RabbitMQ.Client;

public class Function
{
    private readonly IConfigurationRoot _configuration = new ConfigurationBuilder().AddSystemsManager(.Build();
    private readonly AWSCredentials _credentials = new BasicAWSCredentials(Environment.GetEnvironmentVariables()[, );
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(;

    public Function()
    {
        var env = Environment.GetEnvironmentVariables();
        var token = env[""AWS_SESSION_TOKEN""
        using var connection = new NpgsqlConnection(""Host=db;Pooling="" + );
        connection.Open(
        SnapshotRestore.RegisterAfterRestore(async () =>
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(;
            await new ConnectionFactory().CreateConnectionAsync(cts.
        });
        foreach (var item in )
        {
        }
    }

    public string Handler(string input, ILambdaContext context) => _configuration[
}",
            CompilerDiagnostics = CompilerDiagnostics.None,
            ExpectedDiagnostics =
            {
                // The unclosed indexer still reads the absent variable (its span runs to the next line).
                VerifyCS.Diagnostic("SNAP023").WithSpan(20, 21, 21, 1).WithArguments("AWS_SESSION_TOKEN"),
            },
        }.WithPackages().RunAsync();

        [Fact]
        public Task Executable_HalfTypedHostAndKafka() => new VerifyCS.Test(LambdaModel.Executable)
        {
            TestCode = @"
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Confluent.Kafka;
using Microsoft.Extensions.Hosting;

var host = Host.CreateDefaultBuilder(args).ConfigureAppConfiguration((context, configuration) => configuration.AddSecretsManager().Build();
await host.StartAsync(
var producer = new ProducerBuilder<string, >(new ProducerConfig { BootstrapServers = }).Build();
SnapshotRestore.RegisterAfterRestore(async () => await host.
await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => input, ).Build().RunAsync();
",
            CompilerDiagnostics = CompilerDiagnostics.None,
        }.WithPackages().RunAsync();
    }
}
