using System.Linq;
using System.Threading.Tasks;
using SnapSafe.Analyzers.Lambda;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>The model as the analyzer uses it: findings per tree, their origins, what is not kept, and the no-Lambda case.</summary>
    public class InitPhaseTests
    {
        [Fact]
        public async Task NoLambdaReferences_NoLambdaTypes()
        {
            var compilation = await CompileAsync(LambdaModel.NoLambda, "public class Function { public string Handler(string input) => input; }");

            Assert.False(KnownTypes.Create(compilation).HasLambdaTypes);
        }

        [Fact]
        public async Task Findings_ArePartitionedByTree_AndNameTheHandlerThatReachesThem()
        {
            var compilation = await CompileAsync(
                LambdaModel.ClassLibrary,
                @"
using Amazon.Lambda.Core;
public class Function
{
    private readonly Clock _clock = new Clock();
    public string Handler(string input, ILambdaContext context) => _clock.Loaded.ToString(""O"");
}",
                @"
using System;
public class Clock
{
    public DateTime Loaded { get; } = DateTime.UtcNow;
}");

            var phase = Build(compilation);
            var handlerTree = compilation.SyntaxTrees.First();
            var clockTree = compilation.SyntaxTrees.Last();

            Assert.Empty(phase.FindingsIn(handlerTree));
            var finding = Assert.Single(phase.FindingsIn(clockTree));
            Assert.Equal(DiagnosticIds.TimestampCaptured, finding.Rule.Id);
            Assert.Equal("Loaded", FixRequest.Read(finding.Properties).Member);
            Assert.Contains(finding.Origins, o => o.TypeName == "Function");
        }

        [Fact]
        public async Task LazyFactoryAndPerInvocationValues_AreNotKept()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using System;
using Amazon.Lambda.Core;
public class Function
{
    private readonly Lazy<Guid> _lazy = new Lazy<Guid>(() => Guid.NewGuid());
    private readonly Func<DateTime> _clock = () => DateTime.UtcNow;
    private Guid _request;
    public string Handler(string input, ILambdaContext context)
    {
        _request = Guid.NewGuid();
        return _lazy.Value + "" "" + _clock() + "" "" + _request;
    }
}");

            Assert.Empty(Build(compilation).AllFindings);
        }
    }
}
