using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;

namespace ChatRequests.Cards;

// What the SLA sweep sends: reminders to approvers, the at-risk reply in the team's thread, the escalation ladder's cards.
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
                new("Cost", CardText.Cost(r, approver.Id)),
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
        var text = $"{r.Id} ({r.ItemName} for {r.Requester.Name}) went to {string.Join(", ", to)} because it waited {s.TimeoutHours} {(s.TimeoutDueAt is null ? "hours" : "working hours")}; "
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
    /// The card of one escalation level, to each person it went to (<paramref name="inThread"/> false), or into the team
    /// card's thread when it names nobody. Once the escalation is resolved, the same card (updated in place) says so.
    /// </summary>
    public CardMessage Escalation(ServiceRequest r, Escalation escalation, bool inThread = false)
    {
        var overdue = SlaPolicy.IsBreached(r.DueAt, _clock.GetUtcNow());
        var overdueBy = CardText.Duration(_clock.GetUtcNow() - r.DueAt);
        var resolved = escalation.ResolvedAt is not null;
        var title = resolved ? $"Resolved: {r.Id} no longer needs you"
            : escalation.Level == Core.Requests.Escalation.Supervisor && escalation.Why == "target date missed" ? $"Escalation: {r.Id} missed its target date"
            : $"Escalation level {escalation.Level}: {r.Id}";
        var text = resolved ? $"{r.Id} was {(r.State == RequestState.Cancelled ? "cancelled" : "resolved")}, so its level {escalation.Level} escalation is closed. Nothing more to do."
            : inThread ? $"{r.TeamName} has nobody in the directory to escalate {r.Requester.Name}'s request to (level {escalation.Level}: {escalation.Why}). Please take it on."
            : $"{CardText.Capitalised(escalation.Why)}: {r.Requester.Name}'s request is escalated to you as {RoleText(escalation)}. {AskOf(escalation.Level)}";
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            teamName = r.TeamName,
            title,
            level = $"Level {escalation.Level} · ",
            style = resolved ? "good" : escalation.Level == Core.Requests.Escalation.TeamLead ? "warning" : "attention",
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
                .. overdue && !resolved ? [new Fact("Overdue by", overdueBy)] : Array.Empty<Fact>(),
                new("Escalated to", $"{escalation.ToNames} ({escalation.RoleName})"),
                Fact.Moment("Escalated", escalation.At),
                .. escalation.ResolvedAt is { } at ? [Fact.Moment("Resolved", at)] : Array.Empty<Fact>(),
            ],
        };
        var late = overdue ? $" missed its target date by {overdueBy}" : $" is due {CardText.Duration(r.DueAt - _clock.GetUtcNow())} from now";
        return Render(
            "escalation",
            data,
            resolved
                ? $"Resolved: {r.Id} {r.ItemName} for {r.Requester.Name} no longer needs you; the level {escalation.Level} escalation is closed."
                : $"Escalation level {escalation.Level}: {r.Id} {r.ItemName} for {r.Requester.Name} ({r.Priority.Label}){late}; {CardText.NeutralState(r.State).ToLowerInvariant()}, {(r.Assignee is null ? "unassigned" : $"assigned to {r.Assignee.Name}")}.");
    }

    /// <summary>
    /// The answer to a requester's follow-up: where the request is, and that the team lead was asked to look at it (or,
    /// asked before, who has it already).
    /// </summary>
    public CardMessage FollowUpReply(ServiceRequest r, FollowUpOutcome outcome)
    {
        var e = outcome.Escalation;
        var who = e.To.Count == 0 ? $"{r.TeamName} in their channel" : $"{e.ToNames} ({e.RoleName})";
        var text = outcome.Escalated
            ? $"Thanks for checking in. I've asked {who} to look at your request and see that it moves."
            : $"{who} already has your request: I asked them to look at it earlier, and they are on it.";
        var title = outcome.Escalated ? (e.To.Count == 0 ? $"{r.Id}: I have flagged it to {r.TeamName}" : $"{r.Id}: I have asked the team lead") : $"{r.Id}: already with {(e.To.Count == 0 ? r.TeamName : e.ToNames)}";
        List<Fact> facts =
        [
            new("State", CardText.StateFor(r.State, requesterReads: true)),
            Fact.Moment("Target date", r.DueAt, after: IsOverdue(r) ? " (overdue)" : null),
            .. NoticeFacts(r, kind: null),
            Fact.Moment("Escalated", e.At, $"Level {e.Level}, "),
        ];
        return RenderNotice(r, new NoticeText(title, outcome.Escalated ? "accent" : "default", text, null, null), facts, update: null, askAnswer: false, confirm: false);
    }

    private static string RoleText(Escalation escalation) =>
        escalation.RoleName == Core.Requests.Escalation.RoleOf(Core.Requests.Escalation.SeniorManagement) ? "senior management" : $"the {escalation.RoleName}";

    private static string AskOf(int level) => level switch
    {
        Core.Requests.Escalation.TeamLead => "Please look at it and see that it moves.",
        Core.Requests.Escalation.Supervisor => "Please see that someone takes it on and unblock it.",
        _ => "Please allocate a dedicated person to it.",
    };

    /// <summary>The standing escalation as the team card and the requester's detail read it: "level 2: Lee Gu (supervisor)".</summary>
    private static string? EscalationText(ServiceRequest r) =>
        r.State.IsUnresolved() && r.ActiveEscalation is { } e ? $"level {e.Level}: {e.ToNames} ({e.RoleName})" : null;

}
