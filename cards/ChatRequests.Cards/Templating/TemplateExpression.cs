using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// An expression inside <c>${...}</c>. Only the subset the templates need is understood: paths
/// (<c>a.b[0].c</c>, <c>$root.x</c>, <c>$data</c>, <c>$index</c>), string, number, <c>true</c>, <c>false</c>
/// and <c>null</c> literals, <c>!</c>, <c>==</c>, <c>!=</c>, <c>&amp;&amp;</c>, <c>||</c> and parentheses.
/// There are no function calls: a template reads its data, it never runs code.
/// </summary>
internal abstract class TemplateExpression
{
    /// <summary>The value, or <c>default</c> (undefined) when a path is missing (missing and JSON null are the same here).</summary>
    public abstract JsonElement Evaluate(Scope scope);

    public static TemplateExpression Parse(string text) => new Parser(text).ParseWhole();

    private sealed class Literal(JsonElement value) : TemplateExpression
    {
        public override JsonElement Evaluate(Scope scope) => value;
    }

    private sealed class Not(TemplateExpression operand) : TemplateExpression
    {
        public override JsonElement Evaluate(Scope scope) => JsonValues.Of(!JsonValues.IsTruthy(operand.Evaluate(scope)));
    }

    private sealed class Equality(TemplateExpression left, TemplateExpression right, bool negate) : TemplateExpression
    {
        public override JsonElement Evaluate(Scope scope) =>
            JsonValues.Of(JsonValues.AreEqual(left.Evaluate(scope), right.Evaluate(scope)) != negate);
    }

    private sealed class Logical(TemplateExpression left, TemplateExpression right, bool isAnd) : TemplateExpression
    {
        public override JsonElement Evaluate(Scope scope)
        {
            var first = JsonValues.IsTruthy(left.Evaluate(scope));
            return JsonValues.Of(isAnd
                ? first && JsonValues.IsTruthy(right.Evaluate(scope))
                : first || JsonValues.IsTruthy(right.Evaluate(scope)));
        }
    }

    /// <summary>A path; its names are kept as UTF-8, the form the data's JSON compares them in.</summary>
    private sealed class Path(string head, IReadOnlyList<object> steps) : TemplateExpression
    {
        private readonly string _head = head;
        private readonly byte[] _headName = Encoding.UTF8.GetBytes(head);
        private readonly object[] _steps = [.. steps.Select(s => s is string name ? Encoding.UTF8.GetBytes(name) : s)];

        public override JsonElement Evaluate(Scope scope)
        {
            var node = _head switch
            {
                "$root" => scope.Root,
                "$data" => scope.Data,
                "$index" => scope.Index is { } index ? JsonValues.Of(index) : default,
                _ => Step(scope.Data, _headName),
            };
            foreach (var step in _steps)
            {
                node = Step(node, step);
            }

            return node;
        }

        private static JsonElement Step(JsonElement node, object step) => (node.ValueKind, step) switch
        {
            (JsonValueKind.Object, byte[] name) => node.TryGetProperty(name, out var value) ? value : default,
            (JsonValueKind.Array, int index) => index < node.GetArrayLength() ? node[index] : default,
            _ => default,
        };
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public TemplateExpression ParseWhole()
        {
            var expression = ParseOr();
            SkipSpace();
            if (_pos < text.Length)
            {
                throw Error($"unexpected '{text[_pos]}'");
            }

            return expression;
        }

        private TemplateExpression ParseOr()
        {
            var left = ParseAnd();
            while (Accept("||"))
            {
                left = new Logical(left, ParseAnd(), isAnd: false);
            }

            return left;
        }

        private TemplateExpression ParseAnd()
        {
            var left = ParseEquality();
            while (Accept("&&"))
            {
                left = new Logical(left, ParseEquality(), isAnd: true);
            }

            return left;
        }

        private TemplateExpression ParseEquality()
        {
            var left = ParseUnary();
            if (Accept("=="))
            {
                return new Equality(left, ParseUnary(), negate: false);
            }

            return Accept("!=") ? new Equality(left, ParseUnary(), negate: true) : left;
        }

