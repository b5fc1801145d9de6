using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers;

namespace SnapSafe.Benchmarks
{
    /// <summary>
    /// Measures what SnapSafe costs the people who use it, against the compiler's own work on the same code: in a
    /// build (every project compiled against the full net8.0 reference set, fresh references each run, as a new
    /// compiler process sees them) and in the editor (one document's diagnostics after a one-line edit). Usage:
    /// <c>dotnet run -c Release --project benchmarks/SnapSafe.Benchmarks [-- --quick] [--only lambda,library,small,editor] [--repetitions N]</c>,
    /// or <c>-- --profile</c> / <c>-- --bailout</c> for a profiler.
    /// The process exits with 1 when a corpus's SnapSafe findings differ from the recorded count.
    /// </summary>
    public static class Program
    {
        /// <summary>
        /// SnapSafe's findings per corpus and size. A change in the model or the rules that changes what SnapSafe
        /// reports on the benchmark corpora shows here first: update the number with the change that explains it.
        /// </summary>
        private static readonly Dictionary<string, int> ExpectedFindings = new Dictionary<string, int>
        {
            ["Lambda, all four models, 100 files"] = 274,
            ["Lambda, all four models, 250 files"] = 641,
            ["Lambda, all four models, 1000 files"] = 2329,
            ["no Lambda types: library, 250 files"] = 0,
            ["no Lambda types: small files, 250 files"] = 0,
            ["no Lambda types: small files, 1000 files"] = 0,
        };

        private static readonly List<string> Mismatches = new List<string>();

        public static async Task<int> Main(string[] args)
        {
            var quick = args.Contains("--quick");
            var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault()?.Split(',') ?? new[] { "lambda", "library", "small", "editor" };
            var references = CorpusReferences.Load();
            if (args.Contains("--profile"))
            {
                // SnapSafe alone on the Lambda corpus, for a profiler to attach to.
                var corpus = LambdaProjects(references, 500);
                for (var i = 0; i < 6; i++)
                {
                    foreach (var project in corpus)
                    {
                        await AnalyzerRun(project.Create(), new SnapSafeAnalyzer());
                    }
                }

                return 0;
            }

            if (args.Contains("--bailout"))
            {
                await BailoutProfile.RunAsync(new CorpusProject("Library", LibraryCorpus.Create(250), references, Frameworks.NetCore, lambda: false, executable: false).EnsureCompiles());
                return 0;
            }

            var repetitions = int.TryParse(args.SkipWhile(a => a != "--repetitions").Skip(1).FirstOrDefault(), out var n) ? n : quick ? 2 : 5;
            Console.WriteLine($"# SnapSafe analyzer cost ({DateTime.UtcNow:yyyy-MM-dd})");
            Console.WriteLine();
            Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInfo()}, Roslyn {typeof(Compilation).Assembly.GetName().Version}.");
            Console.WriteLine($"References: the net8.0 targeting packs ({references.NetCoreCount} assemblies of Microsoft.NETCore.App, {references.AspNetCoreCount} more of Microsoft.AspNetCore.App for minimal-API and Annotations projects) from {references.NetCoreSource}, new for every compilation.");
            Console.WriteLine($"Each figure is the median of {repetitions} runs after a warm-up run.");
            Console.WriteLine();
            if (only.Contains("lambda") || only.Contains("library") || only.Contains("small"))
            {
                Console.WriteLine("## In a build");
                Console.WriteLine();
                Console.WriteLine("| corpus | files | lines | compiler GetDiagnostics (ms) | SnapSafe, telemetry (ms) | telemetry ratio | SnapSafe reading the references first, telemetry (ms) | ratio | SnapSafe, differential (ms) | differential ratio | naive syntax-node rule, telemetry (ms) | naive ratio | compiler allocated (MB) | SnapSafe allocated (MB) | allocation ratio | SnapSafe findings (expected) |");
                Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            }

            var summaries = new List<string>();
            if (only.Contains("lambda"))
            {
                foreach (var size in quick ? new[] { 250 } : new[] { 100, 250, 1000 })
                {
                    await Report("Lambda, all four models", size, LambdaProjects(references, size / 4), repetitions);
                }

                summaries.Add(LastSummary);
            }

            var library = new CorpusProject("Library", LibraryCorpus.Create(250), references, Frameworks.NetCore, lambda: false, executable: false).EnsureCompiles();
            if (only.Contains("library"))
            {
                await Report("no Lambda types: library", library.Trees.Count, new List<CorpusProject> { library }, repetitions);
                summaries.Add(LastSummary);
            }

