using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// What requesters see: notices as their request moves, their list of requests, and one request's details.
public sealed partial class RequestCards
{
    private const int HistoryLines = 10;

    private sealed record NoticeText(string Title, string Style, string Text, string? CommentLabel, string? Comment);

    /// <summary>
    /// Tells the requester what <paramref name="cause"/> did. The words come from the event; the actions
    /// from the request as it is now, so a notice rendered late never offers what can no longer be done.
    /// </summary>
    public CardMessage Notice(ServiceRequest r, NoticeKind kind, OutboxEvent cause)
    {
        if (kind == NoticeKind.AlternativesOffered)
        {
            return Alternatives(r, cause);
        }

        var askAnswer = kind == NoticeKind.QuestionAsked && r.State == RequestState.AwaitingRequester && r.Question?.Answer is null;
        var confirm = kind is NoticeKind.Resolved or NoticeKind.ConfirmationReminder && r.State == RequestState.Fulfilled;
        var reopen = confirm || (kind == NoticeKind.AutoClosed && r.WasClosedAutomatically && r.MayReopen(cause.CreatedAt));
        var stillCurrent = kind switch
        {
            NoticeKind.QuestionAsked => askAnswer,
            NoticeKind.Resolved or NoticeKind.ConfirmationReminder => confirm,
            NoticeKind.OutForDelivery or NoticeKind.ReceiptReminder => AwaitsReceipt(r, kind),
            NoticeKind.AutoClosed => r.WasClosedAutomatically,
            _ => true,
        };
        var update = stillCurrent ? null : $"Since then: {r.State.ToDisplay().ToLowerInvariant()}.";
        return RenderNotice(r, NoticeFor(r, kind, cause), NoticeFacts(r, kind), update, askAnswer, confirm, AwaitsReceipt(r, kind), reopen);
    }

    /// <summary>What the requester sees once their answer is on its way: the answer they sent, and what happens next.</summary>
    public CardMessage AnswerSent(ServiceRequest r) =>
        RenderNotice(
            r,
            new NoticeText("Answer sent", "good", $"Thanks, I passed your answer on to {r.TeamName}. Work on {r.Id} continues.", "Your answer", r.Question?.Answer),
            NoticeFacts(r, kind: null),
            update: null,
            askAnswer: false,
            confirm: false);

