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
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using SnapSafe.Analyzers;

namespace SnapSafe.Benchmarks
{
    /// <summary>
    /// Measures SnapSafe's analyzer time as a ratio to the compiler's own semantic analysis (GetDiagnostics) of the
    /// same compilation, in one process, after a warm-up, with Roslyn's analyzer telemetry. Usage:
    /// <c>dotnet run -c Release --project benchmarks/SnapSafe.Benchmarks [-- --quick]</c>.
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            var quick = args.Contains("--quick");
            if (args.Contains("--profile"))
            {
                // SnapSafe alone on the largest Lambda corpus, for a profiler to attach to.
                var profileReferences = PlatformReferences();
                var all = new List<MetadataReference>(profileReferences);
                all.AddRange(StandIns.Compile(profileReferences));
                all.Add(StandIns.CompileSource("AWSSDK.Shapes", Corpus.AwsSdkShapes, profileReferences));
                var corpus = Enum.GetValues<Model>().Select(model => Create(model.ToString(), Corpus.Lambda(model, 500), all, model == Model.Executable || model == Model.MinimalApi)).ToList();
                for (var i = 0; i < 6; i++)
                {
                    foreach (var compilation in corpus)
                    {
                        await AnalyzerTime(compilation, new SnapSafeAnalyzer());
                    }
                }

                return 0;
            }

            var repetitions = quick ? 2 : 5;
            var platform = PlatformReferences();
            var references = new List<MetadataReference>(platform);
            references.AddRange(StandIns.Compile(platform));
            references.Add(StandIns.CompileSource("AWSSDK.Shapes", Corpus.AwsSdkShapes, platform));

