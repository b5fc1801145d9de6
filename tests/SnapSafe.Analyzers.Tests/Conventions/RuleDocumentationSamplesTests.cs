using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers.Tests.Infrastructure;
using SnapSafe.Analyzers.Tests.Verifiers;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Conventions
{
    /// <summary>
    /// The "Before:" and "After:" code of every rule page compiles against the Amazon.Lambda stand-ins; the before
    /// code shows the page's rule and the after code no longer does.
    /// </summary>
    public class RuleDocumentationSamplesTests
    {
        private static readonly Regex Sample = new Regex(@"^(Before|After)[^\n]*:\s*\n+```csharp\n(?<code>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline);
        private static readonly Regex Option = new Regex(@"^\s*(snapsafe\.(sensitive_types|secret_methods|connection_methods|unique_value_methods)\s*=.*)$", RegexOptions.Multiline);

        public static IEnumerable<object[]> Pages()
            => Directory.GetFiles(Repository.PathOf("docs", "rules"), "SNAP*.md")
                .Select(path => Path.GetFileNameWithoutExtension(path))
                .OrderBy(id => id, StringComparer.Ordinal)
                .Select(id => new object[] { id });

        [Theory]
        [MemberData(nameof(Pages))]
        public async Task BeforeAndAfterCode_Compiles_AndShowsTheFix(string id)
        {
            var page = Repository.ReadText("docs", "rules", id + ".md").Replace("\r\n", "\n");
            var samples = Sample.Matches(page).Cast<Match>().ToList();
            if (samples.Count == 0)
            {
                // Pages without before/after code (configuration diagnostics) have nothing to compile.
                Assert.True(id.StartsWith("SNAP9", StringComparison.Ordinal), id + ".md has no 'Before:'/'After:' csharp blocks");
                return;
            }

            var options = string.Join("\n", Option.Matches(page).Cast<Match>().Select(m => m.Groups[1].Value));
            foreach (var sample in samples)
            {
                var before = sample.Groups[1].Value == "Before";
                var code = sample.Groups["code"].Value;
                var diagnostics = await AnalyzeAsync(id, code, options);
                var errors = diagnostics.Compiler.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                Assert.True(errors.Count == 0, $"{id}.md {sample.Groups[1].Value} code does not compile:\n{string.Join("\n", errors)}\n{code}");
                Assert.Empty(diagnostics.Analyzer.Where(d => d.Id == "AD0001"));
                var shown = diagnostics.Analyzer.Any(d => d.Id == id);
                if (id.StartsWith("SNAP9", StringComparison.Ordinal))
                {
                    continue;
                }

                Assert.True(before == shown, $"{id}.md {sample.Groups[1].Value} code {(before ? "does not show" : "still shows")} {id}: {string.Join("; ", diagnostics.Analyzer)}");
            }
        }

        private static async Task<(ImmutableArray<Diagnostic> Compiler, ImmutableArray<Diagnostic> Analyzer)> AnalyzeAsync(string id, string code, string options)
        {
            var model = code.Contains("Amazon.Lambda.AspNetCoreServer", StringComparison.Ordinal) ? LambdaModel.AspNetCoreFunction
                : code.Contains("WebApplication", StringComparison.Ordinal) ? LambdaModel.MinimalApi
                : code.Contains("LambdaBootstrapBuilder", StringComparison.Ordinal) ? LambdaModel.Executable
                : code.Contains("[LambdaFunction", StringComparison.Ordinal) || code.Contains("[LambdaStartup", StringComparison.Ordinal) ? LambdaModel.Annotations
                : LambdaModel.ClassLibrary;
            var baseReferences = model == LambdaModel.MinimalApi ? StandInReferences.AspNetCore80 : StandInReferences.Net80;
            var references = (await baseReferences.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
                .AddRange(await StandInReferences.ForModelAsync(model))
                .AddRange(await DocumentationReferences.AllAsync());
            var usings = model == LambdaModel.MinimalApi
                ? "global using System;\nglobal using System.Linq;\nglobal using System.Threading.Tasks;\nglobal using Microsoft.AspNetCore.Builder;\nglobal using Microsoft.AspNetCore.Http;\nglobal using Microsoft.Extensions.DependencyInjection;\n"
                : string.Empty;
            var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: "/docs/" + id + ".cs") };
            if (usings.Length > 0)
            {
                trees.Add(CSharpSyntaxTree.ParseText(usings, new CSharpParseOptions(LanguageVersion.Latest), path: "/docs/Usings.cs"));
            }

            var compilation = CSharpCompilation.Create(
                "Docs" + id,
                trees,
                references,
                new CSharpCompilationOptions(StandInReferences.OutputKindOf(model), nullableContextOptions: NullableContextOptions.Enable));
            var analyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new SnapSafeAnalyzer()),
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new TestOptionsProvider(options)));
            var analyzerDiagnostics = await analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return (compilation.GetDiagnostics(), analyzerDiagnostics);
        }
    }
}
