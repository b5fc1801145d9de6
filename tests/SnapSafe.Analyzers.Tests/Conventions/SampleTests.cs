using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Tests.Infrastructure;
using SnapSafe.Analyzers.Tests.Robustness;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Conventions
{
    /// <summary>
    /// The samples keep their promise: each <c>Hazardous</c> sample fires exactly the rules its comments announce
    /// (<c>// SNAP001: ...</c>, <c># SNAP050: ...</c> in a YAML template), and each <c>Fixed</c> twin has no SnapSafe
    /// diagnostic at all. Each sample project is compiled as its build compiles it: its sources, its deployment
    /// templates as additional files, the samples' .editorconfig, its assembly name and output kind.
    /// </summary>
    public class SampleTests
    {
        private static readonly Regex Announced = new Regex(@"(?://|#)[^\n]*?\b(SNAP\d{3}):", RegexOptions.Compiled);

        public static IEnumerable<object[]> Samples()
            => Directory.GetDirectories(Repository.PathOf("samples"))
                .Where(d => !string.Equals(Path.GetFileName(d), "StandIns", StringComparison.Ordinal))
                .SelectMany(d => new[] { Path.Combine(d, "Hazardous"), Path.Combine(d, "Fixed") })
                .Where(Directory.Exists)
                .OrderBy(d => d, StringComparer.Ordinal)
                .Select(d => new object[] { Path.GetRelativePath(Repository.PathOf("samples"), d).Replace('\\', '/') });

        [Theory]
        [MemberData(nameof(Samples))]
        public async Task Sample_FiresExactlyTheRulesItAnnounces(string sample)
        {
            var folder = Repository.PathOf("samples", sample);
            var diagnostics = await AnalyzeAsync(folder);
            var fired = diagnostics.Select(d => d.Id).Where(id => id.StartsWith("SNAP", StringComparison.Ordinal)).ToImmutableSortedSet(StringComparer.Ordinal);

            if (sample.EndsWith("/Fixed", StringComparison.Ordinal))
            {
                Assert.True(fired.IsEmpty, $"{sample} should be clean but reports:\n{Describe(diagnostics)}");
                return;
            }

            var announced = SourceFiles(folder).Concat(TemplateFiles(folder))
                .SelectMany(file => Announced.Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value))
                .ToImmutableSortedSet(StringComparer.Ordinal);
            Assert.NotEmpty(announced);
            Assert.True(
                announced.SetEquals(fired),
                $"{sample} announces {string.Join(", ", announced)} but reports {string.Join(", ", fired)}:\n{Describe(diagnostics)}");
        }

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string folder)
        {
            var project = XDocument.Load(Directory.GetFiles(folder, "*.csproj").Single());
            var assemblyName = project.Descendants("AssemblyName").Select(e => e.Value).FirstOrDefault() ?? "Sample";
            // The web SDK builds an executable unless told otherwise.
            var isExecutable = project.Descendants("OutputType").Any(e => e.Value == "Exe")
                || (string)project.Root!.Attribute("Sdk")! == "Microsoft.NET.Sdk.Web";
            var outputKind = isExecutable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var trees = SourceFiles(folder)
                .Select(file => CSharpSyntaxTree.ParseText(File.ReadAllText(file), new CSharpParseOptions(LanguageVersion.Latest), path: file))
                .ToList();
            var compilation = CSharpCompilation.Create(
                assemblyName,
                trees,
                await RobustnessCorpus.ReferencesAsync(),
                new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            Assert.True(errors.Count == 0, "the sample does not compile:\n" + string.Join("\n", errors));

            var additionalFiles = TemplateFiles(folder)
                .Select(file => (AdditionalText)new FileText(file))
                .ToImmutableArray();
            var options = new AnalyzerOptions(additionalFiles, new TestOptionsProvider(File.ReadAllText(Repository.PathOf("samples", ".editorconfig"))));
            return await compilation.WithAnalyzers(RobustnessCorpus.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }

        private static IEnumerable<string> SourceFiles(string folder)
            => Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal);

        private static IEnumerable<string> TemplateFiles(string folder)
            => Directory.GetFiles(folder)
                .Where(f => Path.GetFileName(f) is "serverless.template" or "template.yaml" or "template.yml" or "aws-lambda-tools-defaults.json")
                .OrderBy(f => f, StringComparer.Ordinal);

        private static string Describe(IEnumerable<Diagnostic> diagnostics)
            => string.Join("\n", diagnostics.Select(d => d.ToString()));

        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }
    }
}
