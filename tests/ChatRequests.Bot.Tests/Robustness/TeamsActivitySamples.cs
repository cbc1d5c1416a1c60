using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.Bot.Tests.Robustness;

/// <summary>
/// Activities in the shapes Teams sends them (as the Teams docs show them: "Messages in bot conversations",
/// "Conversation events", "Universal Actions" request format), for people of samples/organisation.json. Each call
/// gives a fresh copy in its own conversation, so cases never share one.
/// </summary>
public static class TeamsActivitySamples
{
    public const string BotId = TeamsDriver.BotId;
    public const string TeamId = "19:robustness-team@thread.tacv2";

    public static readonly IReadOnlyList<string> Names =
        ["personal message", "channel message with a mention", "adaptiveCard/action invoke", "installationUpdate", "conversationUpdate with membersAdded"];

    /// <param name="which">An index into <see cref="Names"/>.</param>
    /// <param name="serviceUrl">The bot's loopback connector.</param>
    /// <param name="conversationKey">Makes the conversation id unique.</param>
    public static JsonObject Create(int which, string serviceUrl, string conversationKey) => which switch
    {
        0 => PersonalMessage(serviceUrl, conversationKey, "my requests"),
        1 => ChannelMessage(serviceUrl, conversationKey),
        2 => CardAction(serviceUrl, conversationKey),
        3 => InstallationUpdate(serviceUrl, conversationKey),
        4 => MembersAdded(serviceUrl, conversationKey),
        _ => throw new ArgumentOutOfRangeException(nameof(which)),
    };

    public static JsonObject PersonalMessage(string serviceUrl, string conversationKey, string text)
    {
        var activity = Parse(serviceUrl, conversationKey, """
            {
              "text": "",
              "textFormat": "plain",
              "type": "message",
              "timestamp": "2026-12-04T09:15:02.513Z",
              "localTimestamp": "2026-12-04T10:15:02.513+01:00",
              "id": "1764839702513",
              "channelId": "msteams",
              "serviceUrl": "{serviceUrl}",
              "from": { "id": "29:{megan}", "name": "Megan Bowen", "aadObjectId": "{megan}" },
              "conversation": { "conversationType": "personal", "tenantId": "{tenant}", "id": "a:robustness-{key}" },
              "recipient": { "id": "{bot}", "name": "ChatRequests" },
              "entities": [ { "locale": "en-GB", "country": "GB", "platform": "Web", "timezone": "Europe/Berlin", "type": "clientInfo" } ],
              "channelData": { "tenant": { "id": "{tenant}" } },
              "locale": "en-GB",
              "localTimezone": "Europe/Berlin"
            }
            """);
        activity["text"] = text;
        return activity;
    }

    private static JsonObject ChannelMessage(string serviceUrl, string conversationKey) => Parse(serviceUrl, conversationKey, """
        {
          "text": "<at>ChatRequests</at> queue\n",
          "textFormat": "plain",
          "attachments": [ { "contentType": "text/html", "content": "<div><div><span itemscope=\"\" itemtype=\"http://schema.skype.com/Mention\" itemid=\"0\">ChatRequests</span> queue</div>\n</div>" } ],
          "type": "message",
          "timestamp": "2026-12-04T09:20:11.087Z",
          "localTimestamp": "2026-12-04T10:20:11.087+01:00",
          "id": "1764840011087",
          "channelId": "msteams",
          "serviceUrl": "{serviceUrl}",
          "from": { "id": "29:{adele}", "name": "Adele Vance", "aadObjectId": "{adele}" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{tenant}", "id": "19:robustness-{key}@thread.tacv2;messageid=1764840011087" },
          "recipient": { "id": "{bot}", "name": "ChatRequests" },
          "entities": [
            { "mentioned": { "id": "{bot}", "name": "ChatRequests" }, "text": "<at>ChatRequests</at>", "type": "mention" },
            { "locale": "en-GB", "country": "GB", "platform": "Windows", "timezone": "Europe/Berlin", "type": "clientInfo" }
          ],
          "channelData": {
            "teamsChannelId": "19:robustness-{key}@thread.tacv2",
            "teamsTeamId": "{team}",
            "channel": { "id": "19:robustness-{key}@thread.tacv2" },
            "team": { "id": "{team}" },
            "tenant": { "id": "{tenant}" }
          },
          "locale": "en-GB",
          "localTimezone": "Europe/Berlin"
        }
        """);

