using System.Globalization;
using System.Text.Json.Serialization;
using ChatRequests.Core.BusinessHours;

namespace ChatRequests.Core.Requests;

// The quality check: a resolution that needs it goes to a reviewer (a colleague or the lead, never who did the work)
// before the requester is asked to confirm; and the agent's work note, kept for the team and never shown to the requester.
public sealed partial class ServiceRequest
{
    /// <summary>The agent's internal note of the work done at the latest resolution; null when none was left.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? WorkNote { get; internal set; }

    /// <summary>The quality check of the latest resolution that needed one; null when none did.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public QualityReview? Review { get; internal set; }

    /// <summary>Who verified the work, when the last quality check passed.</summary>
    [JsonIgnore] public PersonRef? VerifiedBy => Review is { Passed: true, Reviewer: { } reviewer } ? reviewer : null;

    /// <summary>
    /// The agent resolves: with a quality check due the work goes to review (the requester hears nothing yet), otherwise
    /// the request is fulfilled and the requester asked to confirm. The work note is required where <paramref name="rules"/>
    /// say so; it is recorded in the history as an internal line.
    /// </summary>
    public void Resolve(
        PersonRef agent, string notes, DateTimeOffset now, string? workNote = null, ResolutionRules? rules = null, WorkingCalendar? calendar = null)
    {
        rules ??= ResolutionRules.None;
        var text = Normalise(notes) ?? throw new RequestRuleException("Please add resolution notes: the requester reads them.");
        var note = Normalise(workNote);
        if (note is null && rules.WorkNoteRequired)
        {
            throw new RequestRuleException("Please add a work note: what you did, for the reviewer and for next time.");
        }

        Apply(rules.QualityCheck ? RequestCommand.SubmitForReview : RequestCommand.Resolve, agent, now, text, calendar);
        Assignee ??= agent;
        ResolutionNotes = text;
        StatusNote = null;
        WorkNote = note;
        if (note is not null)
        {
            Record(now, agent, AuditAction.WorkNote, State, State, note);
        }

        if (rules.QualityCheck)
        {
            StartReview(agent, now, rules);
            return;
        }

        ScheduleClosing(now, rules.Closing);
        Raise(RequestEventType.Resolved, agent, now, text);
    }

    /// <summary>
    /// A reviewer verified the work: the request is fulfilled, the requester is asked to confirm (the notice names the
    /// agent who resolved it) and the history records who verified. Nobody passes their own work.
    /// </summary>
    /// <remarks>A physical item held for the check goes out for delivery instead (<see cref="ReleaseForDelivery"/>): the requester is fulfilled on receipt.</remarks>
    public void PassReview(PersonRef reviewer, DateTimeOffset now, ClosingTerms? closing = null)
    {
        var review = PendingReview(reviewer, RequestCommand.PassReview);
        if (Delivery is { HeldForCheck: true } held)
        {
            ReleaseForDelivery(held, reviewer, now, closing);
            Review = review with { Reviewer = reviewer, Passed = true, DecidedAt = now };
            return;
        }

        Apply(RequestCommand.PassReview, reviewer, now, $"Quality check passed: verified by {reviewer.Name}");
        Review = review with { Reviewer = reviewer, Passed = true, DecidedAt = now };
        ScheduleClosing(now, closing);
        Raise(RequestEventType.Resolved, review.ResolvedBy, now, ResolutionNotes);
    }

    /// <summary>A reviewer found the work wanting: back to the assignee, in progress, with the reason (required).</summary>
    public void FailReview(PersonRef reviewer, string? reason, DateTimeOffset now)
    {
        var review = PendingReview(reviewer, RequestCommand.FailReview);
        var why = Normalise(reason) ?? throw new RequestRuleException("Please say what is wrong: the assignee reads it.");
        Apply(RequestCommand.FailReview, reviewer, now, why);
        Review = review with { Reviewer = reviewer, Passed = false, Reason = why, DecidedAt = now };
        ResolutionNotes = null;
        // An item held for the check never went out: there is no delivery to track until it is sent again.
        Delivery = Delivery is { HeldForCheck: true } ? null : Delivery;
        // Not the status note: the requester's cards show that, and the reason is for the team (the team card shows it).
        StatusNote = null;
        Raise(RequestEventType.ReviewFailed, reviewer, now, why);
    }

    /// <summary>The work (or the item, or the automatic grant) waits for a reviewer; the team card offers Pass / Fail.</summary>
    private void StartReview(PersonRef resolvedBy, DateTimeOffset now, ResolutionRules rules)
    {
        Review = new QualityReview(resolvedBy, now) { RemindAt = rules.ReviewReminder?.RemindAt(now) };
        Raise(RequestEventType.ReviewRequested, resolvedBy, now, null);
    }

    /// <summary>When the sweep must tell the lead that the check still waits; null when nothing is due.</summary>
    [JsonIgnore]
    internal DateTimeOffset? ReviewReminderAt =>
        State == RequestState.InReview && Review is { IsPending: true, RemindAt: { } at, RemindedAt: null } ? at : null;

    /// <summary>
    /// The sweep's branch for a check that waits: past the team's reminder time, the lead (or the team's thread) is told
    /// once, marked in the document. True when it did so.
    /// </summary>
    private bool RemindReviewers(DateTimeOffset now)
    {
        if (ReviewReminderAt is not { } due || now < due)
        {
            return false;
        }

        var review = Review!;
        Review = review with { RemindedAt = now };
        Note(AuditAction.RemindReviewers, now, $"The quality check still waits (since {Utc(review.RequestedAt)}); the team lead was told");
        Raise(RequestEventType.ReviewWaiting, PersonRef.System, now, null);
        return true;
    }

    private static string Utc(DateTimeOffset at) => at.ToUniversalTime().ToString("d MMM HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private QualityReview PendingReview(PersonRef reviewer, RequestCommand command)
    {
        if (State != RequestState.InReview || Review is not { IsPending: true } review)
        {
            throw new RequestTransitionException(State, command);
        }

        if (reviewer.Id == review.ResolvedBy.Id || reviewer.Id == Assignee?.Id)
        {
            throw new NotPermittedException("You did this work, so a colleague or the team lead has to check it.");
        }

        if (IsRequester(reviewer.Id))
        {
            throw new NotPermittedException("You asked for this request, so a colleague or the team lead has to check it.");
        }

        return review;
    }
}
