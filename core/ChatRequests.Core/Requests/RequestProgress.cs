using System.Globalization;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Requests;

/// <summary>
/// Where a request is, in plain words: who holds it now and what happens next. Given the id of the person who reads
/// it, the words speak to the requester as "you".
/// </summary>
public static class RequestProgress
{
    private const int NamesShown = 3;

    /// <summary>
    /// Who must act now: the approvers of the pending stage, the owning team, the assignee, or the
    /// requester while an answer or a confirmation is awaited. "No one" once the request is final.
    /// </summary>
    public static string HeldBy(ServiceRequest r, string? viewerId = null) => r.State switch
    {
        RequestState.Submitted => "The service desk",
        RequestState.AwaitingApproval => r.PendingStage switch
        {
            { IsStuck: true } => "The service desk (no approver could be reached)",
            { } stage => Names(stage.AwaitingNamed),
            null => "the approvers",
        },
        RequestState.Approved or RequestState.Reopened => r.TeamName,
        RequestState.AwaitingParts when r.IsOfferOpen => IsRequester(r, viewerId) ? "You" : r.Requester.Name,
        RequestState.Assigned or RequestState.InProgress or RequestState.AwaitingParts or RequestState.Scheduled or RequestState.OutForDelivery =>
            r.Assignee is { } agent ? $"{agent.Name} ({r.TeamName})" : r.TeamName,
        RequestState.AwaitingRequester or RequestState.Fulfilled => IsRequester(r, viewerId) ? "You" : r.Requester.Name,
        RequestState.InReview => $"{r.TeamName} (quality check)",
        _ => "No one (finished)",
    };

    /// <summary>What happens next, as a sentence. A rejection's reason is not repeated here: cards show it once, with the decision.</summary>
    public static string NextStep(ServiceRequest r, string? viewerId = null) => NextStepParts(r, viewerId).ToString();

    /// <summary>
    /// <see cref="NextStep"/> split around the moment it names (when the pending approval is due), so that cards can show
    /// that moment in the reader's own time zone; plain text shows it in UTC.
    /// </summary>
    public static NextStepText NextStepParts(ServiceRequest r, string? viewerId = null) => r.State switch
    {
        RequestState.AwaitingApproval => AwaitingApproval(r),
        RequestState.AwaitingParts when r.IsOfferOpen =>
            new($"{Requester(r, viewerId)} to choose one of the alternatives {Agent(r)} offered, or keep waiting for {r.ItemName}."),
        RequestState.AwaitingParts when r.ActiveSupplierOrder is { } order =>
            new("Waiting for parts, expected ", order.ExpectedNoonUtc, $"; {Agent(r)} carries on when they arrive.") { DayOnly = true },
        _ => new(NextStepOtherwise(r, viewerId)),
    };

    private static string NextStepOtherwise(ServiceRequest r, string? viewerId) => r.State switch
    {
        RequestState.Submitted => "It is being sent on for approval or fulfilment.",
        RequestState.Approved => $"{r.TeamName} will assign someone to fulfil it.",
        RequestState.Assigned => $"{Agent(r)} will start work on it.",
        RequestState.InProgress => $"{Agent(r)} is working on it.",
        RequestState.AwaitingParts => $"Waiting for parts; {Agent(r)} carries on when they arrive.",
        RequestState.Scheduled => $"{Agent(r)} has scheduled the work and will do it at the agreed time.",
        RequestState.AwaitingRequester => $"{Requester(r, viewerId)} to answer {QuestionAsker(r)}'s question; then the work goes on.",
        RequestState.Fulfilled => $"{Requester(r, viewerId)} to confirm it is done (and rate it), or reopen it if it is not.",
        RequestState.OutForDelivery => r.Delivery is { } delivery
            ? $"On its way with {delivery.Carrier} (tracking {delivery.TrackingReference}). {Requester(r, viewerId)} to acknowledge receipt when it arrives."
            : $"On its way. {Requester(r, viewerId)} to acknowledge receipt when it arrives.",
        RequestState.Reopened => r.Assignee is { } previous
            ? $"Reopened: {r.TeamName} picks it up again (last handled by {previous.Name})."
            : $"Reopened: {r.TeamName} picks it up again.",
        RequestState.Rejected => Rejected(r),
        RequestState.InReview when r.Delivery is { HeldForCheck: true } =>
            $"A colleague in {r.TeamName} checks the item; then it goes out to {(IsRequester(r, viewerId) ? "you" : r.Requester.Name)}.",
        RequestState.InReview => $"A colleague in {r.TeamName} checks the work; then {(IsRequester(r, viewerId) ? "you" : r.Requester.Name)} will be asked to confirm it.",
        RequestState.Closed when r.Closing?.ReopenUntil is { } until =>
            $"Nothing: it closed automatically; it can be reopened until {until.ToUniversalTime().ToString("d MMM yyyy", CultureInfo.InvariantCulture)}.",
        RequestState.Closed => "Nothing: it is closed.",
        RequestState.Cancelled => "Nothing: it was cancelled.",
        _ => "",
    };

