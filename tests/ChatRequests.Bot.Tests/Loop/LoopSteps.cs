using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Testing;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>The steps of the request loop as people take them, shared by the loop, crash and concurrency tests.</summary>
public static class LoopSteps
{
    public static readonly JsonObject LaptopInputs = SampleRequest.Laptop.Inputs;

    public const string FinanceReportsWords = "I need to read the finance reports";

    public static readonly JsonObject FinanceReportsInputs = new()
    {
        ["urgency"] = "Medium",
        ["field.department"] = "Marketing",
    };

    /// <summary>Megan asks for a laptop in her own words and submits the form; returns the request number.</summary>
    public static Task<string> RequestLaptopAsync(TeamsDriver teams, FakeTeamsConnector connector, Persona who, string? words = null) =>
        RequestAsync(teams, connector, who, words ?? SampleRequest.Laptop.Words, LaptopInputs);

    public static readonly JsonObject MouseInputs = SampleRequest.Mouse.Inputs;

    /// <summary>Someone asks for a mouse (no approval: it goes straight to Hardware Service); returns the number and the confirmation card.</summary>
    public static async Task<(string RequestId, JsonObject Confirmation)> RequestMouseAsync(TeamsDriver teams, FakeTeamsConnector connector, Persona who)
    {
        var before = connector.ActivitiesIn(who.PersonalChatId).Count;
        (await teams.SayAsync(who, SampleRequest.Mouse.Words)).EnsureSuccessStatusCode();
        var form = await connector.WaitForAsync(
            c => c.ActivitiesIn(who.PersonalChatId).Skip(before).Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null && CardReader.Verbs(card).Contains("intake.submit")),
            description: "the mouse form");
        var submitted = await teams.ClickOnCardAsync(who, who.PersonalChatId, form, "intake.submit", MouseInputs);
        var requestId = RequestNumberIn(submitted.CardText)
            ?? throw new InvalidOperationException($"No request number in the confirmation: {submitted.CardText}");
        return (requestId, submitted.Card);
    }

    /// <summary>Someone asks for the Finance reports (an item provisioned by group membership) and submits the form.</summary>
    public static Task<string> RequestFinanceReportsAsync(TeamsDriver teams, FakeTeamsConnector connector, Persona who) =>
        RequestAsync(teams, connector, who, FinanceReportsWords, FinanceReportsInputs);

    /// <summary>Asks in <paramref name="words"/> that match one catalog item and submits its form; returns the request number.</summary>
    public static async Task<string> RequestAsync(TeamsDriver teams, FakeTeamsConnector connector, Persona who, string words, JsonObject inputs)
    {
        var before = connector.ActivitiesIn(who.PersonalChatId).Count;
        (await teams.SayAsync(who, words)).EnsureSuccessStatusCode();
        var form = await connector.WaitForAsync(
            c => c.ActivitiesIn(who.PersonalChatId).Skip(before).Select(FakeTeamsConnector.CardOf).LastOrDefault(card => card is not null && CardReader.Verbs(card).Contains("intake.submit")),
            description: "the form card");
        var submitted = await teams.ClickOnCardAsync(who, who.PersonalChatId, form, "intake.submit", inputs);
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

    /// <summary>Polls the store until the request satisfies <paramref name="done"/> (the relay works in the background).</summary>
    public static Task<ServiceRequest> StoredWhenAsync(IRequestStore store, string requestId, Func<ServiceRequest, bool> done, string description) =>
        StoreWaits.StoredWhenAsync(store, requestId, done, description);

    private sealed record Found(string ConversationId, JsonObject Card)
    {
        public (string, JsonObject) AsTuple() => (ConversationId, Card);
    }

    public static string? RequestNumberIn(string text) => CardReader.RequestNumberIn(text);

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
