using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>
    /// A small JSON reader for deployment templates (analyzers cannot bring System.Text.Json to every host). Objects
    /// become <see cref="Dictionary{TKey, TValue}"/>, arrays <see cref="List{T}"/>, scalars string, double, bool or null.
    /// Errors carry the offset where reading stopped.
    /// </summary>
    internal sealed class JsonDocumentReader
    {
        private const int MaxDepth = 64;
        private readonly string _text;
        private int _position;

        private JsonDocumentReader(string text)
        {
            _text = text;
        }

        public static bool TryRead(string text, out object? value, out string? error, out int errorOffset)
        {
            var reader = new JsonDocumentReader(text);
            try
            {
                reader.SkipWhitespace();
                value = reader.ReadValue(0);
                reader.SkipWhitespace();
                if (reader._position != text.Length)
                {
                    throw new TemplateFormatException("unexpected text after the JSON value", reader._position);
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

        private object? ReadValue(int depth)
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
                    Expect("true");
                    return true;
                case 'f':
                    Expect("false");
                    return false;
                case 'n':
                    Expect("null");
                    return null;
                default:
                    return ReadNumber();
            }
        }

        private Dictionary<string, object?> ReadObject(int depth)
        {
            var result = new Dictionary<string, object?>();
            _position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw new TemplateFormatException("expected a property name", _position);
                }

                var key = ReadString();
                SkipWhitespace();
                if (Peek() != ':')
                {
                    throw new TemplateFormatException("expected ':'", _position);
                }

                _position++;
                SkipWhitespace();
                result[key] = ReadValue(depth + 1);
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == '}')
                {
                    return result;
                }

                if (next != ',')
                {
                    throw new TemplateFormatException("expected ',' or '}'", _position - 1);
                }
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var result = new List<object?>();
            _position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                result.Add(ReadValue(depth + 1));
                SkipWhitespace();
                var next = Peek();
                _position++;
                if (next == ']')
                {
                    return result;
                }

                if (next != ',')
                {
                    throw new TemplateFormatException("expected ',' or ']'", _position - 1);
                }
            }
        }

        private string ReadString()
        {
            var start = _position;
            _position++;
            var builder = new StringBuilder();
            while (_position < _text.Length)
            {
                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
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

        private object ReadNumber()
        {
            var start = _position;
            while (_position < _text.Length && "+-0123456789.eE".IndexOf(_text[_position]) >= 0)
            {
                _position++;
            }

            if (start == _position
                || !double.TryParse(_text.Substring(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                throw new TemplateFormatException("unexpected character", start);
            }

            return number;
        }

        private void Expect(string literal)
        {
            if (string.CompareOrdinal(_text, _position, literal, 0, literal.Length) != 0)
            {
                throw new TemplateFormatException("unexpected character", _position);
            }

            _position += literal.Length;
        }

        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private void SkipWhitespace()
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
                    // Comments are not JSON, but the AWS tooling writes them into aws-lambda-tools-defaults.json.
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else
                {
                    return;
                }
            }
        }
    }

    /// <summary>A template that could not be read, with where reading stopped.</summary>
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
