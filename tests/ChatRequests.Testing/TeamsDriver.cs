using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Testing;

/// <summary>
/// Plays the Teams service: posts to /api/messages the activities Teams would send when a person types or
/// clicks, with the person's identity in from.aadObjectId, and reads what came back.
/// </summary>
public sealed class TeamsDriver(HttpClient bot, FakeTeamsConnector connector)
{
    public const string BotId = "28:chatrequests-test-bot";

    private int _sequence;

    /// <summary>The person types in their personal chat with the bot.</summary>
    public Task<HttpResponseMessage> SayAsync(Persona who, string text) =>
        PostAsync(Base(who, who.PersonalChatId, "personal") with { Type = ActivityTypes.Message, Text = text });

    /// <summary>The person types in a group chat the bot is in, mentioning it.</summary>
    public Task<HttpResponseMessage> SayInGroupChatAsync(Persona who, string chatId, string text) =>
        PostAsync(Base(who, chatId, "groupChat") with { Type = ActivityTypes.Message, Text = $"<at>ChatRequests</at> {text}" });

    /// <summary>The person types in a channel thread, mentioning the bot.</summary>
    public Task<HttpResponseMessage> SayInChannelAsync(Persona who, string channelId, string text) =>
        PostAsync(Base(who, channelId, "channel") with
        {
            Type = ActivityTypes.Message,
            Text = $"<at>ChatRequests</at> {text}",
            ChannelData = new JsonObject
            {
                ["tenant"] = new JsonObject { ["id"] = connector.TenantId },
                ["channel"] = new JsonObject { ["id"] = channelId },
                ["team"] = new JsonObject { ["id"] = channelId },
            },
        });

    /// <summary>
    /// The person clicks an Action.Execute button (or, with <paramref name="trigger"/> "automatic", their client runs a
    /// card's refresh action); returns the invoke response body.
    /// </summary>
    public async Task<InvokeResult> ClickAsync(
        Persona who, string conversationId, string verb, JsonObject data, string? replyToId = null, string trigger = "manual")
    {
        var type = conversationId.StartsWith("19:", StringComparison.Ordinal) ? "channel" : "personal";
        var activity = Base(who, conversationId, type) with
        {
            Type = ActivityTypes.Invoke,
            Name = "adaptiveCard/action",
            ReplyToId = replyToId,
            Value = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = trigger,
            },
        };
        using var response = await PostAsync(activity);
        var body = await response.Content.ReadAsStringAsync();
        return new InvokeResult(response.StatusCode, JsonNode.Parse(body)!.AsObject());
    }

    /// <summary>Clicks the button with <paramref name="verb"/> on <paramref name="card"/>, with its data and the given inputs.</summary>
    public Task<InvokeResult> ClickOnCardAsync(Persona who, string conversationId, JsonObject card, string verb, JsonObject? inputs = null)
    {
        var action = CardReader.FindAction(card, verb) ?? throw new InvalidOperationException($"The card has no '{verb}' button: {card.ToJsonString()}");
        var data = (action["data"] as JsonObject)?.DeepClone().AsObject() ?? [];
        if (action["associatedInputs"]?.GetValue<string>() != "none")
        {
            // Like Teams: every input of the card is sent with its current value (pre-filled or typed).
            foreach (var (id, value) in CardReader.InputValues(card))
            {
                data[id] = value;
            }
        }

        foreach (var (key, value) in inputs ?? [])
        {
            data[key] = value?.DeepClone();
        }

        return ClickAsync(who, conversationId, verb, data);
    }

    /// <summary>
    /// The person answers a file consent card: Teams sends <c>fileConsent/invoke</c> with the card's context and, on accept,
    /// the upload session it made (<paramref name="uploadUrl"/>, by default the stand-in's <see cref="FakeTeamsConnector.UploadUrl"/>).
    /// </summary>
    public Task<HttpResponseMessage> AnswerFileConsentAsync(Persona who, JsonObject consentCard, bool accept, string? uploadUrl = null)
    {
        var content = consentCard["content"]!;
        var name = consentCard["name"]!.GetValue<string>();
        var value = new JsonObject
        {
            ["type"] = "fileUpload",
            ["action"] = accept ? "accept" : "decline",
            ["context"] = content[accept ? "acceptContext" : "declineContext"]!.DeepClone(),
        };
        if (accept)
        {
            var session = $"session-{Interlocked.Increment(ref _sequence)}";
            value["uploadInfo"] = new JsonObject
            {
                ["name"] = name,
                ["uploadUrl"] = uploadUrl ?? connector.UploadUrl(session),
                ["contentUrl"] = $"https://contoso-my.sharepoint.com/personal/{who.AadObjectId}/Documents/Applications/ChatRequests/{name}",
                ["uniqueId"] = session,
                ["fileType"] = Path.GetExtension(name).TrimStart('.'),
            };
        }

        return PostAsync(Base(who, who.PersonalChatId, "personal") with { Type = ActivityTypes.Invoke, Name = "fileConsent/invoke", Value = value });
    }

    /// <summary>The person installs the app: Teams sends conversationUpdate (bot added) and installationUpdate (add).</summary>
    public async Task InstallAsync(Persona who)
    {
        using var added = await PostAsync(Base(who, who.PersonalChatId, "personal") with
        {
            Type = ActivityTypes.ConversationUpdate,
            MembersAdded = [new ChannelAccount { Id = BotId, Name = "ChatRequests" }, new ChannelAccount { Id = who.TeamsId }],
        });
        added.EnsureSuccessStatusCode();
        using var installed = await PostAsync(Base(who, who.PersonalChatId, "personal") with
        {
            Type = ActivityTypes.InstallationUpdate,
            Action = "add",
        });
        installed.EnsureSuccessStatusCode();
    }

    public Task<HttpResponseMessage> PostAsync(Activity activity) => bot.PostAsJsonAsync("/api/messages", activity, ConnectorJson.Options);

    private Activity Base(Persona who, string conversationId, string conversationType) => new()
    {
        Id = $"activity-{Interlocked.Increment(ref _sequence)}",
        Timestamp = DateTimeOffset.UtcNow,
        ServiceUrl = connector.ServiceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = who.TeamsId, Name = who.Name, AadObjectId = who.AadObjectId },
        Recipient = new ChannelAccount { Id = BotId, Name = "ChatRequests" },
        Conversation = new ConversationAccount
        {
            Id = conversationId,
            ConversationType = conversationType,
            IsGroup = conversationType != "personal",
            TenantId = connector.TenantId,
        },
        ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = connector.TenantId } },
        Locale = "en-US",
    };
}

