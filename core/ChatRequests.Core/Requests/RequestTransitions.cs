namespace ChatRequests.Core.Requests;

/// <summary>
/// The explicit transition table of a request: for each command, the states it may be applied in and
/// the state it leads to. Anything not listed here is illegal.
/// </summary>
public static class RequestTransitions
{
    private static readonly RequestState[] Working =
    [
        RequestState.Assigned, RequestState.InProgress, RequestState.AwaitingParts, RequestState.Scheduled, RequestState.OutForDelivery,
    ];

    // Reopened goes back to the team where the work stopped: the assignee sets a status, asks or resolves again at once.
    private static readonly RequestState[] WithTheTeam = [RequestState.Reopened, .. Working];

    private static readonly Dictionary<RequestCommand, (RequestState[] From, RequestState To)> Table = new()
    {
        [RequestCommand.RequestApproval] = ([RequestState.Submitted], RequestState.AwaitingApproval),
        [RequestCommand.SkipApproval] = ([RequestState.Submitted], RequestState.Approved),
        [RequestCommand.ApproveStage] = ([RequestState.AwaitingApproval], RequestState.AwaitingApproval),
        [RequestCommand.ApprovePart] = ([RequestState.AwaitingApproval], RequestState.AwaitingApproval),
        [RequestCommand.Approve] = ([RequestState.AwaitingApproval], RequestState.Approved),
        [RequestCommand.Reject] = ([RequestState.AwaitingApproval], RequestState.Rejected),
        [RequestCommand.Assign] = ([RequestState.Approved, .. WithTheTeam], RequestState.Assigned),
        [RequestCommand.StartWork] = ([.. WithTheTeam, RequestState.AwaitingRequester], RequestState.InProgress),
        [RequestCommand.AwaitParts] = ([.. WithTheTeam, RequestState.AwaitingRequester], RequestState.AwaitingParts),
        [RequestCommand.Schedule] = ([.. WithTheTeam, RequestState.AwaitingRequester], RequestState.Scheduled),
        [RequestCommand.AskRequester] = (WithTheTeam, RequestState.AwaitingRequester),
        [RequestCommand.Answer] = ([RequestState.AwaitingRequester], RequestState.InProgress),
        [RequestCommand.Resolve] = ([.. WithTheTeam, RequestState.AwaitingRequester], RequestState.Fulfilled),
        [RequestCommand.Confirm] = ([RequestState.Fulfilled], RequestState.Closed),
        // From Closed only when the system closed it and the reopen window is open (ServiceRequest.Closing checks).
        [RequestCommand.Reopen] = ([RequestState.Fulfilled, RequestState.Closed], RequestState.Reopened),
        [RequestCommand.Cancel] =
        (
            [RequestState.Submitted, RequestState.AwaitingApproval, RequestState.Approved, RequestState.AwaitingRequester, .. WithTheTeam],
            RequestState.Cancelled
        ),
        [RequestCommand.CompleteProvisioning] = ([RequestState.Approved, .. WithTheTeam], RequestState.Fulfilled),
        [RequestCommand.OfferAlternatives] = ([RequestState.Approved, .. WithTheTeam, RequestState.AwaitingRequester], RequestState.AwaitingParts),
        [RequestCommand.ChangeItem] = ([RequestState.AwaitingParts], RequestState.InProgress),
        // Back to approval: an alternative item chosen while awaiting parts, or the requester's edit before the team works it.
        [RequestCommand.RequestReapproval] = ([RequestState.AwaitingParts, RequestState.AwaitingApproval, RequestState.Approved], RequestState.AwaitingApproval),
        [RequestCommand.SendForDelivery] = ([.. WithTheTeam, RequestState.AwaitingRequester], RequestState.OutForDelivery),
        [RequestCommand.AcknowledgeReceipt] = ([RequestState.OutForDelivery], RequestState.Fulfilled),
        [RequestCommand.SubmitForReview] = ([.. WithTheTeam, RequestState.AwaitingRequester], RequestState.InReview),
        [RequestCommand.PassReview] = ([RequestState.InReview], RequestState.Fulfilled),
        [RequestCommand.FailReview] = ([RequestState.InReview], RequestState.InProgress),
        [RequestCommand.AutoClose] = ([RequestState.Fulfilled], RequestState.Closed),
        [RequestCommand.ReleaseForDelivery] = ([RequestState.InReview], RequestState.OutForDelivery),
        [RequestCommand.SubmitProvisioningForReview] = ([RequestState.Approved, .. WithTheTeam], RequestState.InReview),
    };

    public static bool IsAllowed(RequestState from, RequestCommand command) =>
        Table.TryGetValue(command, out var row) && row.From.Contains(from);

    /// <summary>The state <paramref name="command"/> leads to from <paramref name="from"/>, or throws.</summary>
    public static RequestState Next(RequestState from, RequestCommand command) =>
        IsAllowed(from, command) ? Table[command].To : throw new RequestTransitionException(from, command);
}
