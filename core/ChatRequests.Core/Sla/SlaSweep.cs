using System.Text.Json;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Core.Sla;

/// <summary>
/// What one sweep did: requests looked at, the reminders, warnings and escalations it saved, and the requests it left to
/// the next sweep because they kept changing (<see cref="RequestStoreUpdates.MaxSaveAttempts"/> saves lost).
/// </summary>
public sealed record SlaSweepResult(int Checked, int Reminders, int Warnings, int Escalations, int Conflicts)
{
    /// <summary>Stages whose approvers did not answer in the approval timeout (rerouted, or left with the history saying why).</summary>
    public int Timeouts { get; init; }

    /// <summary>Unassigned requests posted in their team's channel again.</summary>
    public int Reannouncements { get; init; }

    /// <summary>Assignees alerted that a supplier's expected date passed.</summary>
    public int SupplierAlerts { get; init; }

    /// <summary>Fulfilled requests whose requester was reminded to confirm or reopen.</summary>
    public int ConfirmationReminders { get; init; }

    /// <summary>Fulfilled requests closed by the system for want of the requester's answer.</summary>
    public int AutoClosed { get; init; }

    /// <summary>Deliveries not acknowledged that were followed up (the requester reminded, or the assignee told).</summary>
    public int ReceiptFollowUps { get; init; }

    /// <summary>Quality checks that waited past their team's reminder time (the lead told).</summary>
    public int ReviewReminders { get; init; }

    /// <summary>Requests brought to the organisation's current retention settings (the first sweep, and after they change).</summary>
    public int RetentionAdopted { get; init; }

    /// <summary>
    /// True when changed retention settings have reached only part of the store (<see cref="SlaSweep.RetentionBatchSize"/>
    /// a sweep): the next sweep goes on where this one stopped; a sweeper runs it at once.
    /// </summary>
    public bool RetentionUnderWay { get; init; }

    /// <summary>Final requests whose personal data the retention policy removed.</summary>
    public int Anonymised { get; init; }

    /// <summary>Anonymised requests whose audit was kept as long as the policy says, and whose documents were deleted.</summary>
    public int Deleted { get; init; }

    /// <summary>This sweep and the <paramref name="next"/> one, as one: the counts added, whether retention is still under way from the next.</summary>
    public SlaSweepResult Then(SlaSweepResult next) =>
        new(Checked + next.Checked, Reminders + next.Reminders, Warnings + next.Warnings, Escalations + next.Escalations, Conflicts + next.Conflicts)
        {
            Timeouts = Timeouts + next.Timeouts,
            Reannouncements = Reannouncements + next.Reannouncements,
            SupplierAlerts = SupplierAlerts + next.SupplierAlerts,
            ConfirmationReminders = ConfirmationReminders + next.ConfirmationReminders,
            AutoClosed = AutoClosed + next.AutoClosed,
            ReceiptFollowUps = ReceiptFollowUps + next.ReceiptFollowUps,
            ReviewReminders = ReviewReminders + next.ReviewReminders,
            RetentionAdopted = RetentionAdopted + next.RetentionAdopted,
            RetentionUnderWay = next.RetentionUnderWay,
            Anonymised = Anonymised + next.Anonymised,
            Deleted = Deleted + next.Deleted,
        };

    /// <summary>Events raised (and saved in the requests' outboxes): the relay has work when this is positive.</summary>
    public int Events => Reminders + Warnings + Escalations + Timeouts + SupplierAlerts + Reannouncements + ConfirmationReminders + AutoClosed
        + ReceiptFollowUps + ReviewReminders + Anonymised;
}

