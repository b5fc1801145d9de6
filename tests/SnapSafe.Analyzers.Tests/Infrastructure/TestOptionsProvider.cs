using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace SnapSafe.Analyzers.Tests.Infrastructure
{
    /// <summary>Analyzer options from <c>key = value</c> lines, the same for every tree (a one-section .globalconfig).</summary>
    internal sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public TestOptionsProvider(string? text)
        {
            var values = new Dictionary<string, string>();
            foreach (var line in (text ?? string.Empty).Split('\n'))
            {
                var equals = line.IndexOf('=');
                if (equals > 0 && !line.TrimStart().StartsWith("#", System.StringComparison.Ordinal))
                {
                    values[line.Substring(0, equals).Trim()] = line.Substring(equals + 1).Trim();
                }
            }

            _options = new Options(values);
        }

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override IEnumerable<string> Keys => _values.Keys;

            public override bool TryGetValue(string key, out string value)
            {
                var found = _values.TryGetValue(key, out var text);
                value = text ?? string.Empty;
                return found;
            }
        }
    }
}
