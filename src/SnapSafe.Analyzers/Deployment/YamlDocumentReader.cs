using System.Collections.Generic;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>
    /// Reads the block-style YAML subset that SAM and CloudFormation templates use: nested mappings, sequences,
    /// scalars (plain or quoted), flow mappings on one line, block scalars (skipped), comments and short-form
    /// intrinsic tags (<c>!Ref X</c> reads as the string "!Ref X"). Anchors and multi-line flow collections are not
    /// supported; a template that needs them reads as an error, never as a wrong answer.
    /// </summary>
    internal sealed class YamlDocumentReader
    {
        private const int MaxDepth = 64;
        private readonly List<Line> _lines;
        private readonly int[] _lineOffsets;

        private YamlDocumentReader(List<Line> lines, int[] lineOffsets)
        {
            _lines = lines;
            _lineOffsets = lineOffsets;
        }

        private readonly struct Line
        {
            public Line(int indent, string content, int number)
            {
                Indent = indent;
                Content = content;
                Number = number;
            }

            public int Indent { get; }

            public string Content { get; }

            public int Number { get; }
        }

        public static bool TryRead(string text, out object? value, out string? error, out int errorOffset)
        {
            var rawLines = text.Split('\n');
            var offsets = new int[rawLines.Length + 1];
            var lines = new List<Line>();
            var offset = 0;
            for (var i = 0; i < rawLines.Length; i++)
            {
                offsets[i] = offset;
                offset += rawLines[i].Length + 1;
                var raw = rawLines[i].TrimEnd('\r');
                var content = StripComment(raw);
                if (content.Trim().Length == 0 || content.Trim() == "---" || content.TrimStart().StartsWith("%", System.StringComparison.Ordinal))
                {
                    continue;
                }

                var indent = 0;
                while (indent < content.Length && content[indent] == ' ')
                {
                    indent++;
                }

                if (indent < content.Length && content[indent] == '\t')
                {
                    value = null;
                    error = "tabs are not allowed for indentation";
                    errorOffset = offsets[i];
                    return false;
                }

                lines.Add(new Line(indent, content.Substring(indent).TrimEnd(), i));
            }

            offsets[rawLines.Length] = offset;
            var reader = new YamlDocumentReader(lines, offsets);
            try
            {
                var index = 0;
                value = lines.Count == 0 ? null : reader.ReadBlock(ref index, lines[0].Indent, 0);
                if (index < lines.Count)
                {
                    throw new TemplateFormatException("unexpected indentation", offsets[lines[index].Number]);
                }

                error = null;
                errorOffset = 0;
                return true;
            }
            catch (TemplateFormatException exception)
            {
                value = null;
                error = exception.Message;
                errorOffset = exception.Offset;
                return false;
            }
        }

        private object? ReadBlock(ref int index, int indent, int depth)
        {
            if (depth > MaxDepth)
            {
                throw new TemplateFormatException("nesting is too deep", OffsetOf(index));
            }

            return IsSequenceItem(_lines[index].Content) ? ReadSequence(ref index, indent, depth) : ReadMapping(ref index, indent, depth);
        }

        private Dictionary<string, object?> ReadMapping(ref int index, int indent, int depth)
        {
            var result = new Dictionary<string, object?>();
            while (index < _lines.Count && _lines[index].Indent == indent && !IsSequenceItem(_lines[index].Content))
            {
                var line = _lines[index];
                if (!TrySplitKey(line.Content, out var key, out var rest))
                {
                    throw new TemplateFormatException("expected 'key: value'", OffsetOf(index));
                }

                index++;
                result[key] = ReadValue(rest, ref index, indent, depth, allowSameIndentSequence: true);
            }

            if (index < _lines.Count && _lines[index].Indent > indent)
            {
                throw new TemplateFormatException("unexpected indentation", OffsetOf(index));
            }

            return result;
        }

        private List<object?> ReadSequence(ref int index, int indent, int depth)
        {
            var result = new List<object?>();
            while (index < _lines.Count && _lines[index].Indent == indent && IsSequenceItem(_lines[index].Content))
            {
                var line = _lines[index];
                var item = line.Content.Length > 1 ? line.Content.Substring(2).TrimStart() : string.Empty;
                if (item.Length > 0 && TrySplitKey(item, out _, out _) && !item.StartsWith("{", System.StringComparison.Ordinal))
                {
                    // "- Key: value" starts a mapping whose keys sit two columns in.
                    var itemIndent = indent + (line.Content.Length - item.Length);
                    _lines[index] = new Line(itemIndent, item, line.Number);
                    result.Add(ReadMapping(ref index, itemIndent, depth + 1));
                    continue;
                }

                index++;
                result.Add(ReadValue(item, ref index, indent, depth, allowSameIndentSequence: false));
            }

            return result;
        }

        private object? ReadValue(string rest, ref int index, int indent, int depth, bool allowSameIndentSequence)
        {
            if (rest.StartsWith("&", System.StringComparison.Ordinal) || rest.StartsWith("*", System.StringComparison.Ordinal))
            {
                // The value is on the line just read, and ends it.
                var line = _lines[index - 1];
                throw new TemplateFormatException("anchors and aliases are not supported", _lineOffsets[line.Number] + line.Indent + line.Content.Length - rest.Length);
            }

            if (rest.Length == 0)
            {
                if (index < _lines.Count && (_lines[index].Indent > indent
                    || (allowSameIndentSequence && _lines[index].Indent == indent && IsSequenceItem(_lines[index].Content))))
                {
                    return ReadBlock(ref index, _lines[index].Indent, depth + 1);
                }

                return null;
            }

            if (rest == "|" || rest == ">" || rest.StartsWith("|", System.StringComparison.Ordinal) || rest.StartsWith(">", System.StringComparison.Ordinal))
            {
                while (index < _lines.Count && _lines[index].Indent > indent)
                {
                    index++;
                }

                return string.Empty;
            }

            if (rest.StartsWith("{", System.StringComparison.Ordinal))
            {
                return ReadFlowMapping(rest, index - 1);
            }

            if (rest.StartsWith("[", System.StringComparison.Ordinal))
            {
                // A flow sequence may continue on more-indented lines until its brackets close.
                var start = index - 1;
                while (FlowDepth(rest) > 0 && index < _lines.Count && _lines[index].Indent > indent)
                {
                    rest += " " + _lines[index].Content;
                    index++;
                }

                if (FlowDepth(rest) != 0)
                {
                    throw new TemplateFormatException("a flow sequence is not closed", OffsetOf(start));
                }

                return Scalar(rest);
            }

            // A plain scalar may continue on more-indented lines.
            while (index < _lines.Count && _lines[index].Indent > indent)
            {
                rest += " " + _lines[index].Content;
                index++;
            }

            return Scalar(rest);
        }

        private Dictionary<string, object?> ReadFlowMapping(string text, int lineIndex)
        {
            var end = text.LastIndexOf('}');
            if (end < 0)
            {
                throw new TemplateFormatException("flow mappings must close on the same line", OffsetOf(lineIndex));
            }

            var result = new Dictionary<string, object?>();
            foreach (var part in text.Substring(1, end - 1).Split(','))
            {
                if (part.Trim().Length == 0)
                {
                    continue;
                }

                if (!TrySplitKey(part.Trim(), out var key, out var value))
                {
                    throw new TemplateFormatException("expected 'key: value' in a flow mapping", OffsetOf(lineIndex));
                }

                result[key] = Scalar(value);
            }

            return result;
        }

        /// <summary>Open flow brackets (<c>[</c>, <c>{</c>) minus closed ones, outside quoted text.</summary>
        private static int FlowDepth(string text)
        {
            var depth = 0;
            var quote = '\0';
            foreach (var c in text)
            {
                if (quote != '\0')
                {
                    if (c == quote)
                    {
                        quote = '\0';
                    }
                }
                else if (c == '"' || c == '\'')
                {
                    quote = c;
                }
                else if (c == '[' || c == '{')
                {
                    depth++;
                }
                else if (c == ']' || c == '}')
                {
                    depth--;
                }
            }

            return depth;
        }

        private int OffsetOf(int lineIndex)
            => lineIndex >= 0 && lineIndex < _lines.Count ? _lineOffsets[_lines[lineIndex].Number] + _lines[lineIndex].Indent : 0;

        private static bool IsSequenceItem(string content) => content == "-" || content.StartsWith("- ", System.StringComparison.Ordinal);

        private static bool TrySplitKey(string content, out string key, out string rest)
        {
            key = string.Empty;
            rest = string.Empty;
            int colon;
            if (content.StartsWith("\"", System.StringComparison.Ordinal) || content.StartsWith("'", System.StringComparison.Ordinal))
            {
                var close = content.IndexOf(content[0], 1);
                if (close < 0)
                {
                    return false;
                }

                colon = content.IndexOf(':', close);
            }
            else
            {
                colon = content.IndexOf(": ", System.StringComparison.Ordinal);
                if (colon < 0 && content.EndsWith(":", System.StringComparison.Ordinal))
                {
                    colon = content.Length - 1;
                }
            }

            if (colon <= 0)
            {
                return false;
            }

            key = Unquote(content.Substring(0, colon).Trim());
            rest = content.Substring(colon + 1).Trim();
            return true;
        }

        private static object? Scalar(string text)
        {
            text = text.Trim();
            if (text.Length == 0 || text == "~" || text == "null")
            {
                return null;
            }

            if (text == "true" || text == "false")
            {
                return text == "true";
            }

            return Unquote(text);
        }

        private static string Unquote(string text)
        {
            if (text.Length >= 2 && (text[0] == '"' || text[0] == '\'') && text[text.Length - 1] == text[0])
            {
                return text.Substring(1, text.Length - 2);
            }

            return text;
        }

        private static string StripComment(string line)
        {
            var inSingle = false;
            var inDouble = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (c == '\'' && !inDouble)
                {
                    inSingle = !inSingle;
                }
                else if (c == '"' && !inSingle)
                {
                    inDouble = !inDouble;
                }
                else if (c == '#' && !inSingle && !inDouble && (i == 0 || line[i - 1] == ' '))
                {
                    return line.Substring(0, i);
                }
            }

            return line;
        }
    }
}
