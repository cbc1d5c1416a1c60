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

    /// <summary>The channel card: the request, its state and the agent actions the state allows.</summary>
    public CardMessage TeamCard(ServiceRequest r)
    {
        var state = r.State;
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
            escalated = state.IsUnresolved() ? EscalatedText(r) : null,
            atRisk = state.IsUnresolved() && r.SlaWarnedAt is not null && !IsOverdue(r) && !r.IsClockPaused,
            pausedSince = Paused(r) is { } since ? CardText.Instant(since) : null,
            pausedWhy = PausedWhy(r, requesterReads: false),
            facts = (Fact[])
            [
                new("Requester", r.Requester.Name),
                new("Priority", r.Priority.Reason),
                TargetFact(r),
                new("Cost", CardText.Cost(r)),
                Fact.Moment("Submitted", r.SubmittedAt),
                new("Assignee", r.Assignee?.Name ?? "Nobody yet"),
                .. FieldFacts(r),
            ],
            justification = r.Justification,
            statusNote = r.StatusNote,
            provisioning = ProvisioningData(r),
            question = QuestionData(r),
            resolution = r.ResolutionNotes,
            workNote = r.WorkNote,
            review = ReviewData(r),
            reviewFailed = ReviewFailedData(r),
            canReview = RequestTransitions.IsAllowed(state, RequestCommand.PassReview),
            feedback = FeedbackData(r),
            outcome = TeamOutcome(r),
            canAssign = RequestTransitions.IsAllowed(state, RequestCommand.Assign)
                && (state is RequestState.Approved or RequestState.Reopened || r.Assignee is null),
            canSetStatus = RequestTransitions.IsAllowed(state, RequestCommand.StartWork),
            canAsk = RequestTransitions.IsAllowed(state, RequestCommand.AskRequester),
            canResolve = RequestTransitions.IsAllowed(state, RequestCommand.Resolve),
            currentStatus = AgentStatuses.Any(s => s.State == state) ? state.ToString() : nameof(RequestState.InProgress),
            statusChoices = AgentStatuses.Select(s => new { title = s.Title, value = s.State.ToString() }),
        };
        var assigned = r.Assignee is null ? "unassigned" : $"assigned to {r.Assignee.Name}";
        return Render(
            "team",
            data,
            $"{r.Id} {r.ItemName} for {r.Requester.Name} ({r.Priority.Label}): {CardText.NeutralState(state)}, {assigned}.");
    }

    /// <summary>The requester's answer, as a reply in the team card's thread (a card: the words stay inert).</summary>
    public CardMessage AnswerReply(ServiceRequest r, string answer)
    {
        var data = new { id = r.Id, requesterName = r.Requester.Name, question = r.Question?.Text, answer };
        return Render("answer", data, $"{r.Requester.Name} answered on {r.Id}: {CardText.Shorten(answer, FallbackQuoteLength)}");
    }

    private static object? QuestionData(ServiceRequest r) => r.Question is not { } q
        ? null
        : new
        {
            askedBy = q.AskedBy.Name,
            askedAt = CardText.Instant(q.AskedAt),
            text = q.Text,
            answer = q.Answer,
            answeredAt = q.AnsweredAt is { } at ? CardText.Instant(at) : null,
        };

    // What the item grants automatically, and whether that happened: agents must see what is left for them to do.
    private static object? ProvisioningData(ServiceRequest r)
    {
        // Still pending on a request that is resolved, closed or cancelled: nothing is left to do, so nothing to say.
        if (r.Provisioning is not { } plan
            || (r.ProvisioningStatus == ProvisioningStatus.Pending && !r.State.IsUnresolved()))
        {
            return null;
        }

        var who = r.Requester.Name;
        return r.ProvisioningStatus switch
        {
            ProvisioningStatus.Done => new { style = "good", text = $"Provisioning: {who} added to {plan.GroupName} automatically." },
            ProvisioningStatus.Failed => new { style = "attention", text = $"Provisioning failed: add {who} to {plan.GroupName} by hand." },
            _ => new { style = "emphasis", text = $"Provisioning: add {who} to {plan.GroupName} — automatic with Microsoft Graph." },
        };
    }

    private static Fact[]? FeedbackData(ServiceRequest r) => r.Feedback is not { } f
        ? null
        : f.Comment is null
            ? [new("Rating", CardText.Stars(f.Rating))]
            : [new("Rating", CardText.Stars(f.Rating)), new("Feedback", f.Comment)];

    // Once the team's work is done, the card says how it ended instead of offering actions.
    private static string? TeamOutcome(ServiceRequest r) => r.State switch
    {
        RequestState.Fulfilled => $"Resolved {ResolvedBy(r)}{Verified(r)}; waiting for {r.Requester.Name} to confirm.",
        RequestState.Closed when r.WasClosedAutomatically => AutoClosedOutcome(r),
        RequestState.Closed => $"Closed: {r.Requester.Name} confirmed it is done.",
        RequestState.Cancelled => CardText.EndSentence($"Cancelled by {r.Requester.Name}{Reason(LastComment(r, RequestState.Cancelled))}"),
        RequestState.Rejected => CardText.EndSentence($"Rejected{Reason(LastComment(r, RequestState.Rejected))}"),
        _ => null,
    };

    private static string ResolvedBy(ServiceRequest r) =>
        r.History.LastOrDefault(h => h.To == RequestState.Fulfilled)?.Action == AuditAction.CompleteProvisioning
            ? "automatically"
            : $"by {r.Assignee?.Name ?? r.TeamName}";

    private static string? LastComment(ServiceRequest r, RequestState to) =>
        r.History.LastOrDefault(h => h.To == to)?.Comment;

    private static string Reason(string? comment) => comment is null ? "" : $": {comment}";
}
