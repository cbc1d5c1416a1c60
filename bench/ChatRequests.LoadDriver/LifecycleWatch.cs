using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>What the fulfilment worker posts in a lifecycle, in order, and the driver waits for.</summary>
internal enum Milestone
{
    /// <summary>The approval card in the manager's chat.</summary>
    ApprovalCard,
    /// <summary>The team card, the first post of its thread in the team's channel.</summary>
    TeamCard,
    /// <summary>"Resolved: is it working?" in the requester's chat, with "Yes, it's fixed".</summary>
    ConfirmNotice,
    /// <summary>The team card updated to Closed after the requester confirmed: the lifecycle's last message.</summary>
    ClosedTeamCard,
}

/// <summary>
/// Follows every call that reaches the fake Teams connector, as it arrives, and hands each lifecycle the card of the
/// milestone it waits for. One reader for all lifecycles: a poll of each lifecycle's own would cost the driver's core
/// more than the connector does.
/// </summary>
internal sealed class LifecycleWatch(FakeTeamsConnector connector, string channelId) : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly ConcurrentDictionary<(string RequestId, Milestone Milestone), TaskCompletionSource<PostedCard>> _posted = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _reader = Task.CompletedTask;
    private int _seen;

    public void Start() => _reader = Task.Run(ReadAsync);

    /// <summary>The card of <paramref name="milestone"/> of the request, once it reached the connector.</summary>
    public async Task<PostedCard> WaitForAsync(string requestId, Milestone milestone, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            return await Slot(requestId, milestone).Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{requestId}: no {milestone} reached the connector within {timeout.TotalSeconds:0} s.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reader;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private TaskCompletionSource<PostedCard> Slot(string requestId, Milestone milestone) =>
        _posted.GetOrAdd((requestId, milestone), _ => new TaskCompletionSource<PostedCard>(TaskCreationOptions.RunContinuationsAsynchronously));

    private async Task ReadAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var arrived = connector.RequestsSince(_seen);
            _seen += arrived.Count;
            foreach (var request in arrived)
            {
                var activity = request.Route == FakeConnectorRoute.CreateConversation ? request.Parameters?.Activity : request.Activity;
                if (request.Succeeded && activity is not null && FakeTeamsConnector.CardOf(activity) is { } card)
                {
                    Look(request, card);
                }
            }

            await Task.Delay(PollInterval, _stop.Token);
        }
    }

    private void Look(FakeConnectorRequest request, JsonObject card)
    {
        var text = CardReader.AllText(card);
        if (PostedCards.RequestNumberIn(text) is not { } requestId)
        {
            return;
        }

        var verbs = CardReader.Verbs(card);
        var conversationId = request.CreatedConversationId ?? request.ConversationId!;
        var milestone = request.Route switch
        {
            FakeConnectorRoute.SendToConversation or FakeConnectorRoute.CreateConversation when verbs.Contains("approval.approve") => Milestone.ApprovalCard,
            FakeConnectorRoute.CreateConversation when verbs.Contains("agent.assign") && conversationId.StartsWith(channelId, StringComparison.Ordinal) => Milestone.TeamCard,
            FakeConnectorRoute.SendToConversation or FakeConnectorRoute.CreateConversation or FakeConnectorRoute.UpdateActivity
                when verbs.Contains("requester.confirm") => Milestone.ConfirmNotice,
            FakeConnectorRoute.UpdateActivity when conversationId.StartsWith(channelId, StringComparison.Ordinal)
                && text.Contains("Closed", StringComparison.Ordinal) && !verbs.Any(v => v.StartsWith("agent.", StringComparison.Ordinal)) => Milestone.ClosedTeamCard,
            _ => (Milestone?)null,
        };
        if (milestone is { } found)
        {
            Slot(requestId, found).TrySetResult(new PostedCard(conversationId, card, request.ReceivedAt));
        }
    }
}
