using System.Globalization;
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
        var askAnswer = kind == NoticeKind.QuestionAsked && r.State == RequestState.AwaitingRequester && r.Question?.Answer is null;
        var confirm = kind == NoticeKind.Resolved && r.State == RequestState.Fulfilled;
        var stillCurrent = kind switch
        {
            NoticeKind.QuestionAsked => askAnswer,
            NoticeKind.Resolved => confirm,
            _ => true,
        };
        var update = stillCurrent ? null : $"Since then: {r.State.ToDisplay().ToLowerInvariant()}.";
        return RenderNotice(r, NoticeFor(r, kind, cause), update, askAnswer, confirm);
    }

    /// <summary>What the requester sees once their answer is on its way: the answer they sent, and what happens next.</summary>
    public CardMessage AnswerSent(ServiceRequest r) =>
        RenderNotice(
            r,
            new NoticeText("Answer sent", "good", $"Thanks, I passed your answer on to {r.TeamName}. Work on {r.Id} continues.", "Your answer", r.Question?.Answer),
            update: null,
            askAnswer: false,
            confirm: false);

    private static CardMessage RenderNotice(ServiceRequest r, NoticeText text, string? update, bool askAnswer, bool confirm)
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
            heldBy = RequestProgress.HeldBy(r),
            nextStep = RequestProgress.NextStep(r),
            askAnswer,
            confirm,
            ratings = Enumerable.Range(1, 5).Reverse().Select(n => new
            {
                title = $"{CardText.StarGlyphs(n)} {n} - {RatingWord(n)}",
                value = n.ToString(CultureInfo.InvariantCulture),
            }),
        };
        var fallback = $"{r.Id} {r.ItemName}: {text.Text}{(text.Comment is null ? "" : $" {text.CommentLabel}: {CardText.Shorten(text.Comment, FallbackQuoteLength)}")}";
        return Render("notice", data, fallback);
    }

    /// <summary>
    /// Requests as <paramref name="viewer"/> sees them (their own, or their team's queue), most recent first, each with who
    /// holds it and what happens next. Cancel is offered only on the viewer's own requests that can still be cancelled.
    /// </summary>
    public CardMessage RequestList(IReadOnlyList<ServiceRequest> requests, string title, string emptyText, PersonRef viewer)
    {
        var shown = requests.OrderByDescending(r => r.SubmittedAt).Take(MaxListed).ToList();
        var data = new
        {
            title,
            empty = shown.Count == 0,
            emptyText,
            items = shown.Select(r => new
            {
                id = r.Id,
                itemName = r.ItemName,
                state = r.State.ToDisplay(),
                color = CardText.ColorOf(r.State),
                submitted = CardText.Date(r.SubmittedAt),
                overdue = IsOverdue(r),
                due = CardText.Date(r.DueAt),
                heldBy = RequestProgress.HeldBy(r),
                nextStep = RequestProgress.NextStep(r),
                canCancel = r.IsRequester(viewer.Id) && RequestTransitions.IsAllowed(r.State, RequestCommand.Cancel),
            }),
            note = requests.Count > MaxListed ? $"Showing the {MaxListed} most recent of {requests.Count}." : null,
        };
        var fallback = shown.Count == 0
            ? $"{title}: {emptyText}"
            : $"{title}: {string.Join("; ", shown.Select(r => $"{r.Id} {r.ItemName} ({r.State.ToDisplay().ToLowerInvariant()})"))}.";
        return Render("request-list", data, fallback);
    }

    /// <summary>Everything about one request, with its last <see cref="HistoryLines"/> history lines.</summary>
    public CardMessage RequestDetail(ServiceRequest r)
    {
        var history = r.History.TakeLast(HistoryLines).ToList();
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            state = CardText.NeutralState(r.State),
            style = CardText.StyleOf(r.State),
            facts = DetailFacts(r),
            justification = r.Justification,
            fields = FieldFacts(r),
            approvals = r.Approvals.Select((s, i) => new { title = s.Name, value = StageStatus(r, s, i) }),
            question = QuestionData(r),
            requesterName = r.Requester.Name,
            resolution = r.ResolutionNotes,
            feedback = FeedbackData(r),
            history = history.Select(h => new
            {
                when = CardText.Date(h.At),
                who = h.Actor.Name,
                what = h.From == h.To ? CardText.Action(h.Action) : $"{CardText.Action(h.Action)} ({CardText.NeutralState(h.To).ToLowerInvariant()})",
                comment = h.Comment,
            }),
            historyTitle = r.History.Count > HistoryLines ? $"History (last {HistoryLines} of {r.History.Count})" : "History",
        };
        return Render(
            "request-detail",
            data,
            $"{r.Id} {r.ItemName} for {r.Requester.Name}: {CardText.NeutralState(r.State)}. With {RequestProgress.HeldBy(r)}. {RequestProgress.NextStep(r)}");
    }

    private object[] DetailFacts(ServiceRequest r)
    {
        var facts = new List<object>
        {
            new { title = "Requester", value = r.Requester.Name },
            new { title = "Item", value = $"{r.ItemName} ({r.Category})" },
            new { title = "Cost", value = CardText.Cost(r.CostText) },
            new { title = "Priority", value = r.Priority.Reason },
            new { title = "Submitted", value = CardText.Date(r.SubmittedAt) },
            new { title = "Target date", value = IsOverdue(r) ? $"{CardText.Date(r.DueAt)} (overdue)" : CardText.Date(r.DueAt) },
            new { title = "Team", value = r.TeamName },
        };
        if (r.Assignee is { } assignee)
        {
            facts.Add(new { title = "Assignee", value = assignee.Name });
        }

        facts.Add(new { title = "Now with", value = RequestProgress.HeldBy(r) });
        facts.Add(new { title = "Next", value = RequestProgress.NextStep(r) });
        if (r.StatusNote is { } note)
        {
            facts.Add(new { title = "Status note", value = note });
        }

        return [.. facts];
    }

    private static string StageStatus(ServiceRequest r, ApprovalStage stage, int index) => stage.Decision switch
    {
        { } d => $"{(d.Approved ? "Approved" : "Rejected")} by {d.ByName} at {CardText.Date(d.At)}{Reason(d.Comment)}",
        null when r.State == RequestState.AwaitingApproval && r.CurrentStage == index => $"Waiting for {CardText.AnyOf(stage.Approvers)}",
        null when r.State == RequestState.AwaitingApproval => $"Later: {CardText.AnyOf(stage.Approvers)}",
        _ => "Not needed",
    };

    private static NoticeText NoticeFor(ServiceRequest r, NoticeKind kind, OutboxEvent cause)
    {
        var actor = cause.Actor.Name;
        return kind switch
        {
            NoticeKind.StageApproved => new(
                "Approved, one more step",
                "accent",
                $"{actor} approved your request. {RequestProgress.NextStep(r)}",
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
                $"Your request missed its target date ({CardText.Date(r.DueAt)}). Sorry for the wait: the lead of {r.TeamName} has been alerted and will follow up.",
                null,
                null),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown notice."),
        };
    }

    // The state the event led to (the request may have moved on since).
    private static RequestState StateAt(ServiceRequest r, OutboxEvent cause) =>
        r.History.LastOrDefault(h => h.At == cause.CreatedAt && h.Actor.Id == cause.Actor.Id)?.To ?? r.State;

    private static string RatingWord(int rating) => rating switch
    {
        5 => "Excellent",
        4 => "Good",
        3 => "OK",
        2 => "Poor",
        _ => "Bad",
    };
}
