using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using Microsoft.Extensions.AI;

namespace ChatRequests.Azure.Understanding;

/// <summary>
/// Reads the values of an item's choice fields from the words with a chat model, as structured output (a JSON schema
/// whose values are the field's choices). The model's answer is never trusted: a value counts only if it is one of the
/// field's choices, and it is kept in the catalog's spelling. Values the lexical reading found stay as they are.
/// Only the words and the fields' labels and choices are sent.
/// </summary>
public sealed class ModelSlots(IChatClient chat)
{
    public async Task<IReadOnlyDictionary<string, string>> ReadAsync(string text, ItemMatch match, CancellationToken cancellationToken)
    {
        var open = match.Item.Fields
            .Where(f => f.Type == FieldType.Choice && f.Choices.Count > 0 && !match.Slots.ContainsKey(f.Id))
            .ToList();
        if (open.Count == 0)
        {
            return match.Slots;
        }

        var options = new ChatOptions
        {
            ResponseFormat = ChatResponseFormat.ForJsonSchema(Schema(open), "form_values"),
            Temperature = 0,
            MaxOutputTokens = 300,
        };
        ChatMessage[] messages = [new(ChatRole.System, Instructions(open)), new(ChatRole.User, text)];
        var response = await chat.GetResponseAsync(messages, options, cancellationToken);

        var slots = new Dictionary<string, string>(match.Slots);
        var answer = Parse(response.Text);
        foreach (var field in open)
        {
            if (answer[field.Id] is JsonValue value && value.TryGetValue<string>(out var said)
                && field.Choices.FirstOrDefault(c => c.Equals(said.Trim(), StringComparison.OrdinalIgnoreCase)) is { } choice)
            {
                slots[field.Id] = choice;
            }
        }

        return slots;
    }

    private static JsonObject Parse(string text)
    {
        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new MalformedModelAnswerException("The answer is not a JSON object.");
        }
        catch (JsonException)
        {
            throw new MalformedModelAnswerException("The answer is not JSON.");
        }
    }

    private static string Instructions(IReadOnlyList<CatalogField> fields)
    {
        var text = new StringBuilder(
            "You fill in a service request form from the person's message. For each field, answer the choice the message "
            + "names or clearly means, written exactly as in its list, or null when the message does not say. Never guess.\n");
        foreach (var field in fields)
        {
            text.Append($"- {field.Id} ({field.Label}): {string.Join(" | ", field.Choices)}\n");
        }

        return text.ToString();
    }

    // Strict structured output: every field required, nothing else allowed, each value one of the choices or null.
    private static JsonElement Schema(IReadOnlyList<CatalogField> fields)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            properties[field.Id] = new JsonObject
            {
                ["type"] = new JsonArray("string", "null"),
                ["enum"] = new JsonArray([.. field.Choices.Select(c => (JsonNode?)JsonValue.Create(c)), null]),
            };
        }

        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray([.. fields.Select(f => (JsonNode?)JsonValue.Create(f.Id))]),
            ["additionalProperties"] = false,
        };
        return JsonSerializer.SerializeToElement(schema);
    }
}
