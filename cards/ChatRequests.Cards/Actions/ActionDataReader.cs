using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Actions;

/// <summary>
/// Reads a click's <c>value.action.data</c> defensively (anyone can send anything): the ids the card put in the
/// action's data, and the values of the card's inputs that Teams merged in. A value is a string or a number; a blank
/// one counts as missing; anything else is refused with <see cref="InvalidCardDataException"/>.
/// </summary>
internal sealed class ActionDataReader(JsonObject? data)
{
    private readonly HashSet<string> _idKeys = [];

    /// <summary>The keys asked for as ids so far: what a card may put in this verb's data.</summary>
    public IReadOnlySet<string> IdKeys => _idKeys;

    public string Id(string key) => OptionalId(key) ?? throw new InvalidCardDataException($"The card did not send '{key}'.");

    public string? OptionalId(string key)
    {
        _idKeys.Add(key);
        return Value(key);
    }

    public int IntId(string key) =>
        int.TryParse(Id(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidCardDataException($"The card sent '{key}' that is not a number.");

    public string? Input(string key) => Value(key);

    /// <summary>Every id the card put in the data under <paramref name="prefix"/>, keyed without it; blank ones left out.</summary>
    public IReadOnlyDictionary<string, string> IdsWithPrefix(string prefix)
    {
        var values = new Dictionary<string, string>();
        foreach (var (key, _) in data ?? [])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length)
            {
                _idKeys.Add(key);
                if (Value(key) is { } value)
                {
                    values[key[prefix.Length..]] = value;
                }
            }
        }

        return values;
    }

    /// <summary>What a person typed, carried in the data: untrusted, so cut at <paramref name="max"/> characters.</summary>
    public string? Words(string key, int max) => OptionalId(key) is { } words && words.Length > max ? words[..max] : Value(key);

    /// <summary>Every input whose id starts with <paramref name="prefix"/>, keyed without it.</summary>
    public IReadOnlyDictionary<string, string?> InputsWithPrefix(string prefix)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (key, _) in data ?? [])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                values[key[prefix.Length..]] = Value(key);
            }
        }

        return values;
    }

    /// <summary>The request the data names, if it is a well-formed number; null for anything else, never a refusal.</summary>
    public string? WellFormedRequestId()
    {
        try
        {
            return Value(CardInputs.RequestId) is { } id && RequestNumber.IsWellFormed(id) ? id : null;
        }
        catch (InvalidCardDataException)
        {
            return null;
        }
    }

    private string? Value(string key)
    {
        var node = data?[key];
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

        throw new InvalidCardDataException($"The card sent '{key}' in a form I don't understand.");
    }
}
