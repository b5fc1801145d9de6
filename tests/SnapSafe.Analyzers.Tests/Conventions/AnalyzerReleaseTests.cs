using System;
using System.Collections.Generic;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Conventions
{
    /// <summary>
    /// Every rule is tracked in AnalyzerReleases.Shipped.md or AnalyzerReleases.Unshipped.md (the format of the
    /// Microsoft.CodeAnalysis.Analyzers release tracking) with the descriptor's category and severity.
    /// </summary>
    public sealed class AnalyzerReleaseTests
    {
        public static TheoryData<string> DescriptorIds => Catalog.DescriptorIds;

        [Theory]
        [MemberData(nameof(DescriptorIds))]
        public void Rule_is_tracked_with_its_category_and_severity(string id)
        {
            var descriptor = Catalog.Descriptors[id];
            var entries = ReadReleases();
            Assert.True(entries.TryGetValue(id, out var entry), id + " is in neither AnalyzerReleases.Shipped.md nor AnalyzerReleases.Unshipped.md");
            Assert.Equal(descriptor.Category, entry.Category);
            Assert.Equal(Catalog.SeverityName(descriptor.DefaultSeverity), entry.Severity);
        }

        [Fact]
        public void Every_tracked_rule_has_a_descriptor()
        {
            foreach (var id in ReadReleases().Keys)
            {
                Assert.True(Catalog.Descriptors.ContainsKey(id), "AnalyzerReleases tracks " + id + ", which has no descriptor");
            }
        }

        /// <summary>The current category and severity of each tracked rule: Shipped first, then Unshipped on top.</summary>
        private static Dictionary<string, (string Category, string Severity)> ReadReleases()
        {
            var entries = new Dictionary<string, (string Category, string Severity)>(StringComparer.Ordinal);
            Apply(Repository.ReadText("src", "SnapSafe.Analyzers", "AnalyzerReleases.Shipped.md"), entries);
            Apply(Repository.ReadText("src", "SnapSafe.Analyzers", "AnalyzerReleases.Unshipped.md"), entries);
            return entries;
        }

        private static void Apply(string text, Dictionary<string, (string Category, string Severity)> entries)
        {
            var section = string.Empty;
            foreach (var raw in text.Replace("\r\n", "\n").Split('\n'))
            {
                var line = raw.Trim();
                if (line.StartsWith("###", StringComparison.Ordinal))
                {
                    section = line.TrimStart('#').Trim();
                    continue;
                }

                if (line.Length == 0 || line.StartsWith(";", StringComparison.Ordinal) || line.StartsWith("#", StringComparison.Ordinal)
                    || line.StartsWith("Rule ID", StringComparison.Ordinal) || line.StartsWith("-", StringComparison.Ordinal))
                {
                    continue;
                }

                var cells = line.Split('|');
                if (cells.Length < 3)
                {
                    continue;
                }

                var id = cells[0].Trim();
                switch (section)
                {
                    case "New Rules":
                    case "Changed Rules":
                        // Changed Rules: Rule ID | New Category | New Severity | Old Category | Old Severity | Notes
                        entries[id] = (cells[1].Trim(), cells[2].Trim());
                        break;
                    case "Removed Rules":
                        entries.Remove(id);
                        break;
                }
            }
        }
    }
}
