using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
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
    /// <summary>Compiles test sources in a programming model and builds the model's parts from them, for tests that query the model directly.</summary>
    internal static class ModelCompilation
    {
        public static async Task<Compilation> CompileAsync(LambdaModel model, params string[] sources)
        {
            var references = await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
            if (model == LambdaModel.MinimalApi)
            {
                references = references.AddRange(await StandInReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None));
            }

            var compilation = CSharpCompilation.Create(
                "Model" + model,
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, new CSharpParseOptions(LanguageVersion.Latest), path: "/src/File" + i + ".cs")),
                references.AddRange(await StandInReferences.ForModelAsync(model)),
                new CSharpCompilationOptions(StandInReferences.OutputKindOf(model), nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            return compilation;
        }

        public static SnapSafeOptions OptionsFor(Compilation compilation, string? editorConfig = null)
            => SnapSafeOptions.Create(compilation, new TestOptionsProvider(editorConfig));

        /// <summary>The programming models recognized in a compilation (no walk).</summary>
        public static ProgrammingModels Recognize(Compilation compilation, string? editorConfig = null, params string[] templateHandlers)
        {
            var types = KnownTypes.Create(compilation);
            var context = new ModelContext(compilation, types, OptionsFor(compilation, editorConfig), templateHandlers.ToImmutableHashSet(), new SourceBodies(compilation, CancellationToken.None));
            return ProgrammingModels.Create(context, new BodyFactsTable(types, HazardCatalog.Rules));
        }

        /// <summary>The whole init-phase model of a compilation.</summary>
        public static InitPhase Build(Compilation compilation, string? editorConfig = null)
            => InitPhase.Build(compilation, KnownTypes.Create(compilation), OptionsFor(compilation, editorConfig), SnapStartDeployment.Create(DeploymentTemplates.None, compilation), HazardCatalog.Rules, CancellationToken.None);

        public static INamedTypeSymbol Type(Compilation compilation, string metadataName)
            => compilation.GetTypeByMetadataName(metadataName) ?? throw new Xunit.Sdk.XunitException("no type " + metadataName);

        public static IMethodSymbol Method(Compilation compilation, string type, string name)
            => Type(compilation, type).GetMembers(name).OfType<IMethodSymbol>().Single();

        public static ISymbol Member(Compilation compilation, string type, string name)
            => Type(compilation, type).GetMembers(name).Single();

        /// <summary>The operations of a kind in a method's body, in source order.</summary>
        public static TOperation[] OperationsIn<TOperation>(InitPhase phase, IMethodSymbol method)
            where TOperation : IOperation
            => phase.Bodies.BodyOf(method)!.DescendantsAndSelf().OfType<TOperation>().OrderBy(o => o.Syntax.SpanStart).ToArray();
    }
}
