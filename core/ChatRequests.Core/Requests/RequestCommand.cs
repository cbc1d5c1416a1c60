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
}
