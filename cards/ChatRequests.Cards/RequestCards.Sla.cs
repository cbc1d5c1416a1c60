using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// What the SLA sweep sends: reminders to approvers, the at-risk reply in the team's thread, escalations to the team lead.
public sealed partial class RequestCards
{
    /// <summary>
    /// Reminds an approver that <paramref name="stage"/> still waits for them: whose request, for what, for how long
    /// (until <paramref name="at"/>, when the reminder was due), on whose behalf when <paramref name="approver"/> stands
    /// in for someone, and where to decide it.
    /// </summary>
    public CardMessage ApprovalReminder(ServiceRequest r, int stage, PersonRef approver, DateTimeOffset at)
    {
        var requestedAt = r.StageRequestedAt(stage);
        var waited = CardText.Duration(at - requestedAt);
        var onBehalf = r.Approvals[stage].OnBehalfOf(approver.Id) is { } of ? $", on behalf of {of.Name}" : "";
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            requesterName = r.Requester.Name,
            waited,
            onBehalf,
            facts = (Fact[])
            [
                new("Step", StageText(r, stage, approver)),
                Fact.Moment("Waiting since", requestedAt),
                new("Cost", CardText.Cost(r)),
                Fact.Moment("Target date", r.DueAt),
            ],
        };
        return Render(
            "reminder",
            data,
            $"Reminder: {r.Requester.Name} has been waiting {waited} for your approval of {r.ItemName} ({r.Id}){onBehalf}. Decide it on the approval card, or type 'approvals'.");
    }

    /// <summary>
    /// Tells an approver who did not answer <paramref name="stage"/> in its timeout that it went to someone else and that
    /// they no longer need to decide it (their approval card says the same, without buttons).
    /// </summary>
    public CardMessage ApprovalTimedOut(ServiceRequest r, int stage)
    {
        var s = r.Approvals[stage];
        // Who it went to, named even after they decided it (the notice may be delivered after their click).
        var to = s.Approvers.Where(a => !s.ApprovedBy.Any(d => d.ById == a.Id && d.At <= s.TimedOutAt)).Select(a => a.Name);
        var text = $"{r.Id} ({r.ItemName} for {r.Requester.Name}) went to {string.Join(", ", to)} because it waited {s.TimeoutHours} hours; "
            + "you no longer need to decide it.";
        return Info($"{r.Id} went to someone else", text);
    }

    /// <summary>
    /// The reply in the team card's thread when a request is at risk of missing its target (warned at
    /// <paramref name="at"/>): a small card, since a text message would read the names in it as markdown.
    /// </summary>
    public CardMessage AtRiskReply(ServiceRequest r, DateTimeOffset at)
    {
        var left = CardText.Duration(r.DueAt - at);
        var holder = r.Assignee is { } assignee ? $"assigned to {assignee.Name}" : "unassigned";
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            requesterName = r.Requester.Name,
            left,
            due = CardText.Instant(r.DueAt),
            holder,
        };
        return Render("at-risk", data, $"{r.Id} is at risk of missing its target: due in {left}; {holder}.");
    }

    /// <summary>
    /// The escalation of a breached target: to the team lead's personal chat, or, for a team without a lead
    /// (<paramref name="toLead"/> false), into the team card's thread.
    /// </summary>
    public CardMessage Escalation(ServiceRequest r, bool toLead)
    {
        var overdueBy = CardText.Duration(_clock.GetUtcNow() - r.DueAt);
        var text = toLead
            ? $"{r.TeamName} did not fulfil {r.Requester.Name}'s request by its target date. As the team lead, please see that someone takes it on."
            : $"{r.TeamName} did not fulfil this request by its target date, and the team has no lead in the directory to escalate to. Please take it on.";
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            teamName = r.TeamName,
            text,
            facts = (Fact[])
            [
                new("Request", r.Id),
                new("Item", r.ItemName),
                new("Requester", r.Requester.Name),
                new("Priority", r.Priority.Reason),
                new("State", CardText.NeutralState(r.State)),
                new("Assignee", r.Assignee?.Name ?? "Nobody yet"),
                Fact.Moment("Target date", r.DueAt),
                new("Overdue by", overdueBy),
            ],
        };
        return Render(
            "escalation",
            data,
            $"Escalation: {r.Id} {r.ItemName} for {r.Requester.Name} ({r.Priority.Label}) missed its target date by {overdueBy}; {CardText.NeutralState(r.State).ToLowerInvariant()}, {(r.Assignee is null ? "unassigned" : $"assigned to {r.Assignee.Name}")}.");
    }

    private static string? EscalatedText(ServiceRequest r) =>
        r.SlaEscalatedAt is { } at ? CardText.Instant(at) : null;
}
