using System;
using SnapSafe.Analyzers.Deployment;
using Xunit;

namespace SnapSafe.Analyzers.Tests.Deployment
{
    /// <summary>Navigation and position helpers for the reader tests. Lines and columns are one-based, as editors show them.</summary>
    internal static class TemplateTree
    {
        public static TemplateNode ReadYaml(string text)
        {
            var result = YamlTemplateReader.Read(text);
            Assert.True(result.Succeeded, "the YAML could not be read: " + result.Error?.Message + " at offset " + result.Error?.Offset);
            return result.Root!;
        }

        public static TemplateNode ReadJson(string text)
        {
            var result = JsonTemplateReader.Read(text);
            Assert.True(result.Succeeded, "the JSON could not be read: " + result.Error?.Message + " at offset " + result.Error?.Offset);
            return result.Root!;
        }

        /// <summary>Follows keys (mappings) and indexes (sequences): <c>At(root, "Resources", "Fn", "Properties", "Layers", "0")</c>.</summary>
        public static TemplateNode At(TemplateNode node, params string[] path)
        {
            foreach (var step in path)
            {
                node = node switch
                {
                    TemplateMapping mapping => mapping[step] ?? throw new InvalidOperationException("no key '" + step + "'"),
                    TemplateSequence sequence => sequence.Items[int.Parse(step, System.Globalization.CultureInfo.InvariantCulture)],
                    _ => throw new InvalidOperationException("'" + step + "' under a scalar"),
                };
            }

            return node;
        }

        public static TemplateEntry EntryAt(TemplateNode node, params string[] path)
        {
            var parent = (TemplateMapping)At(node, path[..^1]);
            return parent.Find(path[^1]) ?? throw new InvalidOperationException("no key '" + path[^1] + "'");
        }

        public static string Text(TemplateNode node) => Assert.IsType<TemplateScalar>(node).Value;

        /// <summary>The one-based line and column where the node starts.</summary>
        public static (int Line, int Column) Start(TemplateNode node) => (node.Position.Start.Line + 1, node.Position.Start.Character + 1);

        public static (int Line, int Column) End(TemplateNode node) => (node.Position.End.Line + 1, node.Position.End.Character + 1);

        public static string Source(string text, TemplateNode node) => text.Substring(node.Span.Start, node.Span.Length);
    }
}