    private static CardMessage RenderNotice(
        ServiceRequest r, NoticeText text, IReadOnlyList<Fact> facts, string? update, bool askAnswer, bool confirm, bool acknowledge = false, bool? reopen = null)
    {
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            title = text.Title,
            style = text.Style,
            text = text.Text,
            comment = text.Comment is null ? null : new { label = text.CommentLabel, text = text.Comment },
            update,
            facts,
            askAnswer,
            confirm,
            acknowledge,
            reopen = reopen ?? confirm,
        };
        var fallback = $"{r.Id} {r.ItemName}: {text.Text}{(text.Comment is null ? "" : $" {text.CommentLabel}: {CardText.Shorten(text.Comment, FallbackQuoteLength)}")}";
        return Render("notice", data, fallback);
    }

    /// <summary>
    /// Requests as <paramref name="viewer"/> sees them (their own, or their team's queue), each with who holds it and what
    /// happens next, in words for the viewer ("You" for the requester): most recent first, or, a page of a longer list
    /// (<paramref name="part"/> paged), oldest first with "Next" when more follow. Under the list, how many it shows of how
    /// many. Cancel is offered only on the viewer's own requests that can still be cancelled.
    /// </summary>
    public CardMessage RequestList(IReadOnlyList<ServiceRequest> requests, string title, string emptyText, PersonRef viewer, ListPart? part = null)
    {
        part ??= new ListPart(requests.Count);
        var shown = (part.Paged is null ? requests.OrderByDescending(r => r.SubmittedAt) : requests.AsEnumerable()).Take(MaxListed).ToList();
        var data = new
        {
            title,
            empty = shown.Count == 0,
            emptyText,
            items = shown.Select(r => new
            {
                id = r.Id,
                itemName = r.ItemName,
                state = CardText.StateFor(r.State, r.IsRequester(viewer.Id)),
                color = CardText.ColorOf(r.State),
                submitted = CardText.Instant(r.SubmittedAt),
                overdue = IsOverdue(r),
                due = CardText.Instant(r.DueAt),
                facts = (Fact[])
                [
                    new("Now with", RequestProgress.HeldBy(r, viewer.Id)), Fact.Next(RequestProgress.NextStepParts(r, viewer.Id)),
                    .. EscalationText(r) is { } escalation ? [new Fact("Escalated", $"to {escalation}")] : Array.Empty<Fact>(),
                ],
                canCancel = r.IsRequester(viewer.Id) && RequestTransitions.IsAllowed(r.State, RequestCommand.Cancel),
            }),
            note = part.Note(shown.Count, part.Paged is null ? "most recent" : "oldest"),
            next = part.Next(shown, MaxListed),
        };
        var fallback = shown.Count == 0
            ? $"{title}: {emptyText}"
            : $"{title}: {string.Join("; ", shown.Select(r => $"{r.Id} {r.ItemName} ({CardText.StateFor(r.State, r.IsRequester(viewer.Id)).ToLowerInvariant()})"))}.";
        return Render("request-list", data, fallback);
    }

    /// <summary>
    /// Everything about one request, with its last <see cref="HistoryLines"/> history lines, in words for <paramref name="viewer"/>;
    /// with <paramref name="everyoneReads"/> (a team channel) sensitive answers are masked whoever asked.
    /// </summary>
    public CardMessage RequestDetail(ServiceRequest r, PersonRef viewer, bool everyoneReads = false)
    {
        var history = r.History.TakeLast(HistoryLines).ToList();
        var requesterReads = r.IsRequester(viewer.Id);
        var readerId = everyoneReads ? null : viewer.Id;
        string? Mask(string? text) => SensitiveFields.MaskText(r, readerId, text);
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            state = CardText.StateFor(r.State, requesterReads),
            style = CardText.StyleOf(r.State),
            facts = DetailFacts(r, viewer, readerId),
            justification = Mask(r.Justification),
            fields = FieldFacts(r, readerId),
            approvals = r.Approvals.Select((s, i) => StageStatus(r, s, i)),
            question = QuestionData(r, readerId),
            requesterName = CardText.Name(r.Requester, viewer),
            // The requester reads the resolution once the work has passed its check.
            resolution = requesterReads && r.State == RequestState.InReview ? null : Mask(r.ResolutionNotes),
            feedback = FeedbackData(r),
            history = history.Select(h => new
            {
                at = CardText.Instant(h.At),
                who = CardText.Name(h.Actor, viewer),
                what = h.From == h.To ? CardText.Action(h.Action) : $"{CardText.Action(h.Action)} ({CardText.StateFor(h.To, requesterReads).ToLowerInvariant()})",
                // A decision's comment is shown once, with the decision under Approvals.
                // Internal lines (work notes, a failed check's reason) are the team's: their card shows them, this one never.
                comment = h.Action.IsDecision || h.Action.IsInternal ? null : Mask(h.Comment),
            }),
            historyTitle = r.History.Count > HistoryLines ? $"History (last {HistoryLines} of {r.History.Count})" : "History",
            // The change form is filled in with the answers: not where others read them.
            canChange = requesterReads && r.IsEditable && (readerId is not null || !r.FieldLabels.Any(l => l.Sensitive)),
        };
        var forWhom = requesterReads ? "" : $" for {r.Requester.Name}";
        return Render(
            "request-detail",
            data,
            $"{r.Id} {r.ItemName}{forWhom}: {CardText.StateFor(r.State, requesterReads)}. With {RequestProgress.HeldBy(r, viewer.Id)}. {RequestProgress.NextStep(r, viewer.Id)}");
    }

    private static List<Fact> NoticeFacts(ServiceRequest r, NoticeKind? kind)
    {
        var facts = new List<Fact> { new("Now with", RequestProgress.HeldBy(r, r.Requester.Id)), Fact.Next(RequestProgress.NextStepParts(r, r.Requester.Id)) };
        if (kind == NoticeKind.SlaBreached)
        {
            facts.Insert(0, Fact.Moment("Target date", r.DueAt));
        }

        facts.AddRange(ClosingFacts(r, kind));

        return facts;
    }

    private List<Fact> DetailFacts(ServiceRequest r, PersonRef viewer, string? readerId)
    {
        var facts = new List<Fact>
        {
            new("Requester", CardText.Name(r.Requester, viewer)),
            new("Item", $"{r.ItemName} ({r.Category})"),
            new("Cost", CardText.Cost(r, readerId)),
            new("Priority", r.Priority.Reason),
            Fact.Moment("Submitted", r.SubmittedAt),
            TargetFact(r, r.IsRequester(viewer.Id), after: IsOverdue(r) ? " (overdue)" : null),
            new("Team", r.TeamName),
        };
        facts.AddRange(ApprovalDue.Facts(r));
        if (r.PreAuthorisation is { } why)
        {
            facts.Add(new("Approval", $"Not needed: {why}"));
        }

        if (r.Assignee is { } assignee)
        {
            facts.Add(new("Assignee", CardText.Name(assignee, viewer)));
        }

        facts.Add(new("Now with", RequestProgress.HeldBy(r, viewer.Id)));
        facts.Add(Fact.Next(RequestProgress.NextStepParts(r, viewer.Id)));
        if (EscalationText(r) is { } escalation)
        {
            facts.Add(new("Escalated", $"to {escalation}"));
        }

        if (r.StatusNote is { } note)
        {
            facts.Add(new("Status note", SensitiveFields.MaskText(r, readerId, note)));
        }

        facts.AddRange(DeliveryFacts(r));
        return facts;
    }

    private static Fact StageStatus(ServiceRequest r, ApprovalStage stage, int index) => stage.Decision switch
    {
        { } d => Fact.Moment(stage.Name, d.At, $"{(d.Approved ? "Approved" : "Rejected")} by {d.ByWhom} at ", Reason(d.Comment)),
        null when r.State == RequestState.AwaitingApproval && r.CurrentStage == index => new(stage.Name, $"Waiting for {CardText.Awaited(stage)}{ApprovedSoFar(stage)}"),
        null when r.State == RequestState.AwaitingApproval => new(stage.Name, $"Later: {CardText.Awaited(stage)}"),
        _ => new(stage.Name, "Not needed"),
    };

    private static string ApprovedSoFar(ApprovalStage stage) =>
        stage.ApprovedBy.Count == 0 ? "" : $" (approved by {string.Join(", ", stage.ApprovedBy.Select(d => d.ByWhom))})";

    private static NoticeText NoticeFor(ServiceRequest r, NoticeKind kind, OutboxEvent cause)
    {
        var actor = cause.Actor.Name;
        return kind switch
        {
            NoticeKind.StageApproved => new(
                "Approved, one more step",
                "accent",
                $"{actor} approved your request. {RequestProgress.NextStep(r, r.Requester.Id)}",
                $"Comment from {actor}",
                cause.Comment),
            NoticeKind.Approved => new(
                "Approved",
                "good",
                $"{actor} approved your request. {r.TeamName} will fulfil it.",
                $"Comment from {actor}",
                cause.Comment),
            NoticeKind.Rejected => new(
                "Rejected",
                "attention",
                $"{actor} rejected your request. If you still need it, you can ask again with more details.",
                $"Reason from {actor}",
                cause.Comment),
            NoticeKind.Assigned => new(
                "Someone is on it",
                "accent",
                $"{r.Assignee?.Name ?? actor} from {r.TeamName} is handling your request.",
                null,
                null),
            NoticeKind.StatusChanged => new(
                $"Status: {StateAt(r, cause).ToDisplay()}",
                CardText.StyleOf(StateAt(r, cause)),
                $"{actor} set your request to {StateAt(r, cause).ToDisplay().ToLowerInvariant()}.",
                "Note",
                cause.Comment),
            NoticeKind.QuestionAsked => new(
                "A question about your request",
                "warning",
                $"{actor} needs an answer from you to carry on.",
                "Question",
                cause.Comment ?? r.Question?.Text),
            NoticeKind.Resolved => new(
                "Resolved: is it working?",
                "good",
                $"{actor} resolved your request. Please confirm and rate it, or reopen it if it is not fixed.",
                "Resolution",
                cause.Comment ?? r.ResolutionNotes),
            NoticeKind.SlaBreached => new(
                "Past its target date",
                "warning",
                $"Your request missed its target date. Sorry for the wait: {BreachAlerted(r, cause)} has been alerted and will follow up.",
                null,
                null),
            NoticeKind.ApprovalRerouted => new("Your approval went to someone else", "warning", cause.Comment ?? "Your approval went to someone else.", null, null),
            NoticeKind.ApprovalStuck => new(
                "Your approval is stuck",
                "attention",
                cause.Comment ?? "Nobody who can approve your request can be reached. The service desk has been alerted.",
                null,
                null),
            NoticeKind.OutForDelivery => new(
                "On its way",
                "accent",
                $"{actor} sent {r.ItemName} with {r.Delivery?.Carrier ?? "the carrier"}. When it arrives, tell me you received it.",
                "Tracking reference",
                r.Delivery?.TrackingReference),
            NoticeKind.ConfirmationReminder or NoticeKind.AutoClosed => ClosingNotice(r, kind),
            NoticeKind.ReceiptReminder => ReceiptReminderNotice(r),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notice."),
        };
    }

    // Who the breach was escalated to; the team's lead when nobody was named (as before the ladder).
    private static string BreachAlerted(ServiceRequest r, OutboxEvent cause) =>
        r.Escalations.LastOrDefault(e => e.At <= cause.CreatedAt) is { To.Count: > 0 } e ? $"{e.ToNames} ({e.RoleName})" : $"the lead of {r.TeamName}";

    // The state the event led to (the request may have moved on since).
    private static RequestState StateAt(ServiceRequest r, OutboxEvent cause) =>
        r.History.LastOrDefault(h => h.At == cause.CreatedAt && h.Actor.Id == cause.Actor.Id)?.To ?? r.State;

}
