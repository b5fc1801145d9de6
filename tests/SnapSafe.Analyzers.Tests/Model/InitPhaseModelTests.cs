using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers.Configuration;
using SnapSafe.Analyzers.Deployment;
using SnapSafe.Analyzers.Lambda;
using SnapSafe.Analyzers.Lambda.Models;
using SnapSafe.Analyzers.Rules;
using SnapSafe.Analyzers.Tests.Infrastructure;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Model
{
    /// <summary>The init-phase model queried directly: handler discovery, init entry points, kept state.</summary>
    public class InitPhaseModelTests
    {
        [Fact]
        public async Task ClassLibrary_HandlerIsTheTypeWithAnILambdaContextMethod()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
public class Function { public string Handler(string input, ILambdaContext context) => input; }
public class Model { public string Name { get; set; } = """"; }");

            var entries = Find(compilation);

            Assert.Equal(new[] { "Function" }, entries.FunctionTypes.Select(t => t.Name));
            Assert.Null(entries.EntryPoint);
        }

        [Fact]
        public async Task ClassLibrary_SerializerAttributeWithoutContext_MakesPublicClassesHandlers()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
using Amazon.Lambda.Core;
[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]
public class Function { public string Handler(string input) => input; }
internal class Hidden { public string Run(string input) => input; }");

            var entries = Find(compilation);

            Assert.Contains(entries.FunctionTypes, t => t.Name == "Function");
            Assert.DoesNotContain(entries.FunctionTypes, t => t.Name == "Hidden");
        }

        [Fact]
        public async Task ConfiguredHandlerTypes_AreHandlersWithoutContext()
        {
            var compilation = await CompileAsync(LambdaModel.ClassLibrary, @"
namespace Shop { public class Checkout { public string Run(string input) => input; } }
public class Function { public string Handler(string input, Amazon.Lambda.Core.ILambdaContext context) => input; }");

            var entries = Find(compilation, "snapsafe.handler_types = Shop.Checkout");

            Assert.Contains(entries.FunctionTypes, t => t.Name == "Checkout");
        }

        [Fact]
        public async Task Executable_EntryPointIsInit()
        {
            var compilation = await CompileAsync(LambdaModel.Executable, @"
using System;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

Func<string, ILambdaContext, string> handler = (input, context) => input;
await LambdaBootstrapBuilder.Create(handler, new DefaultLambdaJsonSerializer()).Build().RunAsync();");

            var entries = Find(compilation);

            Assert.NotNull(entries.EntryPoint);
        }

        [Fact]
        public async Task Annotations_FunctionsAndStartupAreFound()
        {
            var compilation = await CompileAsync(LambdaModel.Annotations, @"
using Amazon.Lambda.Annotations;
using Microsoft.Extensions.DependencyInjection;

[LambdaStartup]
public class Startup { public void ConfigureServices(IServiceCollection services) { } }

public class Functions
{
    [LambdaFunction]
    public string Greet(string name) => name;
}");

            var entries = Find(compilation);

            Assert.Contains(entries.Get<AnnotationsModel>().FunctionTypes, t => t.Name == "Functions");
            Assert.Contains(entries.Get<AnnotationsModel>().StartupTypes, t => t.Name == "Startup");
        }

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
            Assert.Contains(finding.Origins, o => o.Name == "Function");
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

        private static async Task<Compilation> CompileAsync(LambdaModel model, params string[] sources)
        {
            var references = await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            references = model == LambdaModel.MinimalApi
                ? await StandInReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None)
                : references;
            var compilation = CSharpCompilation.Create(
                "Model" + model,
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/File" + i + ".cs")),
                references.AddRange(await StandInReferences.ForModelAsync(model)),
                new CSharpCompilationOptions(StandInReferences.OutputKindOf(model), nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            return compilation;
        }

        private static SnapSafeOptions OptionsFor(Compilation compilation, string? editorConfig)
            => SnapSafeOptions.Create(compilation, new TestOptionsProvider(editorConfig));

        private static ProgrammingModels Find(Compilation compilation, string? editorConfig = null)
        {
            var types = KnownTypes.Create(compilation);
            var context = new ModelContext(compilation, types, OptionsFor(compilation, editorConfig), ImmutableHashSet<string>.Empty, new SourceBodies(compilation, CancellationToken.None));
            return ProgrammingModels.Create(context, new BodyFactsTable(types, HazardCatalog.Rules));
        }

        private static InitPhase Build(Compilation compilation)
            => InitPhase.Build(compilation, KnownTypes.Create(compilation), OptionsFor(compilation, null), SnapStartDeployment.Create(DeploymentTemplates.None, compilation), HazardCatalog.Rules, CancellationToken.None);
    }
}
