using System.Text.Json.Nodes;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// The card in the owning team's channel, updated in place as the request moves.
public sealed partial class RequestCards
{
    private static readonly (RequestState State, string Title)[] AgentStatuses =
    [
        (RequestState.InProgress, "In progress"),
        (RequestState.AwaitingParts, "Awaiting parts"),
        (RequestState.Scheduled, "Scheduled"),
    ];

    private const string TeamTemplate = "team";

    /// <summary>The channel card: the request, its state and the agent actions the state allows.</summary>
    public CardMessage TeamCard(ServiceRequest r) => TeamCard(r, null);

    /// <summary>
    /// The channel card, offering "Reassign" to one of the team's <paramref name="members"/> (not the assignee, not the
    /// requester); none when <paramref name="members"/> is null.
    /// </summary>
    public CardMessage TeamCard(ServiceRequest r, IReadOnlyList<PersonRef>? members) => TeamCard(r, members, readerId: null);

    /// <summary>
    /// The channel card, as <see cref="TeamCard(ServiceRequest, IReadOnlyList{PersonRef}?)"/>, bringing itself up to date
    /// for the people of <paramref name="refresh"/> whenever they look at it again, until the request is final
    /// (<see cref="CardVerbs.TeamRefresh"/>). Still masked: it is the channel's card, whoever reads it.
    /// </summary>
    public CardMessage TeamCard(ServiceRequest r, IReadOnlyList<PersonRef>? members, CardRefresh refresh) =>
        PrepareTeamCard(r, members, refresh).Build();

    /// <summary>
    /// The channel card of <see cref="TeamCard(ServiceRequest, IReadOnlyList{PersonRef}?, CardRefresh)"/>, its inputs
    /// gathered but not bound: the relay shows it at every step, and a step after the request moved on would build
    /// what the channel already shows.
    /// </summary>
    public PreparedCard PrepareTeamCard(ServiceRequest r, IReadOnlyList<PersonRef>? members, CardRefresh refresh)
    {
        var (data, fallbackText) = TeamCardData(r, members, readerId: null, offersActions: true);
        var refreshJson = r.State.IsOpen() ? refresh.ToJson(CardVerbs.TeamRefresh, new JsonObject { [CardInputs.RequestId] = r.Id }) : null;
        return Prepare(TeamTemplate, data, fallbackText, refreshJson);
    }

    /// <summary>
    /// The channel card for someone who may view the request but does not work it (the requester, an approver): what
    /// the channel shows, masked, without the agents' buttons.
    /// </summary>
    public CardMessage TeamCardToRead(ServiceRequest r) => TeamCard(r, null, readerId: null, offersActions: false);

    /// <summary>
    /// The team card as <paramref name="readerId"/> reads it: in the channel (null) everyone reads it, so sensitive answers
    /// are masked there, always, also in the texts people typed; the assignee reads them in their personal chat.
    /// </summary>
    private CardMessage TeamCard(ServiceRequest r, IReadOnlyList<PersonRef>? members, string? readerId, bool offersActions = true)
    {
        var (data, fallbackText) = TeamCardData(r, members, readerId, offersActions);
        return Render(TeamTemplate, data, fallbackText);
    }

