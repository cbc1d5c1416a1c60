using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.Bot.CardActions;

/// <summary>A card action's data (ids from the card, values of its inputs), read defensively: it is untrusted.</summary>
public sealed class CardActionData(JsonObject? data)
{
    public string Required(string name) =>
        Optional(name) ?? throw new InvalidCardDataException($"The card did not send '{name}'.");

    public string? Optional(string name)
    {
        var node = data?[name];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }

        if (node is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
        {
            return number.ToJsonString();
        }

        throw new InvalidCardDataException($"The card sent '{name}' in a form I don't understand.");
    }

    public int RequiredInt(string name) =>
        int.TryParse(Required(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidCardDataException($"The card sent '{name}' that is not a number.");

    /// <summary>All string values whose name starts with <paramref name="prefix"/>, keyed without it.</summary>
    public IReadOnlyDictionary<string, string?> WithPrefix(string prefix)
    {
        var values = new Dictionary<string, string?>();
        if (data is null)
        {
            return values;
        }

        foreach (var (key, _) in data)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                values[key[prefix.Length..]] = Optional(key);
            }
        }

        return values;
    }
}

/// <summary>The card action's data is missing or mistyped: answered with a clear message, nothing changes.</summary>
public sealed class InvalidCardDataException(string message) : Exception(message);
