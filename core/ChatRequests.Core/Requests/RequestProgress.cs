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
        RequestState.Assigned or RequestState.InProgress or RequestState.AwaitingParts or RequestState.Scheduled =>
            r.Assignee is { } agent ? $"{agent.Name} ({r.TeamName})" : r.TeamName,
        RequestState.AwaitingRequester or RequestState.Fulfilled => IsRequester(r, viewerId) ? "You" : r.Requester.Name,
        _ => "No one (finished)",
    };

    /// <summary>What happens next, as a sentence. A rejection's reason is not repeated here: cards show it once, with the decision.</summary>
    public static string NextStep(ServiceRequest r, string? viewerId = null) => r.State switch
    {
        RequestState.Submitted => "It is being sent on for approval or fulfilment.",
        RequestState.AwaitingApproval => AwaitingApproval(r),
        RequestState.Approved => $"{r.TeamName} will assign someone to fulfil it.",
        RequestState.Assigned => $"{Agent(r)} will start work on it.",
        RequestState.InProgress => $"{Agent(r)} is working on it.",
        RequestState.AwaitingParts => $"Waiting for parts; {Agent(r)} carries on when they arrive.",
        RequestState.Scheduled => $"{Agent(r)} has scheduled the work and will do it at the agreed time.",
        RequestState.AwaitingRequester => $"{Requester(r, viewerId)} to answer {QuestionAsker(r)}'s question; then the work goes on.",
        RequestState.Fulfilled => $"{Requester(r, viewerId)} to confirm it is done (and rate it), or reopen it if it is not.",
        RequestState.Reopened => r.Assignee is { } previous
            ? $"Reopened: {r.TeamName} picks it up again (last handled by {previous.Name})."
            : $"Reopened: {r.TeamName} picks it up again.",
        RequestState.Rejected => Rejected(r),
        RequestState.Closed => "Nothing: it is closed.",
        RequestState.Cancelled => "Nothing: it was cancelled.",
        _ => "",
    };

    private static string AwaitingApproval(ServiceRequest r)
    {
        if (r.PendingStage is not { } stage)
        {
            return "Waiting for approval.";
        }

        if (stage.IsStuck)
        {
            return $"Nobody who can decide {stage.Name} could be reached; the service desk has to route it by hand.";
        }

        var position = r.Approvals.Count > 1 ? $" (step {r.CurrentStage + 1} of {r.Approvals.Count}: {stage.Name})" : "";
        var then = r.CurrentStage + 1 < r.Approvals.Count
            ? $"then {r.Approvals[r.CurrentStage + 1].Name}, then {r.TeamName} fulfils it"
            : $"then {r.TeamName} fulfils it";
        var who = stage.Mode == ApprovalMode.All && stage.Awaiting.Count > 1 ? AllOf(stage.AwaitingNamed) : Names(stage.AwaitingNamed);
        return $"{who} to approve or reject{position}; {then}.";
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
