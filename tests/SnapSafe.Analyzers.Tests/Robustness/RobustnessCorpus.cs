using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers.Tests.Conventions;
using SnapSafe.Analyzers.Tests.Verifiers;

namespace SnapSafe.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The C# the robustness tests run SnapSafe over: every test source of the rule, model and code-fix tests (the
    /// verbatim strings of those test classes, markup removed), the samples, and SnapSafe's own sources; and the
    /// machinery to analyze a source and apply every offered fix outside the slow verifiers.
    /// </summary>
    internal static class RobustnessCorpus
    {
        private static readonly Regex Markup = new Regex(@"\{\|SNAP\d{3}:|\|\}|\[\||\|\]", RegexOptions.Compiled);

        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> LazyReferences = new Lazy<Task<ImmutableArray<MetadataReference>>>(CreateReferencesAsync);

        /// <summary>Every analyzer and code fix the package ships.</summary>
        public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new SnapSafeAnalyzer());

        public static ImmutableArray<CodeFixProvider> CodeFixes { get; } = typeof(SnapSafe.Analyzers.CodeFixes.AfterRestoreCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        /// <summary>Lambda test sources: the verbatim strings of the test classes that name an Amazon.Lambda namespace.</summary>
        public static IReadOnlyList<string> TestSources()
        {
            var folders = new[] { "Rules", "Model", "CodeFixes", "Configuration" };
            var result = new List<string>();
            foreach (var folder in folders)
            {
                var path = Repository.PathOf("tests", "SnapSafe.Analyzers.Tests", folder);
                if (!Directory.Exists(path))
                {
                    continue;
                }

                foreach (var file in Directory.GetFiles(path, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
                {
                    var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
                    foreach (var literal in root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.StringLiteralToken) && t.Text.StartsWith("@\"", StringComparison.Ordinal)))
                    {
                        var text = literal.ValueText;
                        if (text.Contains("Amazon.Lambda", StringComparison.Ordinal) && text.Contains('{'))
                        {
                            result.Add(Markup.Replace(text, string.Empty));
                        }
                    }
                }
            }

            return result;
        }

        /// <summary>The C# files of the samples (hazardous and fixed functions).</summary>
        public static IReadOnlyList<string> SampleSources()
            => Directory.GetFiles(Repository.PathOf("samples"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "StandIns" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(File.ReadAllText)
                .ToList();

        /// <summary>Each sample project (hazardous and fixed) as its C# files, by project folder.</summary>
        public static IReadOnlyList<(string Name, IReadOnlyList<(string Path, string Text)> Files)> SampleProjects()
            => Directory.GetFiles(Repository.PathOf("samples"), "*.csproj", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "StandIns" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(project =>
                {
                    var folder = Path.GetDirectoryName(project)!;
                    var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
                        .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                            && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                        .OrderBy(f => f, StringComparer.Ordinal)
                        .Select(f => (Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText(f)))
                        .ToList();
                    return (Path.GetRelativePath(Repository.PathOf("samples"), folder).Replace('\\', '/'), (IReadOnlyList<(string, string)>)files);
                })
                .ToList();

        /// <summary>SnapSafe's own sources and tests: a large body of ordinary C#.</summary>
        public static IReadOnlyList<string> OwnSources()
            => new[] { Repository.PathOf("src"), Repository.PathOf("tests"), Repository.PathOf("benchmarks") }
                .SelectMany(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(File.ReadAllText)
                .ToList();

        /// <summary>Everything a test source may use: .NET 8, ASP.NET Core, the Amazon.Lambda stand-ins, the data providers and AWS SDK.</summary>
        public static Task<ImmutableArray<MetadataReference>> ReferencesAsync() => LazyReferences.Value;

        public static OutputKind OutputKindOf(string source)
            => source.Contains("RunAsync()", StringComparison.Ordinal) || source.Contains("app.Run(", StringComparison.Ordinal)
                || source.Contains("static async Task Main", StringComparison.Ordinal) || source.Contains("static void Main", StringComparison.Ordinal)
                ? OutputKind.ConsoleApplication
                : OutputKind.DynamicallyLinkedLibrary;

        /// <summary>A one-document project in a fresh workspace.</summary>
        public static async Task<Document> DocumentAsync(string source, OutputKind outputKind, string name = "Function.cs")
        {
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                "Robustness",
                "Robustness",
                LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
                metadataReferences: await ReferencesAsync().ConfigureAwait(false)));
            var usings = workspace.AddDocument(project.Id, "Usings.cs", SourceText.From(
                "global using System;\nglobal using System.Collections.Generic;\nglobal using System.Linq;\nglobal using System.Threading.Tasks;\n"));
            return workspace.AddDocument(usings.Project.Id, name, SourceText.From(source));
        }

        /// <summary>A project of several documents in a fresh workspace; an executable when one of them has an entry point.</summary>
        public static async Task<IReadOnlyList<Document>> ProjectAsync(IReadOnlyList<(string Path, string Text)> files)
        {
            var outputKind = files.Any(f => OutputKindOf(f.Text) == OutputKind.ConsoleApplication) ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary;
            var first = await DocumentAsync(files[0].Text, outputKind, files[0].Path).ConfigureAwait(false);
            var documents = new List<Document> { first };
            var solution = first.Project.Solution;
            foreach (var (path, text) in files.Skip(1))
            {
                var id = DocumentId.CreateNewId(first.Project.Id);
                solution = solution.AddDocument(id, path, SourceText.From(text));
                documents.Add(solution.GetDocument(id)!);
            }

            return documents.Select(d => solution.GetDocument(d.Id)!).ToList();
        }

        /// <summary>SnapSafe's diagnostics on the document's project, and every analyzer exception they came with.</summary>
        public static async Task<(ImmutableArray<Diagnostic> Diagnostics, List<string> Exceptions)> AnalyzeAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync().ConfigureAwait(false))!;
            var exceptions = new List<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, analyzer, diagnostic) =>
                {
                    lock (exceptions)
                    {
                        exceptions.Add(exception.ToString());
                    }
                },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(Analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            exceptions.AddRange(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.GetMessage()));
            return (diagnostics, exceptions);
        }

        /// <summary>The solutions every code fix offered for <paramref name="diagnostics"/> produces (one per action).</summary>
        public static async Task<List<(Diagnostic Diagnostic, string Title, Solution Solution)>> ApplyFixesAsync(Document document, IEnumerable<Diagnostic> diagnostics)
        {
            var result = new List<(Diagnostic, string, Solution)>();
            foreach (var diagnostic in diagnostics.Where(d => d.Location.IsInSource && d.Location.SourceTree!.FilePath == document.FilePath || d.Location.SourceTree?.FilePath == document.Name))
            {
                foreach (var fix in CodeFixes.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
                {
                    var actions = new List<CodeAction>();
                    await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None)).ConfigureAwait(false);
                    foreach (var action in actions)
                    {
                        foreach (var operation in await action.GetOperationsAsync(CancellationToken.None).ConfigureAwait(false))
                        {
                            if (operation is ApplyChangesOperation apply)
                            {
                                result.Add((diagnostic, action.Title, apply.ChangedSolution));
                            }
                        }
                    }
                }
            }

            return result;
        }

        private static async Task<ImmutableArray<MetadataReference>> CreateReferencesAsync()
        {
            var aspNet = await StandInReferences.AspNetCore80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
            var lambda = new[] { LambdaModel.MinimalApi, LambdaModel.Annotations, LambdaModel.AspNetCoreFunction }
                .Select(m => StandInReferences.ForModelAsync(m))
                .ToList();
            var all = new List<MetadataReference>(await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false));
            all.AddRange(aspNet);
            foreach (var task in lambda)
            {
                all.AddRange(await task.ConfigureAwait(false));
            }

            all.AddRange(await PackageReferences.AllAsync().ConfigureAwait(false));

            // One reference per assembly name: the models share Amazon.Lambda.Core and the Microsoft.Extensions packages.
            return all.GroupBy(r => (r as PortableExecutableReference)?.FilePath is { } path ? Path.GetFileName(path) : r.Display ?? string.Empty, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.First())
                .ToImmutableArray();
        }
    }
}
