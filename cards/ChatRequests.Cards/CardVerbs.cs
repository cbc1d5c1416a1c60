using ChatRequests.Cards.Actions;

namespace ChatRequests.Cards;

/// <summary>
/// The <c>verb</c> of every <c>Action.Execute</c> on our cards: a contract with the bot's action handler. What each
/// verb's action carries (ids in its data, values of inputs) is its record, read by <see cref="CardActionData.Parse(string, System.Text.Json.Nodes.JsonObject?)"/>;
/// who clicked comes from the activity.
/// </summary>
public static class CardVerbs
{
    /// <summary>Answer with the item's request form: <see cref="PickItemData"/>.</summary>
    public const string IntakePick = "intake.pick";
    /// <summary>List the category's catalog items: <see cref="BrowseCategoryData"/>.</summary>
    public const string IntakeBrowse = "intake.browse";
    /// <summary>Log the request: <see cref="SubmitFormData"/>.</summary>
    public const string IntakeSubmit = "intake.submit";
    /// <summary>Not what the bot suggested: the categories and a person to ask (<see cref="SomethingElseData"/>).</summary>
    public const string IntakeElse = "intake.else";
    /// <summary>Not an incident after all: the items closest to the words (<see cref="IsRequestData"/>).</summary>
    public const string IntakeIsRequest = "intake.isrequest";
    /// <summary>Send the words typed in chat as the answer to the agent's question: <see cref="AnswerFromChatData"/>.</summary>
    public const string IntakeAnswer = "intake.answer";
    /// <summary>The words typed in chat were not an answer: understand them as any message (<see cref="NotAnAnswerData"/>).</summary>
    public const string IntakeNotAnswer = "intake.notanswer";

    /// <summary><see cref="ApprovalDecisionData"/>; the comment is optional.</summary>
    public const string ApprovalApprove = "approval.approve";
    /// <summary><see cref="ApprovalDecisionData"/>; the comment is required (checked by the server).</summary>
    public const string ApprovalReject = "approval.reject";

    /// <summary>"Ask someone else": the approver passes the stage on to a person named or picked: <see cref="ApprovalHandoverData"/>.</summary>
    public const string ApprovalAskElse = "approval.askelse";
    /// <summary>An approver's approval card as it is now, for the person looking at it (a card's refresh action, not a button): <see cref="ApprovalRefreshData"/>.</summary>
    public const string ApprovalRefresh = "approval.refresh";

    /// <summary>The clicking agent takes the request: <see cref="AssignToMeData"/>.</summary>
    public const string AgentAssign = "agent.assign";
    /// <summary><see cref="SetStatusData"/>.</summary>
    public const string AgentStatus = "agent.status";
    /// <summary><see cref="AskRequesterData"/>.</summary>
    public const string AgentAsk = "agent.ask";
    /// <summary><see cref="ResolveData"/>.</summary>
    public const string AgentResolve = "agent.resolve";
    /// <summary>A member gives the request to a colleague chosen on the team card: <see cref="ReassignData"/>.</summary>
    public const string AgentReassign = "agent.reassign";
    /// <summary>The team card of a request, to work on it from elsewhere (the daily digest): <see cref="OpenTeamCardData"/>.</summary>
    public const string AgentOpen = "agent.open";
    /// <summary>The team card as it is now, for the person looking at it (a card's refresh action, not a button): <see cref="TeamRefreshData"/>.</summary>
    public const string TeamRefresh = "team.refresh";

    /// <summary>"Out of stock": the alternatives offered to the requester: <see cref="OfferAlternativesData"/>.</summary>
    public const string AgentOutOfStock = "agent.outofstock";
    /// <summary>"Out for delivery" with carrier and tracking: <see cref="SendForDeliveryData"/>.</summary>
    public const string AgentDeliver = "agent.deliver";

    /// <summary>A reviewer verified the work of a request in quality check: <see cref="PassReviewData"/>.</summary>
    public const string AgentReviewPass = "agent.reviewpass";
    /// <summary>A reviewer sends the work back to the assignee with a reason (required, checked by the server): <see cref="FailReviewData"/>.</summary>
    public const string AgentReviewFail = "agent.reviewfail";

