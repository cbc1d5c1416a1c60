using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ChatRequests.Cards.Actions;

namespace ChatRequests.Cards.Tests.Support;

/// <summary>What Teams and our bot contract ask of a card beyond the schema.</summary>
public static class TeamsCardRules
{
    public const int MaxMessageBytes = 80 * 1024;
    public const int MaxRefreshUsers = 60;

    public static IReadOnlyList<string> Check(CardMessage message)
    {
        var card = message.Card;
        var problems = new List<string>();
        var json = card.ToJsonString();

        if ((string?)card["type"] != "AdaptiveCard")
        {
            problems.Add("type is not AdaptiveCard");
        }

        if (!decimal.TryParse((string?)card["version"], NumberStyles.Number, CultureInfo.InvariantCulture, out var version) || version > 1.5m)
        {
            problems.Add($"version {card["version"]} is not at most 1.5");
        }

        if (string.IsNullOrWhiteSpace((string?)card["fallbackText"]) || string.IsNullOrWhiteSpace(message.FallbackText))
        {
            problems.Add("fallbackText is missing");
        }

        if (card["msteams"] is JsonNode msteams
            && (msteams is not JsonObject teams || teams.Any(p => p.Key is not ("width" or "entities"))))
        {
            problems.Add($"msteams has unexpected content: {msteams.ToJsonString()}");
        }

        // Universal Actions refresh: Teams refreshes for at most 60 users, and only through Action.Execute.
        if (card["refresh"] is JsonObject refresh)
        {
            if ((string?)refresh["action"]?["type"] != "Action.Execute")
            {
                problems.Add("refresh.action is not an Action.Execute");
            }

            if (refresh["userIds"] is JsonArray userIds && userIds.Count > MaxRefreshUsers)
            {
                problems.Add($"refresh.userIds has {userIds.Count} users, over {MaxRefreshUsers}");
            }
        }

        var size = Encoding.UTF8.GetByteCount(json);
        if (size >= MaxMessageBytes)
        {
            problems.Add($"the card is {size} bytes, over {MaxMessageBytes}");
        }

        // People may type "${...}" (shown as typed, never bound); anywhere else it is a binding the binder left.
        problems.AddRange(CardStrings.Of(card).Where(s => !s.IsInert && s.Text.Contains("${", StringComparison.Ordinal)).Select(s => $"an unbound ${{ is left at {s.Path}"));

        foreach (var element in CardQuery.Objects(card))
        {
            var type = (string?)element["type"];
            if (element.ContainsKey("$data") || element.ContainsKey("$when"))
            {
                problems.Add($"a templating keyword is left on {type}");
            }

            // A picture inside the card (a PNG data URI, the report's chart) loads nothing: a URL would tell a server who reads.
            var inline = type == "Image" && ((string?)element["url"])?.StartsWith("data:image/png;base64,", StringComparison.Ordinal) == true;
            if ((type is "Image" && !inline) || type is "ImageSet" or "Media" || element.ContainsKey("backgroundImage") || element.ContainsKey("iconUrl"))
            {
                problems.Add($"{type} loads a picture or media");
            }

            if (type == "TextBlock" && element["wrap"]?.GetValue<bool>() != true)
            {
                problems.Add($"TextBlock '{element["text"]}' does not wrap");
            }

            if (type == "Action.Execute")
            {
                CheckExecute(element, problems);
            }
        }

        var ids = CardQuery.Inputs(card).Select(i => (string?)i["id"] ?? "").ToList();
        problems.AddRange(ids.Where(string.IsNullOrEmpty).Select(_ => "an input has no id"));
        problems.AddRange(ids.GroupBy(i => i).Where(g => g.Count() > 1).Select(g => $"input id '{g.Key}' is used {g.Count()} times"));
        return problems;
    }

    private static void CheckExecute(JsonObject action, List<string> problems)
    {
        var verb = (string?)action["verb"];
        if (string.IsNullOrEmpty(verb) || !CardVerbs.All.Contains(verb))
        {
            problems.Add($"Action.Execute '{action["title"]}' has verb '{verb}', not one of CardVerbs");
        }

        if (action["data"] is not JsonObject data)
        {
            problems.Add($"Action.Execute '{verb}' has no data object");
            return;
        }

        // The data is what the bot reads for the verb, before any input is typed, and only ids the verb takes.
        try
        {
            CardActionData.Parse(verb ?? "", data, out var idKeys);
            problems.AddRange(data.Where(p => !idKeys.Contains(p.Key)).Select(p => $"Action.Execute '{verb}' carries '{p.Key}' in its data"));
        }
        catch (InvalidCardDataException ex)
        {
            problems.Add($"Action.Execute '{verb}' has data the bot cannot read: {ex.Message}");
        }

        problems.AddRange(data.Where(p => p.Value is null || string.IsNullOrEmpty(p.Value.ToString())).Select(p => $"Action.Execute '{verb}' has an empty '{p.Key}'"));
    }
}
