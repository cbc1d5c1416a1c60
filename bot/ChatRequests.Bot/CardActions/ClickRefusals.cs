using ChatRequests.Bot.Conversations;
using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Cards.Actions;
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
public sealed class ClickRefusals(RequestWorkflow workflow, RequestCards cards, RequestLists lists)
{
    public static InvokeResponse BadData(InvalidCardDataException problem)
    {
        var on = problem.RequestId is { } requestId ? $" on {requestId}" : "";
        return InvokeResponse.Message($"That didn't work{on}: {problem.Message} Nothing was changed.");
    }

    public async Task<InvokeResponse> AnswerAsync(
        TurnContext turn, CardActionData action, RequestRuleException refusal, CancellationToken cancellationToken)
    {
        if (action is not RequestActionData { RequestId: var requestId })
        {
            // Intake: no request is involved yet, so the reason tells nothing of anyone's.
            return InvokeResponse.Message(refusal.Message);
        }

        // The request the use case loaded and refused to change, if it got that far; loaded here only for the refusals
        // that come first (an unknown status, a missing rating), and checked for visibility in both cases.
        var request = refusal switch
        {
            RequestNotVisibleException => null,
            { Request: { } loaded } => loaded,
            _ => await workflow.FindVisibleAsync(requestId, turn.User.Id, cancellationToken),
        };
        if (request is null)
        {
            return InvokeResponse.Message(new RequestNotVisibleException(requestId).Message);
        }

        var notice = Naming(request.Id, refusal.Message);
        var user = turn.User;
        switch (action)
        {
            case ApprovalDecisionData { FromList: true }:
                return InvokeResponse.Card(cards.WithBanner(await lists.ApprovalsAsync(user, page: null, cancellationToken), notice));
            case ApprovalDecisionData { Stage: var stage } when IsApproverOf(request, stage, user.Id):
                return InvokeResponse.Card(cards.WithBanner(cards.Approval(request, stage, user, turn.RefreshForSender), notice));
            case ApprovalHandoverData { Stage: var passed } when IsApproverOf(request, passed, user.Id):
                return InvokeResponse.Card(cards.WithBanner(cards.Approval(request, passed, user, turn.RefreshForSender), notice));
            case AgentActionData:
                var members = await workflow.TeamMembersAsync(request, cancellationToken);
                return InvokeResponse.Card(cards.WithBanner(cards.TeamCard(request, members, turn.RefreshForSender), notice));
            default:
                return InvokeResponse.Message(notice);
        }
    }

    private static bool IsApproverOf(ServiceRequest request, int stage, string personId) =>
        stage >= 0 && stage < request.Approvals.Count && request.Approvals[stage].IsApprover(personId);

    /// <summary>Every refusal names the request, so it reads right wherever the message shows.</summary>
    private static string Naming(string requestId, string text) =>
        text.Contains(requestId, StringComparison.Ordinal) ? text : $"{requestId}: {text}";
}