            if (only.Contains("small"))
            {
                foreach (var size in quick ? new[] { 250 } : new[] { 250, 1000 })
                {
                    // Small files of records, LINQ and async code that reference no Amazon.Lambda package.
                    var plain = new CorpusProject("Plain", Corpus.Plain(size), references, Frameworks.NetCore, lambda: false, executable: false).EnsureCompiles();
                    await Report("no Lambda types: small files", size, new List<CorpusProject> { plain }, repetitions);
                }
            }

            if (summaries.Count > 0)
            {
                Console.WriteLine();
                foreach (var summary in summaries)
                {
                    Console.WriteLine("- " + summary);
                }
            }

            if (only.Contains("editor"))
            {
                Console.WriteLine();
                Console.WriteLine("## In the editor: one document's diagnostics after a one-line edit");
                Console.WriteLine();
                var editorFiles = int.TryParse(args.SkipWhile(a => a != "--editor-files").Skip(1).FirstOrDefault(), out var e) ? e : 1000;
                var editorLambda = new CorpusProject("Functions", Corpus.Lambda(Model.ClassLibrary, editorFiles), references, Frameworks.NetCore, lambda: true, executable: false).EnsureCompiles();
                await EditorCase.RunAsync("Lambda, class library", editorLambda, $"File{(editorFiles / 6) * 3}.cs", $"File{(editorFiles / 6) * 3 + 3}.cs", repetitions);
                if (only.Contains("library"))
                {
                    await EditorCase.RunAsync("no Lambda types: library", library, "M1/Product126.cs", "M4/Product129.cs", repetitions);
                }
                EditorCase.PrintTable();
            }

            if (Mismatches.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine("SnapSafe's findings differ from the recorded counts: " + string.Join("; ", Mismatches));
                return 1;
            }

            return 0;
        }

        private static List<CorpusProject> LambdaProjects(CorpusReferences references, int perModel)
            => Enum.GetValues<Model>().Select(model => new CorpusProject(
                model.ToString(),
                Corpus.Lambda(model, perModel),
                references,
                model == Model.MinimalApi || model == Model.Annotations ? Frameworks.NetCoreAndAspNetCore : Frameworks.NetCore,
                lambda: true,
                executable: model == Model.Executable || model == Model.MinimalApi).EnsureCompiles()).ToList();

