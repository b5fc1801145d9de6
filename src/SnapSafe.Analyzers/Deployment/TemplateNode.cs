using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>
    /// One node of a deployment template as the JSON or YAML reader found it: where it is in the file (span, line
    /// and column) and, for YAML, its tag (<c>!Ref</c>, <c>!GetAtt</c>, <c>!Sub</c>, ...). The span covers the node's
    /// tag and anchor and, for quoted scalars, the quotes.
    /// </summary>
    internal abstract class TemplateNode
    {
        protected TemplateNode(TextSpan span, LinePositionSpan position, string? tag)
        {
            Span = span;
            Position = position;
            Tag = tag;
        }

        public TextSpan Span { get; }

        /// <summary>Zero-based line and column of <see cref="Span"/>, as the compiler reports them.</summary>
        public LinePositionSpan Position { get; }

        /// <summary>The YAML tag as written (<c>!Ref</c>, <c>!!str</c>), or null.</summary>
        public string? Tag { get; }
    }

    /// <summary>How a scalar was written: it decides whether <c>true</c> or <c>null</c> mean a boolean or a null.</summary>
    internal enum ScalarStyle
    {
        /// <summary>A YAML plain scalar, or a JSON number, <c>true</c>, <c>false</c> or <c>null</c>.</summary>
        Plain,

        /// <summary>A quoted YAML or JSON string.</summary>
        Quoted,

        /// <summary>A YAML literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar.</summary>
        Block,
    }

    internal sealed class TemplateScalar : TemplateNode
    {
        public TemplateScalar(string value, ScalarStyle style, TextSpan span, LinePositionSpan position, string? tag)
            : base(span, position, tag)
        {
            Value = value;
            Style = style;
        }

        /// <summary>The scalar's text after unquoting, unescaping and folding.</summary>
        public string Value { get; }

        public ScalarStyle Style { get; }

        /// <summary>An empty value (<c>Key:</c>), <c>null</c> or <c>~</c>, untagged and unquoted.</summary>
        public bool IsNull => Tag == null && Style == ScalarStyle.Plain && (Value.Length == 0 || Value == "null" || Value == "~" || Value == "Null" || Value == "NULL");

        /// <summary>An unquoted, untagged <c>true</c> (JSON <c>true</c>, YAML <c>true</c>/<c>True</c>/<c>TRUE</c>).</summary>
        public bool IsTrue => Tag == null && Style == ScalarStyle.Plain && (Value == "true" || Value == "True" || Value == "TRUE");

        public override string ToString() => Value;
    }

    internal sealed class TemplateSequence : TemplateNode
    {
        public TemplateSequence(ImmutableArray<TemplateNode> items, TextSpan span, LinePositionSpan position, string? tag)
            : base(span, position, tag)
        {
            Items = items;
        }

        public ImmutableArray<TemplateNode> Items { get; }
    }

    /// <summary>A key and its value; the key keeps its own position (rules report on the property's key).</summary>
    internal sealed class TemplateEntry
    {
        public TemplateEntry(TemplateScalar key, TemplateNode value)
        {
            Key = key;
            Value = value;
        }

        public TemplateScalar Key { get; }

        public TemplateNode Value { get; }

        public string Name => Key.Value;
    }

    internal sealed class TemplateMapping : TemplateNode
    {
        public TemplateMapping(ImmutableArray<TemplateEntry> entries, bool isFlow, TextSpan span, LinePositionSpan position, string? tag)
            : base(span, position, tag)
        {
            Entries = entries;
            IsFlow = isFlow;
        }

        /// <summary>The entries in the order written. A key written twice keeps both entries; lookups find the last.</summary>
        public ImmutableArray<TemplateEntry> Entries { get; }

        /// <summary>Written in braces (a JSON object or a YAML flow mapping) rather than one key per line.</summary>
        public bool IsFlow { get; }

        /// <summary>The last entry named <paramref name="name"/> (CloudFormation key names are case-sensitive).</summary>
        public TemplateEntry? Find(string name)
        {
            for (var i = Entries.Length - 1; i >= 0; i--)
            {
                if (string.Equals(Entries[i].Name, name, StringComparison.Ordinal))
                {
                    return Entries[i];
                }
            }

            return null;
        }

        public TemplateNode? this[string name] => Find(name)?.Value;
    }

    /// <summary>Why a template could not be read, and where reading stopped.</summary>
    internal readonly struct TemplateReadError
    {
        public TemplateReadError(string message, int offset)
        {
            Message = message;
            Offset = offset;
        }

        public string Message { get; }

        /// <summary>Character offset in the file.</summary>
        public int Offset { get; }
    }

    /// <summary>What a reader returns: a root node, or an error.</summary>
    internal readonly struct TemplateReadResult
    {
        private TemplateReadResult(TemplateNode? root, TemplateReadError? error)
        {
            Root = root;
            Error = error;
        }

        /// <summary>The document's root node; null for an empty document or when reading failed.</summary>
        public TemplateNode? Root { get; }

        public TemplateReadError? Error { get; }

        public bool Succeeded => Error == null;

        public static TemplateReadResult Success(TemplateNode? root) => new TemplateReadResult(root, null);

        public static TemplateReadResult Failure(string message, int offset) => new TemplateReadResult(null, new TemplateReadError(message, offset));
    }
}
