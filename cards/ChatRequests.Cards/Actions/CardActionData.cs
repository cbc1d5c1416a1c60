using System.Text.Json.Nodes;
using ChatRequests.Core.AccessReviews;

namespace ChatRequests.Cards.Actions;

/// <summary>
/// What one <c>Action.Execute</c> click carries, typed per verb (<see cref="CardVerbs"/>): the ids the card put in the
/// action's data and the values of its inputs, under the keys of <see cref="CardInputs"/>. Parsed once, before anything
/// happens, from data anyone can forge; who clicked is never in it (the activity says).
/// </summary>
public abstract record CardActionData
{
    /// <summary>The click's data as its verb's record; <see cref="InvalidCardDataException"/> when it is missing or mistyped.</summary>
    public static CardActionData Parse(string verb, JsonObject? data) => Parse(verb, data, out _);

    /// <param name="idKeys">The keys the verb takes as ids: the only ones a card may put in the action's data.</param>
    internal static CardActionData Parse(string verb, JsonObject? data, out IReadOnlySet<string> idKeys)
    {
        var reader = new ActionDataReader(data);
        idKeys = reader.IdKeys;
        try
        {
            return verb switch
            {
                CardVerbs.IntakePick => PickItemData.Read(reader),
                CardVerbs.IntakeBrowse => BrowseCategoryData.Read(reader),
                CardVerbs.IntakeSubmit => SubmitFormData.Read(reader),
                CardVerbs.IntakeElse => new SomethingElseData(),
                CardVerbs.IntakeIsRequest => IsRequestData.Read(reader),
                CardVerbs.IntakeAnswer => AnswerFromChatData.Read(reader),
                CardVerbs.IntakeNotAnswer => NotAnAnswerData.Read(reader),
                CardVerbs.ApprovalApprove => ApprovalDecisionData.Read(reader, approve: true),
                CardVerbs.ApprovalReject => ApprovalDecisionData.Read(reader, approve: false),
                CardVerbs.AgentAssign => AssignToMeData.Read(reader),
                CardVerbs.AgentStatus => SetStatusData.Read(reader),
                CardVerbs.AgentAsk => AskRequesterData.Read(reader),
                CardVerbs.AgentResolve => ResolveData.Read(reader),
                CardVerbs.RequesterAnswer => AnswerData.Read(reader),
                CardVerbs.RequesterConfirm => ConfirmData.Read(reader),
                CardVerbs.RequesterReopen => ReopenData.Read(reader),
                CardVerbs.RequesterCancel => CancelData.Read(reader),
                CardVerbs.RequestsShow => ShowDetailsData.Read(reader),
                CardVerbs.RequestsRefresh => RefreshData.Read(reader),
                CardVerbs.ApprovalRefresh => ApprovalRefreshData.Read(reader),
                CardVerbs.TeamRefresh => TeamRefreshData.Read(reader),
                CardVerbs.DelegationPick => DelegationPickData.Read(reader),
                CardVerbs.ApprovalAskElse => ApprovalHandoverData.Read(reader),
                CardVerbs.AgentOutOfStock => OfferAlternativesData.Read(reader),
                CardVerbs.AgentDeliver => SendForDeliveryData.Read(reader),
                CardVerbs.RequesterChoose => ChooseAlternativeData.Read(reader),
                CardVerbs.RequesterKeepWaiting => KeepWaitingData.Read(reader),
                CardVerbs.RequesterReceived => AcknowledgeReceiptData.Read(reader),
                CardVerbs.AgentReassign => ReassignData.Read(reader),
                CardVerbs.AgentOpen => OpenTeamCardData.Read(reader),
                CardVerbs.AgentReviewPass => PassReviewData.Read(reader),
                CardVerbs.AgentReviewFail => FailReviewData.Read(reader),
                CardVerbs.RequesterEdit => OpenChangeData.Read(reader),
                CardVerbs.RequesterChange => ChangeFormData.Read(reader),
                CardVerbs.AccessKeep => AccessReviewDecisionData.Read(reader, AccessDecision.Keep),
                CardVerbs.AccessRemove => AccessReviewDecisionData.Read(reader, AccessDecision.Remove),
                CardVerbs.HistoryPage => HistoryPageData.Read(reader),
                CardVerbs.ListNext => ListPageData.Read(reader),
                CardVerbs.PrivacyPick => PrivacyPickData.Read(reader),
                CardVerbs.PrivacyErase => EraseConfirmData.Read(reader),
                CardVerbs.ParkedRetry => ParkedStepData.Read(reader, retry: true),
                CardVerbs.ParkedDismiss => ParkedStepData.Read(reader, retry: false),
                // The verb is not repeated back: anyone can send any text as one.
                _ => throw new InvalidCardDataException(InvalidCardDataException.UnknownAction),
            };
        }
        catch (InvalidCardDataException problem) when (problem.RequestId is null && reader.WellFormedRequestId() is { } requestId)
        {
            throw new InvalidCardDataException(problem.Message, requestId);
        }
    }
}

/// <summary>A click on a button of one request.</summary>
public abstract record RequestActionData(string RequestId) : CardActionData;
