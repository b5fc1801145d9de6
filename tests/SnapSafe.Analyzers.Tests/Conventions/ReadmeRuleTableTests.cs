using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Conventions
{
    /// <summary>The rule table of README.md (ID | Title | Severity | Code fix | Docs) says what the assemblies ship.</summary>
    public sealed class ReadmeRuleTableTests
    {
        [Fact]
        public void Rule_table_rows_match_the_descriptors_one_to_one()
        {
            var rows = ReadRuleTable();
            var expected = Catalog.Descriptors.Values
                .Select(d => d.Id + " | " + d.Title + " | " + Catalog.SeverityName(d.DefaultSeverity))
                .ToList();
            var actual = rows
                .Select(row => row.Id + " | " + row.Title + " | " + row.Severity)
                .OrderBy(row => row, StringComparer.Ordinal)
                .ToList();
            Assert.Equal(expected, actual);
        }

        [Fact]
        public void Rule_table_links_each_rule_to_its_doc_page()
        {
            foreach (var row in ReadRuleTable())
            {
                Assert.Contains("(docs/rules/" + row.Id + ".md)", row.Docs, StringComparison.Ordinal);
            }
        }

        [Fact]
        public void Rule_table_code_fix_column_matches_the_exported_code_fixes()
        {
            var fixable = Catalog.CodeFixProviders()
                .SelectMany(provider => provider.FixableDiagnosticIds)
                .ToImmutableHashSet(StringComparer.Ordinal);
            foreach (var row in ReadRuleTable())
            {
                Assert.True(row.CodeFix == "Yes" || row.CodeFix == "No", row.Id + ": the Code fix column says '" + row.CodeFix + "', expected Yes or No");
                Assert.True(
                    (row.CodeFix == "Yes") == fixable.Contains(row.Id),
                    row.Id + ": the README says '" + row.CodeFix + "' but " + (fixable.Contains(row.Id) ? "a code fix provider fixes it" : "no code fix provider fixes it"));
            }
        }

        private static List<Row> ReadRuleTable()
        {
            var lines = Repository.ReadText("README.md").Replace("\r\n", "\n").Split('\n');
            var header = Array.FindIndex(lines, line => Cells(line).SequenceEqual(new[] { "ID", "Title", "Severity", "Code fix", "Docs" }));
            Assert.True(header >= 0, "README.md has no table with the header | ID | Title | Severity | Code fix | Docs |");

            var rows = new List<Row>();
            for (var i = header + 2; i < lines.Length && lines[i].TrimStart().StartsWith("|", StringComparison.Ordinal); i++)
            {
                var cells = Cells(lines[i]);
                Assert.True(cells.Length == 5, "README rule table row has " + cells.Length + " cells: " + lines[i]);
                rows.Add(new Row(cells[0], cells[1], cells[2], cells[3], cells[4]));
            }

            Assert.Equal(rows.Count, rows.Select(row => row.Id).Distinct(StringComparer.Ordinal).Count());
            return rows;
        }

        private static string[] Cells(string line)
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("|", StringComparison.Ordinal) || !trimmed.EndsWith("|", StringComparison.Ordinal) || trimmed.Length < 2)
            {
                return Array.Empty<string>();
            }

            return trimmed.Substring(1, trimmed.Length - 2).Split('|').Select(cell => cell.Trim()).ToArray();
        }

        private sealed class Row
        {
            public Row(string id, string title, string severity, string codeFix, string docs)
            {
                Id = id;
                Title = title;
                Severity = severity;
                CodeFix = codeFix;
                Docs = docs;
            }

            public string Id { get; }

            public string Title { get; }

            public string Severity { get; }

            public string CodeFix { get; }

            public string Docs { get; }
        }
    }
}
