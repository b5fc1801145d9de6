using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers.Deployment;
using SnapSafe.Analyzers.Lambda;
using SnapSafe.Analyzers.Rules;
using SnapSafe.Analyzers.Tests.Infrastructure;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;
using static SnapSafe.Analyzers.Tests.Model.ModelCompilation;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>
    /// The model is built once per program and configuration, however many copies of the compilation a host starts
    /// SnapSafe on, and built again whenever the program or the configuration the model reads changes.
    /// </summary>
    public class InitPhaseCacheTests
    {
        private const string Function = @"
using System;
using Amazon.Lambda.Core;
public class Function
{
    private static readonly Guid InstanceId = Guid.NewGuid();
    private readonly Clock _clock = new Clock();
    public string Handler(string input, ILambdaContext context) => InstanceId + input + _clock.Loaded;
}";

        private const string Clock = @"
using System;
public class Clock
{
    public DateTime Loaded { get; } = DateTime.UtcNow;
}";

        [Fact]
        public async Task CopiesOfOneCompilation_ShareOneBuild()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, Function, Clock);

            var first = Get(compilation);
            var second = Get(compilation.Clone());

            Assert.Same(first, second);
            Assert.Single(first.In(compilation.SyntaxTrees.First()));
        }

        [Fact]
        public async Task AnEdit_BuildsAgain()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, Function, Clock);
            var clockTree = compilation.SyntaxTrees.Last();
            var edited = compilation.ReplaceSyntaxTree(clockTree, CSharpSyntaxTree.ParseText(Clock.Replace("DateTime.UtcNow", "default"), (CSharpParseOptions)clockTree.Options, clockTree.FilePath));

            var before = Get(compilation);
            var after = Get(edited);

            Assert.NotSame(before, after);
            Assert.Single(before.In(clockTree));
            Assert.Empty(after.In(edited.SyntaxTrees.Last()));
        }

        [Fact]
        public async Task ADifferentConfiguration_BuildsAgain_AndTheFirstBuildIsKept()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, Function, Clock);
            const string sensitive = "snapsafe.sensitive_types = System.Random";

            var plain = Get(compilation);
            var configured = Get(compilation, sensitive);

            Assert.NotSame(plain, configured);
            Assert.Same(plain, Get(compilation.Clone()));
            Assert.Same(configured, Get(compilation.Clone(), sensitive));
        }

        [Fact]
        public async Task PerDocumentRequests_ReportWhatTheWholeCompilationReports()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, Function, Clock);
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new SnapSafeAnalyzer());
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(null));

            var whole = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, options);
            var perDocument = ImmutableArray.CreateBuilder<Diagnostic>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                perDocument.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(compilation.GetSemanticModel(tree), null, CancellationToken.None));
            }

            Assert.Equal(2, whole.Length);
            Assert.Equal(whole.Select(Describe).OrderBy(d => d), perDocument.Select(Describe).OrderBy(d => d));
        }

        private static InitFindings Get(Compilation compilation, string? editorConfig = null)
            => InitPhaseCache.Get(compilation, KnownTypes.Create(compilation), OptionsFor(compilation, editorConfig), SnapStartDeployment.Create(DeploymentTemplates.None, compilation), HazardCatalog.Rules, CancellationToken.None);

        private static string Describe(Diagnostic diagnostic) => diagnostic.Id + " " + diagnostic.Location.GetLineSpan() + " " + diagnostic.GetMessage();
    }
}
