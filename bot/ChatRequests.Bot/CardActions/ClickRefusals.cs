using System.Globalization;
using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.CardActions;

/// <summary>
/// Answers a click that changed nothing, and keeps the card that was clicked. Someone who may view the request gets the
/// card they clicked brought up to date with the reason on top (an approver's approval card, the approvals list, the team
/// card), or else a message naming the request. Anyone else gets a message that says no and tells nothing of the
/// request, the same as for a number that does not exist.
/// </summary>
public sealed class ClickRefusals(RequestWorkflow workflow, RequestCards cards)
{
    public static InvokeResponse BadData(CardActionData data, InvalidCardDataException problem)
    {
        var on = WellFormedRequestId(data) is { } requestId ? $" on {requestId}" : "";
        return InvokeResponse.Message($"That didn't work{on}: {problem.Message} Nothing was changed.");
    }

    public async Task<InvokeResponse> AnswerAsync(
        TurnContext turn, string verb, CardActionData data, RequestRuleException refusal, CancellationToken cancellationToken)
    {
        var requestId = SafeOptional(data, CardInputs.RequestId);
        if (requestId is null)
        {
            // Intake: no request is involved yet, so the reason tells nothing of anyone's.
            return InvokeResponse.Message(refusal.Message);
        }

        // Checked again here: some refusals (an unknown status, a missing rating) come before the workflow looked.
        var request = refusal is RequestNotVisibleException ? null : await workflow.FindVisibleAsync(requestId, turn.User.Id, cancellationToken);
        if (request is null)
        {
            return InvokeResponse.Message(new RequestNotVisibleException(requestId).Message);
        }

        var notice = Naming(request.Id, refusal.Message);
        var user = turn.User;
        if (verb is CardVerbs.ApprovalApprove or CardVerbs.ApprovalReject)
        {
            if (SafeOptional(data, CardInputs.Source) == CardInputs.FromApprovalList)
            {
                var pending = await workflow.PendingApprovalsAsync(user.Id, cancellationToken);
                return InvokeResponse.Card(cards.WithBanner(cards.ApprovalList(pending, user), notice).Card);
            }

            if (int.TryParse(SafeOptional(data, CardInputs.Stage), NumberStyles.None, CultureInfo.InvariantCulture, out var stage)
                && stage < request.Approvals.Count && request.Approvals[stage].IsApprover(user.Id))
            {
                return InvokeResponse.Card(cards.WithBanner(cards.Approval(request, stage, user), notice).Card);
            }
        }
        else if (verb.StartsWith("agent.", StringComparison.Ordinal))
        {
            return InvokeResponse.Card(cards.WithBanner(cards.TeamCard(request), notice).Card);
        }

        return InvokeResponse.Message(notice);
    }

    /// <summary>Every refusal names the request, so it reads right wherever the message shows.</summary>
    private static string Naming(string requestId, string text) =>
        text.Contains(requestId, StringComparison.Ordinal) ? text : $"{requestId}: {text}";

    private static string? WellFormedRequestId(CardActionData data) =>
        SafeOptional(data, CardInputs.RequestId) is { } id && RequestNumber.IsWellFormed(id) ? id : null;

    private static string? SafeOptional(CardActionData data, string name)
    {
        try
        {
            return data.Optional(name);
        }
        catch (InvalidCardDataException)
        {
            return null;
        }
    }
}
