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
        private static readonly Regex TemplateSample = new Regex(@"^(Before|After)[^\n]*:\s*\n+```(?<language>yaml|json)\n(?<code>.*?)\n```", RegexOptions.Multiline | RegexOptions.Singleline);
        private static readonly Regex Handler = new Regex(@"(?<assembly>[A-Za-z_][\w.]*)::(?<type>[A-Za-z_]\w*(\.[A-Za-z_]\w*)+)::(?<method>[A-Za-z_]\w*)");
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
                // Pages without before/after code (configuration diagnostics) have nothing to compile; deployment
                // rules show templates instead (BeforeAndAfterTemplates_ShowTheFix).
                Assert.True(
                    id.StartsWith("SNAP9", StringComparison.Ordinal) || TemplateSample.IsMatch(page),
                    id + ".md has no 'Before:'/'After:' csharp or template blocks");
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

        /// <summary>
        /// Template samples (deployment rules, SNAP022's template form): the "Before:" template shows the page's rule
        /// and the "After:" template does not, analyzed as an AdditionalFile of a class library that declares the
        /// handlers the "After:" templates name (so a misspelled "Before:" handler is the only difference).
        /// </summary>
        [Theory]
        [MemberData(nameof(Pages))]
        public async Task BeforeAndAfterTemplates_ShowTheFix(string id)
        {
            var page = Repository.ReadText("docs", "rules", id + ".md").Replace("\r\n", "\n");
            var samples = TemplateSample.Matches(page).Cast<Match>().ToList();
            if (samples.Count == 0)
            {
                return;
            }

            Assert.Contains(samples, sample => sample.Groups[1].Value == "Before");
            Assert.Contains(samples, sample => sample.Groups[1].Value == "After");
            var handlers = samples
                .Where(sample => sample.Groups[1].Value == "After")
                .SelectMany(sample => Handler.Matches(sample.Groups["code"].Value).Cast<Match>())
                .ToList();
            Assert.True(handlers.Count > 0, id + ".md: the 'After:' templates name no handler");
            var assembly = handlers[0].Groups["assembly"].Value;
            var code = "using Amazon.Lambda.Core;\n" + string.Concat(handlers
                .Select(handler => (Type: handler.Groups["type"].Value, Method: handler.Groups["method"].Value))
                .Distinct()
                .Select(handler =>
                {
                    var dot = handler.Type.LastIndexOf('.');
                    return $"namespace {handler.Type.Substring(0, dot)} {{ public class {handler.Type.Substring(dot + 1)} {{ public string {handler.Method}(string input, ILambdaContext context) => input; }} }}\n";
                }));

            foreach (var sample in samples)
            {
                var before = sample.Groups[1].Value == "Before";
                var template = sample.Groups["code"].Value + "\n";
                var path = sample.Groups["language"].Value == "yaml" ? "/docs/template.yaml"
                    : template.Contains("\"Resources\"", StringComparison.Ordinal) ? "/docs/serverless.template"
                    : "/docs/aws-lambda-tools-defaults.json";
                var diagnostics = await AnalyzeTemplateAsync(assembly, code, path, template);
                Assert.Empty(diagnostics.Where(d => d.Id == "AD0001" || d.Id == "SNAP901"));
                var shown = diagnostics.Any(d => d.Id == id);
                Assert.True(before == shown, $"{id}.md {sample.Groups[1].Value} template {(before ? "does not show" : "still shows")} {id}: {string.Join("; ", diagnostics)}");
                if (!before)
                {
                    Assert.Empty(diagnostics.Where(d => d.Id.StartsWith("SNAP", StringComparison.Ordinal)));
                }
            }
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeTemplateAsync(string assembly, string code, string path, string template)
        {
            var references = (await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
                .AddRange(await StandInReferences.ForModelAsync(LambdaModel.ClassLibrary));
            var compilation = CSharpCompilation.Create(
                assembly,
                new[] { CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest), path: "/docs/Handlers.cs") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "the handler stand-ins do not compile:\n" + string.Join("\n", errors) + "\n" + code);
            var analyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new SnapSafeAnalyzer()),
                new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new SampleTemplate(path, template)), new TestOptionsProvider(string.Empty)));
            return await analyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }

        private sealed class SampleTemplate : AdditionalText
        {
            private readonly Microsoft.CodeAnalysis.Text.SourceText _text;

            public SampleTemplate(string path, string text)
            {
                Path = path;
                _text = Microsoft.CodeAnalysis.Text.SourceText.From(text);
            }

            public override string Path { get; }

            public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => _text;
        }

        private static async Task<(ImmutableArray<Diagnostic> Compiler, ImmutableArray<Diagnostic> Analyzer)> AnalyzeAsync(string id, string code, string options)
        {
            var model = code.Contains("Amazon.Lambda.AspNetCoreServer", StringComparison.Ordinal) ? LambdaModel.AspNetCoreFunction
                : code.Contains("WebApplication", StringComparison.Ordinal) ? LambdaModel.MinimalApi
                : code.Contains("LambdaBootstrapBuilder", StringComparison.Ordinal) ? LambdaModel.Executable
                : code.Contains("[LambdaFunction", StringComparison.Ordinal) || code.Contains("[LambdaStartup", StringComparison.Ordinal) ? LambdaModel.Annotations
                : LambdaModel.ClassLibrary;
            var references = (await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None))
                .AddRange(model == LambdaModel.MinimalApi ? await StandInReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None) : ImmutableArray<MetadataReference>.Empty)
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