        private TemplateExpression ParseUnary()
        {
            SkipSpace();
            if (Peek() == '!' && Peek(1) != '=')
            {
                _pos++;
                return new Not(ParseUnary());
            }

            return ParsePrimary();
        }

        private TemplateExpression ParsePrimary()
        {
            SkipSpace();
            var c = Peek();
            if (c == '(')
            {
                _pos++;
                var inner = ParseOr();
                Expect(')');
                return inner;
            }

            if (c is '\'' or '"')
            {
                return new Literal(JsonValues.Of(ReadString()));
            }

            if (char.IsAsciiDigit(c) || (c == '-' && char.IsAsciiDigit(Peek(1))))
            {
                return new Literal(ReadNumber());
            }

            if (IsIdentStart(c))
            {
                return ParsePathOrKeyword();
            }

            throw Error(_pos < text.Length ? $"unexpected '{c}'" : "unexpected end");
        }

        private TemplateExpression ParsePathOrKeyword()
        {
            var head = ReadIdent();
            switch (head)
            {
                case "true": return new Literal(JsonValues.True);
                case "false": return new Literal(JsonValues.False);
                case "null": return new Literal(default);
            }

            if (head.StartsWith('$') && head is not ("$root" or "$data" or "$index"))
            {
                throw Error($"unknown variable '{head}'");
            }

            var steps = new List<object>();
            while (true)
            {
                if (Peek() == '.')
                {
                    _pos++;
                    steps.Add(ReadIdent());
                }
                else if (Peek() == '[')
                {
                    _pos++;
                    SkipSpace();
                    steps.Add(Peek() is '\'' or '"' ? ReadString() : ReadIndex());
                    Expect(']');
                }
                else
                {
                    break;
                }
            }

            SkipSpace();
            if (Peek() == '(')
            {
                throw Error($"function calls are not supported ('{head}(')");
            }

            return new Path(head, steps);
        }

        private string ReadIdent()
        {
            if (!IsIdentStart(Peek()))
            {
                throw Error("a name was expected");
            }

            var start = _pos++;
            while (_pos < text.Length && (char.IsAsciiLetterOrDigit(text[_pos]) || text[_pos] == '_'))
            {
                _pos++;
            }

            return text[start.._pos];
        }

        private int ReadIndex()
        {
            var start = _pos;
            while (char.IsAsciiDigit(Peek()))
            {
                _pos++;
            }

            return _pos > start && int.TryParse(text.AsSpan(start, _pos - start), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? index
                : throw Error("an index was expected");
        }

        private JsonElement ReadNumber()
        {
            var start = _pos;
            if (Peek() == '-')
            {
                _pos++;
            }

            while (char.IsAsciiDigit(Peek()) || Peek() == '.')
            {
                _pos++;
            }

            return decimal.TryParse(text.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number)
                ? JsonSerializer.SerializeToElement(number)
                : throw Error("a number was expected");
        }

        private string ReadString()
        {
            var quote = text[_pos++];
            var value = new StringBuilder();
            while (_pos < text.Length && text[_pos] != quote)
            {
                if (text[_pos] == '\\' && _pos + 1 < text.Length)
                {
                    _pos++;
                }

                value.Append(text[_pos++]);
            }

            if (_pos >= text.Length)
            {
                throw Error("a string is not closed");
            }

            _pos++;
            return value.ToString();
        }

        private bool Accept(string token)
        {
            SkipSpace();
            if (string.CompareOrdinal(text, _pos, token, 0, token.Length) != 0)
            {
                return false;
            }

            _pos += token.Length;
            return true;
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                throw Error($"'{c}' was expected");
            }

            _pos++;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }

        private char Peek(int ahead = 0) => _pos + ahead < text.Length ? text[_pos + ahead] : '\0';

        private static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c is '_' or '$';

        private TemplateException Error(string problem) =>
            new($"Unsupported template expression '${{{text}}}': {problem} at position {_pos}.");
    }
}