    private (object Data, string FallbackText) TeamCardData(ServiceRequest r, IReadOnlyList<PersonRef>? members, string? readerId, bool offersActions)
    {
        string? Mask(string? text) => SensitiveFields.MaskText(r, readerId, text);
        var state = r.State;
        var colleagues = (members ?? []).Where(m => m.Id != r.Assignee?.Id && !r.IsRequester(m.Id)).ToList();
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            category = r.Category,
            requesterName = r.Requester.Name,
            teamName = r.TeamName,
            state = CardText.NeutralState(state),
            style = CardText.StyleOf(state),
            due = CardText.Instant(r.DueAt),
            overdue = IsOverdue(r),
            escalation = EscalationText(r) is { } escalation
                ? new { text = escalation, style = r.ActiveEscalation!.Level == Core.Requests.Escalation.TeamLead ? "warning" : "attention", why = CardText.Capitalised(r.ActiveEscalation.Why), at = CardText.Instant(r.ActiveEscalation.At) }
                : null,
            atRisk = state.IsUnresolved() && r.SlaWarnedAt is not null && !IsOverdue(r) && !r.IsClockPaused,
            pausedSince = Paused(r) is { } since ? CardText.Instant(since) : null,
            pausedWhy = PausedWhy(r, requesterReads: false),
            facts = (Fact[])
            [
                new("Requester", r.Requester.Name),
                new("Priority", r.Priority.Reason),
                TargetFact(r),
                new("Cost", CardText.Cost(r, readerId)),
                Fact.Moment("Submitted", r.SubmittedAt),
                new("Assignee", r.Assignee?.Name ?? "Nobody yet"),
                .. SupplyFacts(r),
                .. FieldFacts(r, readerId),
            ],
            supplierLate = SupplierLateData(r),
            justification = Mask(r.Justification),
            statusNote = Mask(r.StatusNote),
            assignmentNote = r.Assignee is null && state == RequestState.Approved ? r.AssignmentNote : null,
            provisioning = ProvisioningData(r),
            question = QuestionData(r, readerId),
            resolution = Mask(r.ResolutionNotes),
            workNote = Mask(r.WorkNote),
            review = ReviewData(r),
            reviewFailed = ReviewFailedData(r),
            canReview = offersActions && RequestTransitions.IsAllowed(state, RequestCommand.PassReview),
            feedback = FeedbackData(r),
            outcome = Mask(TeamOutcome(r)),
            canAssign = offersActions && RequestTransitions.IsAllowed(state, RequestCommand.Assign)
                && (state is RequestState.Approved or RequestState.Reopened || r.Assignee is null),
            canSetStatus = offersActions && RequestTransitions.IsAllowed(state, RequestCommand.StartWork),
            canAsk = offersActions && RequestTransitions.IsAllowed(state, RequestCommand.AskRequester),
            canResolve = offersActions && RequestTransitions.IsAllowed(state, RequestCommand.Resolve),
            currentStatus = AgentStatuses.Any(s => s.State == state) ? state.ToString() : nameof(RequestState.InProgress),
            statusChoices = AgentStatuses.Select(s => new { title = s.Title, value = s.State.ToString() }),
            today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).ToString("yyyy'-'MM'-'dd", System.Globalization.CultureInfo.InvariantCulture),
            alternatives = offersActions ? AlternativeChoices(r) : null,
            canDeliver = offersActions && r.DeliversItem && RequestTransitions.IsAllowed(state, RequestCommand.SendForDelivery),
            canReassign = colleagues.Count > 0 && RequestTransitions.IsAllowed(state, RequestCommand.Assign),
            reassignChoices = colleagues.Select(c => new { title = c.Name, value = c.Id }),
        };
        var assigned = r.Assignee is null ? "unassigned" : $"assigned to {r.Assignee.Name}";
        return (data, $"{r.Id} {r.ItemName} for {r.Requester.Name} ({r.Priority.Label}): {CardText.NeutralState(state)}, {assigned}.");
    }

    /// <summary>
    /// The requester's answer, as a reply in the team card's thread (a card: the words stay inert); everyone in the
    /// channel reads it, so a sensitive answer quoted there is masked.
    /// </summary>
    public CardMessage AnswerReply(ServiceRequest r, string answer)
    {
        answer = SensitiveFields.MaskText(r, null, answer);
        var data = new { id = r.Id, requesterName = r.Requester.Name, question = SensitiveFields.MaskText(r, null, r.Question?.Text), answer };
        return Render("answer", data, $"{r.Requester.Name} answered on {r.Id}: {CardText.Shorten(answer, FallbackQuoteLength)}");
    }

    private static object? QuestionData(ServiceRequest r, string? readerId) => r.Question is not { } q
        ? null
        : new
        {
            askedBy = q.AskedBy.Name,
            askedAt = CardText.Instant(q.AskedAt),
            text = SensitiveFields.MaskText(r, readerId, q.Text),
            answer = SensitiveFields.MaskText(r, readerId, q.Answer),
            answeredAt = q.AnsweredAt is { } at ? CardText.Instant(at) : null,
        };

    // What the item grants automatically, and whether that happened: agents must see what is left for them to do.
    private static object? ProvisioningData(ServiceRequest r)
    {
        // Still pending on a request that is resolved, closed or cancelled: nothing is left to do, so nothing to say.
        if (r.Provisioning is null
            || (r.ProvisioningStatus == ProvisioningStatus.Pending && !r.State.IsUnresolved()))
        {
            return null;
        }

        var who = r.Requester.Name;
        var steps = r.ProvisioningStepList;
        if (steps.Count > 1)
        {
            return StepsData(r, steps);
        }

        var step = steps[0];
        return r.ProvisioningStatus switch
        {
            ProvisioningStatus.Done => new { style = "good", text = $"Provisioning: {step.DoneTo(who)} automatically." },
            ProvisioningStatus.Failed => new { style = "attention", text = $"Provisioning failed: {step.ToDo(who)} by hand." },
            _ => new { style = "emphasis", text = $"Provisioning: {step.ToDo(who)} — {Automatic(step)}." },
        };
    }

    // Several steps: one line each, saying what was done, what failed, and what the team does by hand.
    private static object StepsData(ServiceRequest r, IReadOnlyList<ProvisioningStep> steps)
    {
        var who = r.Requester.Name;
        var failed = r.ProvisioningStatus == ProvisioningStatus.Failed;
        var lines = steps.Select((step, i) => r.StepProgress(i).Status switch
        {
            ProvisioningStatus.Done => $"{i + 1}. Done: {step.DoneTo(who)}.",
            ProvisioningStatus.Failed => $"{i + 1}. Failed: {step.ToDo(who)} — by hand.",
            _ when failed => $"{i + 1}. Not run: {step.ToDo(who)} — by hand.",
            _ => $"{i + 1}. To do: {step.ToDo(who)} — {Automatic(step)}.",
        }).ToArray();
        return r.ProvisioningStatus switch
        {
            ProvisioningStatus.Done => new { style = "good", text = $"Provisioning: all {steps.Count} steps done automatically.", steps = lines },
            ProvisioningStatus.Failed => new { style = "attention", text = "Provisioning failed: do the rest by hand.", steps = lines },
            _ => new { style = "emphasis", text = $"Provisioning, {steps.Count} steps in this order:", steps = lines },
        };
    }

    // The card cannot know whether this deployment has Microsoft Graph: it says what each step needs.
    private static string Automatic(ProvisioningStep step) => step.NeedsGraph ? "automatic with Microsoft Graph" : "automatic";

    private static Fact[]? FeedbackData(ServiceRequest r) => r.Feedback is not { } f
        ? null
        : f.Comment is null
            ? [new("Rating", CardText.Stars(f.Rating))]
            : [new("Rating", CardText.Stars(f.Rating)), new("Feedback", f.Comment)];

    // Once the team's work is done, the card says how it ended instead of offering actions.
    private static string? TeamOutcome(ServiceRequest r) => r.State switch
    {
        RequestState.Fulfilled => $"{ResolvedBy(r)}{Verified(r)}; waiting for {r.Requester.Name} to confirm.",
        RequestState.Closed when r.WasClosedAutomatically => AutoClosedOutcome(r),
        RequestState.Closed => $"Closed: {r.Requester.Name} confirmed it is done.",
        RequestState.Cancelled => CardText.EndSentence($"Cancelled by {r.Requester.Name}{Reason(LastComment(r, RequestState.Cancelled))}"),
        RequestState.Rejected => CardText.EndSentence($"Rejected{Reason(LastComment(r, RequestState.Rejected))}"),
        _ => null,
    };

    // What fulfilled it, in words: the requester's receipt (checked after it, perhaps), an automatic grant, or the agent's resolution.
    private static string ResolvedBy(ServiceRequest r)
    {
        // The change into Fulfilled, not a later line written while fulfilled (an escalation resolved, a reminder).
        var fulfilled = r.History.LastOrDefault(h => h.To == RequestState.Fulfilled && h.From != RequestState.Fulfilled)?.Action;
        var checkedAfter = fulfilled == AuditAction.PassReview;
        return r switch
        {
            { Delivery: { ReceivedBy: { } by, ReceivedAt: { } at } }
                when fulfilled == AuditAction.AcknowledgeReceipt || (checkedAfter && r.Review?.RequestedAt == at) => $"Received by {by.Name}, {When(at)}",
            _ when fulfilled == AuditAction.CompleteProvisioning || (checkedAfter && r.Review?.ResolvedBy.Id == PersonRef.System.Id) => "Resolved automatically",
            _ => $"Resolved by {r.Assignee?.Name ?? r.TeamName}",
        };
    }

    private static string? LastComment(ServiceRequest r, RequestState to) =>
        r.History.LastOrDefault(h => h.To == to)?.Comment;

    private static string Reason(string? comment) => comment is null ? "" : $": {comment}";
}
