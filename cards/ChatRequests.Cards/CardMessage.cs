using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.Cards;

/// <summary>A bound Adaptive Card and the plain text for clients (and notifications) that cannot show it.</summary>
/// <remarks>
/// A card is kept as the JSON its template wrote and sent as those bytes (<see cref="WriteTo"/>): most cards are sent as
/// they were bound, and reading every one back as a node was the largest single allocation of a turn. <see cref="Card"/>
/// reads it as a node the first time a caller asks, to look inside or to change it; from then on that node is the card,
/// and what is written. Not for use by two threads at once.
/// </remarks>
public sealed class CardMessage
{
    private readonly byte[]? _json;
    private JsonObject? _card;

    public CardMessage(JsonObject card, string fallbackText)
    {
        ArgumentNullException.ThrowIfNull(card);
        (_card, FallbackText) = (card, fallbackText);
    }

    /// <param name="json">A JSON object as a <see cref="Utf8JsonWriter"/> wrote it (valid, not indented); not copied.</param>
    internal CardMessage(byte[] json, string fallbackText) => (_json, FallbackText) = (json, fallbackText);

    public string FallbackText { get; }

    /// <summary>The card as a node, to read or change: read from the bound JSON on first use, and the card from then on.</summary>
    public JsonObject Card => _card ??= JsonNode.Parse(_json)!.AsObject();

    /// <summary>Writes the card as one JSON value: the bound JSON as it is, or the node once <see cref="Card"/> was read.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (_card is null)
        {
            writer.WriteRawValue(_json, skipInputValidation: true);
        }
        else
        {
            _card.WriteTo(writer);
        }
    }

    /// <summary>The card as compact JSON text, as <see cref="WriteTo"/> writes it.</summary>
    public string ToJsonString() => _card?.ToJsonString() ?? Encoding.UTF8.GetString(_json!);
}

/// <summary>What the request form shows filled in: the requester's earlier answers, or what they typed in chat.</summary>
public sealed record FormPrefill(
    string SubmissionKey,
    string? Justification,
    string? Urgency,
    IReadOnlyDictionary<string, string> Fields);