/// <summary>
/// The SLA sweep: finds requests whose SLA check is due (<see cref="IRequestStore.ListSlaCheckDueAsync"/>), lets each
/// do what is due (<see cref="ServiceRequest.CheckSla"/>) and saves it through <see cref="RequestStoreUpdates"/>. The
/// marks in the document and the version check make every reminder and escalation happen once, however many sweeps
/// run: a sweep that loses the race on a request checks it again on what the winner saved, and finds it done.
/// </summary>
/// <param name="directory">Where the teams' calendars come from (read once per sweep, when a request needs one); without it every hour counts.</param>
/// <param name="escalations">Who the escalation ladder's levels go to; without it they go to nobody but the history.</param>
public sealed class SlaSweep(
    IRequestStore store,
    TimeProvider clock,
    ILogger<SlaSweep> logger,
    StandInFinder? standIns = null,
    IDirectory? directory = null,
    EscalationContactsFinder? escalations = null)
{
    /// <summary>Requests taken per query; the sweep pages on until none is due.</summary>
    public const int PageSize = 50;

    /// <summary>The store's mark holding the retention settings (as JSON) that a finished scan brought every request to.</summary>
    public const string RetentionMark = "retention-adopted";

    /// <summary>
    /// The store's mark of a scan under way (<see cref="RetentionProgress"/>): the settings it brings the requests to and the
    /// submission time it goes on from. Empty when none is under way.
    /// </summary>
    public const string RetentionProgressMark = "retention-adopting";

    /// <summary>
    /// Requests one sweep brings to changed retention settings, about (a batch ends between two submission times): a change
    /// goes through a large store in steps, one per sweep, so that no sweep rewrites the whole store before the reminders
    /// and escalations that are due.
    /// </summary>
    public const int RetentionBatchSize = 500;

    // The retention settings every request was brought to, as this sweeper knows; null until its first sweep checked.
    private RetentionSettings? _retentionAdopted;

    public async Task<SlaSweepResult> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var (adopted, retentionUnderWay) = await AdoptRetentionAsync(cancellationToken);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int reminders = 0, warnings = 0, escalations = 0, timeouts = 0, conflicts = 0, supplierAlerts = 0, reannouncements = 0;
        int confirmationReminders = 0, autoClosed = 0, receiptFollowUps = 0, reviewReminders = 0, anonymised = 0, deleted = 0;
        IReadOnlyDictionary<string, WorkingCalendar>? calendars = null;
        while (true)
        {
            var page = await store.ListSlaCheckDueAsync(now, PageSize, cancellationToken);
            // A request comes back when its save conflicted (or did nothing); once a page holds nothing new, stop.
            var fresh = page.Where(r => seen.Add(r.Id)).ToList();
            foreach (var loaded in fresh)
            {
                // Checked again on the newer version when someone saved first: what the winner did is not done twice.
                var outcome = SlaOutcome.None;
                ServiceRequest request;
                try
                {
                    var fallbacks = await FallbackStandInsAsync(loaded, cancellationToken);
                    calendars ??= await CalendarsAsync(loaded, cancellationToken);
                    var calendar = calendars?.GetValueOrDefault(loaded.TeamId);
                    var contacts = await EscalationContactsAsync(loaded, cancellationToken);
                    request = await store.UpdateIfChangedAsync(loaded, r => (outcome = r.CheckSla(now, fallbacks, calendar, contacts)).DidAnything, cancellationToken);
                    if (outcome.Expired)
                    {
                        await store.DeleteAsync(request, cancellationToken);
                        logger.LogInformation("{RequestId} deleted: its retention ended", request.Id);
                        deleted++;
                        continue;
                    }
                }
                catch (ConcurrencyConflictException)
                {
                    logger.LogInformation("SLA check of {RequestId} left to the next sweep: the request kept changing", loaded.Id);
                    conflicts++;
                    continue;
                }

                if (!outcome.DidAnything)
                {
                    continue;
                }

                reminders += outcome.RemindedApprovers ? 1 : 0;
                warnings += outcome.WarnedAtRisk ? 1 : 0;
                escalations += outcome.Escalated ? 1 : 0;
                timeouts += outcome.TimedOutApproval ? 1 : 0;
                supplierAlerts += outcome.AlertedSupplierLate ? 1 : 0;
                reannouncements += outcome.Reannounced ? 1 : 0;
                confirmationReminders += outcome.RemindedRequester ? 1 : 0;
                autoClosed += outcome.AutoClosed ? 1 : 0;
                receiptFollowUps += outcome.ChasedReceipt ? 1 : 0;
                reviewReminders += outcome.RemindedReviewers ? 1 : 0;
                anonymised += outcome.Anonymised ? 1 : 0;
                Log(request, outcome);
            }

            if (page.Count < PageSize || fresh.Count == 0)
            {
                return new SlaSweepResult(seen.Count, reminders, warnings, escalations, conflicts)
                {
                    Timeouts = timeouts, SupplierAlerts = supplierAlerts, Reannouncements = reannouncements,
                    ConfirmationReminders = confirmationReminders, AutoClosed = autoClosed,
                    ReceiptFollowUps = receiptFollowUps, ReviewReminders = reviewReminders, Anonymised = anonymised, Deleted = deleted,
                    RetentionAdopted = adopted, RetentionUnderWay = retentionUnderWay,
                };
            }
        }
    }

    private void Log(ServiceRequest request, SlaOutcome outcome)
    {
        if (outcome.Escalated)
        {
            // Structured, so that alerts can be set on the log as well.
            logger.LogWarning("SLA breached: {RequestId} of team {TeamId} is {State}, due {DueAt:o}; escalated",
                request.Id, request.TeamId, request.State, request.DueAt);
        }
        else if (outcome.WarnedAtRisk)
        {
            logger.LogInformation("SLA at risk: {RequestId} of team {TeamId} is due {DueAt:o}", request.Id, request.TeamId, request.DueAt);
        }
        else if (outcome.AlertedSupplierLate && !outcome.TimedOutApproval && !outcome.RemindedApprovers)
        {
            logger.LogInformation("Supplier late on {RequestId}: assignee alerted", request.Id);
        }
        else if (outcome.Reannounced)
        {
            logger.LogInformation("{RequestId} of team {TeamId} is still unassigned; posted in the channel again", request.Id, request.TeamId);
        }
        else if (outcome.Anonymised)
        {
            logger.LogInformation("{RequestId} anonymised under the retention policy", request.Id);
        }
        else if (outcome.AutoClosed)
        {
            logger.LogInformation("{RequestId} closed automatically: its requester did not answer", request.Id);
        }
        else if (outcome.RemindedRequester)
        {
            logger.LogInformation("Requester of {RequestId} reminded to confirm", request.Id);
        }
        else if (outcome.ChasedReceipt || outcome.RemindedReviewers)
        {
            logger.LogInformation("{RequestId} followed up: {What}", request.Id, outcome.ChasedReceipt ? "delivery not acknowledged" : "quality check waiting");
        }
        else if (outcome.TimedOutApproval)
        {
            logger.LogInformation("Approval of {RequestId} timed out (stage {Stage})", request.Id, request.CurrentStage);
        }
        else
        {
            logger.LogInformation("Approvers of {RequestId} reminded (stage {Stage})", request.Id, request.CurrentStage);
        }
    }

    /// <summary>
    /// The teams' calendars, by team id, read from the directory once per sweep and only when a request needs one: a
    /// stage about to time out is put to its fallback with a reminder counted on its team's calendar.
    /// </summary>
    private async Task<IReadOnlyDictionary<string, WorkingCalendar>?> CalendarsAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        directory is not null && request.PendingStage is { TimeoutHours: not null, TimedOutAt: null, RemindedAt: not null }
            ? (await directory.ListTeamsAsync(cancellationToken)).DistinctBy(t => t.Id).ToDictionary(t => t.Id, t => t.WorkingCalendar(), StringComparer.Ordinal)
            : null;

    /// <summary>
    /// Brings every request to the organisation's retention settings once per change of them (requests logged before the
    /// settings existed, or under others); otherwise nothing, since a request takes them when it is logged. One scan of the
    /// store, only then, <see cref="RetentionBatchSize"/> requests per sweep: its saves put the anonymisation instant into
    /// the index the sweep queries. After each batch the store's <see cref="RetentionProgressMark"/> says where the next
    /// one goes on, so a sweep stopped half-way (a restart, another sweeper) resumes there, and only the requests of the
    /// unfinished batch are read again (a request already brought to the settings is not saved again). The store's
    /// <see cref="RetentionMark"/> says which settings a finished scan brought every request to, so a restart, or another
    /// sweeper, does not scan again. Returns how many requests changed, and whether the scan goes on in the next sweep.
    /// </summary>
    private async Task<(int Changed, bool UnderWay)> AdoptRetentionAsync(CancellationToken cancellationToken)
    {
        if (directory is null)
        {
            return (0, false);
        }

        var settings = (await directory.GetGovernanceSettingsAsync(cancellationToken))?.Retention ?? new RetentionSettings();
        if (settings == _retentionAdopted)
        {
            return (0, false);
        }

        var mark = JsonSerializer.Serialize(settings);
        if (await store.GetMarkAsync(RetentionMark, cancellationToken) == mark)
        {
            _retentionAdopted = settings;
            return (0, false);
        }

        var progress = RetentionProgress.Read(await store.GetMarkAsync(RetentionProgressMark, cancellationToken));
        var scan = progress?.Settings == mark ? progress : new RetentionProgress(mark, From: null, LeftOver: 0);
        if (scan != progress)
        {
            // A scan for other settings stopped half-way is over: coming back to them later starts from the beginning.
            await store.SetMarkAsync(RetentionProgressMark, scan.Write(), cancellationToken);
        }

        int read = 0, changed = 0, leftOver = scan.LeftOver;
        DateTimeOffset? last = null;
        await foreach (var request in store.ScanAsync(submittedFrom: scan.From, cancellationToken: cancellationToken))
        {
            // A batch ends between two submission times: the next one goes on from this request's, and none of its was done.
            if (read >= RetentionBatchSize && request.SubmittedAt != last)
            {
                await store.SetMarkAsync(RetentionProgressMark, (scan with { From = request.SubmittedAt, LeftOver = leftOver }).Write(), cancellationToken);
                LogAdopted(changed);
                return (changed, true);
            }

            read++;
            last = request.SubmittedAt;
            try
            {
                var adopted = false;
                await store.UpdateIfChangedAsync(request, r => adopted = r.AdoptRetention(settings), cancellationToken);
                changed += adopted ? 1 : 0;
            }
            catch (ConcurrencyConflictException)
            {
                // Kept changing: the scan starts again once it reaches the end.
                logger.LogInformation("Retention settings not applied to {RequestId} yet: the request kept changing", request.Id);
                leftOver++;
            }
        }

        if (leftOver == 0)
        {
            await store.SetMarkAsync(RetentionMark, mark, cancellationToken);
            _retentionAdopted = settings;
        }

        // Nothing under way: the next change of the settings (even back to these) starts from the beginning.
        await store.SetMarkAsync(RetentionProgressMark, "", cancellationToken);
        LogAdopted(changed);
        return (changed, false);
    }

    private void LogAdopted(int changed)
    {
        if (changed > 0)
        {
            logger.LogInformation("Retention settings applied to {Count} requests", changed);
        }
    }

    /// <summary>Where a scan bringing the requests to <paramref name="Settings"/> goes on (null: from the beginning).</summary>
    /// <param name="LeftOver">Requests the scan could not bring to the settings so far (it starts again at the end).</param>
    private sealed record RetentionProgress(string Settings, DateTimeOffset? From, int LeftOver)
    {
        public static RetentionProgress? Read(string? mark) =>
            string.IsNullOrEmpty(mark) ? null : JsonSerializer.Deserialize<RetentionProgress>(mark);

        public string Write() => JsonSerializer.Serialize(this);
    }

    /// <summary>Who the escalation ladder's levels go to; looked up only for a request the team works (where a level may fire).</summary>
    private async Task<EscalationContacts?> EscalationContactsAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        escalations is not null && request.State.IsInFulfilment() ? await escalations.ForAsync(request, cancellationToken) : null;

    /// <summary>Who stands in for the people a stage with a timeout may go to; looked up only for such a stage.</summary>
    private async Task<IReadOnlyDictionary<string, StandIn>?> FallbackStandInsAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        standIns is not null && request.PendingStage is { TimeoutHours: not null, TimedOutAt: null, RemindedAt: not null } stage
            ? await standIns.FindAsync(stage.Fallbacks.SelectMany(f => f.Approvers), cancellationToken)
            : null;
}
