using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>
    /// Reads the YAML that SAM and CloudFormation templates are written in into positioned nodes: block mappings and
    /// sequences (also sequences at their key's indentation, compact <c>- key: value</c> and <c>- - item</c>
    /// entries), flow mappings and sequences (nested, across lines), plain, single- and double-quoted scalars (across
    /// lines, with escapes), literal and folded block scalars with chomping and indentation indicators, comments,
    /// quoted keys, tags (the short intrinsic forms <c>!Ref</c>, <c>!GetAtt</c>, <c>!Sub</c>, ... and <c>!!str</c>),
    /// anchors, aliases and merge keys (<c>&lt;&lt;: *defaults</c>), directives and document markers.
    /// Not read (the template is reported unreadable rather than read wrongly): complex keys (<c>? key</c>), two tags
    /// or anchors on one node, tabs in indentation, an unclosed flow collection. Only the first document is read.
    /// </summary>
    internal sealed class YamlTemplateReader
    {
        private const int MaxDepth = 128;
        private readonly SourceText _source;
        private readonly string _text;
        private readonly Dictionary<string, TemplateNode> _anchors = new Dictionary<string, TemplateNode>(StringComparer.Ordinal);
        private int _pos;
        private int _lastEnd;
        private int _depth;

        // The flow collection being read: where it opened and the indentation its lines must exceed.
        private int _flowStart = -1;
        private int _flowParentIndent;
        private bool _flowIsMapping;

        private YamlTemplateReader(SourceText source)
        {
            _source = source;
            _text = source.ToString();
        }

        public static TemplateReadResult Read(string text) => Read(SourceText.From(text));

        public static TemplateReadResult Read(SourceText source)
        {
            var reader = new YamlTemplateReader(source);
            try
            {
                return TemplateReadResult.Success(reader.ReadDocument());
            }
            catch (TemplateFormatException exception)
            {
                return TemplateReadResult.Failure(exception.Message, Math.Min(exception.Offset, reader._text.Length));
            }
        }

        // ---------------------------------------------------------------- document

        private TemplateNode? ReadDocument()
        {
            if (Peek() == '\uFEFF')
            {
                _pos++;
            }

            // Directives, blank lines and comments before the document.
            while (_pos < _text.Length)
            {
                var lineStart = _pos;
                if (Peek() == '%')
                {
                    SkipToLineEnd();
                    NextLine();
                    continue;
                }

                SkipSpaces();
                if (AtLineEnd() || Peek() == '#')
                {
                    SkipToLineEnd();
                    NextLine();
                    continue;
                }

                _pos = lineStart;
                break;
            }

            TemplateNode? root = null;
            if (IsMarker("---"))
            {
                _pos += 3;
                SkipSpaces();
                if (!AtLineEnd() && Peek() != '#')
                {
                    root = ReadValue(parentIndent: -1, allowSameIndentSequence: false, inSequenceEntry: false);
                }
                else
                {
                    SkipToLineEnd();
                    NextLine();
                }
            }

            if (root == null)
            {
                var indent = NextContentIndent();
                if (indent >= 0)
                {
                    root = ReadIndentedNode(indent, parentIndent: -1);
                }
            }

            var rest = NextContentIndent();
            if (rest >= 0)
            {
                throw new TemplateFormatException("unexpected indentation", _pos + rest);
            }

            // A "---" here starts a second document: a template has one, the rest is not read.
            return root;
        }

        // ---------------------------------------------------------------- block structure

        /// <summary>
        /// Moves to the start of the next line that holds content (skipping blank and comment-only lines) and returns
        /// its indentation; -1 at the end of the file or at a document marker.
        /// </summary>
        private int NextContentIndent()
        {
            while (_pos < _text.Length)
            {
                var lineStart = _pos;
                if (IsMarker("---") || IsMarker("..."))
                {
                    return -1;
                }

                var indent = 0;
                while (Peek() == ' ')
                {
                    _pos++;
                    indent++;
                }

                if (Peek() == '\t')
                {
                    var afterTabs = _pos;
                    while (Peek() == ' ' || Peek() == '\t')
                    {
                        _pos++;
                    }

                    if (!AtLineEnd() && Peek() != '#')
                    {
                        throw new TemplateFormatException("tabs are not allowed for indentation", afterTabs);
                    }
                }

                if (AtLineEnd() || Peek() == '#')
                {
                    SkipToLineEnd();
                    NextLine();
                    continue;
                }

                _pos = lineStart;
                return indent;
            }

            return -1;
        }

        /// <summary>A node whose first line starts at <paramref name="indent"/>; <see cref="_pos"/> is at that line's start.</summary>
        private TemplateNode ReadIndentedNode(int indent, int parentIndent)
        {
            _pos += indent;
            if (Peek() == '?' && IsBlank(Peek(1)))
            {
                throw new TemplateFormatException("complex mapping keys ('?') are not supported", _pos);
            }

            if (IsSequenceEntry(_pos))
            {
                return ReadBlockSequence(indent);
            }

            if (HasMappingKey(_pos))
            {
                return ReadBlockMapping(indent);
            }

            return ReadValue(parentIndent, allowSameIndentSequence: false, inSequenceEntry: false);
        }

        private TemplateMapping ReadBlockMapping(int indent)
        {
            Enter();
            var start = _pos;
            var entries = ImmutableArray.CreateBuilder<TemplateEntry>();
            while (true)
            {
                var key = ReadBlockKey();
                var value = ReadValue(parentIndent: indent, allowSameIndentSequence: true, inSequenceEntry: false);
                entries.Add(new TemplateEntry(key, value));
                var end = _lastEnd;

                var next = NextContentIndent();
                if (next == indent)
                {
                    if (IsSequenceEntry(_pos + next))
                    {
                        throw new TemplateFormatException("expected 'key: value'", _pos + next);
                    }

                    _pos += next;
                    continue;
                }

                if (next > indent)
                {
                    throw new TemplateFormatException("unexpected indentation", _pos + next);
                }

                _lastEnd = end;
                Leave();
                var span = TextSpan.FromBounds(start, Math.Max(start, end));
                return new TemplateMapping(Merge(entries), isFlow: false, span, PositionOf(span), tag: null);
            }
        }

        private TemplateSequence ReadBlockSequence(int indent)
        {
            Enter();
            var start = _pos;
            var items = ImmutableArray.CreateBuilder<TemplateNode>();
            while (true)
            {
                _pos++; // the '-'
                _lastEnd = _pos;
                items.Add(ReadValue(parentIndent: indent, allowSameIndentSequence: false, inSequenceEntry: true));
                var end = _lastEnd;

                var next = NextContentIndent();
                if (next == indent && IsSequenceEntry(_pos + next))
                {
                    _pos += next;
                    continue;
                }

                if (next > indent)
                {
                    throw new TemplateFormatException("unexpected indentation", _pos + next);
                }

                _lastEnd = end;
                Leave();
                var span = TextSpan.FromBounds(start, Math.Max(start, end));
                return new TemplateSequence(items.ToImmutable(), span, PositionOf(span), tag: null);
            }
        }

        /// <summary>
        /// The value after <c>key:</c> or <c>-</c> (or an indented node's first line), ending at the start of the
        /// line after it. <paramref name="parentIndent"/> is the indentation its continuation lines must exceed.
        /// </summary>
        private TemplateNode ReadValue(int parentIndent, bool allowSameIndentSequence, bool inSequenceEntry)
        {
            Enter();
            try
            {
                SkipSpaces();
                var propertiesStart = _pos;
                ReadProperties(out var tag, out var anchor);
                if (AtLineEnd() || Peek() == '#')
                {
                    return Anchor(anchor, ReadBlockBelow(parentIndent, allowSameIndentSequence, tag, propertiesStart));
                }

                var start = tag != null || anchor != null ? propertiesStart : _pos;
                var column = ColumnOf(_pos);
                switch (Peek())
                {
                    case '*':
                        if (tag != null || anchor != null)
                        {
                            throw new TemplateFormatException("an alias cannot have a tag or an anchor", propertiesStart);
                        }

                        var alias = ReadAlias();
                        EndLine();
                        return alias;

                    case '[':
                    case '{':
                        var flow = ReadFlowCollection(parentIndent, tag, start);
                        EndLine();
                        return Anchor(anchor, flow);

                    case '|':
                    case '>':
                        return Anchor(anchor, ReadBlockScalar(parentIndent, tag, start));

                    case '"':
                    case '\'':
                        if (inSequenceEntry && tag == null && anchor == null && HasMappingKey(_pos))
                        {
                            return ReadBlockMapping(column);
                        }

                        var quoted = ReadQuoted(tag, start);
                        EndLine();
                        return Anchor(anchor, quoted);
                }

                if (inSequenceEntry && tag == null && anchor == null)
                {
                    if (IsSequenceEntry(_pos))
                    {
                        return ReadBlockSequence(column);
                    }

                    if (Peek() == '?' && IsBlank(Peek(1)))
                    {
                        throw new TemplateFormatException("complex mapping keys ('?') are not supported", _pos);
                    }

                    if (HasMappingKey(_pos))
                    {
                        return ReadBlockMapping(column);
                    }
                }

                return Anchor(anchor, ReadPlainBlock(parentIndent, tag, start));
            }
            finally
            {
                Leave();
            }
        }

        /// <summary>A value with nothing after its key (or its properties) on the key's line: it is below, or empty.</summary>
        private TemplateNode ReadBlockBelow(int parentIndent, bool allowSameIndentSequence, string? tag, int propertiesStart)
        {
            var emptyAt = SkipBackSpaces(_pos);
            if (tag != null)
            {
                _lastEnd = emptyAt;
            }

            SkipToLineEnd();
            NextLine();
            var lineStart = _pos;
            var indent = NextContentIndent();
            TemplateNode? node = null;
            if (indent > parentIndent)
            {
                node = ReadIndentedNode(indent, parentIndent);
            }
            else if (indent >= 0 && indent == parentIndent && allowSameIndentSequence && IsSequenceEntry(_pos + indent))
            {
                _pos += indent;
                node = ReadBlockSequence(indent);
            }

            if (node == null)
            {
                var span = tag != null ? TextSpan.FromBounds(propertiesStart, emptyAt) : new TextSpan(emptyAt, 0);
                if (tag == null)
                {
                    _lastEnd = emptyAt;
                }

                return new TemplateScalar(string.Empty, ScalarStyle.Plain, span, PositionOf(span), tag);
            }

            return tag == null ? node : WithTag(node, tag, propertiesStart);
        }

        private TemplateScalar ReadBlockKey()
        {
            var start = _pos;
            TemplateScalar key;
            if (Peek() == '"' || Peek() == '\'')
            {
                key = ReadQuoted(tag: null, start);
                SkipSpaces();
            }
            else
            {
                var colon = FindKeyColon(_pos);
                if (colon < 0)
                {
                    throw new TemplateFormatException("expected 'key: value'", start);
                }

                var end = SkipBackSpaces(colon);
                var span = TextSpan.FromBounds(start, end);
                key = new TemplateScalar(_text.Substring(start, end - start), ScalarStyle.Plain, span, PositionOf(span), tag: null);
                _pos = colon;
            }

            if (Peek() != ':')
            {
                throw new TemplateFormatException("expected ':'", _pos);
            }

            _pos++;
            _lastEnd = _pos;
            return key;
        }

        // ---------------------------------------------------------------- scalars

        private TemplateScalar ReadPlainBlock(int parentIndent, string? tag, int start)
        {
            var builder = new StringBuilder();
            var contentStart = _pos;
            var end = ReadPlainLine();
            builder.Append(_text, contentStart, end - contentStart);
            _lastEnd = end;
            SkipToLineEnd();
            NextLine();

            // Continuation lines: more indented than the parent, folded into one line.
            var breaks = 0;
            while (_pos < _text.Length)
            {
                var lineStart = _pos;
                if (IsMarker("---") || IsMarker("..."))
                {
                    break;
                }

                var indent = 0;
                while (Peek() == ' ')
                {
                    _pos++;
                    indent++;
                }

                while (Peek() == '\t')
                {
                    _pos++;
                }

                if (AtLineEnd())
                {
                    breaks++;
                    NextLine();
                    continue;
                }

                if (indent <= parentIndent || Peek() == '#')
                {
                    _pos = lineStart;
                    break;
                }

                var lineContent = _pos;
                var lineEnd = ReadPlainLine();
                builder.Append(breaks == 0 ? " " : new string('\n', breaks));
                builder.Append(_text, lineContent, lineEnd - lineContent);
                breaks = 0;
                _lastEnd = lineEnd;
                SkipToLineEnd();
                NextLine();
            }

            if (breaks > 0)
            {
                // Blank lines after the scalar belong to nothing: give them back to the caller's line scan.
                _pos = LineStartOf(_lastEnd);
                SkipToLineEnd();
                NextLine();
            }

            var span = TextSpan.FromBounds(start, _lastEnd);
            return new TemplateScalar(builder.ToString(), ScalarStyle.Plain, span, PositionOf(span), tag);
        }

        /// <summary>Reads a plain scalar's text to the end of the line or a comment; returns where the text ends.</summary>
        private int ReadPlainLine()
        {
            var end = _pos;
            while (!AtLineEnd())
            {
                var c = Peek();
                if (c == '#' && _pos > 0 && IsBlank(_text[_pos - 1]))
                {
                    break;
                }

                if (c == ':' && IsBlankOrEnd(Peek(1)))
                {
                    throw new TemplateFormatException("mapping values are not allowed here", _pos);
                }

                _pos++;
                if (!IsBlank(c))
                {
                    end = _pos;
                }
            }

            return end;
        }

        private TemplateScalar ReadQuoted(string? tag, int start)
        {
            var quote = Peek();
            var open = _pos;
            _pos++;
            var builder = new StringBuilder();
            while (true)
            {
                if (_pos >= _text.Length)
                {
                    throw new TemplateFormatException("unterminated string", open);
                }

                var c = _text[_pos];
                if (c == quote)
                {
                    if (quote == '\'' && Peek(1) == '\'')
                    {
                        builder.Append('\'');
                        _pos += 2;
                        continue;
                    }

                    _pos++;
                    break;
                }

                if (c == '\\' && quote == '"')
                {
                    _pos++;
                    if (AtLineEnd())
                    {
                        // An escaped line break: the lines join without a space.
                        NextLine();
                        SkipBlanks();
                        continue;
                    }

                    ReadEscape(builder);
                    continue;
                }

                if (IsLineBreak(c))
                {
                    // Line folding: one break is a space, each further (empty) line a newline.
                    TrimTrailingBlanks(builder);
                    NextLine();
                    SkipBlanks();
                    var breaks = 0;
                    while (_pos < _text.Length && IsLineBreak(_text[_pos]))
                    {
                        breaks++;
                        NextLine();
                        SkipBlanks();
                    }

                    if (IsMarker("---") || IsMarker("..."))
                    {
                        throw new TemplateFormatException("unterminated string", open);
                    }

                    builder.Append(breaks == 0 ? " " : new string('\n', breaks));
                    continue;
                }

                builder.Append(c);
                _pos++;
            }

            _lastEnd = _pos;
            var span = TextSpan.FromBounds(start, _pos);
            return new TemplateScalar(builder.ToString(), ScalarStyle.Quoted, span, PositionOf(span), tag);
        }

        private void ReadEscape(StringBuilder builder)
        {
            var escape = Peek();
            _pos++;
            switch (escape)
            {
                case '0': builder.Append('\0'); return;
                case 'a': builder.Append('\a'); return;
                case 'b': builder.Append('\b'); return;
                case 't':
                case '\t': builder.Append('\t'); return;
                case 'n': builder.Append('\n'); return;
                case 'v': builder.Append('\v'); return;
                case 'f': builder.Append('\f'); return;
                case 'r': builder.Append('\r'); return;
                case 'e': builder.Append('\u001B'); return;
                case ' ': builder.Append(' '); return;
                case '"': builder.Append('"'); return;
                case '/': builder.Append('/'); return;
                case '\\': builder.Append('\\'); return;
                case 'N': builder.Append('\u0085'); return;
                case '_': builder.Append('\u00A0'); return;
                case 'L': builder.Append('\u2028'); return;
                case 'P': builder.Append('\u2029'); return;
                case 'x': builder.Append(ReadHex(2)); return;
                case 'u': builder.Append(ReadHex(4)); return;
                case 'U': builder.Append(ReadHex(8)); return;
                default:
                    throw new TemplateFormatException("unknown escape '\\" + escape + "'", _pos - 2);
            }
        }

        private string ReadHex(int digits)
        {
            if (_pos + digits > _text.Length
                || !int.TryParse(_text.Substring(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code)
                || code < 0
                || code > 0x10FFFF)
            {
                throw new TemplateFormatException("invalid escape", _pos);
            }

            _pos += digits;
            return char.ConvertFromUtf32(code);
        }

        private TemplateScalar ReadBlockScalar(int parentIndent, string? tag, int start)
        {
            var literal = Peek() == '|';
            _pos++;
            var chomp = '\0';
            var explicitIndent = 0;
            for (var i = 0; i < 2; i++)
            {
                var c = Peek();
                if ((c == '-' || c == '+') && chomp == '\0')
                {
                    chomp = c;
                    _pos++;
                }
                else if (c >= '1' && c <= '9' && explicitIndent == 0)
                {
                    explicitIndent = c - '0';
                    _pos++;
                }
            }

            var headerEnd = _pos;
            SkipSpaces();
            if (!AtLineEnd() && Peek() != '#')
            {
                throw new TemplateFormatException("unexpected text after a block scalar indicator", _pos);
            }

            SkipToLineEnd();
            NextLine();

            // The content's indentation: given, or that of the first non-empty line.
            var contentIndent = explicitIndent > 0 ? Math.Max(parentIndent, 0) + explicitIndent : -1;
            var lines = new List<string>();
            var end = headerEnd;
            while (_pos < _text.Length)
            {
                var lineStart = _pos;
                if ((contentIndent <= 0) && (IsMarker("---") || IsMarker("...")))
                {
                    break;
                }

                var indent = 0;
                while (Peek() == ' ')
                {
                    _pos++;
                    indent++;
                }

                var blank = AtLineEnd();
                if (contentIndent < 0 && !blank)
                {
                    contentIndent = indent;
                    if (contentIndent <= parentIndent)
                    {
                        _pos = lineStart;
                        break;
                    }
                }

                if (!blank && indent < contentIndent)
                {
                    _pos = lineStart;
                    break;
                }

                SkipToLineEnd();
                var lineEnd = _pos;
                var from = Math.Min(lineStart + Math.Max(contentIndent, 0), lineEnd);
                lines.Add(blank ? (contentIndent >= 0 && indent > contentIndent ? new string(' ', indent - contentIndent) : string.Empty) : _text.Substring(from, lineEnd - from));
                if (!blank)
                {
                    end = lineEnd;
                }

                NextLine();
            }

            // Trailing empty lines belong to the scalar only for "keep" chomping, and are never part of its span.
            var trailing = 0;
            while (trailing < lines.Count && lines[lines.Count - 1 - trailing].Trim(' ').Length == 0)
            {
                trailing++;
            }

            var content = lines.GetRange(0, lines.Count - trailing);
            var builder = new StringBuilder();
            if (literal)
            {
                builder.Append(string.Join("\n", content));
            }
            else
            {
                Fold(content, builder);
            }

            if (content.Count > 0)
            {
                if (chomp == '+')
                {
                    builder.Append('\n', 1 + trailing);
                }
                else if (chomp != '-')
                {
                    builder.Append('\n');
                }
            }
            else if (chomp == '+')
            {
                builder.Append('\n', trailing);
            }

            _lastEnd = end;
            var span = TextSpan.FromBounds(start, end);
            return new TemplateScalar(builder.ToString(), ScalarStyle.Block, span, PositionOf(span), tag);
        }

        /// <summary>Folded style: lines join with a space, an empty line is a newline, more-indented lines keep their breaks.</summary>
        private static void Fold(List<string> lines, StringBuilder builder)
        {
            var previousMoreIndented = false;
            var pendingBreaks = 0;
            for (var i = 0; i < lines.Count; i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                {
                    pendingBreaks++;
                    continue;
                }

                var moreIndented = line[0] == ' ' || line[0] == '\t';
                if (builder.Length > 0 || pendingBreaks > 0)
                {
                    if (moreIndented || previousMoreIndented)
                    {
                        builder.Append('\n', pendingBreaks + 1);
                    }
                    else if (pendingBreaks > 0)
                    {
                        builder.Append('\n', pendingBreaks);
                    }
                    else
                    {
                        builder.Append(' ');
                    }
                }

                pendingBreaks = 0;
                builder.Append(line);
                previousMoreIndented = moreIndented;
            }
        }

        // ---------------------------------------------------------------- flow collections

        private TemplateNode ReadFlowCollection(int parentIndent, string? tag, int start)
        {
            var outer = _flowStart < 0;
            if (outer)
            {
                _flowStart = _pos;
                _flowParentIndent = parentIndent;
                _flowIsMapping = Peek() == '{';
            }

            try
            {
                return Peek() == '[' ? ReadFlowSequence(tag, start) : ReadFlowMapping(tag, start);
            }
            finally
            {
                if (outer)
                {
                    _flowStart = -1;
                }
            }
        }

        private TemplateSequence ReadFlowSequence(string? tag, int start)
        {
            Enter();
            _pos++; // '['
            var items = ImmutableArray.CreateBuilder<TemplateNode>();
            while (true)
            {
                SkipFlowTrivia();
                if (Peek() == ']')
                {
                    break;
                }

                var item = ReadFlowNode();
                SkipFlowTrivia();
                if (Peek() == ':')
                {
                    // A single-pair mapping inside a sequence: [key: value].
                    _pos++;
                    SkipFlowTrivia();
                    var value = Peek() == ',' || Peek() == ']' ? EmptyAt(_pos) : ReadFlowNode();
                    var key = item as TemplateScalar ?? throw new TemplateFormatException("complex mapping keys are not supported", item.Span.Start);
                    var pairSpan = TextSpan.FromBounds(key.Span.Start, _lastEnd);
                    item = new TemplateMapping(ImmutableArray.Create(new TemplateEntry(key, value)), isFlow: true, pairSpan, PositionOf(pairSpan), tag: null);
                    SkipFlowTrivia();
                }

                items.Add(item);
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                if (Peek() != ']')
                {
                    ThrowIfUnclosedFlow();
                    throw new TemplateFormatException("expected ',' or ']'", _pos);
                }

                break;
            }

            _pos++; // ']'
            _lastEnd = _pos;
            Leave();
            var span = TextSpan.FromBounds(start, _pos);
            return new TemplateSequence(items.ToImmutable(), span, PositionOf(span), tag);
        }

        private TemplateMapping ReadFlowMapping(string? tag, int start)
        {
            Enter();
            _pos++; // '{'
            var entries = ImmutableArray.CreateBuilder<TemplateEntry>();
            while (true)
            {
                SkipFlowTrivia();
                if (Peek() == '}')
                {
                    break;
                }

                if (Peek() == '?' && IsBlank(Peek(1)))
                {
                    throw new TemplateFormatException("complex mapping keys ('?') are not supported", _pos);
                }

                var keyNode = ReadFlowNode(isKey: true);
                if (!(keyNode is TemplateScalar key))
                {
                    throw new TemplateFormatException("complex mapping keys are not supported", keyNode.Span.Start);
                }

                SkipFlowTrivia();
                TemplateNode value;
                if (Peek() == ':')
                {
                    _pos++;
                    SkipFlowTrivia();
                    value = Peek() == ',' || Peek() == '}' ? EmptyAt(_pos) : ReadFlowNode();
                    SkipFlowTrivia();
                }
                else
                {
                    value = EmptyAt(key.Span.End);
                }

                entries.Add(new TemplateEntry(key, value));
                if (Peek() == ',')
                {
                    _pos++;
                    continue;
                }

                if (Peek() != '}')
                {
                    ThrowIfUnclosedFlow();
                    throw new TemplateFormatException("expected ',' or '}'", _pos);
                }

                break;
            }

            _pos++; // '}'
            _lastEnd = _pos;
            Leave();
            var span = TextSpan.FromBounds(start, _pos);
            return new TemplateMapping(Merge(entries), isFlow: true, span, PositionOf(span), tag);
        }

        private TemplateNode ReadFlowNode(bool isKey = false)
        {
            Enter();
            try
            {
                var propertiesStart = _pos;
                ReadProperties(out var tag, out var anchor, inFlow: true);
                SkipFlowTrivia();
                var start = tag != null || anchor != null ? propertiesStart : _pos;
                switch (Peek())
                {
                    case '*':
                        return ReadAlias();
                    case '[':
                    case '{':
                        return Anchor(anchor, ReadFlowCollection(_flowParentIndent, tag, start));
                    case '"':
                    case '\'':
                        return Anchor(anchor, ReadQuoted(tag, start));
                    case ',':
                    case ']':
                    case '}':
                        if (tag != null || anchor != null)
                        {
                            return Anchor(anchor, new TemplateScalar(string.Empty, ScalarStyle.Plain, TextSpan.FromBounds(start, _lastEnd), PositionOf(TextSpan.FromBounds(start, _lastEnd)), tag));
                        }

                        throw new TemplateFormatException("expected a value", _pos);
                }

                return Anchor(anchor, ReadPlainFlow(tag, start, isKey));
            }
            finally
            {
                Leave();
            }
        }

        private TemplateScalar ReadPlainFlow(string? tag, int start, bool isKey)
        {
            var builder = new StringBuilder();
            var contentStart = _pos;
            var end = _pos;
            var lastEnd = _pos;
            while (_pos < _text.Length)
            {
                var c = Peek();
                if (IsLineBreak(c))
                {
                    // A plain scalar may go on on the next line of a flow collection.
                    var save = _pos;
                    builder.Append(_text, contentStart, end - contentStart);
                    contentStart = end;
                    SkipFlowTrivia();
                    ThrowIfUnclosedFlow();
                    var next = Peek();
                    if (_pos >= _text.Length || next == ',' || next == ']' || next == '}' || next == ':' || next == '#')
                    {
                        _pos = save;
                        break;
                    }

                    builder.Append(' ');
                    contentStart = end = _pos;
                    continue;
                }

                if (c == ',' || c == ']' || c == '}' || c == '[' || c == '{')
                {
                    break;
                }

                if (c == ':' && (IsBlankOrEnd(Peek(1)) || Peek(1) == ',' || Peek(1) == ']' || Peek(1) == '}' || Peek(1) == '[' || Peek(1) == '{'))
                {
                    break;
                }

                if (c == '#' && _pos > 0 && IsBlank(_text[_pos - 1]))
                {
                    break;
                }

                _pos++;
                if (!IsBlank(c))
                {
                    end = lastEnd = _pos;
                }
            }

            builder.Append(_text, contentStart, end - contentStart);
            var text = builder.ToString().TrimEnd(' ', '\t');
            if (text.Length == 0 && tag == null)
            {
                throw new TemplateFormatException(isKey ? "expected a key" : "expected a value", _pos);
            }

            _lastEnd = Math.Max(lastEnd, start);
            var span = TextSpan.FromBounds(start, _lastEnd);
            return new TemplateScalar(text, ScalarStyle.Plain, span, PositionOf(span), tag);
        }

        /// <summary>Whitespace, line breaks and comments inside a flow collection, whose lines must stay indented.</summary>
        private void SkipFlowTrivia()
        {
            while (_pos < _text.Length)
            {
                var c = Peek();
                if (IsBlank(c))
                {
                    _pos++;
                }
                else if (c == '#' && (_pos == 0 || IsBlank(_text[_pos - 1]) || IsLineBreak(_text[_pos - 1])))
                {
                    SkipToLineEnd();
                }
                else if (IsLineBreak(c))
                {
                    NextLine();
                    var lineStart = _pos;
                    var indent = 0;
                    while (Peek() == ' ')
                    {
                        _pos++;
                        indent++;
                    }

                    // Indentation does not matter inside brackets (PyYAML, which SAM uses, ignores it there too):
                    // a closing bracket may sit under its key, entries may start at the key's column.
                    if (IsMarker("---", lineStart) || IsMarker("...", lineStart))
                    {
                        throw NotClosed();
                    }
                }
                else
                {
                    return;
                }
            }

            if (_flowStart >= 0)
            {
                throw NotClosed();
            }
        }

        /// <summary>
        /// Thrown where an entry of a flow collection should follow a value but the next line starts, at the parent's
        /// indentation or less, what looks like a block key or entry: the brackets were never closed. Otherwise the
        /// caller reports what it expected.
        /// </summary>
        private void ThrowIfUnclosedFlow()
        {
            var lineStart = LineStartOf(_pos);
            var firstOnLine = true;
            for (var i = lineStart; i < _pos; i++)
            {
                firstOnLine &= IsBlank(_text[i]);
            }

            if (firstOnLine && _pos - lineStart <= _flowParentIndent && (IsSequenceEntry(_pos) || HasMappingKey(_pos)))
            {
                throw NotClosed();
            }
        }

        private TemplateFormatException NotClosed()
            => new TemplateFormatException(_flowIsMapping ? "a flow mapping is not closed" : "a flow sequence is not closed", _flowStart);

        // ---------------------------------------------------------------- tags, anchors, aliases

        private void ReadProperties(out string? tag, out string? anchor, bool inFlow = false)
        {
            tag = null;
            anchor = null;
            while (Peek() == '!' || Peek() == '&')
            {
                var isTag = Peek() == '!';
                var start = _pos;
                _pos++;
                while (_pos < _text.Length && !IsBlank(Peek()) && !IsLineBreak(Peek()) && !(inFlow && IsFlowIndicator(Peek())))
                {
                    _pos++;
                }

                var name = _text.Substring(start, _pos - start);
                if (isTag)
                {
                    if (tag != null)
                    {
                        throw new TemplateFormatException("a node cannot have two tags (write the inner function in its long form, such as Fn::Sub)", start);
                    }

                    tag = name;
                }
                else
                {
                    if (anchor != null || name.Length == 1)
                    {
                        throw new TemplateFormatException(name.Length == 1 ? "an anchor needs a name" : "a node cannot have two anchors", start);
                    }

                    anchor = name.Substring(1);
                }

                _lastEnd = _pos;
                SkipSpaces();
            }
        }

        private TemplateNode ReadAlias()
        {
            var start = _pos;
            _pos++;
            while (_pos < _text.Length && !IsBlank(Peek()) && !IsLineBreak(Peek()) && !IsFlowIndicator(Peek()))
            {
                _pos++;
            }

            var name = _text.Substring(start + 1, _pos - start - 1);
            if (!_anchors.TryGetValue(name, out var node))
            {
                throw new TemplateFormatException("alias '*" + name + "' has no anchor before it", start);
            }

            _lastEnd = _pos;
            return node;
        }

        private TemplateNode Anchor(string? anchor, TemplateNode node)
        {
            if (anchor != null)
            {
                _anchors[anchor] = node;
            }

            return node;
        }

        private TemplateNode WithTag(TemplateNode node, string tag, int start)
        {
            var span = TextSpan.FromBounds(start, Math.Max(start, node.Span.End));
            var position = PositionOf(span);
            switch (node)
            {
                case TemplateMapping mapping:
                    return new TemplateMapping(mapping.Entries, mapping.IsFlow, span, position, tag);
                case TemplateSequence sequence:
                    return new TemplateSequence(sequence.Items, span, position, tag);
                case TemplateScalar scalar when scalar.Tag == null:
                    return new TemplateScalar(scalar.Value, scalar.Style, span, position, tag);
                default:
                    throw new TemplateFormatException("a node cannot have two tags (write the inner function in its long form, such as Fn::Sub)", node.Span.Start);
            }
        }

        /// <summary>
        /// Applies merge keys (<c>&lt;&lt;: *defaults</c>): the merged mappings' entries come first, so that the
        /// mapping's own entries win in lookups, and the <c>&lt;&lt;</c> entry itself goes.
        /// </summary>
        private static ImmutableArray<TemplateEntry> Merge(ImmutableArray<TemplateEntry>.Builder entries)
        {
            var hasMerge = false;
            foreach (var entry in entries)
            {
                hasMerge |= IsMergeKey(entry.Key);
            }

            if (!hasMerge)
            {
                return entries.ToImmutable();
            }

            var own = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!IsMergeKey(entry.Key))
                {
                    own.Add(entry.Name);
                }
            }

            var result = ImmutableArray.CreateBuilder<TemplateEntry>();
            var merged = new HashSet<string>(StringComparer.Ordinal);
            foreach (var entry in entries)
            {
                if (!IsMergeKey(entry.Key))
                {
                    continue;
                }

                var sources = entry.Value is TemplateSequence sequence ? sequence.Items : ImmutableArray.Create(entry.Value);
                foreach (var source in sources)
                {
                    if (!(source is TemplateMapping mapping))
                    {
                        throw new TemplateFormatException("a merge key ('<<') needs a mapping or a list of mappings", entry.Value.Span.Start);
                    }

                    foreach (var inherited in mapping.Entries)
                    {
                        if (!own.Contains(inherited.Name) && merged.Add(inherited.Name))
                        {
                            result.Add(inherited);
                        }
                    }
                }
            }

            foreach (var entry in entries)
            {
                if (!IsMergeKey(entry.Key))
                {
                    result.Add(entry);
                }
            }

            return result.ToImmutable();
        }

        private static bool IsMergeKey(TemplateScalar key) => key.Value == "<<" && key.Style == ScalarStyle.Plain && key.Tag == null;

        // ---------------------------------------------------------------- lexical helpers

        private TemplateScalar EmptyAt(int position)
        {
            var span = new TextSpan(position, 0);
            return new TemplateScalar(string.Empty, ScalarStyle.Plain, span, PositionOf(span), tag: null);
        }

        /// <summary>A block sequence entry: <c>-</c> followed by a space or the end of the line.</summary>
        private bool IsSequenceEntry(int position)
            => position < _text.Length && _text[position] == '-' && IsBlankOrEnd(position + 1 < _text.Length ? _text[position + 1] : '\0');

        /// <summary>The line from <paramref name="position"/> starts with <c>key:</c> (plain or quoted key).</summary>
        private bool HasMappingKey(int position)
        {
            if (position >= _text.Length)
            {
                return false;
            }

            var c = _text[position];
            if (c == '"' || c == '\'')
            {
                var i = position + 1;
                while (i < _text.Length && !IsLineBreak(_text[i]))
                {
                    if (_text[i] == '\\' && c == '"')
                    {
                        i += 2;
                        continue;
                    }

                    if (_text[i] == c)
                    {
                        if (c == '\'' && i + 1 < _text.Length && _text[i + 1] == '\'')
                        {
                            i += 2;
                            continue;
                        }

                        break;
                    }

                    i++;
                }

                i++;
                while (i < _text.Length && IsBlank(_text[i]))
                {
                    i++;
                }

                return i < _text.Length && _text[i] == ':' && (i + 1 >= _text.Length || IsBlankOrEnd(_text[i + 1]));
            }

            if (c == '[' || c == '{' || c == '!' || c == '&' || c == '*' || c == '|' || c == '>' || c == '#' || c == '%' || c == '@' || c == '`')
            {
                return false;
            }

            return FindKeyColon(position) >= 0;
        }

        /// <summary>The colon that ends a plain key on this line (followed by a space or the line end), or -1.</summary>
        private int FindKeyColon(int position)
        {
            for (var i = position; i < _text.Length && !IsLineBreak(_text[i]); i++)
            {
                var c = _text[i];
                if (c == '#' && i > position && IsBlank(_text[i - 1]))
                {
                    return -1;
                }

                if (c == ':' && (i + 1 >= _text.Length || IsBlankOrEnd(_text[i + 1])) && i > position)
                {
                    return i;
                }
            }

            return -1;
        }

        private bool IsMarker(string marker) => IsMarker(marker, _pos);

        private bool IsMarker(string marker, int position)
            => position + 3 <= _text.Length
                && (position == 0 || IsLineBreak(_text[position - 1]))
                && string.CompareOrdinal(_text, position, marker, 0, 3) == 0
                && (position + 3 >= _text.Length || IsBlankOrEnd(_text[position + 3]));

        /// <summary>After a value on a line: only spaces or a comment may follow; moves to the next line.</summary>
        private void EndLine()
        {
            SkipSpaces();
            if (!AtLineEnd() && Peek() != '#')
            {
                throw new TemplateFormatException("unexpected text after the value", _pos);
            }

            SkipToLineEnd();
            NextLine();
        }

        private int ColumnOf(int position) => position - LineStartOf(position);

        private int LineStartOf(int position)
        {
            var i = Math.Min(position, _text.Length);
            while (i > 0 && !IsLineBreak(_text[i - 1]))
            {
                i--;
            }

            return i;
        }

        private int SkipBackSpaces(int position)
        {
            while (position > 0 && IsBlank(_text[position - 1]))
            {
                position--;
            }

            return position;
        }

        private LinePositionSpan PositionOf(TextSpan span) => _source.Lines.GetLinePositionSpan(span);

        private char Peek(int offset = 0) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

        private bool AtLineEnd() => _pos >= _text.Length || IsLineBreak(_text[_pos]);

        private void SkipSpaces()
        {
            while (_pos < _text.Length && IsBlank(_text[_pos]))
            {
                _pos++;
            }
        }

        private void SkipBlanks() => SkipSpaces();

        private void SkipToLineEnd()
        {
            while (_pos < _text.Length && !IsLineBreak(_text[_pos]))
            {
                _pos++;
            }
        }

        private void NextLine()
        {
            if (_pos < _text.Length && _text[_pos] == '\r')
            {
                _pos++;
            }

            if (_pos < _text.Length && _text[_pos] == '\n')
            {
                _pos++;
            }
        }

        private static void TrimTrailingBlanks(StringBuilder builder)
        {
            while (builder.Length > 0 && IsBlank(builder[builder.Length - 1]))
            {
                builder.Length--;
            }
        }

        private void Enter()
        {
            if (++_depth > MaxDepth)
            {
                throw new TemplateFormatException("nesting is too deep", _pos);
            }
        }

        private void Leave() => _depth--;

        private static bool IsBlank(char c) => c == ' ' || c == '\t';

        private static bool IsLineBreak(char c) => c == '\n' || c == '\r';

        private static bool IsBlankOrEnd(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\0';

        private static bool IsFlowIndicator(char c) => c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
    }
}
