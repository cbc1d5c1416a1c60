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
    /// <summary>The item is out of stock: the agent offers alternatives from the catalog; the request waits, as for parts.</summary>
    OfferAlternatives,
    /// <summary>The requester chose an alternative that needs no new approval: the team carries on with it.</summary>
    ChangeItem,
    /// <summary>Back to approval: an alternative chosen that costs more or needs stages not passed, or an edit the approvals no longer cover.</summary>
    RequestReapproval,
    /// <summary>The agent sent a physical item out with a carrier.</summary>
    SendForDelivery,
    /// <summary>The requester acknowledged receipt of the delivered item (the "signature"): that fulfils the request.</summary>
    AcknowledgeReceipt,
    /// <summary>Resolve, for a request whose work must pass a quality check before the requester is asked to confirm.</summary>
    SubmitForReview,
    /// <summary>A reviewer verified the work: the request is fulfilled and the requester asked to confirm.</summary>
    PassReview,
    /// <summary>A reviewer found the work wanting: it goes back to the assignee with the reason.</summary>
    FailReview,
    /// <summary>The requester did not answer within the closing time after resolution: the system closes the request.</summary>
    AutoClose,
    /// <summary>A reviewer verified a physical item held for the check: it goes out for delivery now.</summary>
    ReleaseForDelivery,
    /// <summary>The automatic provisioning is done, and the item (or the team) asks for a quality check before the requester confirms.</summary>
    SubmitProvisioningForReview,
}
