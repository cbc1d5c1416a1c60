using System.Text.Json.Nodes;
using ChatRequests.Testing;
using ChatRequests.Bot.Tests.Hosting;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>The steps of the request loop as people take them, shared by the loop, crash and concurrency tests.</summary>
public static class LoopSteps
{
    public static readonly JsonObject LaptopInputs = new()
    {
        ["urgency"] = "High",
        ["field.costCentre"] = "CC-4711",
        ["field.deliveryLocation"] = "Berlin office",
        ["field.keyboardLayout"] = "German (QWERTZ)",
    };

    /// <summary>Megan asks for a laptop in her own words and submits the form; returns the request number.</summary>
    public static async Task<string> RequestLaptopAsync(TeamsDriver teams, FakeTeamsConnector connector, Persona who, string words = "I need a new laptop, mine is dying")
    {
        var before = connector.ActivitiesIn(who.PersonalChatId).Count;
        (await teams.SayAsync(who, words)).EnsureSuccessStatusCode();
        var form = await connector.WaitForAsync(
            c => c.ActivitiesIn(who.PersonalChatId).Skip(before).Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null),
            description: "the form card");
        var submitted = await teams.ClickOnCardAsync(who, who.PersonalChatId, form, "intake.submit", LaptopInputs);
        return RequestNumberIn(submitted.CardText)
            ?? throw new InvalidOperationException($"No request number in the confirmation: {submitted.CardText}");
    }

    /// <summary>The approval card for <paramref name="requestId"/> in the approver's personal chat, and that chat's id.</summary>
    public static async Task<(string ChatId, JsonObject Card)> ApprovalCardAsync(FakeTeamsConnector connector, Persona approver, string requestId) =>
        (await connector.WaitForAsync(c =>
        {
            var chat = c.PersonalChatWith(approver.AadObjectId);
            var card = chat is null ? null : c.ActivitiesIn(chat).Select(FakeTeamsConnector.CardOf)
                .LastOrDefault(card => card is not null && CardReader.AllText(card).Contains(requestId, StringComparison.Ordinal));
            return card is null ? null : new Found(chat!, card);
        }, description: $"the approval card of {requestId} for {approver.Name}")).AsTuple();

    /// <summary>The thread of the request's card in a team channel, and the card as it shows now.</summary>
    public static async Task<(string ThreadId, JsonObject Card)> TeamCardAsync(
        FakeTeamsConnector connector, string channelId, string requestId, Func<string, bool>? until = null) =>
        (await connector.WaitForAsync(c =>
        {
            foreach (var thread in c.Conversations.Where(x => x.ChannelId == channelId || x.Id.StartsWith(channelId + ";", StringComparison.Ordinal)))
            {
                var card = thread.Activities.Select(FakeTeamsConnector.CardOf).FirstOrDefault(card => card is not null);
                if (card is not null && CardReader.AllText(card).Contains(requestId, StringComparison.Ordinal)
                    && (until is null || until(CardReader.AllText(card))))
                {
                    return new Found(thread.Id, card);
                }
            }

            return null;
        }, description: $"the team card of {requestId} in {channelId}")).AsTuple();

    /// <summary>Waits for a new card in the person's personal chat whose text contains all <paramref name="words"/>.</summary>
    public static Task<JsonObject> NoticeAsync(FakeTeamsConnector connector, Persona who, params string[] words) =>
        connector.WaitForAsync(c => c.ActivitiesIn(who.PersonalChatId).Select(FakeTeamsConnector.CardOf)
            .LastOrDefault(card => card is not null && words.All(w => CardReader.AllText(card).Contains(w, StringComparison.OrdinalIgnoreCase))),
            description: $"a card for {who.Name} saying {string.Join(" + ", words)}");

    private sealed record Found(string ConversationId, JsonObject Card)
    {
        public (string, JsonObject) AsTuple() => (ConversationId, Card);
    }

    public static string? RequestNumberIn(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"REQ-\d{6}");
        return match.Success ? match.Value : null;
    }

    public static JsonObject Data(string requestId, params (string Key, string Value)[] values)
    {
        var data = new JsonObject { ["requestId"] = requestId };
        foreach (var (key, value) in values)
        {
            data[key] = value;
        }

        return data;
    }
}
