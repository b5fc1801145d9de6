using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using SnapSafe.Analyzers;

namespace SnapSafe.Benchmarks
{
    /// <summary>
    /// The editor's case: a project that is open (its references loaded, analyzed once), a one-line edit in one
    /// document, and that document's diagnostics on the new compilation, as the IDE asks for them: the compiler's
    /// <c>SemanticModel.GetDiagnostics()</c>, and SnapSafe's through
    /// <c>CompilationWithAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null)</c>. Then a second document of the
    /// same compilation, as when the user switches files. The compiler and SnapSafe each get their own copy of the
    /// edited compilation, so neither benefits from binding the other did.
    /// </summary>
    internal static class EditorCase
    {
        private static readonly List<string> Rows = new List<string>();

        public static async Task RunAsync(string label, CorpusProject project, string editedPath, string otherPath, int repetitions)
        {
            var references = project.References();
            var open = project.Create(references);
            open.GetDiagnostics();
            await open.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new SnapSafeAnalyzer()), Program.AnalyzerOptions(logTime: false)).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            var edited = open.SyntaxTrees.Single(t => t.FilePath == editedPath);
            var other = open.SyntaxTrees.Single(t => t.FilePath == otherPath);
            var anchor = edited.GetText().ToString().IndexOf(";", edited.GetText().ToString().IndexOf("var ", StringComparison.Ordinal), StringComparison.Ordinal) + 1;

            var compilerEdited = new List<double>();
            var compilerOther = new List<double>();
            var wallEdited = new List<double>();
            var wallOther = new List<double>();
            var telemetryEdited = new List<double>();
            var telemetryOther = new List<double>();
            var findingsEdited = 0;
            var findingsOther = 0;
            var startsEdited = 0;
            var startsOther = 0;
            for (var run = -1; run < repetitions; run++)
            {
                // One statement typed at the end of a line in a method body.
                var change = new TextChange(new TextSpan(anchor, 0), $" _ = {run + 10};");
                var newTree = edited.WithChangedText(edited.GetText().WithChanges(change));

                var forCompiler = open.ReplaceSyntaxTree(edited, newTree);
                Program.Settle();
                var stopwatch = Stopwatch.StartNew();
                var errors = forCompiler.GetSemanticModel(newTree).GetDiagnostics().Count(d => d.Severity == DiagnosticSeverity.Error);
                var compilerEditedTime = stopwatch.Elapsed.TotalMilliseconds;
                stopwatch.Restart();
                forCompiler.GetSemanticModel(other).GetDiagnostics();
                var compilerOtherTime = stopwatch.Elapsed.TotalMilliseconds;
                if (errors > 0)
                {
                    throw new InvalidOperationException($"The edit made {editedPath} fail to compile.");
                }

                var forSnapSafe = open.ReplaceSyntaxTree(edited, newTree);
                var meter = new AllocationMeter();
                var analyzer = new MeteredAnalyzer(new SnapSafeAnalyzer(), meter);
                var withAnalyzers = forSnapSafe.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), Program.AnalyzerOptions(logTime: true));
                Program.Settle();
                stopwatch.Restart();
                findingsEdited = (await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(forSnapSafe.GetSemanticModel(newTree), null, CancellationToken.None)).Length;
                var wallEditedTime = stopwatch.Elapsed.TotalMilliseconds;
                var infoEdited = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                var telemetryEditedTime = infoEdited.ExecutionTime.TotalMilliseconds;
                startsEdited = meter.CompilationStarts;
                stopwatch.Restart();
                findingsOther = (await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(forSnapSafe.GetSemanticModel(other), null, CancellationToken.None)).Length;
                var wallOtherTime = stopwatch.Elapsed.TotalMilliseconds;
                var infoOther = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
                var telemetryOtherTime = infoOther.ExecutionTime.TotalMilliseconds - telemetryEditedTime;
                startsOther = meter.CompilationStarts;

                if (run >= 0)
                {
                    compilerEdited.Add(compilerEditedTime);
                    compilerOther.Add(compilerOtherTime);
                    wallEdited.Add(wallEditedTime);
                    wallOther.Add(wallOtherTime);
                    telemetryEdited.Add(telemetryEditedTime);
                    telemetryOther.Add(telemetryOtherTime);
                }
            }

            Row(label, project, "the edited document (first request on the new compilation)", compilerEdited, wallEdited, telemetryEdited, findingsEdited, startsEdited);
            Row(label, project, "another document of the same compilation", compilerOther, wallOther, telemetryOther, findingsOther, startsOther);
        }

        public static void PrintTable()
        {
            Console.WriteLine("| project | files | document | compiler SemanticModel.GetDiagnostics (ms) | SnapSafe, wall (ms) | SnapSafe, telemetry (ms) | telemetry ratio | wall ratio | SnapSafe findings in the document | SnapSafe's compilation-start action, runs so far |");
            Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var row in Rows)
            {
                Console.WriteLine(row);
            }
        }

        private static void Row(string label, CorpusProject project, string document, List<double> compiler, List<double> wall, List<double> telemetry, int findings, int compilationStarts)
        {
            var c = Program.Median(compiler);
            var w = Program.Median(wall);
            var t = Program.Median(telemetry);
            Rows.Add($"| {label} | {project.Trees.Count} | {document} | {c:F1} | {w:F1} | {t:F2} | {t / c:F4} | {w / c:F3} | {findings} | {compilationStarts} |");
        }
    }
}
