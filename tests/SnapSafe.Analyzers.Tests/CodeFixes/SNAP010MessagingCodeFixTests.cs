using System.Threading;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using VerifyCS = SnapSafe.Analyzers.Tests.Verifiers.CSharpCodeFixVerifier<
    SnapSafe.Analyzers.SnapSafeAnalyzer,
    SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider>;

namespace SnapSafe.Analyzers.Tests.CodeFixes
{
    /// <summary>SNAP010 on a Kafka producer: the after-restore hook disposes the one init built and builds it again.</summary>
    public class SNAP010MessagingCodeFixTests
    {
        [Fact]
        public Task ClassLibrary_KafkaProducer_IsDisposedAndRebuiltAfterRestore() => new VerifyCS.Test(LambdaModel.ClassLibrary)
        {
            TestCode = @"
using Amazon.Lambda.Core;
using Confluent.Kafka;

public class Function
{
    private readonly IProducer<string, string> _producer = {|SNAP010:new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = ""kafka:9092"" }).Build()|};

    public string Handler(string input, ILambdaContext context) => _producer.Name + input;
}",
            FixedCode = @"
using System.Threading.Tasks;
using Amazon.Lambda.Core;
using Confluent.Kafka;

public class Function
{
    private IProducer<string, string> _producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = ""kafka:9092"" }).Build();

    public Function()
    {
        SnapshotRestore.RegisterAfterRestore(() =>
        {
            _producer.Dispose();
            _producer = new ProducerBuilder<string, string>(new ProducerConfig { BootstrapServers = ""kafka:9092"" }).Build();
            return ValueTask.CompletedTask;
        });
    }

    public string Handler(string input, ILambdaContext context) => _producer.Name + input;
}",
        }.WithPackages().RunAsync(CancellationToken.None);
    }
}