    /// <summary><see cref="AnswerData"/>.</summary>
    public const string RequesterAnswer = "requester.answer";
    /// <summary><see cref="ConfirmData"/>.</summary>
    public const string RequesterConfirm = "requester.confirm";
    /// <summary><see cref="ReopenData"/>.</summary>
    public const string RequesterReopen = "requester.reopen";
    /// <summary><see cref="CancelData"/>.</summary>
    public const string RequesterCancel = "requester.cancel";

    /// <summary>The requester takes one of the alternatives offered: <see cref="ChooseAlternativeData"/>.</summary>
    public const string RequesterChoose = "requester.choose";
    /// <summary>The requester keeps waiting for the item out of stock: <see cref="KeepWaitingData"/>.</summary>
    public const string RequesterKeepWaiting = "requester.keepwaiting";
    /// <summary>"I received it": <see cref="AcknowledgeReceiptData"/>.</summary>
    public const string RequesterReceived = "requester.received";
    /// <summary>"Change request": the item's form filled in with the request's answers, <see cref="OpenChangeData"/>.</summary>
    public const string RequesterEdit = "requester.edit";
    /// <summary>The changed form sent: <see cref="ChangeFormData"/>.</summary>
    public const string RequesterChange = "requester.change";

    /// <summary>Show the request's details: <see cref="ShowDetailsData"/>.</summary>
    public const string RequestsShow = "requests.show";
    /// <summary>The requester's confirmation card as it is now (a card's refresh action, not a button): <see cref="RefreshData"/>.</summary>
    public const string RequestsRefresh = "requests.refresh";

    /// <summary>The person chosen as delegate among several of the name typed: <see cref="DelegationPickData"/>.</summary>
    public const string DelegationPick = "delegation.pick";

    /// <summary>An access review's line kept: <see cref="AccessReviewDecisionData"/>.</summary>
    public const string AccessKeep = "access.keep";
    /// <summary>An access review's line removed (out of the group): <see cref="AccessReviewDecisionData"/>.</summary>
    public const string AccessRemove = "access.remove";
    /// <summary>Another page of a request's history ("Older entries", "Newer entries"): <see cref="HistoryPageData"/>.</summary>
    public const string HistoryPage = "history.page";
    /// <summary>The next page of the "approvals" or "queue" list: <see cref="ListPageData"/>.</summary>
    public const string ListNext = "lists.next";

    /// <summary>The person an auditor's export or erasure is for, among several of the name typed: <see cref="PrivacyPickData"/>.</summary>
    public const string PrivacyPick = "privacy.pick";
    /// <summary>The auditor confirms a data-subject erasure: <see cref="EraseConfirmData"/>.</summary>
    public const string PrivacyErase = "privacy.erase";

    /// <summary>A team lead or agent tries a parked step again: <see cref="ParkedStepData"/>.</summary>
    public const string ParkedRetry = "parked.retry";
    /// <summary>A team lead or agent gives a parked step up for good: <see cref="ParkedStepData"/>.</summary>
    public const string ParkedDismiss = "parked.dismiss";

    public static IReadOnlyList<string> All { get; } =
    [
        IntakePick, IntakeBrowse, IntakeSubmit, IntakeElse, IntakeIsRequest, IntakeAnswer, IntakeNotAnswer, ApprovalApprove, ApprovalReject, AgentAssign, AgentStatus, AgentAsk,
        AgentResolve, RequesterAnswer, RequesterConfirm, RequesterReopen, RequesterCancel, RequestsShow, RequestsRefresh,
        DelegationPick, ApprovalAskElse, AgentOutOfStock, AgentDeliver, RequesterChoose, RequesterKeepWaiting, RequesterReceived,
        AgentReassign, AgentOpen,
        AgentReviewPass, AgentReviewFail,
        RequesterEdit, RequesterChange,
        AccessKeep, AccessRemove,
        HistoryPage, ListNext,
        PrivacyPick, PrivacyErase,
        ParkedRetry, ParkedDismiss,
        ApprovalRefresh, TeamRefresh,
    ];

    /// <summary>The verbs Teams sends by itself when someone looks at a card (its refresh): answered with a card, always.</summary>
    public static IReadOnlySet<string> Refreshes { get; } = new HashSet<string>(StringComparer.Ordinal) { RequestsRefresh, ApprovalRefresh, TeamRefresh };
}
