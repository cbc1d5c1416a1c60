using ChatRequests.Cards;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Teams.Notifications;

/// <summary>
/// The notifier port over Teams: approval cards and reminders in personal chats, the request card in the team channel
/// and replies in its thread, notices to the requester, escalations to the team lead.
/// </summary>
public sealed class TeamsNotifier(ProactiveMessenger messenger, IDirectory directory, RequestCards cards, ILogger<TeamsNotifier> logger)
    : INotifier
{
    public Task ShowApprovalCardAsync(ServiceRequest request, PersonRef approver, int stage, CancellationToken cancellationToken = default) =>
        messenger.ShowInPersonalChatAsync(
            approver.Id, $"approval:{request.Id}:{stage}:{approver.Id}", cards.Approval(request, stage, approver), cancellationToken);

    public async Task ShowTeamCardAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var team = await TeamOfAsync(request, cancellationToken);
        await messenger.ShowInChannelAsync(team.ChannelId, TeamCardKey(request), cards.TeamCard(request), cancellationToken);
    }

    public Task NotifyRequesterAsync(ServiceRequest request, NoticeKind kind, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        messenger.SendOnceToPersonAsync(
            request.Requester.Id, $"notice:{request.Id}:{cause.Id}", cards.Notice(request, kind, cause), cancellationToken);

    public Task ReplyInTeamThreadAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        messenger.ReplyOnceInThreadAsync(
            TeamCardKey(request), $"reply:{request.Id}:{cause.Id}", AsActivity(cards.AnswerReply(request, cause.Comment ?? "")), cancellationToken);

    public Task RemindApproverAsync(ServiceRequest request, PersonRef approver, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        messenger.SendOnceToPersonAsync(
            approver.Id,
            $"reminder:{request.Id}:{cause.Id}:{approver.Id}",
            cards.ApprovalReminder(request, request.CurrentStage, approver, cause.CreatedAt),
            cancellationToken);

    public Task TellLateApproverAsync(ServiceRequest request, PersonRef approver, int stage, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        messenger.SendOnceToPersonAsync(
            approver.Id, $"timed-out:{request.Id}:{cause.Id}:{approver.Id}", cards.ApprovalTimedOut(request, stage), cancellationToken);

    public Task WarnTeamAtRiskAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        messenger.ReplyOnceInThreadAsync(
            TeamCardKey(request), $"at-risk:{request.Id}:{cause.Id}", AsActivity(cards.AtRiskReply(request, cause.CreatedAt)), cancellationToken);

    public async Task EscalateAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default)
    {
        var key = $"escalation:{request.Id}:{cause.Id}";
        var team = await TeamOfAsync(request, cancellationToken);
        if (team.LeadId is { } leadId && await directory.FindPersonAsync(leadId, cancellationToken) is not null)
        {
            await messenger.SendOnceToPersonAsync(leadId, key, cards.Escalation(request, toLead: true), cancellationToken);
            return;
        }

        logger.LogWarning("Team {TeamId} of {RequestId} has no lead in the directory; escalating in the team card's thread",
            request.TeamId, request.Id);
        await messenger.ReplyOnceInThreadAsync(TeamCardKey(request), key, AsActivity(cards.Escalation(request, toLead: false)), cancellationToken);
    }

    public Task TellAssigneeReviewFailedAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        request.Assignee is { } assignee
            ? messenger.SendOnceToPersonAsync(assignee.Id, $"review-failed:{request.Id}:{cause.Id}", cards.ReviewFailed(request, cause), cancellationToken)
            : Task.CompletedTask;

    private static Activity AsActivity(CardMessage card) => Activity.CardMessage(card.Card, card.FallbackText);

    private async Task<Team> TeamOfAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        (await directory.ListTeamsAsync(cancellationToken)).FirstOrDefault(t => t.Id == request.TeamId)
        ?? throw new InvalidOperationException($"Team {request.TeamId} of {request.Id} is not in the directory.");

    private static string TeamCardKey(ServiceRequest request) => $"team:{request.Id}";
}
