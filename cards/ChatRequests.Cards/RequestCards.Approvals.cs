using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// What approvers see: one approval card per stage and approver, and the list of what waits for them.
public sealed partial class RequestCards
{
    private const int ListedJustificationLength = 300;

    /// <summary>
    /// The approval card of <paramref name="stage"/> as <paramref name="viewer"/> sees it: the decision to take (only an
    /// approver of the stage is offered it), or how it was decided (by the viewer or someone else), or that the request
    /// no longer needs it. With <paramref name="refresh"/> the card brings itself up to date for those people whenever
    /// they look at it again, until the request is final (<see cref="CardVerbs.ApprovalRefresh"/>).
    /// </summary>
    public CardMessage Approval(ServiceRequest r, int stage, PersonRef viewer, CardRefresh? refresh = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stage);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(stage, r.Approvals.Count);

        var target = r.Approvals[stage];
        var pending = IsOpen(r, stage) && target.IsApprover(viewer.Id) && !target.WasDecidedBy(viewer.Id)
            && !TakenFrom(target, viewer) && PassedOnBy(target, viewer) is null;
        var outcome = pending ? null : ApprovalOutcome(r, stage, viewer);
        var data = new
        {
            id = r.Id,
            stage,
            pending,
            title = pending ? $"Approval needed: {r.Id}" : outcome!.Title,
            style = pending ? "accent" : outcome!.Style,
            stageText = StageText(r, stage, viewer),
            askedText = AskedText(target, viewer),
            requesterName = r.Requester.Name,
            itemName = r.ItemName,
            justification = r.Justification,
            // The answers below are the new ones: the card says what the requester changed, last.
            changed = r.Edits.LastOrDefault() is { } edit ? new { at = CardText.Instant(edit.At), text = SensitiveFields.SummaryFor(r, edit, viewer.Id) } : null,
            facts = (Fact[])
            [
                new("Category", r.Category),
                new("Cost", CardText.Cost(r, viewer.Id)),
                new("Priority", r.Priority.Reason),
                Fact.Moment("Target date", r.DueAt),
                .. pending ? ApprovalDue.Facts(r) : [],
                Fact.Moment("Submitted", r.SubmittedAt),
                .. FieldFacts(r, viewer.Id),
                .. r.Approvals.Take(stage)
                    .Where(s => s.Decision is not null)
                    .Select(s => Fact.Moment(s.Name, s.Decision!.At, $"{DecisionText(s.Decision!, viewer)} at ")),
            ],
            outcome = outcome is null ? null : new { text = outcome.Text, at = outcome.At is { } at ? CardText.Instant(at) : null, comment = outcome.Comment },
        };
        var fallback = pending
            ? $"{r.Requester.Name} asks for {r.ItemName} ({r.Id}, {CardText.Cost(r, viewer.Id)}). Approve or reject it on the card."
            : $"{r.Id} {r.ItemName}: {outcome!.Text}{(outcome.Comment is null ? "" : $": {CardText.Shorten(outcome.Comment, FallbackQuoteLength)}")}";
        return Render(
            "approval",
            data,
            fallback,
            refresh is not null && r.State.IsOpen()
                ? refresh.ToJson(CardVerbs.ApprovalRefresh, new JsonObject { [CardInputs.RequestId] = r.Id, [CardInputs.Stage] = stage })
                : null);
    }

    /// <summary>
    /// The requests waiting for <paramref name="viewer"/>'s decision, oldest first, each with Approve and Reject: a page of
    /// the list when <paramref name="part"/> says it is longer, with how many it shows of how many, and "Next".
    /// </summary>
    public CardMessage ApprovalList(IReadOnlyList<ServiceRequest> pending, PersonRef viewer, ListPart? part = null)
    {
        // A request decided since the list was queried no longer waits for anyone; one the viewer approved, not for them.
        var waiting = pending.Where(r => r.PendingStage is { Decision: null } stage && !stage.WasDecidedBy(viewer.Id)).OrderBy(r => r.SubmittedAt).ToList();
        part = part is null ? new ListPart(waiting.Count) : part with { Total = Math.Max(0, part.Total - (pending.Count - waiting.Count)) };
        var shown = waiting.Take(MaxListed).ToList();
        var total = Math.Max(part.Total, part.Before + shown.Count);
        var data = new
        {
            title = total == 0 ? "Nothing waits for your approval" : $"Waiting for your approval ({total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)})",
            empty = waiting.Count == 0,
            emptyText = $"You're all caught up, {viewer.Name}.",
            items = shown.Select(r => new
            {
                id = r.Id,
                stage = r.CurrentStage,
                stageText = StageText(r, r.CurrentStage, viewer),
                requesterName = r.Requester.Name,
                itemName = r.ItemName,
                cost = CardText.Cost(r, viewer.Id),
                priority = r.Priority.Label,
                due = CardText.Instant(r.DueAt),
                justification = CardText.Shorten(r.Justification, ListedJustificationLength),
            }),
            note = part.Note(shown.Count, "oldest"),
            next = part.Next(shown, MaxListed),
        };
        var fallback = waiting.Count == 0
            ? "Nothing waits for your approval."
            : $"Waiting for your approval: {string.Join(", ", shown.Select(r => $"{r.Id} {r.ItemName} for {r.Requester.Name}"))}.";
        return Render("approval-list", data, fallback);
    }

    /// <summary>How a stage ended: <see cref="Text"/> is followed on the card by " at " and <see cref="At"/> when there is one.</summary>
    private sealed record Outcome(string Title, string Style, string Text, string? Comment, DateTimeOffset? At = null);

    private static Outcome ApprovalOutcome(ServiceRequest r, int index, PersonRef viewer)
    {
        var stage = r.Approvals[index];
        if (stage.Decision is { Approved: true } last && stage.ApprovedBy.Count > 1)
        {
            var everyone = stage.ApprovedBy.Select(d => d.ById == viewer.Id ? "you" : d.ByWhom).ToList();
            return new Outcome(
                $"Approved: {r.Id}",
                "good",
                $"Approved by all: {string.Join(", ", everyone.Take(everyone.Count - 1))} and {everyone[^1]}; the last",
                stage.ApprovedBy.FirstOrDefault(d => d.ById == viewer.Id)?.Comment,
                last.At);
        }

        if (stage.Decision is { } decision)
        {
            return new Outcome(
                $"{(decision.Approved ? "Approved" : "Rejected")}: {r.Id}",
                decision.Approved ? "good" : "attention",
                DecisionText(decision, viewer),
                decision.Comment,
                decision.At);
        }

        if (IsOpen(r, index) && TakenFrom(stage, viewer))
        {
            return new Outcome(
                $"Went to someone else: {r.Id}",
                "warning",
                $"Not answered in {stage.TimeoutHours} hours, so it went to {CardText.Awaited(stage)}",
                null,
                stage.TimedOutAt);
        }

        if (IsOpen(r, index) && PassedOnBy(stage, viewer) is { } handover)
        {
            // The person asked may have a stand-in who decides for them: the card names who now has it.
            var standIn = stage.StandIns.LastOrDefault(s => s.For.Id == handover.To.Id && stage.IsApprover(s.Delegate.Id));
            var asked = standIn is null
                ? $"You asked {handover.To.Name} to decide"
                : $"You asked {handover.To.Name} to decide; {standIn.Delegate.Name} decides on their behalf ({handover.To.Name} {standIn.Why})";
            return new Outcome($"Passed on: {r.Id}", "emphasis", asked, null, handover.At);
        }

        if (IsOpen(r, index) && stage.ApprovedBy.FirstOrDefault(d => d.ById == viewer.Id) is { } mine)
        {
            return new Outcome(
                $"Waiting for others: {r.Id}",
                "good",
                $"Approved by you; still waiting for {CardText.Awaited(stage)}",
                mine.Comment,
                mine.At);
        }

        if (IsOpen(r, index) && !stage.IsApprover(viewer.Id))
        {
            // Someone the stage is not put to (the requester, the team) sees whom it waits for, and no buttons.
            return new Outcome($"Waiting for approval: {r.Id}", "accent", $"Waiting for {CardText.Awaited(stage)}", null);
        }

        if (index < r.ApprovalRoundStart && stage.Decision is null && r.Edits.LastOrDefault(e => e.At >= (stage.RequestedAt ?? DateTimeOffset.MinValue)) is { } edit)
        {
            // The requester changed the request while this step waited: it was asked again, from the start, as a new round.
            return new Outcome(
                $"Changed by the requester: {r.Id}",
                "warning",
                "Nothing to decide here: asked again as a new step after the requester's change",
                null,
                edit.At);
        }

        if (r.State == RequestState.Cancelled)
        {
            return new Outcome($"Cancelled: {r.Id}", "emphasis", "Cancelled by the requester. Nothing to decide.", null);
        }

        var rejection = r.Approvals.Select(s => s.Decision).FirstOrDefault(d => d is { Approved: false });
        return rejection is not null
            ? new Outcome($"Rejected: {r.Id}", "attention", $"Rejected at an earlier step by {rejection.ByWhom}. Nothing to decide.", rejection.Comment)
            : new Outcome($"No decision needed: {r.Id}", "emphasis", $"This step is not waiting for a decision ({CardText.NeutralState(r.State).ToLowerInvariant()}).", null);
    }

    /// <summary>The stage timed out and went from the viewer to others (<see cref="ApprovalStage.Late"/>).</summary>
    private static bool TakenFrom(ApprovalStage stage, PersonRef viewer) => stage.WasLate(viewer.Id) && !stage.IsApprover(viewer.Id);

    private static bool IsOpen(ServiceRequest r, int stage) =>
        r.State == RequestState.AwaitingApproval && r.CurrentStage == stage && r.Approvals[stage].Decision is null;

    /// <summary>
    /// For a stage put to several people at once, who they are and what is needed: "Any one of 3 decides: you, Sam
    /// Security or Sue Security", "All of 2 must approve: you and Sue Security (approved so far: Sue Security)".
    /// </summary>
    private static string? AskedText(ApprovalStage stage, PersonRef viewer)
    {
        if (stage.Approvers.Count < 2)
        {
            return null;
        }

        var names = stage.Approvers.Select(a => a.Id == viewer.Id ? "you" : a.Name).ToList();
        var list = $"{string.Join(", ", names.Take(names.Count - 1))} {(stage.Mode == ApprovalMode.All ? "and" : "or")} {names[^1]}";
        if (stage.Mode == ApprovalMode.Any)
        {
            return $"Any one of {stage.Approvers.Count} decides: {list}";
        }

        var soFar = stage.ApprovedBy.Count == 0
            ? ""
            : $" (approved so far: {string.Join(", ", stage.ApprovedBy.Select(d => d.ById == viewer.Id ? "you" : d.ByWhom))})";
        return $"All of {stage.Approvers.Count} must approve: {list}{soFar}";
    }

    private static string DecisionText(ApprovalDecision decision, PersonRef viewer) =>
        $"{(decision.Approved ? "Approved" : "Rejected")} by {(decision.ById == viewer.Id ? StandIn.Describe("you", decision.OnBehalfOf) : decision.ByWhom)}";

    /// <summary>"Step 2 of 2: Manager", and "on behalf of Tomás Ortega" when the viewer stands in for an approver of it.</summary>
    private static string StageText(ServiceRequest r, int stage, PersonRef viewer)
    {
        var name = r.Approvals.Count > 1 ? $"Step {stage + 1} of {r.Approvals.Count}: {r.Approvals[stage].Name}" : r.Approvals[stage].Name;
        return r.Approvals[stage].OnBehalfOf(viewer.Id) is { } of ? $"{name}, on behalf of {of.Name}" : name;
    }
}
