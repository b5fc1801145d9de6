using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.Text;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>
    /// Reads a JSON template (serverless.template, aws-lambda-tools-defaults.json) into positioned nodes. Analyzers
    /// cannot bring System.Text.Json to every host, hence a small reader of their own. <c>//</c> and <c>/* */</c>
    /// comments are skipped: the AWS tooling writes them into aws-lambda-tools-defaults.json and reads them back.
    /// </summary>
    internal sealed class JsonTemplateReader
    {
        private const int MaxDepth = 128;
        private readonly SourceText _source;
        private readonly string _text;
        private int _position;

        private JsonTemplateReader(SourceText source)
        {
            _source = source;
            _text = source.ToString();
        }

        public static TemplateReadResult Read(string text) => Read(SourceText.From(text));

        public static TemplateReadResult Read(SourceText source)
        {
            var reader = new JsonTemplateReader(source);
            try
            {
                reader.SkipTrivia();
                if (reader._position >= reader._text.Length)
                {
                    return TemplateReadResult.Success(null);
                }

                var root = reader.ReadValue(0);
                reader.SkipTrivia();
                if (reader._position != reader._text.Length)
                {
                    throw new TemplateFormatException("unexpected text after the JSON value", reader._position);
                }

                return TemplateReadResult.Success(root);
            }
            catch (TemplateFormatException exception)
            {
                return TemplateReadResult.Failure(exception.Message, exception.Offset);
            }
        }

        private TemplateNode ReadValue(int depth)
        {
            if (depth > MaxDepth)
            {
                throw new TemplateFormatException("nesting is too deep", _position);
            }

            if (_position >= _text.Length)
            {
                throw new TemplateFormatException("unexpected end of file", _position);
            }

            switch (_text[_position])
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    return ReadString();
                case 't':
                    return Literal("true");
                case 'f':
                    return Literal("false");
                case 'n':
                    return Literal("null");
                default:
                    return ReadNumber();
            }
        }

        private TemplateMapping ReadObject(int depth)
        {
            var start = _position;
            var entries = ImmutableArray.CreateBuilder<TemplateEntry>();
            _position++;
            SkipTrivia();
            if (Peek() == '}')
            {
                _position++;
                return new TemplateMapping(entries.ToImmutable(), isFlow: true, SpanFrom(start), PositionOf(SpanFrom(start)), tag: null);
            }

            while (true)
            {
                SkipTrivia();
                if (Peek() != '"')
                {
                    throw new TemplateFormatException("expected a property name", _position);
                }

                var key = ReadString();
                SkipTrivia();
                if (Peek() != ':')
                {
                    throw new TemplateFormatException("expected ':'", _position);
                }

                _position++;
                SkipTrivia();
                entries.Add(new TemplateEntry(key, ReadValue(depth + 1)));
                SkipTrivia();
                var next = Peek();
                _position++;
                if (next == '}')
                {
                    var span = SpanFrom(start);
                    return new TemplateMapping(entries.ToImmutable(), isFlow: true, span, PositionOf(span), tag: null);
                }

                if (next != ',')
                {
                    throw new TemplateFormatException("expected ',' or '}'", _position - 1);
                }
            }
        }

        private TemplateSequence ReadArray(int depth)
        {
            var start = _position;
            var items = ImmutableArray.CreateBuilder<TemplateNode>();
            _position++;
            SkipTrivia();
            if (Peek() == ']')
            {
                _position++;
                return new TemplateSequence(items.ToImmutable(), SpanFrom(start), PositionOf(SpanFrom(start)), tag: null);
            }

            while (true)
            {
                SkipTrivia();
                items.Add(ReadValue(depth + 1));
                SkipTrivia();
                var next = Peek();
                _position++;
                if (next == ']')
                {
                    var span = SpanFrom(start);
                    return new TemplateSequence(items.ToImmutable(), span, PositionOf(span), tag: null);
                }

                if (next != ',')
                {
                    throw new TemplateFormatException("expected ',' or ']'", _position - 1);
                }
            }
        }

        private TemplateScalar ReadString()
        {
            var start = _position;
            _position++;
            var builder = new StringBuilder();
            while (_position < _text.Length)
            {
                var c = _text[_position++];
                if (c == '"')
                {
                    var span = SpanFrom(start);
                    return new TemplateScalar(builder.ToString(), ScalarStyle.Quoted, span, PositionOf(span), tag: null);
                }

                if (c == '\n')
                {
                    break;
                }

                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }

                if (_position >= _text.Length)
                {
                    break;
                }

                var escape = _text[_position++];
                switch (escape)
                {
                    case 'n': builder.Append('\n'); break;
                    case 't': builder.Append('\t'); break;
                    case 'r': builder.Append('\r'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'u':
                        if (_position + 4 > _text.Length
                            || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                        {
                            throw new TemplateFormatException("invalid \\u escape", _position);
                        }

                        builder.Append((char)code);
                        _position += 4;
                        break;
                    default: builder.Append(escape); break;
                }
            }

            throw new TemplateFormatException("unterminated string", start);
        }

        private TemplateScalar ReadNumber()
        {
            var start = _position;
            while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
            {
                _position++;
            }

            if (start == _position
                || !double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                throw new TemplateFormatException("unexpected character", start);
            }

            var span = SpanFrom(start);
            return new TemplateScalar(_text.Substring(start, _position - start), ScalarStyle.Plain, span, PositionOf(span), tag: null);
        }

        private TemplateScalar Literal(string literal)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw new TemplateFormatException("unexpected character", _position);
            }

            var span = new TextSpan(_position, literal.Length);
            _position += literal.Length;
            return new TemplateScalar(literal, ScalarStyle.Plain, span, PositionOf(span), tag: null);
        }

        private TextSpan SpanFrom(int start) => TextSpan.FromBounds(start, _position);

        private LinePositionSpan PositionOf(TextSpan span) => _source.Lines.GetLinePositionSpan(span);

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (char.IsWhiteSpace(c) || c == '\uFEFF')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, System.StringComparison.Ordinal);
                    if (end < 0)
                    {
                        throw new TemplateFormatException("unterminated comment", _position);
                    }

                    _position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }
    }

    /// <summary>Thrown inside the readers when a template cannot be read; never leaves them.</summary>
    internal sealed class TemplateFormatException : System.Exception
    {
        public TemplateFormatException(string message, int offset)
            : base(message)
        {
            Offset = offset;
        }

        public int Offset { get; }
    }
}
