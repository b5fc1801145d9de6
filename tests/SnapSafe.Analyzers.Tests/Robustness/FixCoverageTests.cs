using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.CodeFixes.HookWriting;
using Xunit;
using Xunit.Abstractions;

namespace SnapSafe.Analyzers.Tests.Robustness
{
    /// <summary>
    /// How many findings of the rules that have a code fix get one that works: on every compiling source of the test
    /// and sample corpus (each sample project as one project of all its files), each finding's offered fix is applied,
    /// the project recompiled and re-analyzed. A fix works when the fixed project compiles, the finding (same rule,
    /// same message) is gone, and no finding appears that was not there before (a hook registered where it never runs
    /// would be SNAP040). Findings whose rule page documents that no automatic fix exists are counted apart.
    /// </summary>
    public class FixCoverageTests
    {
        /// <summary>The share of findings (of the rules with a fix) whose fix works, documented manual cases excluded.</summary>
        private const double Bar = 0.95;

        private readonly ITestOutputHelper _output;

        public FixCoverageTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public async Task FindingsOfFixableRules_GetAFixThatCompilesAndClearsThem()
        {
            var report = await FixCoverage.MeasureAsync();
            var text = report.Describe();
            _output.WriteLine(text);
            var path = Environment.GetEnvironmentVariable("SNAPSAFE_FIX_COVERAGE_OUT");
            if (!string.IsNullOrEmpty(path))
            {
                File.WriteAllText(path, text);
            }

            Assert.True(report.Findings > 100, "only " + report.Findings + " findings of fixable rules in the corpus:\n" + text);
            Assert.True(report.Broken.Count == 0, "fixes that break the code or leave their finding:\n" + text);
            Assert.True(report.Share >= Bar, $"{report.Share:P1} of the findings get a working fix (bar {Bar:P0}):\n{text}");
        }
    }

