using System.Text;

namespace ChatRequests.Testing;

/// <summary>
/// The part of OData $filter the loopback Graph evaluates on users, as Graph does by default (no advanced query):
/// <c>and</c>, <c>or</c>, parentheses, <c>startswith(property,'text')</c> ignoring case, <c>property eq true|false</c>
/// and <c>property eq 'text'</c>; string literals with a doubled quote. Anything else is refused, as Graph refuses
/// what it does not support, so a malformed filter fails the test instead of matching everyone.
/// </summary>
public sealed class FakeGraphFilter
{
    private readonly string _text;
    private int _at;

    private FakeGraphFilter(string text) => _text = text;

    /// <summary>The predicate <paramref name="filter"/> stands for, over a property reader; throws <see cref="FormatException"/> on what it does not support.</summary>
    public static Func<Func<string, object?>, bool> Parse(string filter)
    {
        var parser = new FakeGraphFilter(filter);
        var predicate = parser.Or();
        parser.SkipSpaces();
        return parser._at == filter.Length ? predicate : throw parser.Unsupported();
    }

    private Func<Func<string, object?>, bool> Or()
    {
        var left = And();
        while (Keyword("or"))
        {
            var (l, r) = (left, And());
            left = p => l(p) || r(p);
        }

        return left;
    }

    private Func<Func<string, object?>, bool> And()
    {
        var left = Factor();
        while (Keyword("and"))
        {
            var (l, r) = (left, Factor());
            left = p => l(p) && r(p);
        }

        return left;
    }

    private Func<Func<string, object?>, bool> Factor()
    {
        SkipSpaces();
        if (Symbol('('))
        {
            var inner = Or();
            return Symbol(')') ? inner : throw Unsupported();
        }

        var name = Identifier();
        if (name == "startswith" && Symbol('('))
        {
            var property = Identifier();
            var prefix = Symbol(',') ? Literal() : throw Unsupported();
            return Symbol(')')
                ? p => p(property) is string value && value.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
                : throw Unsupported();
        }

        if (!Keyword("eq"))
        {
            throw Unsupported();
        }

        SkipSpaces();
        if (_at < _text.Length && _text[_at] == '\'')
        {
            var text = Literal();
            return p => p(name) is string value && string.Equals(value, text, StringComparison.OrdinalIgnoreCase);
        }

        var flag = Identifier() switch { "true" => true, "false" => false, _ => throw Unsupported() };
        return p => p(name) is bool value && value == flag;
    }

    private string Literal()
    {
        SkipSpaces();
        if (!Symbol('\''))
        {
            throw Unsupported();
        }

        var text = new StringBuilder();
        while (_at < _text.Length)
        {
            var c = _text[_at++];
            if (c != '\'')
            {
                text.Append(c);
            }
            else if (_at < _text.Length && _text[_at] == '\'')
            {
                text.Append('\'');
                _at++;
            }
            else
            {
                return text.ToString();
            }
        }

        throw Unsupported();
    }

    private string Identifier()
    {
        SkipSpaces();
        var start = _at;
        while (_at < _text.Length && char.IsLetter(_text[_at]))
        {
            _at++;
        }

        return _at > start ? _text[start.._at] : throw Unsupported();
    }

    private bool Keyword(string word)
    {
        SkipSpaces();
        var end = _at + word.Length;
        if (end < _text.Length && _text[_at..end] == word && _text[end] == ' ')
        {
            _at = end;
            return true;
        }

        return false;
    }

    private bool Symbol(char symbol)
    {
        SkipSpaces();
        if (_at < _text.Length && _text[_at] == symbol)
        {
            _at++;
            return true;
        }

        return false;
    }

    private void SkipSpaces()
    {
        while (_at < _text.Length && _text[_at] == ' ')
        {
            _at++;
        }
    }

    private FormatException Unsupported() => new($"Unsupported or invalid query filter clause at {_at}: {_text}");
}
