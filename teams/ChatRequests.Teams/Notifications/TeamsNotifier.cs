using ChatRequests.Cards;
using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Teams.Connector;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Teams.Notifications;

/// <summary>
/// The notifier port over Teams: approval cards and reminders in personal chats, the request card in the team channel
/// and replies in its thread, notices to the requester, the escalation ladder's cards.
/// </summary>
public sealed class TeamsNotifier(
    ProactiveMessenger messenger, IDirectory directory, RequestCards cards, TeamsUserIds teamsUserIds, ILogger<TeamsNotifier> logger)
    : INotifier
{
    /// <summary>
    /// The approval card in the approver's chat, refreshing itself for them: a copy posted twice (a post in flight at a
    /// crash) shows the same as the recorded one as soon as it is looked at, though only the recorded one is updated.
    /// </summary>
    public async Task ShowApprovalCardAsync(ServiceRequest request, PersonRef approver, int stage, CancellationToken cancellationToken = default)
    {
        var refresh = CardRefresh.ForPerson(await teamsUserIds.FindAsync(approver.Id, cancellationToken));
        await messenger.ShowInPersonalChatAsync(
            approver.Id, $"approval:{request.Id}:{stage}:{approver.Id}", cards.Approval(request, stage, approver, refresh), cancellationToken);
    }

    /// <summary>The team card in the channel, refreshing itself for the team's members and lead while they are at most 60.</summary>
    public async Task ShowTeamCardAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var team = await TeamOfAsync(request, cancellationToken);
        var members = await TeamRoster.ReassignChoicesAsync(directory, team, request, cancellationToken);
        string[] audience = [.. team.MemberIds.Append(team.LeadId).OfType<string>().Distinct(StringComparer.Ordinal)];
        IReadOnlyList<string> known = audience.Length > CardRefresh.MaxUsers ? [] : await teamsUserIds.FindAllAsync(audience, cancellationToken);
        await messenger.ShowInChannelAsync(
            team.ChannelId, TeamCardKey(request), cards.PrepareTeamCard(request, members, CardRefresh.ForGroup(audience.Length, known)), cancellationToken);
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

    public async Task EscalateAsync(ServiceRequest request, Escalation escalation, OutboxEvent cause, CancellationToken cancellationToken = default)
    {
        if (escalation.To.Count > 0)
        {
            foreach (var person in escalation.To)
            {
                // One card per level and person (each level fires once), updated in place when the escalation is resolved.
                var key = $"escalation:{request.Id}:{escalation.Level}:{person.Id}";
                var card = cards.Escalation(request, escalation);
                if (escalation.IsActive)
                {
                    await messenger.ShowInPersonalChatAsync(person.Id, key, card, cancellationToken);
                }
                else
                {
                    await messenger.UpdateIfPostedAsync(key, card, cancellationToken);
                }
            }

            return;
        }

        if (!escalation.IsActive)
        {
            return;
        }

        // Nobody named (a team without a lead, or a document from before the ladder): the lead of the directory, else the thread.
        var legacyKey = $"escalation:{request.Id}:{cause.Id}";
        var team = await TeamOfAsync(request, cancellationToken);
        if (team.LeadId is { } leadId && await directory.FindPersonAsync(leadId, cancellationToken) is { } lead)
        {
            var toLead = escalation with { To = [new PersonRef(lead.Id, lead.Name)], Role = Escalation.RoleOf(Escalation.TeamLead) };
            await messenger.SendOnceToPersonAsync(leadId, legacyKey, cards.Escalation(request, toLead), cancellationToken);
            return;
        }

        logger.LogWarning("Team {TeamId} of {RequestId} has nobody to escalate level {Level} to; escalating in the team card's thread",
            request.TeamId, request.Id, escalation.Level);
        await messenger.ReplyOnceInThreadAsync(TeamCardKey(request), legacyKey, AsActivity(cards.Escalation(request, escalation, inThread: true)), cancellationToken);
    }

    public Task AlertSupplierOverdueAsync(ServiceRequest request, PersonRef assignee, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        messenger.SendOnceToPersonAsync(
            assignee.Id, $"supplier-late:{request.Id}:{cause.Id}", cards.SupplierLate(request, cause.CreatedAt), cancellationToken);

    public async Task TellAssigneeAsync(ServiceRequest request, PersonRef assignee, OutboxEvent cause, CancellationToken cancellationToken = default)
    {
        var members = await TeamRoster.ReassignChoicesAsync(directory, await TeamOfAsync(request, cancellationToken), request, cancellationToken);
        await messenger.SendOnceToPersonAsync(
            assignee.Id, $"assigned:{request.Id}:{cause.Id}:{assignee.Id}", cards.AssignedToYou(request, cause.Actor, members, reader: assignee), cancellationToken);
    }

    public async Task ReannounceAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default)
    {
        var team = await TeamOfAsync(request, cancellationToken);
        var members = await TeamRoster.ReassignChoicesAsync(directory, team, request, cancellationToken);
        var card = cards.Reannounced(request, cause.Comment ?? "Still unassigned", members);
        await messenger.ShowInChannelAsync(team.ChannelId, $"reannounce:{request.Id}:{cause.Id}", card, cancellationToken);
    }

    public Task SendDigestAsync(PersonRef agent, DateOnly day, AgentDigest digest, CancellationToken cancellationToken = default) =>
        messenger.SendOnceToPersonAsync(agent.Id, $"digest:{agent.Id}:{day:yyyy-MM-dd}", cards.Digest(agent, day, digest), cancellationToken);

    public Task TellAssigneeReviewFailedAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        request.Assignee is { } assignee
            ? messenger.SendOnceToPersonAsync(assignee.Id, $"review-failed:{request.Id}:{cause.Id}", cards.ReviewFailed(request, cause), cancellationToken)
            : Task.CompletedTask;

    public Task TellTeamReceiptOverdueAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default) =>
        messenger.ReplyOnceInThreadAsync(
            TeamCardKey(request), $"receipt-overdue:{request.Id}:{cause.Id}", AsActivity(cards.ReceiptOverdue(request)), cancellationToken);

    public async Task RemindReviewersAsync(ServiceRequest request, OutboxEvent cause, CancellationToken cancellationToken = default)
    {
        var key = $"review-waiting:{request.Id}:{cause.Id}";
        var team = await TeamOfAsync(request, cancellationToken);
        // The lead, unless they did the work under check (then the thread, where the other reviewers are).
        if (team.LeadId is { } leadId && leadId != request.Review?.ResolvedBy.Id)
        {
            await messenger.SendOnceToPersonAsync(leadId, key, cards.ReviewWaiting(request), cancellationToken);
            return;
        }

        await messenger.ReplyOnceInThreadAsync(TeamCardKey(request), key, AsActivity(cards.ReviewWaiting(request)), cancellationToken);
    }

    public Task ShowAccessReviewAsync(AccessReview review, PersonRef to, CancellationToken cancellationToken = default) =>
        messenger.ShowInPersonalChatAsync(to.Id, $"access-review:{review.Id}:{to.Id}", cards.AccessReview(review, to), cancellationToken);

    public async Task TellAccessReviewAsync(AccessReviewNotice notice, CancellationToken cancellationToken = default)
    {
        var review = notice.Review;
        var key = $"access-review-{notice.Kind}:{review.Id}:{notice.Line}";
        switch (notice.Kind)
        {
            case AccessReviewNoticeKind.Escalated:
                await messenger.SendOnceToPersonAsync(review.Reviewer.Id, key, cards.AccessReviewEscalated(review), cancellationToken);
                break;
            case AccessReviewNoticeKind.Reminder:
                await messenger.SendOnceToPersonAsync(review.Reviewer.Id, key, cards.AccessReviewReminder(review), cancellationToken);
                break;
            case AccessReviewNoticeKind.AccessRemoved:
                var removed = review.Lines[notice.Line];
                await messenger.SendOnceToPersonAsync(removed.Grant.Person.Id, key, cards.AccessRemoved(review, removed), cancellationToken);
                break;
            default:
                var failed = review.Lines[notice.Line];
                var team = await directory.FindTeamAsync(failed.Grant.TeamId, cancellationToken)
                    ?? throw new InvalidOperationException($"Team {failed.Grant.TeamId} of {failed.Grant.RequestId} is not in the directory.");
                await messenger.ShowInChannelAsync(team.ChannelId, key, cards.AccessRemovalFailed(review, failed), cancellationToken);
                break;
        }
    }

    public async Task ShowParkedStepAsync(ServiceRequest request, ParkedStep parking, CancellationToken cancellationToken = default)
    {
        var key = $"parked:{request.Id}:{parking.Id}";
        var card = cards.ParkedStep(request, parking);
        if (!parking.IsWaiting)
        {
            // Retried or dismissed: the card says so for everyone; a parking settled before its card went out gets none.
            await messenger.UpdateIfPostedAsync(key, card, cancellationToken);
            return;
        }

        var team = await directory.FindTeamAsync(request.TeamId, cancellationToken);
        var operations = await directory.FindOperationsTeamAsync(cancellationToken);
        if (team is null)
        {
            var to = operations ?? throw new PermanentEventFailureException(
                $"Team {request.TeamId} of {request.Id} is not in the directory and no operations team is set (governance.operationsTeamId).");
            await messenger.ShowInChannelAsync(to.ChannelId, key, card, cancellationToken);
            return;
        }

        try
        {
            await messenger.ShowInChannelAsync(team.ChannelId, key, card, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.IsPermanent && operations is not null && operations.ChannelId != team.ChannelId)
        {
            // The team's channel refuses the bot for good (removed from the team, the channel deleted): often the very
            // failure that parked the step. The operations channel gets the card instead.
            logger.LogWarning("The channel of team {TeamId} refused the card of parked step {ParkId} of {RequestId} ({StatusCode}); posting it to the operations team",
                team.Id, parking.Id, request.Id, ex.StatusCode);
            await messenger.ShowInChannelAsync(operations.ChannelId, key, card, cancellationToken);
        }
    }


    private static Activity AsActivity(CardMessage card) => Activity.CardMessage(card);

    private async Task<Team> TeamOfAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        (await directory.ListTeamsAsync(cancellationToken)).FirstOrDefault(t => t.Id == request.TeamId)
        ?? throw new InvalidOperationException($"Team {request.TeamId} of {request.Id} is not in the directory.");

    private static string TeamCardKey(ServiceRequest request) => $"team:{request.Id}";
}