    private static JsonObject CardAction(string serviceUrl, string conversationKey) => Parse(serviceUrl, conversationKey, """
        {
          "name": "adaptiveCard/action",
          "type": "invoke",
          "timestamp": "2026-12-04T09:25:40.301Z",
          "localTimestamp": "2026-12-04T10:25:40.301+01:00",
          "id": "f:robustness-{key}",
          "channelId": "msteams",
          "serviceUrl": "{serviceUrl}",
          "from": { "id": "29:{megan}", "name": "Megan Bowen", "aadObjectId": "{megan}" },
          "conversation": { "conversationType": "personal", "tenantId": "{tenant}", "id": "a:robustness-{key}" },
          "recipient": { "id": "{bot}", "name": "ChatRequests" },
          "entities": [ { "locale": "en-GB", "country": "GB", "platform": "Web", "timezone": "Europe/Berlin", "type": "clientInfo" } ],
          "channelData": { "tenant": { "id": "{tenant}" }, "source": { "name": "message" }, "legacy": { "replyToId": "1:robustness-{key}" } },
          "replyToId": "1764839702600",
          "value": {
            "action": {
              "type": "Action.Execute",
              "title": "Submit request",
              "verb": "intake.submit",
              "data": {
                "itemId": "mouse",
                "submissionKey": "robustness-{key}",
                "urgency": "Low",
                "justification": "The old one stopped working.",
                "field.deliveryLocation": "London office"
              }
            },
            "trigger": "manual"
          },
          "locale": "en-GB",
          "localTimezone": "Europe/Berlin"
        }
        """);

    private static JsonObject InstallationUpdate(string serviceUrl, string conversationKey) => Parse(serviceUrl, conversationKey, """
        {
          "action": "add",
          "type": "installationUpdate",
          "timestamp": "2026-12-04T09:00:00.120Z",
          "id": "f:robustness-install-{key}",
          "channelId": "msteams",
          "serviceUrl": "{serviceUrl}",
          "from": { "id": "29:{megan}", "aadObjectId": "{megan}" },
          "conversation": { "conversationType": "personal", "tenantId": "{tenant}", "id": "a:robustness-{key}" },
          "recipient": { "id": "{bot}", "name": "ChatRequests" },
          "entities": [ { "locale": "en-GB", "country": "GB", "platform": "Web", "timezone": "Europe/Berlin", "type": "clientInfo" } ],
          "channelData": { "settings": { "selectedChannel": { "id": "a:robustness-{key}" } }, "source": { "name": "message" }, "tenant": { "id": "{tenant}" } },
          "locale": "en-GB"
        }
        """);

    private static JsonObject MembersAdded(string serviceUrl, string conversationKey) => Parse(serviceUrl, conversationKey, """
        {
          "membersAdded": [ { "id": "{bot}" } ],
          "type": "conversationUpdate",
          "timestamp": "2026-12-04T09:00:01.008Z",
          "id": "f:robustness-added-{key}",
          "channelId": "msteams",
          "serviceUrl": "{serviceUrl}",
          "from": { "id": "29:{grady}", "aadObjectId": "{grady}" },
          "conversation": { "isGroup": true, "conversationType": "channel", "tenantId": "{tenant}", "id": "19:robustness-{key}@thread.tacv2" },
          "recipient": { "id": "{bot}", "name": "ChatRequests" },
          "channelData": {
            "team": { "aadGroupId": "00000000-0000-0000-0000-00000000a9a9", "name": "Hardware service", "id": "{team}" },
            "eventType": "teamMemberAdded",
            "settings": { "selectedChannel": { "id": "19:robustness-{key}@thread.tacv2" } },
            "tenant": { "id": "{tenant}" }
          }
        }
        """);

    private static JsonObject Parse(string serviceUrl, string conversationKey, string template) =>
        JsonNode.Parse(template
            .Replace("{serviceUrl}", serviceUrl, StringComparison.Ordinal)
            .Replace("{key}", conversationKey, StringComparison.Ordinal)
            .Replace("{tenant}", RobustnessBots.Tenant, StringComparison.Ordinal)
            .Replace("{bot}", BotId, StringComparison.Ordinal)
            .Replace("{team}", TeamId, StringComparison.Ordinal)
            .Replace("{megan}", Persona.Megan.AadObjectId, StringComparison.Ordinal)
            .Replace("{adele}", Persona.Adele.AadObjectId, StringComparison.Ordinal)
            .Replace("{grady}", Persona.Grady.AadObjectId, StringComparison.Ordinal))!.AsObject();
}
