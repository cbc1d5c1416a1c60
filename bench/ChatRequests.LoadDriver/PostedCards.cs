using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>A card the fulfilment worker posted, where, and when it reached the fake Teams connector.</summary>
internal sealed record PostedCard(string ConversationId, JsonObject Card, DateTimeOffset ReceivedAt);

/// <summary>Cards of one kind the fulfilment worker posted so far, by request number; waited for by the passes.</summary>
internal abstract partial class PostedCards
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, PostedCard> _byRequest = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, PostedCard>> WaitForAsync(
        IReadOnlyCollection<string> requestIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            ReadNew();
            var missing = requestIds.Count(id => !_byRequest.ContainsKey(id));
            if (missing == 0)
            {
                return requestIds.ToDictionary(id => id, id => _byRequest[id]);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{missing} of {requestIds.Count} {Kind} did not reach the connector within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public static string? RequestNumberIn(string text) => RequestNumber().Match(text) is { Success: true } match ? match.Value : null;

    protected abstract string Kind { get; }

    /// <summary>Looks at what reached the connector since the last look and <see cref="Add"/>s the cards found.</summary>
    protected abstract void ReadNew();

    protected void Add(JsonObject? card, string verb, string conversationId, DateTimeOffset receivedAt)
    {
        if (card is not null && CardReader.FindAction(card, verb) is not null && RequestNumberIn(CardReader.AllText(card)) is { } requestId)
        {
            _byRequest.TryAdd(requestId, new PostedCard(conversationId, card, receivedAt));
        }
    }

    [GeneratedRegex(@"REQ-\d{6}")]
    private static partial Regex RequestNumber();
}

/// <summary>Approval cards, posted in the managers' chats. Reads only the connector requests that are new since the last look.</summary>
internal sealed class ApprovalCards(FakeTeamsConnector connector) : PostedCards
{
    private int _seen;

    protected override string Kind => "approval cards";

    protected override void ReadNew()
    {
        var requests = connector.Requests;
        for (; _seen < requests.Count; _seen++)
        {
            var request = requests[_seen];
            if (request.Route == FakeConnectorRoute.SendToConversation && request.Succeeded && request.Activity is { } activity)
            {
                Add(FakeTeamsConnector.CardOf(activity), "approval.approve", request.ConversationId!, request.ReceivedAt);
            }
        }
    }
}

/// <summary>Team cards, each the first post of its own thread in the team's channel (a thread is looked at once).</summary>
internal sealed class TeamCards(FakeTeamsConnector connector, string channelId) : PostedCards
{
    private readonly HashSet<string> _seenThreads = new(StringComparer.Ordinal);

    protected override string Kind => "team cards";

    protected override void ReadNew()
    {
        foreach (var thread in connector.Conversations.Where(c => c.ChannelId == channelId && !_seenThreads.Contains(c.Id)))
        {
            if (thread.Activities.Count > 0 && _seenThreads.Add(thread.Id))
            {
                var root = thread.Activities[0];
                Add(FakeTeamsConnector.CardOf(root), "agent.assign", thread.Id, root.Timestamp ?? DateTimeOffset.UtcNow);
            }
        }
    }
}
