using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ChatRequests.Cards.Templating;

/// <summary>
/// A template string with <c>${...}</c> bindings. A string that is one binding and nothing else keeps the
/// bound value's JSON type (a number stays a number); bindings inside longer text are stringified. A whole-string
/// binding gives text, a number, true, false or nothing: an object or list would let data add card elements, so it
/// is refused.
/// </summary>
internal sealed class Interpolation
{
    // Kept per thread for the text of one binding at a time (a binding's value never contains another binding's text).
    [ThreadStatic]
    private static StringBuilder? _text;

    [ThreadStatic]
    private static List<(int Start, int End)>? _bound;

    // An array: walked on every bind, where an interface's enumerator would be allocated (boxed) each time.
    private readonly object[] _parts;

    private Interpolation(object[] parts) => _parts = parts;

    public static bool HasBindings(string text) => text.Contains("${", StringComparison.Ordinal);

    public static Interpolation Parse(string text)
    {
        var parts = new List<object>();
        var literal = new StringBuilder();
        var pos = 0;
        while (pos < text.Length)
        {
            var start = text.IndexOf("${", pos, StringComparison.Ordinal);
            if (start < 0)
            {
                literal.Append(text, pos, text.Length - pos);
                break;
            }

            literal.Append(text, pos, start - pos);
            var end = FindClose(text, start + 2);
            if (literal.Length > 0)
            {
                parts.Add(literal.ToString());
                literal.Clear();
            }

            parts.Add(TemplateExpression.Parse(text[(start + 2)..end]));
            pos = end + 1;
        }

        if (literal.Length > 0)
        {
            parts.Add(literal.ToString());
        }

        return new Interpolation([.. parts]);
    }

    /// <summary>Writes the bound value: the value itself for a whole-string binding (missing is ""), else the text.</summary>
    public void Write(Scope scope, Utf8JsonWriter writer)
    {
        if (_parts is not [TemplateExpression whole])
        {
            WriteText(Text(scope), writer, bound: null);
            return;
        }

        var value = Scalar(whole.Evaluate(scope));
        if (JsonValues.IsNull(value))
        {
            writer.WriteStringValue("");
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    /// <summary>
    /// Writes the bound text of a place people read where DATE/TIME functions are expanded (a TextRun, an input label):
    /// always a string, with the functions that came from bound values neutralised (<see cref="DateTimeFunctions"/>).
    /// </summary>
    public void WriteShown(Scope scope, Utf8JsonWriter writer)
    {
        var text = Builder();
        var bound = _bound ??= [];
        bound.Clear();
        foreach (var part in _parts)
        {
            if (part is TemplateExpression expression)
            {
                var start = text.Length;
                text.Append(JsonValues.ToText(expression.Evaluate(scope)));
                bound.Add((start, text.Length));
            }
            else
            {
                text.Append((string)part);
            }
        }

        WriteText(text, writer, bound);
    }

    /// <summary>The raw value of a whole-string binding without the "" for missing: what <c>$data</c> and <c>$when</c> need.</summary>
    public JsonElement EvaluateRaw(Scope scope) =>
        _parts is [TemplateExpression whole] ? whole.Evaluate(scope) : JsonValues.Of(Text(scope).ToString());

    private StringBuilder Text(Scope scope)
    {
        var text = Builder();
        foreach (var part in _parts)
        {
            text.Append(part is TemplateExpression expression ? JsonValues.ToText(expression.Evaluate(scope)) : (string)part);
        }

        return text;
    }

    /// <summary>
    /// The built text as one JSON string, copied through a rented buffer instead of a string of its own; with
    /// <paramref name="bound"/>, neutralised first where a bound value formed a DATE/TIME function (rare: then as a string).
    /// </summary>
    private static void WriteText(StringBuilder text, Utf8JsonWriter writer, List<(int Start, int End)>? bound)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        try
        {
            var written = chars.AsSpan(0, text.Length);
            text.CopyTo(0, written, text.Length);
            if (bound is { Count: > 0 } && !DateTimeFunctions.IsInert(written, bound))
            {
                writer.WriteStringValue(DateTimeFunctions.Neutralise(new string(written), bound));
            }
            else
            {
                writer.WriteStringValue(written);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static StringBuilder Builder()
    {
        // A long text (people's 10 kB) is not kept for the thread's next card.
        if (_text is not { Capacity: <= 16 * 1024 })
        {
            _text = new StringBuilder(256);
        }

        return _text.Clear();
    }

    private static JsonElement Scalar(JsonElement value) => value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
        ? throw new TemplateException("A binding gave an object or a list: only text, numbers and true/false can be bound, so data never adds card elements.")
        : value;

    // The closing brace is the first one outside a quoted string literal.
    private static int FindClose(string text, int from)
    {
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '}')
            {
                return i;
            }
        }

        throw new TemplateException($"A binding is not closed with '}}' in \"{text}\".");
    }
}
