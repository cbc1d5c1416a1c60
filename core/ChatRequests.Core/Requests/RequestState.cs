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
        _ => state.ToString(),
    };

    public static bool IsFinal(this RequestState state) =>
        state is RequestState.Closed or RequestState.Rejected or RequestState.Cancelled;
}