    private static NextStepText AwaitingApproval(ServiceRequest r)
    {
        if (r.PendingStage is not { } stage)
        {
            return new("Waiting for approval.");
        }

        if (stage.IsStuck)
        {
            return new($"Nobody who can decide {stage.Name} could be reached; the service desk has to route it by hand.");
        }

        var position = r.Approvals.Count > 1 ? $" (step {r.CurrentStage + 1} of {r.Approvals.Count}: {stage.Name})" : "";
        var later = r.CurrentStage + 1 < r.Approvals.Count
            ? $"{r.Approvals[r.CurrentStage + 1].Name}, then {r.TeamName} fulfils it"
            : $"{r.TeamName} fulfils it";
        var who = stage.Mode == ApprovalMode.All && stage.Awaiting.Count > 1 ? AllOf(stage.AwaitingNamed) : Names(stage.AwaitingNamed);
        if (stage is not { Decision: null, TimedOutAt: null, TimeoutHours: { } hours })
        {
            return new($"{who} to approve or reject{position}; then {later}.");
        }

        // The approval SLA: when the stage stops waiting for them, and for whom it waits then. Whether a fallback has a
        // stand-in is known only at the timeout (a delegation store or absence calendar lookup, which a card binder
        // cannot make, and which may change before then), so the line says a stand-in may take it rather than guess.
        var due = SlaPolicy.TimeoutAt(r, hours);
        var then = r.TimeoutRoute() is { } route
            ? $", then it goes to {Names(route.Approvers)} ({route.Why}), or their stand-in if they have one by then"
            : " (nobody else can decide it)";
        return new($"{who} to approve or reject{position}, due ", due, $"{then}. Once approved: {later}.");
    }

    private static string AllOf(IReadOnlyList<PersonRef> people) =>
        $"{string.Join(", ", people.Take(people.Count - 1).Select(p => p.Name))} and {people[^1].Name} (each of them)";

    private static string Rejected(ServiceRequest r)
    {
        var decision = r.Approvals.Select(a => a.Decision).LastOrDefault(d => d is { Approved: false });
        return decision is null ? "Nothing: it was rejected." : $"Nothing: {decision.ByWhom} rejected it.";
    }

    private static bool IsRequester(ServiceRequest r, string? viewerId) => viewerId is not null && r.IsRequester(viewerId);

    private static string Requester(ServiceRequest r, string? viewerId) =>
        IsRequester(r, viewerId) ? "You need" : $"{r.Requester.Name} needs";

    private static string Agent(ServiceRequest r) => r.Assignee?.Name ?? r.TeamName;

    private static string QuestionAsker(ServiceRequest r) => r.Question?.AskedBy.Name ?? Agent(r);

    private static string Names(IReadOnlyList<PersonRef> people) => people.Count switch
    {
        0 => "the approvers",
        1 => people[0].Name,
        <= NamesShown => $"{string.Join(", ", people.Take(people.Count - 1).Select(p => p.Name))} or {people[^1].Name}",
        _ => $"{string.Join(", ", people.Take(NamesShown).Select(p => p.Name))} or {people.Count - NamesShown} {(people.Count - NamesShown == 1 ? "other" : "others")}",
    };
}

/// <summary>
/// A "Next" sentence: <see cref="Text"/>, then the moment <see cref="At"/> (when there is one), then <see cref="After"/>.
/// As plain text the moment is written in UTC ("Tue 8 Dec 14:00 UTC").
/// </summary>
public sealed record NextStepText(string Text, DateTimeOffset? At = null, string After = "")
{
    /// <summary>The moment is a calendar day (a supplier's date): shown without a time of day.</summary>
    public bool DayOnly { get; init; }

    public override string ToString() =>
        At is { } at ? $"{Text}{at.ToUniversalTime().ToString(DayOnly ? "ddd d MMM" : "ddd d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture)}{After}" : Text;
}