    /// <summary>The measurement behind <see cref="FixCoverageTests"/>.</summary>
    internal static class FixCoverage
    {
        private static readonly System.Text.RegularExpressions.Regex LineNumber = new System.Text.RegularExpressions.Regex(@"\bline \d+", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

        public static async Task<Report> MeasureAsync()
        {
            var fixable = RobustnessCorpus.CodeFixes.SelectMany(f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
            var report = new Report();
            var projects = RobustnessCorpus.TestSources().Distinct(StringComparer.Ordinal).Select(s => (Name: "test source", Files: (IReadOnlyList<(string, string)>)new[] { ("Function.cs", s) }))
                .Concat(RobustnessCorpus.SampleProjects().Select(p => (Name: p.Name, Files: p.Files)))
                .ToList();
            await Parallel.ForEachAsync(projects, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (project, _) =>
            {
                var documents = await RobustnessCorpus.ProjectAsync(project.Files);
                var first = documents[0].Project;
                if ((await first.GetCompilationAsync())!.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    report.Skip(project.Name);
                    return;
                }

                var (diagnostics, _) = await RobustnessCorpus.AnalyzeAsync(first);
                var before = Keys(diagnostics);
                foreach (var diagnostic in diagnostics.Where(d => fixable.Contains(d.Id)))
                {
                    var document = documents.FirstOrDefault(d => d.FilePath == diagnostic.Location.SourceTree?.FilePath || d.Name == diagnostic.Location.SourceTree?.FilePath);
                    var where = $"{project.Name} {diagnostic.Id} {diagnostic.Location.GetLineSpan().Path}:{diagnostic.Location.GetLineSpan().StartLinePosition} {diagnostic.GetMessage()}";
                    if (Environment.GetEnvironmentVariable("SNAPSAFE_FIX_COVERAGE_SOURCES") == "1")
                    {
                        where += "\n" + string.Join("\n", project.Files.Select(f => "--- " + f.Item1 + "\n" + f.Item2));
                    }

                    if (document == null)
                    {
                        report.Add(diagnostic.Id, Outcome.NoFix, where);
                        continue;
                    }

                    var fixes = await RobustnessCorpus.ApplyFixesAsync(document, new[] { diagnostic });
                    if (fixes.Count == 0)
                    {
                        var manual = await ManualFixAsync(document, diagnostic);
                        report.Add(diagnostic.Id, manual != ManualFix.None ? Outcome.Manual : Outcome.NoFix, manual != ManualFix.None ? where + " (" + manual + ")" : where);
                        continue;
                    }

                    var (_, title, solution) = fixes[0];
                    var fixedProject = solution.GetProject(first.Id)!;
                    var errors = (await fixedProject.GetCompilationAsync())!.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
                    if (errors.Count > 0)
                    {
                        report.Add(diagnostic.Id, Outcome.DoesNotCompile, where + " → '" + title + "': " + errors[0]);
                        continue;
                    }

                    var (after, _) = await RobustnessCorpus.AnalyzeAsync(fixedProject);
                    var afterKeys = Keys(after);
                    var key = KeyOf(diagnostic);
                    if (afterKeys.GetValueOrDefault(key) >= before[key])
                    {
                        report.Add(diagnostic.Id, Outcome.NotCleared, where + " → '" + title + "'");
                        continue;
                    }

                    var added = afterKeys.Where(a => a.Value > before.GetValueOrDefault(a.Key)).Select(a => a.Key.Item1 + " " + a.Key.Item2).FirstOrDefault();
                    report.Add(diagnostic.Id, added == null ? Outcome.Works : Outcome.AddsFinding, added == null ? where : where + " → '" + title + "' adds " + added);
                }
            });

            return report;
        }

        /// <summary>The fix's own word on why it offers nothing: a shape its rule page documents as having no automatic fix.</summary>
        private static async Task<ManualFix> ManualFixAsync(Document document, Diagnostic diagnostic)
        {
            foreach (var fix in RobustnessCorpus.CodeFixes.OfType<HookCodeFix>().Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                var offer = await fix.PlanAsync(document, diagnostic, CancellationToken.None);
                if (offer.Manual != ManualFix.None)
                {
                    return offer.Manual;
                }
            }

            return ManualFix.None;
        }

        /// <summary>
        /// Findings by rule and message. A line number in a message (SNAP045 names the priming hook's line) is left
        /// out: a fix that adds lines above moves it, and the finding is still the one that was there.
        /// </summary>
        private static Dictionary<(string, string), int> Keys(IEnumerable<Diagnostic> diagnostics)
        {
            var keys = new Dictionary<(string, string), int>();
            foreach (var diagnostic in diagnostics)
            {
                var key = KeyOf(diagnostic);
                keys[key] = keys.GetValueOrDefault(key) + 1;
            }

            return keys;
        }

        private static (string, string) KeyOf(Diagnostic diagnostic)
            => (diagnostic.Id, LineNumber.Replace(diagnostic.GetMessage(), "line N"));

        internal enum Outcome
        {
            Works,
            Manual,
            NoFix,
            DoesNotCompile,
            NotCleared,
            AddsFinding,
        }

        internal sealed class Report
        {
            private readonly List<(string Id, Outcome Outcome, string Where)> _entries = new List<(string, Outcome, string)>();

            public int Findings
            {
                get
                {
                    lock (_entries)
                    {
                        return _entries.Count;
                    }
                }
            }

            /// <summary>Working fixes over the findings that are not documented manual cases.</summary>
            public double Share
            {
                get
                {
                    lock (_entries)
                    {
                        var counted = _entries.Count(e => e.Outcome != Outcome.Manual);
                        return counted == 0 ? 1 : (double)_entries.Count(e => e.Outcome == Outcome.Works) / counted;
                    }
                }
            }

            public List<string> Broken
            {
                get
                {
                    lock (_entries)
                    {
                        return _entries.Where(e => e.Outcome is Outcome.DoesNotCompile or Outcome.NotCleared or Outcome.AddsFinding).Select(e => e.Where).ToList();
                    }
                }
            }

            private readonly List<string> _skipped = new List<string>();

            /// <summary>A corpus project that does not compile with the shared references (half-typed test code): not measured.</summary>
            public void Skip(string name)
            {
                lock (_entries)
                {
                    _skipped.Add(name);
                }
            }

            public void Add(string id, Outcome outcome, string where)
            {
                lock (_entries)
                {
                    _entries.Add((id, outcome, where));
                }
            }

            public string Describe()
            {
                lock (_entries)
                {
                    var text = new StringBuilder();
                    var all = _entries.Count;
                    var works = _entries.Count(e => e.Outcome == Outcome.Works);
                    var manual = _entries.Count(e => e.Outcome == Outcome.Manual);
                    text.AppendLine($"findings of rules with a fix: {all}; working fix: {works}; documented manual: {manual}; share {Share:P1} ({works}/{all - manual}), raw {(all == 0 ? 1 : (double)works / all):P1}");
                    text.AppendLine($"projects not measured (they do not compile with the shared references): {_skipped.Count} ({string.Join(", ", _skipped.Where(n => n != "test source").Distinct())}{(_skipped.Contains("test source") ? ", test sources" : string.Empty)})");
                    foreach (var group in _entries.GroupBy(e => e.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        text.AppendLine("  " + group.Key + ": " + string.Join(", ", group.GroupBy(e => e.Outcome).OrderBy(g => g.Key).Select(g => g.Key + " " + g.Count())));
                    }

                    foreach (var entry in _entries.Where(e => e.Outcome != Outcome.Works).OrderBy(e => e.Outcome).ThenBy(e => e.Id, StringComparer.Ordinal).ThenBy(e => e.Where, StringComparer.Ordinal))
                    {
                        text.AppendLine(entry.Outcome + ": " + entry.Where);
                    }

                    return text.ToString();
                }
            }
        }
    }
}
