namespace ChatRequests.Cards;

/// <summary>
/// The <c>verb</c> of every <c>Action.Execute</c> on our cards: a contract with the bot's action handler.
/// The action's <c>data</c> carries only ids (listed per verb); who clicked comes from the activity.
/// </summary>
public static class CardVerbs
{
    /// <summary>Data {itemId}: answer with the item's request form.</summary>
    public const string IntakePick = "intake.pick";
    /// <summary>Data {category}: list the category's catalog items.</summary>
    public const string IntakeBrowse = "intake.browse";
    /// <summary>Data {itemId, submissionKey}; inputs justification, urgency and field.&lt;fieldId&gt;.</summary>
    public const string IntakeSubmit = "intake.submit";

    /// <summary>Data {requestId, stage}; input comment (optional).</summary>
    public const string ApprovalApprove = "approval.approve";
    /// <summary>Data {requestId, stage}; input comment (required: checked by the server).</summary>
    public const string ApprovalReject = "approval.reject";

    /// <summary>Data {requestId}: the clicking agent takes the request.</summary>
    public const string AgentAssign = "agent.assign";
    /// <summary>Data {requestId}; inputs status and note.</summary>
    public const string AgentStatus = "agent.status";
    /// <summary>Data {requestId}; input question.</summary>
    public const string AgentAsk = "agent.ask";
    /// <summary>Data {requestId}; input resolution.</summary>
    public const string AgentResolve = "agent.resolve";

    /// <summary>Data {requestId}; input answer.</summary>
    public const string RequesterAnswer = "requester.answer";
    /// <summary>Data {requestId}; inputs rating and feedback.</summary>
    public const string RequesterConfirm = "requester.confirm";
    /// <summary>Data {requestId}; input feedback (why it is not fixed).</summary>
    public const string RequesterReopen = "requester.reopen";
    /// <summary>Data {requestId}.</summary>
    public const string RequesterCancel = "requester.cancel";

    /// <summary>Data {requestId}: show the request's details.</summary>
    public const string RequestsShow = "requests.show";
    /// <summary>Data {requestId}: the requester's confirmation card as it is now (a card's refresh action, not a button).</summary>
    public const string RequestsRefresh = "requests.refresh";

    public static IReadOnlyList<string> All { get; } =
    [
        IntakePick, IntakeBrowse, IntakeSubmit, ApprovalApprove, ApprovalReject, AgentAssign, AgentStatus, AgentAsk,
        AgentResolve, RequesterAnswer, RequesterConfirm, RequesterReopen, RequesterCancel, RequestsShow, RequestsRefresh,
    ];
}