            Console.WriteLine($"# SnapSafe analyzer cost ({DateTime.UtcNow:yyyy-MM-dd})");
            Console.WriteLine();
            Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInfo()}, Roslyn {typeof(Compilation).Assembly.GetName().Version}.");
            Console.WriteLine($"Each figure is the median of {repetitions} runs after two warm-up runs, each on a fresh clone of the compilation.");
            Console.WriteLine();
            Console.WriteLine("| corpus | files | compiler GetDiagnostics (ms) | SnapSafe, telemetry (ms) | telemetry ratio | SnapSafe, differential (ms) | differential ratio | naive syntax-node rule, telemetry (ms) | naive ratio | SnapSafe findings |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

            var sizes = quick ? new[] { 100, 400 } : new[] { 100, 250, 500, 1000, 2000 };
            foreach (var size in sizes)
            {
                var perModel = size / 4;
                var compilations = Enum.GetValues<Model>().Select(model => Create(model.ToString(), Corpus.Lambda(model, perModel), references, model == Model.Executable || model == Model.MinimalApi)).ToList();
                await Report($"Lambda, all four models", size, compilations, repetitions);
            }

            var lambdaSummary = LastSummary;
            foreach (var size in sizes)
            {
                // An ordinary library references no Amazon.Lambda package.
                var plain = Create("Library", Corpus.Plain(size), platform, executable: false);
                await Report("no Lambda types", size, new List<CSharpCompilation> { plain }, repetitions);
            }

            Console.WriteLine();
            Console.WriteLine("- " + lambdaSummary);
            Console.WriteLine("- " + LastSummary);

            return 0;
        }

        private static async Task Report(string corpus, int files, List<CSharpCompilation> compilations, int repetitions)
        {
            var compiler = new List<double>();
            var snapSafe = new List<double>();
            var naive = new List<double>();
            var differential = new List<double>();
            var findings = 0;
            LastRules.Clear();
            LastActions.Clear();
            for (var run = -2; run < repetitions; run++)
            {
                double compilerTime = 0, analyzerTime = 0, naiveTime = 0, differentialTime = 0;
                findings = 0;
                LastRules.Clear();
                LastActions.Clear();
                foreach (var compilation in compilations)
                {
                    var stopwatch = Stopwatch.StartNew();
                    compilation.Clone().GetDiagnostics();
                    compilerTime += stopwatch.Elapsed.TotalMilliseconds;

                    var (time, count) = await AnalyzerTime(compilation, new SnapSafeAnalyzer());
                    analyzerTime += time;
                    findings += count;
                    naiveTime += (await AnalyzerTime(compilation, new NaiveIdentifierAnalyzer())).Time;

                    // SnapSafe's own work: the same driver run with SnapSafe, minus one with a twin that registers
                    // the same actions and does nothing in them.
                    differentialTime += await WallTime(compilation, new SnapSafeAnalyzer()) - await WallTime(compilation, new ActionTwinAnalyzer());
                }

                if (run >= 0)
                {
                    compiler.Add(compilerTime);
                    snapSafe.Add(analyzerTime);
                    naive.Add(naiveTime);
                    differential.Add(differentialTime);
                }
            }

            var c = Median(compiler);
            var s = Median(snapSafe);
            var d = Math.Max(0, Median(differential));
            Console.WriteLine($"| {corpus} | {files} | {c:F0} | {s:F1} | {s / c:F4} | {d:F1} | {d / c:F4} | {Median(naive):F1} | {Median(naive) / c:F3} | {findings} |");
            LastSummary = $"{corpus}, {files} files: findings per rule: "
                + (LastRules.Count == 0 ? "none" : string.Join(", ", LastRules.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => $"{r.Key} {r.Value}")))
                + "; analyzer actions registered and run: "
                + string.Join(", ", LastActions.Where(a => a.Value > 0).Select(a => $"{a.Key} {a.Value}"));
        }

        private static readonly Dictionary<string, int> LastRules = new Dictionary<string, int>();
        private static readonly Dictionary<string, int> LastActions = new Dictionary<string, int>();
        private static string LastSummary = string.Empty;

        private static void Add(string action, int count) => LastActions[action] = LastActions.TryGetValue(action, out var n) ? n + count : count;

        private static async Task<(double Time, int Count)> AnalyzerTime(CSharpCompilation compilation, DiagnosticAnalyzer analyzer)
        {
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, BenchmarkOptions.Instance),
                onAnalyzerException: (exception, _, _) => throw new InvalidOperationException("analyzer exception", exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: true);
            var withAnalyzers = compilation.Clone().WithAnalyzers(ImmutableArray.Create(analyzer), options);
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            if (analyzer is SnapSafeAnalyzer)
            {
                foreach (var diagnostic in diagnostics)
                {
                    LastRules[diagnostic.Id] = LastRules.TryGetValue(diagnostic.Id, out var n) ? n + 1 : 1;
                }

                Add("compilation start", telemetry.CompilationStartActionsCount);
                Add("compilation end", telemetry.CompilationEndActionsCount);
                Add("semantic model (init-phase findings, per tree)", telemetry.SemanticModelActionsCount);
                Add("syntax node (SNAP022 literals, SNAP023 calls)", telemetry.SyntaxNodeActionsCount);
                Add("additional file (templates)", telemetry.AdditionalFileActionsCount);
                Add("symbol", telemetry.SymbolActionsCount);
                Add("operation", telemetry.OperationActionsCount);
            }

            return (telemetry.ExecutionTime.TotalMilliseconds, diagnostics.Count(d => d.Id.StartsWith("SNAP", StringComparison.Ordinal)));
        }

        private static async Task<double> WallTime(CSharpCompilation compilation, DiagnosticAnalyzer analyzer)
        {
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, BenchmarkOptions.Instance),
                onAnalyzerException: (exception, _, _) => throw new InvalidOperationException("analyzer exception", exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var withAnalyzers = compilation.Clone().WithAnalyzers(ImmutableArray.Create(analyzer), options);
            var stopwatch = Stopwatch.StartNew();
            await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            return stopwatch.Elapsed.TotalMilliseconds;
        }

        private static CSharpCompilation Create(string name, List<(string Path, string Text)> files, List<MetadataReference> references, bool executable)
        {
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, parse, path: f.Path)).ToList();
            var compilation = CSharpCompilation.Create(
                name,
                trees,
                references,
                new CSharpCompilationOptions(executable ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"The generated {name} corpus does not compile:\n" + string.Join("\n", errors));
            }

            return compilation;
        }

        private static List<MetadataReference> PlatformReferences()
        {
            var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
            return paths
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p).StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
                    || Path.GetFileName(p).StartsWith("Microsoft.Extensions", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll" || Path.GetFileName(p) == "mscorlib.dll")
                .Where(p => !Path.GetFileName(p).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal))
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
                .ToList();
        }

        private static double Median(List<double> values)
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
        public static List<MetadataReference> Compile(List<MetadataReference> platform)
        {
            var root = FindRepositoryRoot();
            var folder = Path.Combine(root, "samples", "StandIns");
            var projects = Directory.GetFiles(folder, "Amazon.Lambda.*.csproj", SearchOption.AllDirectories)
                .Select(p => (Name: Path.GetFileNameWithoutExtension(p), Sources: Directory.GetFiles(Path.GetDirectoryName(p)!, "*.cs", SearchOption.AllDirectories)
                    .Where(s => !s.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !s.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)).ToList()))
                .ToList();
            var built = new List<MetadataReference>();
            var pending = projects;
            for (var pass = 0; pass < projects.Count && pending.Count > 0; pass++)
            {
                var failed = new List<(string, List<string>)>();
                foreach (var (name, sources) in pending)
                {
                    var compilation = CSharpCompilation.Create(
                        name,
                        sources.Select(s => CSharpSyntaxTree.ParseText(File.ReadAllText(s), new CSharpParseOptions(LanguageVersion.Latest, preprocessorSymbols: new[] { "NET", "NET8_0_OR_GREATER", "NET6_0_OR_GREATER" }), path: s)),
                        platform.Concat(built),
                        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                    using var stream = new MemoryStream();
                    if (compilation.Emit(stream).Success)
                    {
                        built.Add(MetadataReference.CreateFromImage(stream.ToArray()));
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

        public static MetadataReference CompileSource(string name, string source, List<MetadataReference> platform)
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

            return MetadataReference.CreateFromImage(stream.ToArray());
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
