namespace ChatRequests.Core.Requests;

/// <summary>Where a service request stands in the ITIL request-fulfilment process.</summary>
public enum RequestState
{
    Submitted,
    AwaitingApproval,
    Approved,
    Rejected,
    Assigned,
    InProgress,
    AwaitingParts,
    Scheduled,
    AwaitingRequester,
    Fulfilled,
    Closed,
    Cancelled,
    Reopened,
    /// <summary>A physical item is on its way to the requester (carrier and tracking on the request).</summary>
    OutForDelivery,
    /// <summary>Resolved by the assignee; a reviewer checks the work before the requester is asked to confirm.</summary>
    InReview,
}

public static class RequestStateText
{
    /// <summary>The words a person reads for a state.</summary>
    public static string ToDisplay(this RequestState state) => state switch
    {
        RequestState.Submitted => "Submitted",
        RequestState.AwaitingApproval => "Awaiting approval",
        RequestState.Approved => "Approved",
        RequestState.Rejected => "Rejected",
        RequestState.Assigned => "Assigned",
        RequestState.InProgress => "In progress",
        RequestState.AwaitingParts => "Awaiting parts",
        RequestState.Scheduled => "Scheduled",
        RequestState.AwaitingRequester => "Waiting for your answer",
        RequestState.Fulfilled => "Fulfilled",
        RequestState.Closed => "Closed",
        RequestState.Cancelled => "Cancelled",
        RequestState.Reopened => "Reopened",
        RequestState.OutForDelivery => "Out for delivery",
        RequestState.InReview => "In quality check",
        _ => state.ToString(),
    };
}

/// <summary>
/// Where a state stands in the life of a request, each question defined once. They nest: an open state is not final, an
/// unresolved one is open and not fulfilled, and one in fulfilment is unresolved and past approval.
/// </summary>
public static class RequestLifecycle
{
    /// <summary>Nothing more happens to it: closed, rejected or cancelled.</summary>
    public static bool IsFinal(this RequestState state) =>
        state is RequestState.Closed or RequestState.Rejected or RequestState.Cancelled;

    /// <summary>
    /// Not final: it stays on its team's queue and the requester's card keeps refreshing. A fulfilled request is open, as
    /// it waits for the requester to confirm or reopen it.
    /// </summary>
    public static bool IsOpen(this RequestState state) => !state.IsFinal();

    /// <summary>
    /// Open and not yet fulfilled: its target date still counts (cards show it overdue, at risk or escalated) and its
    /// automatic provisioning still has something to do.
    /// </summary>
    public static bool IsUnresolved(this RequestState state) => state.IsOpen() && state != RequestState.Fulfilled;

    /// <summary>
    /// Unresolved and past approval: the team has it (to assign, to work, or waiting for the requester's answer), so the
    /// SLA warns it and escalates it.
    /// </summary>
    public static bool IsInFulfilment(this RequestState state) =>
        state.IsUnresolved() && state is not (RequestState.Submitted or RequestState.AwaitingApproval);
}
