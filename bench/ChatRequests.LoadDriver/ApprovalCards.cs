using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>An approval card as the fulfilment worker posted it, and when it reached the fake Teams connector.</summary>
internal sealed record ApprovalCard(string ConversationId, JsonObject Card, DateTimeOffset ReceivedAt);

/// <summary>
/// The approval cards posted so far, by request number. Reads only the connector requests that are new since the
/// last look, so waiting for hundreds of cards stays cheap for the driver process.
/// </summary>
internal sealed partial class ApprovalCards(FakeTeamsConnector connector)
{
    private const string ApproveVerb = "approval.approve";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly Dictionary<string, ApprovalCard> _byRequest = new(StringComparer.Ordinal);
    private int _seen;

    public async Task<IReadOnlyDictionary<string, ApprovalCard>> WaitForAsync(
        IReadOnlyCollection<string> requestIds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            ReadNewRequests();
            var missing = requestIds.Count(id => !_byRequest.ContainsKey(id));
            if (missing == 0)
            {
                return requestIds.ToDictionary(id => id, id => _byRequest[id]);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{missing} of {requestIds.Count} approval cards did not reach the connector within {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    public static string? RequestNumberIn(string text) => RequestNumber().Match(text) is { Success: true } match ? match.Value : null;

    private void ReadNewRequests()
    {
        var requests = connector.Requests;
        for (; _seen < requests.Count; _seen++)
        {
            var request = requests[_seen];
            if (request.Route != FakeConnectorRoute.SendToConversation || !request.Succeeded || request.Activity is not { } activity)
            {
                continue;
            }

            if (FakeTeamsConnector.CardOf(activity) is { } card && CardReader.FindAction(card, ApproveVerb) is not null
                && RequestNumberIn(CardReader.AllText(card)) is { } requestId)
            {
                _byRequest.TryAdd(requestId, new ApprovalCard(request.ConversationId!, card, request.ReceivedAt));
            }
        }
    }

    [GeneratedRegex(@"REQ-\d{6}")]
    private static partial Regex RequestNumber();
}