        private static async Task Report(string corpus, int files, List<CorpusProject> projects, int repetitions)
        {
            var compiler = new List<double>();
            var snapSafe = new List<double>();
            var first = new List<double>();
            var naive = new List<double>();
            var differential = new List<double>();
            var compilerBytes = new List<double>();
            var snapSafeBytes = new List<double>();
            var findings = 0;
            for (var run = -1; run < repetitions; run++)
            {
                double compilerTime = 0, analyzerTime = 0, firstTime = 0, naiveTime = 0, differentialTime = 0, compilerAllocated = 0, analyzerAllocated = 0;
                findings = 0;
                LastRules.Clear();
                LastActions.Clear();
                foreach (var project in projects)
                {
                    // The compiler: binding, flow analysis and diagnostics of every body, reading the references for
                    // the first time, as a new compiler process does. Its allocations are every thread's.
                    var references = project.References();
                    var compilation = project.Create(references);
                    Settle();
                    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
                    var stopwatch = Stopwatch.StartNew();
                    compilation.GetDiagnostics();
                    compilerTime += stopwatch.Elapsed.TotalMilliseconds;
                    compilerAllocated += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

                    // SnapSafe in the same build: a new compilation of the same sources on the same references (what
                    // the compiler read of them is read), its time from Roslyn's telemetry, its allocations counted
                    // inside its callbacks (AllocationMeter).
                    var meter = new AllocationMeter();
                    Settle();
                    var (time, count) = await AnalyzerRun(project.Create(references), new MeteredAnalyzer(new SnapSafeAnalyzer(), meter), countRules: true);
                    analyzerTime += time;
                    analyzerAllocated += meter.Bytes;
                    findings += count;

                    // SnapSafe on references nobody has read yet: it pays for reading whatever it asks about first.
                    Settle();
                    firstTime += (await AnalyzerRun(project.Create(), new SnapSafeAnalyzer())).Time;

                    Settle();
                    naiveTime += (await AnalyzerRun(project.Create(references), new NaiveIdentifierAnalyzer())).Time;

                    // SnapSafe's own work: the same driver run with SnapSafe, minus one with a twin that registers
                    // the same actions and does nothing in them.
                    Settle();
                    var withSnapSafe = await WallTime(project.Create(references), new SnapSafeAnalyzer());
                    Settle();
                    differentialTime += withSnapSafe - await WallTime(project.Create(references), new ActionTwinAnalyzer());
                    GC.KeepAlive(compilation);
                }

                if (run >= 0)
                {
                    compiler.Add(compilerTime);
                    snapSafe.Add(analyzerTime);
                    first.Add(firstTime);
                    naive.Add(naiveTime);
                    differential.Add(differentialTime);
                    compilerBytes.Add(compilerAllocated);
                    snapSafeBytes.Add(analyzerAllocated);
                }
            }

            var c = Median(compiler);
            var s = Median(snapSafe);
            var f = Median(first);
            var d = Math.Max(0, Median(differential));
            var cb = Median(compilerBytes);
            var sb = Median(snapSafeBytes);
            var key = $"{corpus}, {files} files";
            var expected = ExpectedFindings.TryGetValue(key, out var e) ? e.ToString() : "none recorded";
            if (!ExpectedFindings.TryGetValue(key, out e) || e != findings)
            {
                Mismatches.Add($"{key}: {findings} (expected {expected})");
            }

            var lines = projects.Sum(p => p.Lines);
            Console.WriteLine($"| {corpus} | {files} | {lines:N0} | {c:F0} | {s:F1} | {s / c:F4} | {f:F1} | {f / c:F4} | {d:F1} | {d / c:F4} | {Median(naive):F1} | {Median(naive) / c:F3} | {cb / 1e6:F1} | {sb / 1e6:F2} | {sb / cb:F4} | {findings} ({expected}) |");
            LastSummary = $"{corpus}, {files} files: findings per rule: "
                + (LastRules.Count == 0 ? "none" : string.Join(", ", LastRules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")))
                + "; analyzer actions registered and run: "
                + string.Join(", ", LastActions.Where(a => a.Value > 0).Select(a => $"{a.Key} {a.Value}"));
        }

        private static readonly Dictionary<string, int> LastRules = new Dictionary<string, int>();
        private static readonly Dictionary<string, int> LastActions = new Dictionary<string, int>();
        private static string LastSummary = string.Empty;

        private static void Add(string action, int count) => LastActions[action] = LastActions.TryGetValue(action, out var n) ? n + count : count;

        /// <summary>A full collection before each measured step, so that one step's garbage is not collected in the next.</summary>
        internal static void Settle()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }

        internal static CompilationWithAnalyzersOptions AnalyzerOptions(bool logTime) => new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, BenchmarkOptions.Instance),
            onAnalyzerException: (exception, _, _) => throw new InvalidOperationException("analyzer exception", exception),
            concurrentAnalysis: false,
            logAnalyzerExecutionTime: logTime);

        private static async Task<(double Time, int Count)> AnalyzerRun(CSharpCompilation compilation, DiagnosticAnalyzer analyzer, bool countRules = false)
        {
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), AnalyzerOptions(logTime: true));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            if (countRules)
            {
                foreach (var diagnostic in diagnostics)
                {
                    LastRules[diagnostic.Id] = LastRules.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
                }

                Add("compilation start", telemetry.CompilationStartActionsCount);
                Add("compilation end", telemetry.CompilationEndActionsCount);
                Add("semantic model (init-phase findings, per tree)", telemetry.SemanticModelActionsCount);
                Add("syntax tree (configuration, per tree)", telemetry.SyntaxTreeActionsCount);
                Add("syntax node (SNAP022 literals, SNAP023 calls)", telemetry.SyntaxNodeActionsCount);
                Add("additional file (templates)", telemetry.AdditionalFileActionsCount);
                Add("symbol", telemetry.SymbolActionsCount);
                Add("operation", telemetry.OperationActionsCount);
            }

            return (telemetry.ExecutionTime.TotalMilliseconds, diagnostics.Count(d => d.Id.StartsWith("SNAP", StringComparison.Ordinal)));
        }

        private static async Task<double> WallTime(CSharpCompilation compilation, DiagnosticAnalyzer analyzer)
        {
            var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create(analyzer), AnalyzerOptions(logTime: false));
            var stopwatch = Stopwatch.StartNew();
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return stopwatch.Elapsed.TotalMilliseconds;
        }

        internal static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted[sorted.Count / 2];
        }

        private static string RuntimeInfo() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + " on " + System.Runtime.InteropServices.RuntimeInformation.OSDescription;
    }

    /// <summary>The options a team would set: a sensitive type for SNAP043, every rule at least a suggestion.</summary>
    internal sealed class BenchmarkOptions : AnalyzerConfigOptionsProvider
    {
        public static readonly BenchmarkOptions Instance = new BenchmarkOptions();

        private static readonly Options Values = new Options();

        public override AnalyzerConfigOptions GlobalOptions => Values;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Values;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Values;

        private sealed class Options : AnalyzerConfigOptions
        {
            public override IEnumerable<string> Keys { get; } = new[] { "snapsafe.sensitive_types" };

            public override bool TryGetValue(string key, out string value)
            {
                value = key == "snapsafe.sensitive_types" ? "Orders.Licensing.Lease" : string.Empty;
                return value.Length > 0;
            }
        }
    }

    /// <summary>
    /// SnapSafe's twin: registers the same kinds of actions on the same nodes and does nothing in them, so that the
    /// analyzer driver's own cost (compilation events, semantic models) can be taken out of SnapSafe's.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class ActionTwinAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("TWIN001", "Twin", "Twin", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSemanticModelAction(_ => { });
                start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression, SyntaxKind.InterpolatedStringText);
                start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.InvocationExpression);
            });
        }
    }

    /// <summary>The yardstick: a rule that binds every identifier in the compilation (what a naive analyzer does).</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class NaiveIdentifierAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("NAIVE001", "Naive", "Naive", "Benchmark", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterSyntaxNodeAction(
                c =>
                {
                    if (c.SemanticModel.GetSymbolInfo(c.Node, c.CancellationToken).Symbol is IFieldSymbol { Name: "NeverThere" })
                    {
                        c.ReportDiagnostic(Diagnostic.Create(Rule, c.Node.GetLocation()));
                    }
                },
                SyntaxKind.IdentifierName);
        }
    }

    /// <summary>Compiles the Amazon.Lambda stand-ins in samples/StandIns into in-memory references.</summary>
    internal static class StandIns
    {
        public static List<(string Name, byte[] Image)> Compile(List<MetadataReference> platform)
        {
            var root = FindRepositoryRoot();
            var folder = Path.Combine(root, "samples", "StandIns");
            var projects = Directory.GetFiles(folder, "Amazon.Lambda.*.csproj", SearchOption.AllDirectories)
                .Select(p => (Name: Path.GetFileNameWithoutExtension(p), Sources: Directory.GetFiles(Path.GetDirectoryName(p)!, "*.cs", SearchOption.AllDirectories)
                    .Where(s => !s.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !s.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)).ToList()))
                .ToList();
            var built = new List<(string Name, byte[] Image)>();
            var pending = projects;
            for (var pass = 0; pass < projects.Count && pending.Count > 0; pass++)
            {
                var failed = new List<(string, List<string>)>();
                foreach (var (name, sources) in pending)
                {
                    var compilation = CSharpCompilation.Create(
                        name,
                        sources.Select(s => CSharpSyntaxTree.ParseText(File.ReadAllText(s), new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "NET", "NET8_0_OR_GREATER", "NET6_0_OR_GREATER" }), path: s)),
                        platform.Concat(built.Select(b => (MetadataReference)MetadataReference.CreateFromImage(b.Image))),
                        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                    using var stream = new MemoryStream();
                    if (compilation.Emit(stream).Success)
                    {
                        built.Add((name, stream.ToArray()));
                    }
                    else
                    {
                        failed.Add((name, sources));
                    }
                }

                pending = failed;
            }

            if (pending.Count > 0)
            {
                throw new InvalidOperationException("Stand-ins that do not compile: " + string.Join(", ", pending.Select(p => p.Item1)));
            }

            return built;
        }

        public static byte[] CompileSource(string name, string source, List<MetadataReference> platform)
        {
            var compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                platform,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var stream = new MemoryStream();
            var result = compilation.Emit(stream);
            if (!result.Success)
            {
                throw new InvalidOperationException(name + " does not compile:\n" + string.Join("\n", result.Diagnostics));
            }

            return stream.ToArray();
        }

        private static string FindRepositoryRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SnapSafe.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("Run the benchmark from inside the SnapSafe repository.");
        }
    }
}
