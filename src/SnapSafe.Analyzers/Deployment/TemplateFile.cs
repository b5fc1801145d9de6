using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>Which of the deployment files a template is.</summary>
    internal enum TemplateKind
    {
        /// <summary><c>serverless.template</c>, <c>template.yaml</c>, <c>template.yml</c>: SAM or CloudFormation.</summary>
        CloudFormation,

        /// <summary><c>aws-lambda-tools-defaults.json</c>: the defaults of <c>dotnet lambda deploy-function</c>.</summary>
        ToolsDefaults,
    }

    /// <summary>One deployment file handed to the analyzers as an AdditionalFile: its root node, or why it could not be read.</summary>
    internal sealed class TemplateFile
    {
        private TemplateFile(AdditionalText additionalText, TemplateKind kind, SourceText text, TemplateReadResult result)
        {
            AdditionalText = additionalText;
            Kind = kind;
            Text = text;
            Root = result.Root;
            Error = result.Error;
        }

        public AdditionalText AdditionalText { get; }

        public string Path => AdditionalText.Path;

        public string Name => System.IO.Path.GetFileName(AdditionalText.Path);

        public TemplateKind Kind { get; }

        public SourceText Text { get; }

        /// <summary>The document's root node: null when the file is empty or could not be read.</summary>
        public TemplateNode? Root { get; }

        public TemplateReadError? Error { get; }

        /// <summary>The root mapping of a file that could be read and holds one.</summary>
        public TemplateMapping? RootMapping => Root as TemplateMapping;

        public static bool IsTemplateFile(string path) => KindOf(path) != null;

        /// <summary>Reads a deployment file; null for any other AdditionalFile, or one whose text is unavailable.</summary>
        public static TemplateFile? Read(AdditionalText file, CancellationToken cancellationToken)
        {
            var kind = KindOf(file.Path);
            if (kind == null)
            {
                return null;
            }

            var text = file.GetText(cancellationToken);
            if (text == null)
            {
                return null;
            }

            return new TemplateFile(file, kind.Value, text, Parse(text, kind.Value));
        }

        /// <summary>JSON when the first character is a brace (YAML is a superset, but JSON reads faster and reports better).</summary>
        public static TemplateReadResult Parse(SourceText text, TemplateKind kind)
        {
            try
            {
                return kind == TemplateKind.ToolsDefaults || StartsWithBrace(text) ? JsonTemplateReader.Read(text) : YamlTemplateReader.Read(text);
            }
            catch (Exception exception) when (!(exception is OperationCanceledException))
            {
                // The readers report what they cannot read as errors; this is the net under a reader bug, so that a
                // template never crashes the analyzer.
                return TemplateReadResult.Failure("the reader stopped (" + exception.GetType().Name + ")", 0);
            }
        }

        /// <summary>The location of a span of this file, as diagnostics carry it.</summary>
        public Location LocationOf(TextSpan span)
        {
            var bounded = TextSpan.FromBounds(Math.Min(span.Start, Text.Length), Math.Min(span.End, Text.Length));
            return Location.Create(Path, bounded, Text.Lines.GetLinePositionSpan(bounded));
        }

        private static bool StartsWithBrace(SourceText text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '{')
                {
                    return true;
                }

                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    return false;
                }
            }

            return false;
        }

        private static TemplateKind? KindOf(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            if (string.Equals(name, "aws-lambda-tools-defaults.json", StringComparison.OrdinalIgnoreCase))
            {
                return TemplateKind.ToolsDefaults;
            }

            if (string.Equals(name, "serverless.template", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "template.yaml", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "template.yml", StringComparison.OrdinalIgnoreCase))
            {
                return TemplateKind.CloudFormation;
            }

            return null;
        }
    }
}
