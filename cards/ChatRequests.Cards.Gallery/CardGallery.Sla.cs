using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// What the SLA sweep sends about the laptop: the approver's reminder, the at-risk team card, the escalation; and a paused clock.
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

        late.CheckSla(late.DueAt.AddHours(3));
        Show("team-escalated", late, _cards.TeamCard);
        Show("escalation", late, x => _cards.Escalation(x, toLead: true));
        Show("escalation-no-lead", late, x => _cards.Escalation(x, toLead: false));
        Notice("notice-sla-breached", late, NoticeKind.SlaBreached, RequestEventType.SlaBreached);

        // Waiting for parts stops the clock: the requester's details say "paused" where the target was.
        var paused = await _story.SubmitAsync();
        _story.ManagerApproves(paused);
        _story.FinanceApproves(paused);
        _story.AgentTakesIt(paused);
        _story.WorkStarts(paused);
        _story.PartsAwaited(paused);
        Show("request-detail-paused", paused, x => _cards.RequestDetail(x, _story.Requester));
    }
}