/// <summary>The answer to an invoke: HTTP status and the invoke response body.</summary>
public sealed record InvokeResult(HttpStatusCode HttpStatus, JsonObject Body)
{
    public int StatusCode => Body["statusCode"]!.GetValue<int>();

    public JsonObject Card => Body["type"]!.GetValue<string>() == "application/vnd.microsoft.card.adaptive"
        ? Body["value"]!.AsObject()
        : throw new InvalidOperationException($"The invoke answered with {Body.ToJsonString()}, not a card.");

    public string CardText => CardReader.AllText(Card);

    /// <summary>The text of a message answer (the card that was clicked stays as it was).</summary>
    public string Message => Body["type"]!.GetValue<string>() == "application/vnd.microsoft.activity.message"
        ? Body["value"]!.GetValue<string>()
        : throw new InvalidOperationException($"The invoke answered with {Body.ToJsonString()}, not a message.");
}

/// <summary>Reading cards as a person would: their text and their buttons.</summary>
public static partial class CardReader
{
    /// <summary>The first request number (REQ-nnnnnn) in <paramref name="text"/>, if any.</summary>
    public static string? RequestNumberIn(string text) => RequestNumber().Match(text) is { Success: true } match ? match.Value : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"REQ-\d{6}")]
    private static partial System.Text.RegularExpressions.Regex RequestNumber();

    public static string AllText(JsonNode? card)
    {
        var parts = new List<string>();
        Collect(card, parts);
        return string.Join("\n", parts);
    }

    public static JsonObject? FindAction(JsonNode? node, string verb)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValue<string>() == "Action.Execute" && obj["verb"]?.GetValue<string>() == verb)
                {
                    return obj;
                }

                foreach (var (_, child) in obj)
                {
                    if (FindAction(child, verb) is { } found)
                    {
                        return found;
                    }
                }

                return null;
            case JsonArray array:
                return array.Select(child => FindAction(child, verb)).FirstOrDefault(found => found is not null);
            default:
                return null;
        }
    }

    /// <summary>The id and current value of every input on the card (sub-cards included).</summary>
    public static IReadOnlyDictionary<string, string> InputValues(JsonNode? card)
    {
        var values = new Dictionary<string, string>();
        CollectInputs(card, values);
        return values;
    }

    private static void CollectInputs(JsonNode? node, Dictionary<string, string> values)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"] is JsonValue type && type.TryGetValue<string>(out var kind) && kind.StartsWith("Input.", StringComparison.Ordinal)
                && obj["id"]?.GetValue<string>() is { } id)
            {
                values[id] = obj["value"] is JsonValue value ? value.ToString() : "";
            }

            foreach (var (_, child) in obj)
            {
                CollectInputs(child, values);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                CollectInputs(child, values);
            }
        }
    }

    public static IReadOnlyList<string> Verbs(JsonNode? card)
    {
        var verbs = new List<string>();
        CollectVerbs(card, verbs);
        return verbs;
    }

    private static void Collect(JsonNode? node, List<string> parts)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    if (key is "text" or "title" or "value" or "label" && child is JsonValue value && value.TryGetValue<string>(out var text))
                    {
                        parts.Add(text);
                    }
                    else
                    {
                        Collect(child, parts);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    Collect(child, parts);
                }

                break;
        }
    }

    private static void CollectVerbs(JsonNode? node, List<string> verbs)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["type"]?.GetValueKind() == JsonValueKind.String && obj["type"]!.GetValue<string>() == "Action.Execute"
                    && obj["verb"]?.GetValue<string>() is { } verb)
                {
                    verbs.Add(verb);
                }

                foreach (var (_, child) in obj)
                {
                    CollectVerbs(child, verbs);
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    CollectVerbs(child, verbs);
                }

                break;
        }
    }
}
