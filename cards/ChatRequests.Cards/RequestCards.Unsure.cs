using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Cards;

// When the words do not settle it: a short choice, a question, an incident, an answer to an agent's question.
public sealed partial class RequestCards
{
    /// <summary>"Did you mean" shows at most this many items.</summary>
    public const int MaxChoices = 5;

    /// <summary>
    /// A few items that fit about as well; picking one opens its form with the person's words, urgency and the values they
    /// named; "Something else" gives the catalog by category and a person to ask (they may all be guesses, ADR 0052).
    /// </summary>
    public CardMessage Choice(IReadOnlyList<ItemMatch> matches, KeptWords words)
    {
        var shown = matches.Take(MaxChoices).ToList();
        var message = Catalog([.. shown.Select(m => m.Item)], $"I found a few things that could fit \"{CardText.Shorten(words.Text, 80)}\". Which one do you need?", somethingElse: true);
        foreach (var match in shown)
        {
            KeepWords(message.Card, match, words);
        }

        return message;
    }

    /// <summary>A weak match, asked as a question: "Yes, item" (its form, with the words) or "Something else".</summary>
    public CardMessage Suggestion(ItemMatch match, KeptWords words)
    {
        var item = match.Item;
        var data = new
        {
            itemId = item.Id,
            itemName = item.Name,
            category = item.Category,
            cost = CardText.Cost(item),
            approval = CardText.Approval(item.Approval),
            description = CardText.NullIfBlank(item.Description),
            words = words.Text,
        };
        var message = Render("suggestion", data, $"Did you mean {item.Name}? Answer on the card: yes, or something else.");
        KeepWords(message.Card, match, words);
        return message;
    }

    /// <summary>
    /// A fault report: how to report an incident, no request form, and the first few items the words were near
    /// (<see cref="Meaning.ShownBesideAnIncident"/>), each opening its form with the words kept, for an ask the fault
    /// rules took (ADR 0089); with none, "It is a request" reads the words again.
    /// </summary>
    public CardMessage Incident(IReadOnlyList<ItemMatch> near, KeptWords words, Signpost report)
    {
        var shown = near.Take(Meaning.ShownBesideAnIncident).ToList();
        var data = new
        {
            words = words.Text,
            report = report.Text,
            reportLink = report.Link?.AbsoluteUri,
            offered = shown.Count > 0,
            items = shown.Select(m => new
            {
                id = m.Item.Id,
                name = m.Item.Name,
                category = m.Item.Category,
                cost = CardText.Cost(m.Item),
                approval = CardText.Approval(m.Item.Approval),
            }),
        };
        var fallback = $"This sounds like a problem with something that stopped working (an incident), not a request. {report.Text}";
        var message = Render(
            "incident",
            data,
            shown.Count == 0 ? fallback : $"{fallback} If you were asking for something: {string.Join(", ", shown.Select(m => m.Item.Name))}.");
        foreach (var match in shown)
        {
            KeepWords(message.Card, match, words);
        }

        return message;
    }

    /// <summary>
    /// The requester typed in chat while an agent's question waits for them: offer their words as the answer, sent
    /// only when they click.
    /// </summary>
    public CardMessage AnswerOffer(ServiceRequest r, string words)
    {
        var askedBy = r.Question?.AskedBy.Name ?? r.TeamName;
        var data = new
        {
            requestId = r.Id,
            itemName = r.ItemName,
            askedBy,
            question = r.Question?.Text ?? "",
            words,
        };
        return Render("answer-offer", data, $"Send this as your answer to {askedBy}'s question on {r.Id}? {CardText.Shorten(words, FallbackQuoteLength)}");
    }

    // The words, urgency and named values travel in the pick's data (read back as inert text, never shown by Teams).
    private static void KeepWords(JsonObject card, ItemMatch match, KeptWords words)
    {
        foreach (var pick in Executes(card, CardVerbs.IntakePick).Where(a => (string?)a["data"]?[CardInputs.ItemId] == match.Item.Id))
        {
            var data = pick["data"]!.AsObject();
            data[CardInputs.Words] = words.Text;
            if (words.Urgency is { } urgency)
            {
                data[CardInputs.Urgency] = urgency.ToString();
            }

            foreach (var (fieldId, value) in match.Slots.Where(s => !string.IsNullOrWhiteSpace(s.Value)))
            {
                data[CardInputs.Field(fieldId)] = value;
            }
        }
    }

    private static IEnumerable<JsonObject> Executes(JsonNode? node, string verb) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" && (string?)o["verb"] == verb => [o],
        JsonObject o => o.SelectMany(p => Executes(p.Value, verb)),
        JsonArray a => a.SelectMany(n => Executes(n, verb)),
        _ => [],
    };
}
