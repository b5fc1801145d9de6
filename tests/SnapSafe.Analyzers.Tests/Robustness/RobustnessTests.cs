using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Robustness
{
    /// <summary>
    /// SnapSafe never throws: not on the test corpus mangled the way half-typed code looks (cut at random points,
    /// tokens removed, lines duplicated; fixed seed), not on a large body of real C#, and no code fix it offers on
    /// compiling code introduces a compiler error. Analysis runs with concurrent execution on.
    /// </summary>
    public class RobustnessTests
    {
        private const int Seed = 20261128;

        private static string? FirstError;
        private const int MangledVariants = 2400;
        private const int FixedVariantsEvery = 6;

        [Fact]
        public async Task MangledSources_NoAnalyzerOrCodeFixException()
        {
            var sources = RobustnessCorpus.TestSources().Concat(RobustnessCorpus.SampleSources()).ToList();
            Assert.True(sources.Count > 100, "the corpus holds only " + sources.Count + " sources");
            var random = new Random(Seed);
            var variants = Enumerable.Range(0, MangledVariants)
                .Select(i => (Index: i, Text: Mangle(sources[random.Next(sources.Count)], random)))
                .ToList();

            var failures = new List<string>();
            await ForEachAsync(variants, async variant =>
            {
                var source = variant.Text;
                try
                {
                    var document = await RobustnessCorpus.DocumentAsync(source, RobustnessCorpus.OutputKindOf(source));
                    var (diagnostics, exceptions) = await RobustnessCorpus.AnalyzeAsync(document.Project);
                    if (exceptions.Count > 0)
                    {
                        Add(failures, $"variant {variant.Index}: analyzer exception {exceptions[0]}\n{source}");
                        return;
                    }

                    if (variant.Index % FixedVariantsEvery == 0)
                    {
                        await RobustnessCorpus.ApplyFixesAsync(document, diagnostics);
                    }
                }
                catch (Exception exception)
                {
                    Add(failures, $"variant {variant.Index}: {exception}\n{source}");
                }
            });

            Assert.True(failures.Count == 0, failures.Count + " mangled sources broke SnapSafe; the first:\n" + failures.FirstOrDefault());
        }

        [Fact]
        public async Task RealCode_OwnSourcesAndSamples_NoAnalyzerException()
        {
            var sources = RobustnessCorpus.OwnSources().Concat(RobustnessCorpus.SampleSources()).ToList();
            var failures = new List<string>();
            var analyzed = 0;

            // One compilation of all of it (types clash across files, which the analyzer must survive too), and each
            // Lambda-looking file on its own.
            var whole = await RobustnessCorpus.DocumentAsync(string.Join("\n", sources.Select((s, i) => "namespace File" + i + " {\n" + StripUsingsAndFileScopedNamespaces(s) + "\n}")), OutputKind.DynamicallyLinkedLibrary);
            var (_, wholeExceptions) = await RobustnessCorpus.AnalyzeAsync(whole.Project);
            failures.AddRange(wholeExceptions.Select(e => "all sources together: " + e));

            await ForEachAsync(sources.Select((s, i) => (Index: i, Text: s)).Where(s => s.Text.Contains("Amazon.Lambda", StringComparison.Ordinal)).ToList(), async source =>
            {
                var document = await RobustnessCorpus.DocumentAsync(source.Text, RobustnessCorpus.OutputKindOf(source.Text));
                var (_, exceptions) = await RobustnessCorpus.AnalyzeAsync(document.Project);
                lock (failures)
                {
                    analyzed++;
                    failures.AddRange(exceptions.Select(e => $"source {source.Index}: {e}"));
                }
            });

            Assert.True(analyzed > 20, "only " + analyzed + " Lambda sources were analyzed");
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(3)));
        }

        [Fact]
        public async Task EveryOfferedFix_OnCompilingCorpus_IntroducesNoCompilerError()
        {
            var sources = RobustnessCorpus.TestSources().Concat(RobustnessCorpus.SampleSources()).Distinct(StringComparer.Ordinal).ToList();
            var failures = new List<string>();
            var fixesApplied = 0;
            await ForEachAsync(sources, async source =>
            {
                var document = await RobustnessCorpus.DocumentAsync(source, RobustnessCorpus.OutputKindOf(source));
                var before = Errors((await document.Project.GetCompilationAsync())!);
                if (before.Count > 0)
                {
                    FirstError ??= before[0] + "\n" + source;
                    // Sources that need more than the shared references (or test half-typed code) are not fix targets.
                    return;
                }

                var (diagnostics, exceptions) = await RobustnessCorpus.AnalyzeAsync(document.Project);
                if (exceptions.Count > 0)
                {
                    Add(failures, "analyzer exception: " + exceptions[0]);
                    return;
                }

                foreach (var (diagnostic, title, solution) in await RobustnessCorpus.ApplyFixesAsync(document, diagnostics))
                {
                    var after = Errors((await solution.GetProject(document.Project.Id)!.GetCompilationAsync())!);
                    lock (failures)
                    {
                        fixesApplied++;
                    }

                    if (after.Count > 0)
                    {
                        var fixedText = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
                        Add(failures, $"'{title}' for {diagnostic.Id} at {diagnostic.Location.GetLineSpan().StartLinePosition} introduced {after[0]}\n--- before\n{source}\n--- after\n{fixedText}");
                    }
                }
            });

            Assert.True(fixesApplied > 50, "only " + fixesApplied + " fixes were applied: the corpus did not compile; for example " + FirstError);
            Assert.True(failures.Count == 0, failures.Count + " fixes broke the code; the first:\n" + failures.FirstOrDefault());
        }

        /// <summary>Cuts, drops a token, or duplicates a line, one to three times.</summary>
        internal static string Mangle(string source, Random random)
        {
            var text = source;
            var edits = 1 + random.Next(3);
            for (var edit = 0; edit < edits && text.Length > 2; edit++)
            {
                switch (random.Next(3))
                {
                    case 0:
                        text = text.Substring(0, random.Next(text.Length));
                        break;
                    case 1:
                        var tokens = CSharpSyntaxTree.ParseText(text).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToList();
                        if (tokens.Count > 0)
                        {
                            var token = tokens[random.Next(tokens.Count)];
                            text = text.Remove(token.SpanStart, token.Span.Length);
                        }

                        break;
                    default:
                        var lines = text.Split('\n').ToList();
                        var line = random.Next(lines.Count);
                        lines.Insert(line, lines[line]);
                        text = string.Join("\n", lines);
                        break;
                }
            }

            return text;
        }

        private static string StripUsingsAndFileScopedNamespaces(string source)
        {
            var builder = new StringBuilder();
            foreach (var line in source.Split('\n'))
            {
                var trimmed = line.TrimStart();
                if ((trimmed.StartsWith("using ", StringComparison.Ordinal) && trimmed.TrimEnd().EndsWith(";", StringComparison.Ordinal) && !trimmed.Contains('(', StringComparison.Ordinal))
                    || (trimmed.StartsWith("namespace ", StringComparison.Ordinal) && trimmed.TrimEnd().EndsWith(";", StringComparison.Ordinal))
                    || trimmed.StartsWith("[assembly:", StringComparison.Ordinal) || trimmed.StartsWith("global using", StringComparison.Ordinal))
                {
                    continue;
                }

                builder.Append(line).Append('\n');
            }

            return builder.ToString();
        }

        private static List<Diagnostic> Errors(Compilation compilation)
            => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        private static void Add(List<string> failures, string failure)
        {
            lock (failures)
            {
                failures.Add(failure);
            }
        }

        private static Task ForEachAsync<T>(IReadOnlyList<T> items, Func<T, Task> body)
            => Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, async (item, _) => await body(item));
    }
}
