using System.Text.Json.Nodes;
using ChatRequests.Bot.Conversations;
using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Cards.Actions;
using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Privacy;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.CardActions;

/// <summary>
/// Answers Action.Execute clicks (adaptiveCard/action) synchronously with the updated card. Who clicked comes
/// from the activity; the card's data carries only ids, read once into its verb's record before anything happens.
/// Slow work (notices, other people's cards) is left to the fulfilment worker, which this wakes. A click that
/// changes nothing keeps its card (<see cref="ClickRefusals"/>).
/// </summary>
public sealed class CardActionHandler(
    RequestWorkflow workflow,
    SupplyWorkflow supply,
    EditWorkflow edits,
    ICatalog catalog,
    IntakeConversation intake,
    OpenForms openForms,
    RequestCards cards,
    ClickRefusals refusals,
    IRelaySignal relay,
    DelegationConversation delegation,
    AuditTrail audit,
    FormsShownLog formsShown,
    AccessReviewDesk accessReviews,
    PrivacyConversation privacy,
    ParkedDesk parked,
    RequestLists lists,
    ILogger<CardActionHandler> logger)
{
    public async Task<InvokeResponse> HandleAsync(TurnContext turn, string verb, JsonObject? rawData, CancellationToken cancellationToken)
    {
        CardActionData action;
        try
        {
            action = CardActionData.Parse(verb, rawData);
        }
        catch (InvalidCardDataException ex)
        {
            logger.LogInformation("Card action {Verb} had bad data: {Reason}", Loggable(verb), ex.Message);
            return CardVerbs.Refreshes.Contains(verb) ? InvokeResponse.Card(cards.CannotShow()) : ClickRefusals.BadData(ex);
        }

        if (action is CardRefreshData refresh)
        {
            // Teams asks by itself when someone looks at the card: nothing changes, nothing to wake.
            return InvokeResponse.Card(await RefreshAsync(turn, refresh, cancellationToken));
        }

        try
        {
            var card = await RunAsync(turn, action, cancellationToken);
            relay.Wake();
            return InvokeResponse.Card(card);
        }
        catch (RequestRuleException ex)
        {
            logger.LogInformation("Card action {Verb} refused: {RuleType}", verb, ex.GetType().Name);
            return await refusals.AnswerAsync(turn, action, ex, cancellationToken);
        }
        catch (NotAnAuditorException)
        {
            // An auditor's button clicked by someone else (or forged): the answer an unknown action gets.
            return ClickRefusals.BadData(new InvalidCardDataException(InvalidCardDataException.UnknownAction));
        }
    }

    // Anyone can send any text as a verb: only ours reach the log.
    private static string Loggable(string verb) => CardVerbs.All.Contains(verb) ? verb : "(unknown)";

    private async Task<CardMessage> RunAsync(TurnContext turn, CardActionData action, CancellationToken cancellationToken)
    {
        var user = turn.User;
        switch (action)
        {
            case PickItemData pick:
                return await ShownAsync(turn, intake.FormFor(FindItem(pick.ItemId), Kept(pick), pick.Fields), cancellationToken);
            case BrowseCategoryData browse:
                return intake.BrowseCategory(browse.Category);
            case SomethingElseData:
                return intake.SomethingElse();
            case IsRequestData isRequest:
                return await intake.NotAnIncidentAsync(isRequest.Words, cancellationToken);
            case NotAnAnswerData notAnswer:
                return await ShownAsync(turn, await intake.UnderstandAsync(notAnswer.Words, cancellationToken), cancellationToken);
            case AnswerFromChatData answerInChat:
                return cards.AnswerSent(await workflow.AnswerAsync(answerInChat.RequestId, user, answerInChat.Words ?? "", cancellationToken));
            case SubmitFormData form:
                return await SubmitAsync(turn, form, cancellationToken);
            case ApprovalDecisionData decision:
                return await DecideAsync(turn, decision, cancellationToken);
            case AssignToMeData assign:
                return await TeamCardAsync(turn, await workflow.AssignToSelfAsync(assign.RequestId, user, cancellationToken), cancellationToken);
            case SetStatusData { Status: RequestState.AwaitingParts, NamesSupplier: true } parts:
                return await TeamCardAsync(turn, await supply.AwaitSupplierAsync(
                    parts.RequestId, user, parts.Supplier, parts.OrderReference, parts.ExpectedOn, parts.Note, cancellationToken), cancellationToken);
            case SetStatusData status:
                var state = status.Status ?? throw new RequestRuleException("Choose a status: in progress, awaiting parts or scheduled.");
                return await TeamCardAsync(turn, await workflow.SetStatusAsync(status.RequestId, user, state, status.Note, cancellationToken), cancellationToken);
            case AskRequesterData ask:
                return await TeamCardAsync(turn, await workflow.AskRequesterAsync(ask.RequestId, user, ask.Question ?? "", cancellationToken), cancellationToken);
            case ResolveData resolve:
                return await TeamCardAsync(turn, await workflow.ResolveAsync(resolve.RequestId, user, resolve.Resolution ?? "", resolve.WorkNote, cancellationToken), cancellationToken);
            case OfferAlternativesData offer:
                return await TeamCardAsync(turn, await supply.OfferAlternativesAsync(offer.RequestId, user, offer.ItemIds, offer.Note, cancellationToken), cancellationToken);
            case SendForDeliveryData deliver:
                return await TeamCardAsync(turn, await supply.SendForDeliveryAsync(deliver.RequestId, user, deliver.Carrier, deliver.Tracking, cancellationToken), cancellationToken);
            case ChooseAlternativeData choose:
                return cards.AlternativeChosen(await supply.ChooseAlternativeAsync(choose.RequestId, user, choose.ItemId, cancellationToken));
            case OpenChangeData open:
            {
                var (request, item) = await edits.OpenAsync(open.RequestId, user, cancellationToken);
                var prefill = new FormPrefill(Guid.NewGuid().ToString("N"), request.Justification, null, request.Fields);
                return cards.ChangeForm(request, item, prefill, errors: null);
            }

            case ChangeFormData change:
                return await ChangeAsync(turn, change, cancellationToken);
            case ListPageData page:
                return await lists.NextAsync(turn, page, cancellationToken);
            case HistoryPageData history:
                return cards.History(await audit.HistoryAsync(history.RequestId, user.Id, history.Page, cancellationToken), user);
            case KeepWaitingData keep:
                return cards.KeptWaiting(await supply.KeepWaitingAsync(keep.RequestId, user, cancellationToken));
            case AcknowledgeReceiptData received:
                return cards.ReceiptAcknowledged(await supply.AcknowledgeReceiptAsync(received.RequestId, user, cancellationToken));
            case ReassignData reassign:
                return await TeamCardAsync(turn, await workflow.ReassignAsync(reassign.RequestId, user, reassign.AssigneeId, cancellationToken), cancellationToken);
            case OpenTeamCardData open:
                return await TeamCardAsync(turn, await workflow.GetAsTeamMemberAsync(open.RequestId, user, cancellationToken), cancellationToken);
            case PassReviewData pass:
                return await TeamCardAsync(turn, await workflow.PassReviewAsync(pass.RequestId, user, cancellationToken), cancellationToken);
            case FailReviewData fail:
                return await TeamCardAsync(turn, await workflow.FailReviewAsync(fail.RequestId, user, fail.Reason, cancellationToken), cancellationToken);
            case AnswerData answer:
                return cards.AnswerSent(await workflow.AnswerAsync(answer.RequestId, user, answer.Answer ?? "", cancellationToken));

            case ConfirmData confirm:
            {
                var rating = confirm.Rating ?? throw new RequestRuleException("Please choose a rating from 1 to 5 before confirming.");
                var request = await workflow.ConfirmAsync(confirm.RequestId, user, rating, confirm.Feedback, cancellationToken);
                return cards.Info($"{request.Id} closed", $"Thanks for confirming and for your rating ({rating}/5). The request is closed.", "good");
            }

            case ReopenData reopen:
            {
                var request = await workflow.ReopenAsync(reopen.RequestId, user, reopen.Reason, cancellationToken);
                return cards.Info($"{request.Id} reopened", $"Sorry it isn't fixed. I sent {request.Id} back to {request.TeamName}; they will pick it up again.", "warning");
            }

            case CancelData cancel:
            {
                var request = await workflow.CancelAsync(cancel.RequestId, user, "Cancelled by the requester", cancellationToken);
                return cards.Info($"{request.Id} cancelled", $"I cancelled your request for {request.ItemName}. Nothing more will happen with it.", "good");
            }

            case ShowDetailsData show:
                return cards.RequestDetail(await workflow.GetVisibleAsync(show.RequestId, user.Id, cancellationToken), user, everyoneReads: turn.OthersRead);
            case ApprovalHandoverData handover:
                return await AskSomeoneElseAsync(turn, handover, cancellationToken);
            case DelegationPickData pick:
                return await delegation.PickAsync(turn, pick.PersonId, pick.LastDay, cancellationToken);
            case PrivacyPickData pick:
                return await privacy.PickAsync(turn, pick.PersonId, pick.Erase, cancellationToken);
            case EraseConfirmData erase:
                return await privacy.EraseAsync(turn, erase.PersonId, cancellationToken);
            case AccessReviewDecisionData access:
                return await DecideAccessAsync(turn, access, cancellationToken);
            case ParkedStepData step:
                return await SettleParkedAsync(turn, step, cancellationToken);
            default:
                throw new InvalidOperationException($"No answer for {action.GetType().Name}.");
        }
    }

    /// <summary>
    /// The team card as it stands after an agent's click, with the team's members to reassign to; it refreshes itself for
    /// the one who clicked (the answer replaces the card for them alone), so a copy they clicked keeps up.
    /// </summary>
    private async Task<CardMessage> TeamCardAsync(TurnContext turn, ServiceRequest request, CancellationToken cancellationToken) =>
        cards.TeamCard(request, await workflow.TeamMembersAsync(request, cancellationToken), turn.RefreshForSender);

    /// <summary>The words kept by "did you mean", with the urgency they implied (only a name of <see cref="Core.Priority.Urgency"/> counts).</summary>
    private static KeptWords? Kept(PickItemData pick) =>
        pick.Words is null ? null : new KeptWords(pick.Words, RequestFormValidator.ParseUrgency(pick.Urgency));

    /// <summary>The card that answers the click replaces the clicked one: when it is a form, that message is the open form.</summary>
    private async Task<CardMessage> ShownAsync(TurnContext turn, IntakeReply reply, CancellationToken cancellationToken)
    {
        if (reply.FormOf is { } item)
        {
            openForms.Remember(turn.ConversationId, turn.Activity.ReplyToId, item);
            await formsShown.RecordAsync(reply.FormKey!, item, turn.User, cancellationToken);
        }

        return reply.Message;
    }

    private CatalogItem FindItem(string itemId) =>
        catalog.Find(itemId) ?? throw new RequestRuleException("That catalog item no longer exists. Type 'new request' to start again.");

    private async Task<CardMessage> DecideAsync(TurnContext turn, ApprovalDecisionData decision, CancellationToken cancellationToken)
    {
        var user = turn.User;
        var request = await workflow.DecideAsync(decision.RequestId, user, decision.Approve, decision.Comment, decision.Stage, cancellationToken);
        if (!decision.FromList)
        {
            return cards.Approval(request, decision.Stage, user, turn.RefreshForSender);
        }

        // Clicked on the "approvals" list: answer with what still waits, and say what was decided.
        var decided = request.Approvals[decision.Stage].Decision!;
        return cards.WithBanner(
            await lists.ApprovalsAsync(user, page: null, cancellationToken),
            $"{(decided.Approved ? "Approved" : "Rejected")} {request.Id} ({request.ItemName} for {request.Requester.Name}).",
            "good");
    }

    /// <summary>Keep or Remove on an access review: the card as the review now stands, saying so when the line was decided before.</summary>
    private async Task<CardMessage> DecideAccessAsync(TurnContext turn, AccessReviewDecisionData access, CancellationToken cancellationToken)
    {
        var click = await accessReviews.DecideAsync(access.ReviewId, access.Line, access.Decision, turn.User, cancellationToken);
        var card = cards.AccessReview(click.Review, turn.User);
        return click.AlreadyDecided is { DecidedBy: { } by, Decision: { } decided }
            ? cards.WithBanner(card, $"{by.Name} already decided this line ({(decided == AccessDecision.Keep ? "keep" : "remove")}); nothing was changed.", "warning")
            : card;
    }

    /// <summary>
    /// Retry or Dismiss on a parked step's card (or the "parked" list): the card as the parking now stands, for everyone
    /// once the worker updates the channel's copy; a second click, or one on an old card, changes nothing and says who did.
    /// </summary>
    private async Task<CardMessage> SettleParkedAsync(TurnContext turn, ParkedStepData step, CancellationToken cancellationToken)
    {
        var click = step.Retry
            ? await parked.RetryAsync(step.RequestId, step.ParkId, turn.User, cancellationToken)
            : await parked.DismissAsync(step.RequestId, step.ParkId, turn.User, cancellationToken);
        var card = cards.ParkedStep(click.Request, click.Parking);
        if (click.Changed)
        {
            return card;
        }

        var already = click.Parking.Outcome == ParkOutcome.Retried ? "retried" : "dismissed";
        return cards.WithBanner(card, $"{click.Parking.SettledBy?.Name} already {already} this step; nothing was changed.", "warning");
    }

    /// <summary>"Ask someone else": the card now says whom the approver asked, or lists the people of that name to choose from.</summary>
    private async Task<CardMessage> AskSomeoneElseAsync(TurnContext turn, ApprovalHandoverData handover, CancellationToken cancellationToken)
    {
        var result = await workflow.AskSomeoneElseAsync(
            handover.RequestId, turn.User, handover.Stage, handover.Name, handover.PersonId, cancellationToken);
        return result.Candidates.Count > 0
            ? cards.HandoverChoice(result.Request, handover.Stage, result.Candidates)
            : cards.Approval(result.Request, handover.Stage, turn.User, turn.RefreshForSender);
    }

    private async Task<CardMessage> SubmitAsync(TurnContext turn, SubmitFormData data, CancellationToken cancellationToken)
    {
        // The workflow looks the catalog item up (once per submit) and gives it back to show the form again.
        var form = new RequestForm(data.SubmissionKey, data.ItemId, data.Justification, data.Urgency, data.Fields);
        var result = await workflow.SubmitAsync(turn.Actor, form, cancellationToken);
        if (result.Request is { } request)
        {
            openForms.Submitted(turn.ConversationId, turn.Activity.ReplyToId, data.ItemId);
            return cards.Submitted(request, refreshFor: turn.Activity.From?.Id);
        }

        var prefill = new FormPrefill(
            form.SubmissionKey,
            form.Justification,
            form.Urgency,
            form.Fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!));
        return cards.RequestForm(result.Item!, prefill, result.Errors.ByInput);
    }

    private async Task<CardMessage> ChangeAsync(TurnContext turn, ChangeFormData data, CancellationToken cancellationToken)
    {
        var form = new RequestForm(data.SubmissionKey, "", data.Justification, null, data.Fields);
        var result = await edits.EditAsync(data.RequestId, turn.User, form, cancellationToken);
        if (result.Errors.Any)
        {
            var prefill = new FormPrefill(
                form.SubmissionKey, form.Justification, null, form.Fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!));
            return cards.ChangeForm(result.Request, result.Item!, prefill, result.Errors.ByInput);
        }

        // A form sent twice shows the request as the first submit left it.
        return result.WasDuplicate
            ? cards.RequestDetail(result.Request, turn.User, everyoneReads: turn.OthersRead)
            : cards.Changed(result.Request, result.BackForApprovalBecause);
    }

    /// <summary>
    /// A card as the request is now, for the person looking at it: Teams asks by itself (the card's refresh) whenever one
    /// of those the card names looks at it again, and anyone may ask from the message's menu. One read of the request,
    /// one card; who asks comes from the activity. Whoever may not see the request, or asks about one that does not
    /// exist, gets the same plain card that names nothing.
    /// </summary>
    private async Task<CardMessage> RefreshAsync(TurnContext turn, CardRefreshData refresh, CancellationToken cancellationToken)
    {
        var user = turn.User;
        switch (refresh)
        {
            case RefreshData confirmation:
            {
                // The requester's confirmation is theirs alone: anyone else, whatever they may see, gets nothing.
                var request = await workflow.FindVisibleAsync(confirmation.RequestId, user.Id, cancellationToken);
                return request is not null && request.IsRequester(user.Id)
                    ? cards.Submitted(request, refreshFor: turn.Activity.From?.Id)
                    : cards.CannotShow();
            }

            case ApprovalRefreshData approval:
            {
                // Whoever holds the stage's card gets it as it is now for them (buttons only while it waits for them) and
                // keeps refreshing; someone else who may view the request sees it without buttons, once.
                var view = await workflow.FindForApprovalCardAsync(approval.RequestId, approval.Stage, user.Id, cancellationToken);
                return view is null
                    ? cards.CannotShow()
                    : cards.Approval(view.Request, approval.Stage, user, view.HoldsCard ? turn.RefreshForSender : null);
            }

            case TeamRefreshData team:
            {
                // The channel's card as everyone there reads it (masked); the agents' buttons for the people who work it.
                var view = await workflow.FindForTeamCardAsync(team.RequestId, user.Id, cancellationToken);
                return view switch
                {
                    null => cards.CannotShow(),
                    { WorksIt: true } => cards.TeamCard(view.Request, view.Members, turn.RefreshForSender),
                    _ => cards.TeamCardToRead(view.Request),
                };
            }

            default:
                throw new InvalidOperationException($"No answer for {refresh.GetType().Name}.");
        }
    }
}
