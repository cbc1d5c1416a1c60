namespace ChatRequests.Core.Requests;

/// <summary>Everything that can be done to a request; each is one row of <see cref="RequestTransitions"/>.</summary>
public enum RequestCommand
{
    RequestApproval,
    SkipApproval,
    ApproveStage,
    /// <summary>One approver of a stage that needs every approver approved; the stage still waits for the others.</summary>
    ApprovePart,
    Approve,
    Reject,
    Assign,
    StartWork,
    AwaitParts,
    Schedule,
    AskRequester,
    Answer,
    Resolve,
    Confirm,
    Reopen,
    Cancel,
    /// <summary>The automatic provisioning of an approved request is done: it is fulfilled without an agent.</summary>
    CompleteProvisioning,
    /// <summary>Resolve, for a request whose work must pass a quality check before the requester is asked to confirm.</summary>
    SubmitForReview,
    /// <summary>A reviewer verified the work: the request is fulfilled and the requester asked to confirm.</summary>
    PassReview,
    /// <summary>A reviewer found the work wanting: it goes back to the assignee with the reason.</summary>
    FailReview,
    /// <summary>The requester did not answer within the closing time after resolution: the system closes the request.</summary>
    AutoClose,
}
