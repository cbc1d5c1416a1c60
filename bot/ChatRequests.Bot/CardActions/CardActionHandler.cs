using System.Text.Json.Nodes;
using ChatRequests.Bot.Conversations;
using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.CardActions;

/// <summary>
/// Answers Action.Execute clicks (adaptiveCard/action) synchronously with the updated card. Who clicked comes
/// from the activity; the card's data carries only ids. Slow work (notices, other people's cards) is left
/// to the fulfilment worker, which this wakes. A click that changes nothing keeps its card (<see cref="ClickRefusals"/>).
/// </summary>
public sealed class CardActionHandler(
    RequestWorkflow workflow,
    ICatalog catalog,
    IntakeConversation intake,
    RequestCards cards,
    ClickRefusals refusals,
    IRelaySignal relay,
    ILogger<CardActionHandler> logger)
{
    public async Task<InvokeResponse> HandleAsync(TurnContext turn, string verb, JsonObject? rawData, CancellationToken cancellationToken)
    {
        var data = new CardActionData(rawData);
        try
        {
            var card = await RunAsync(turn, verb, data, cancellationToken);
            relay.Wake();
            return InvokeResponse.Card(card);
        }
        catch (InvalidCardDataException ex)
        {
            logger.LogInformation("Card action {Verb} had bad data: {Reason}", Loggable(verb), ex.Message);
            return ClickRefusals.BadData(data, ex);
        }
        catch (RequestRuleException ex)
        {
            logger.LogInformation("Card action {Verb} refused: {RuleType}", Loggable(verb), ex.GetType().Name);
            return await refusals.AnswerAsync(turn, verb, data, ex, cancellationToken);
        }
    }

    // Anyone can send any text as a verb: only ours reach the log.
    private static string Loggable(string verb) => CardVerbs.All.Contains(verb) ? verb : "(unknown)";

    private async Task<JsonObject> RunAsync(TurnContext turn, string verb, CardActionData data, CancellationToken cancellationToken)
    {
        var user = turn.User;
        switch (verb)
        {
            case CardVerbs.IntakePick:
                var picked = catalog.Find(data.Required("itemId"))
                    ?? throw new RequestRuleException("That catalog item no longer exists. Type 'new request' to start again.");
                return intake.FormFor(picked, text: null, urgency: null).Card;
            case CardVerbs.IntakeBrowse:
                return intake.BrowseCategory(data.Required("category")).Card;
            case CardVerbs.IntakeSubmit:
                return await SubmitAsync(turn, data, cancellationToken);
            case CardVerbs.ApprovalApprove or CardVerbs.ApprovalReject:
            {
                var requestId = data.Required("requestId");
                var stage = data.RequiredInt("stage");
                var request = await workflow.DecideAsync(
                    requestId, user, verb == CardVerbs.ApprovalApprove, data.Optional(CardInputs.Comment), stage, cancellationToken);
                if (data.Optional(CardInputs.Source) == CardInputs.FromApprovalList)
                {
                    // Clicked on the "approvals" list: answer with what still waits, and say what was decided.
                    var pending = await workflow.PendingApprovalsAsync(user.Id, cancellationToken);
                    var decision = request.Approvals[stage].Decision!;
                    return cards.WithBanner(
                        cards.ApprovalList(pending, user),
                        $"{(decision.Approved ? "Approved" : "Rejected")} {request.Id} ({request.ItemName} for {request.Requester.Name}).",
                        "good").Card;
                }

                return cards.Approval(request, stage, user).Card;
            }

            case CardVerbs.AgentAssign:
                return cards.TeamCard(await workflow.AssignToSelfAsync(data.Required("requestId"), user, cancellationToken)).Card;
            case CardVerbs.AgentStatus:
                var status = Enum.TryParse<RequestState>(data.Optional(CardInputs.Status), ignoreCase: true, out var parsed)
                    ? parsed
                    : throw new RequestRuleException("Choose a status: in progress, awaiting parts or scheduled.");
                return cards.TeamCard(await workflow.SetStatusAsync(
                    data.Required("requestId"), user, status, data.Optional(CardInputs.Note), cancellationToken)).Card;
            case CardVerbs.AgentAsk:
                return cards.TeamCard(await workflow.AskRequesterAsync(
                    data.Required("requestId"), user, data.Optional(CardInputs.Question) ?? "", cancellationToken)).Card;
            case CardVerbs.AgentResolve:
                return cards.TeamCard(await workflow.ResolveAsync(
                    data.Required("requestId"), user, data.Optional(CardInputs.Resolution) ?? "", cancellationToken)).Card;
            case CardVerbs.RequesterAnswer:
                return cards.AnswerSent(await workflow.AnswerAsync(
                    data.Required("requestId"), user, data.Optional(CardInputs.Answer) ?? "", cancellationToken)).Card;

            case CardVerbs.RequesterConfirm:
            {
                var rating = int.TryParse(data.Optional(CardInputs.Rating), out var stars)
                    ? stars
                    : throw new RequestRuleException("Please choose a rating from 1 to 5 before confirming.");
                var request = await workflow.ConfirmAsync(data.Required("requestId"), user, rating, data.Optional(CardInputs.Feedback), cancellationToken);
                return cards.Info($"{request.Id} closed", $"Thanks for confirming and for your rating ({rating}/5). The request is closed.", "good").Card;
            }

            case CardVerbs.RequesterReopen:
            {
                var request = await workflow.ReopenAsync(data.Required("requestId"), user, data.Optional(CardInputs.Feedback), cancellationToken);
                return cards.Info($"{request.Id} reopened", $"Sorry it isn't fixed. I sent {request.Id} back to {request.TeamName}; they will pick it up again.", "warning").Card;
            }

            case CardVerbs.RequesterCancel:
            {
                var request = await workflow.CancelAsync(data.Required("requestId"), user, "Cancelled by the requester", cancellationToken);
                return cards.Info($"{request.Id} cancelled", $"I cancelled your request for {request.ItemName}. Nothing more will happen with it.", "good").Card;
            }

            case CardVerbs.RequestsShow:
                return cards.RequestDetail(await workflow.GetVisibleAsync(data.Required("requestId"), user.Id, cancellationToken), user).Card;
            case CardVerbs.RequestsRefresh:
                return await ConfirmationAsync(turn, data.Required("requestId"), cancellationToken);
            default:
                // The verb is not repeated back: anyone can send any text as one.
                throw new InvalidCardDataException("I don't know that action.");
        }
    }

    private async Task<JsonObject> SubmitAsync(TurnContext turn, CardActionData data, CancellationToken cancellationToken)
    {
        var form = new RequestForm(
            data.Required("submissionKey"),
            data.Required("itemId"),
            data.Optional(CardInputs.Justification),
            data.Optional(CardInputs.Urgency),
            data.WithPrefix(CardInputs.FieldPrefix));
        var result = await workflow.SubmitAsync(turn.Actor, form, cancellationToken);
        if (result.Request is { } request)
        {
            return cards.Submitted(request, refreshFor: turn.Activity.From?.Id).Card;
        }

        var prefill = new FormPrefill(
            form.SubmissionKey,
            form.Justification,
            form.Urgency,
            form.Fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!));
        return cards.RequestForm(result.Item!, prefill, result.Errors.ByInput).Card;
    }

    /// <summary>
    /// The requester's confirmation card as it is now: Teams asks for it by itself (its refresh action) whenever the
    /// requester looks at the card again. It is theirs alone; anyone else, whatever they may see, gets nothing.
    /// </summary>
    private async Task<JsonObject> ConfirmationAsync(TurnContext turn, string requestId, CancellationToken cancellationToken)
    {
        var request = await workflow.GetVisibleAsync(requestId, turn.User.Id, cancellationToken);
        return request.IsRequester(turn.User.Id)
            ? cards.Submitted(request, refreshFor: turn.Activity.From?.Id).Card
            : throw new RequestNotVisibleException(requestId);
    }
}
