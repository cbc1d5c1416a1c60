using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// What the SLA sweep sends about the laptop: the approver's reminder, the at-risk team card, the escalation ladder's cards; and a paused clock.
internal sealed partial class CardGallery
{
    private async Task AddSlaAsync()
    {
        var waiting = await _story.SubmitAsync();
        var remindAt = waiting.SlaCheckAt ?? throw new InvalidOperationException("A request awaiting approval has a reminder due.");
        waiting.CheckSla(remindAt);
        Show("approval-reminder", waiting, x => _cards.ApprovalReminder(x, 0, _story.Manager, remindAt));

        var late = await _story.SubmitAsync();
        _story.ManagerApproves(late);
        _story.FinanceApproves(late);
        _story.AgentTakesIt(late);
        _story.WorkStarts(late);
        var atRisk = late.SlaCheckAt ?? throw new InvalidOperationException("A request being worked has an SLA check due.");
        var warnedAt = atRisk > late.UpdatedAt ? atRisk : late.UpdatedAt;
        if (late.CheckSla(warnedAt).WarnedAtRisk)
        {
            Show("team-at-risk", late, _cards.TeamCard);
            Show("at-risk-reply", late, x => _cards.AtRiskReply(x, warnedAt));
        }

        late.CheckSla(late.DueAt.AddHours(3), escalations: await LadderAsync());
        Show("team-escalated", late, _cards.TeamCard);
        Show("escalation", late, x => _cards.Escalation(x, Level(x, Escalation.Supervisor)));
        Show("escalation-no-lead", late, x => _cards.Escalation(x, Level(x, Escalation.Supervisor) with { To = [] }, inThread: true));
        Notice("notice-sla-breached", late, NoticeKind.SlaBreached, RequestEventType.SlaBreached);
        Show("request-detail-escalated", late, x => _cards.RequestDetail(x, x.Requester));

        // Waiting for parts stops the clock: the requester's details say "paused" where the target was.
        var paused = await _story.SubmitAsync();
        _story.ManagerApproves(paused);
        _story.FinanceApproves(paused);
        _story.AgentTakesIt(paused);
        _story.WorkStarts(paused);
        _story.PartsAwaited(paused);
        Show("request-detail-paused", paused, x => _cards.RequestDetail(x, _story.Requester));
    }

    /// <summary>The ladder on one request: the requester chases it (level 1), a long breach (level 3), then the fix.</summary>
    private async Task AddLadderAsync()
    {
        var chased = await _story.SubmitAsync();
        _story.ManagerApproves(chased);
        _story.FinanceApproves(chased);
        _story.AgentTakesIt(chased);
        _story.WorkStarts(chased);
        var ladder = await LadderAsync();
        chased.FollowUp(chased.Requester, ladder, chased.UpdatedAt.AddHours(1));
        Show("escalation-level-1", chased, x => _cards.Escalation(x, Level(x, Escalation.TeamLead)));
        Show("team-escalation-level-1", chased, _cards.TeamCard);
        chased.CheckSla(chased.DueAt.AddHours(1), escalations: ladder);
        var longBreach = chased.LongBreachAt ?? throw new InvalidOperationException("The ladder's settings have a long breach.");
        chased.CheckSla(longBreach, escalations: ladder);
        Show("escalation-level-3", chased, x => _cards.Escalation(x, Level(x, Escalation.SeniorManagement)));
        chased.Resolve(_story.Agent, "New laptop handed over", longBreach.AddHours(2));
        Show("escalation-resolved", chased, x => _cards.Escalation(x, Level(x, Escalation.SeniorManagement)));
    }

    /// <summary>The sample organisation's people on the ladder: Grady Archie leads Hardware, Lee Gu supervises it, Patti Fernandez is senior management.</summary>
    private async Task<EscalationContacts> LadderAsync() =>
        new(await _organisation.PersonAsync(SampleOrganisation.Grady), await _organisation.PersonAsync(SampleOrganisation.Lee), [await _organisation.PersonAsync(SampleOrganisation.Patti)])
        {
            Level3AfterBreachHours = 8,
            LongBreachAt = due => due.AddHours(8),
        };

    private static Escalation Level(ServiceRequest r, int level) => r.Escalations.Last(e => e.Level == level);
}
