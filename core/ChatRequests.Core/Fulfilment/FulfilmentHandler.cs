using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Core.Fulfilment;

/// <summary>
/// Runs the background steps an event calls for: approval cards, the team channel card, requester notices, and the
/// SLA sweep's reminders, at-risk warnings and escalations, and the automatic provisioning of approved requests.
/// Every step is idempotent, so running an event twice (at-least-once delivery) has the effect of once.
/// The same handler runs in the bot's in-process worker and in the Functions app.
/// </summary>
/// <remarks>
/// A person Teams cannot reach (<see cref="RecipientUnreachableException"/>) is never retried for minutes: an approver
/// is rerouted at once (<see cref="ServiceRequest.RerouteUnreachable"/>), anyone else's event is parked with a warning.
/// Any other refusal that retrying cannot heal (<see cref="IClassifiedFailure.IsPermanent"/>) parks the event at once too.
/// </remarks>
/// <param name="collaborators">What the optional steps (provisioning, rerouting, assignment, immediate escalation) run on.</param>
public sealed class FulfilmentHandler(
    INotifier notifier,
    IRequestStore store,
    TimeProvider clock,
    ILogger<FulfilmentHandler> logger,
    FulfilmentCollaborators collaborators)
{
    private readonly ProvisioningRun _provisioning = new(
        store, clock, collaborators.Provisioner, collaborators.Webhooks, logger, collaborators.ResolutionRules);
    private readonly StandInFinder? _standIns = collaborators.StandIns;
    private readonly IDirectory? _directory = collaborators.Directory;
    private readonly TeamAssignment? _assignment = collaborators.Assignment;
    private readonly EscalationContactsFinder? _escalations = collaborators.Escalations;
    private readonly ApproverResolver? _approvers = collaborators.Approvers;
    private readonly ICatalog? _catalog = collaborators.Catalog;
    private readonly FactsProjection? _facts = collaborators.Facts;

    public async Task HandleAsync(ServiceRequest request, OutboxEvent e, CancellationToken cancellationToken = default)
    {
        using var span = FulfilmentTelemetry.Start(request, e);
        try
        {
            await HandleOnceAsync(request, e, cancellationToken);
            FulfilmentTelemetry.Handled(span, e);
        }
        catch (Exception ex)
        {
            FulfilmentTelemetry.Failed(span, e, ex);
            throw;
        }
    }

    private async Task HandleOnceAsync(ServiceRequest request, OutboxEvent e, CancellationToken cancellationToken)
    {
        try
        {
            // First, for any event: a store that fails throws here and the event is retried like any other, before any
            // card is posted; the row is only replaced by a newer document, so the retry and later events are harmless.
            if (_facts is not null)
            {
                await _facts.ProjectAsync(request, cancellationToken);
            }

            await HandleEventAsync(request, e, cancellationToken);
        }
        catch (RecipientUnreachableException ex)
        {
            logger.LogWarning("{EventType} event {EventId} of {RequestId} cannot reach {PersonId} ({Reason}); parked, not retried",
                e.Type, e.Id, request.Id, ex.PersonId, ex.Reason);
            throw new PermanentEventFailureException(ex.Message);
        }
        catch (Exception ex) when (ex is IClassifiedFailure { IsPermanent: true })
        {
            // A refusal that is not about one person (the bot removed from the team's channel, a 400, a 401): park now.
            logger.LogWarning("{EventType} event {EventId} of {RequestId} was refused for good ({Reason}); parked, not retried",
                e.Type, e.Id, request.Id, ex.Message);
            throw new PermanentEventFailureException($"{ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private async Task HandleEventAsync(ServiceRequest request, OutboxEvent e, CancellationToken cancellationToken)
    {
        switch (e.Type)
        {
            case RequestEventType.ApprovalRequested:
                if (request.PendingStage is { } stage)
                {
                    foreach (var approver in Reachable(stage, stage.Approvers))
                    {
                        await ReachOrRerouteAsync(
                            request, approver, () => notifier.ShowApprovalCardAsync(request, approver, request.CurrentStage, cancellationToken), cancellationToken);
                    }
                }

                break;
            case RequestEventType.ApprovalRerouted:
                await notifier.NotifyRequesterAsync(request, NoticeKind.ApprovalRerouted, e, cancellationToken);
                break;
            case RequestEventType.ApprovalTimedOut:
                // The cards of those who did not answer in time stop asking them and say where the stage went, and they
                // are told so in chat (once per event and person: the ledger keeps it across restarts and redeliveries).
                if (request.Approvals.Select((s, i) => (s, i)).FirstOrDefault(x => x.s.TimedOutAt == e.CreatedAt) is ({ } timedOut, var index))
                {
                    await RefreshCardsAsync(request, index, timedOut.Late, cancellationToken);
                    await TellLateApproversAsync(request, index, timedOut, e, cancellationToken);
                }

                break;
            case RequestEventType.ApprovalStuck:
                await notifier.NotifyRequesterAsync(request, NoticeKind.ApprovalStuck, e, cancellationToken);
                break;
            case RequestEventType.StagePartlyApproved:
                // Every approver's card of the stage shows who approved and who is still asked.
                await RefreshApprovalCardsAsync(request, cancellationToken);
                break;
            case RequestEventType.StageApproved:
                await RefreshApprovalCardsAsync(request, cancellationToken);
                await notifier.NotifyRequesterAsync(request, NoticeKind.StageApproved, e, cancellationToken);
                break;
            case RequestEventType.Approved:
                await RefreshApprovalCardsAsync(request, cancellationToken);
                if (request.Approvals.Count > 0)
                {
                    await notifier.NotifyRequesterAsync(request, NoticeKind.Approved, e, cancellationToken);
                }

                // The team's rule first, so that the channel's first card already names the agent or says why nobody.
                var reached = _assignment is null ? request : await _assignment.ReachTeamAsync(request, e.CreatedAt, cancellationToken);
                await notifier.ShowTeamCardAsync(reached, cancellationToken);
                await EscalateAtOnceAsync(reached, cancellationToken);
                break;
            case RequestEventType.Rejected:
                await RefreshApprovalCardsAsync(request, cancellationToken);
                await notifier.NotifyRequesterAsync(request, NoticeKind.Rejected, e, cancellationToken);
                break;
            case RequestEventType.Assigned:
                await NotifyAndRefreshTeamCardAsync(request, NoticeKind.Assigned, e, cancellationToken);
                // Given by someone else (the system, a colleague): the assignee hears it in chat; a later reassignment tells its own.
                if (request.Assignee is { } assignee && assignee.Id != e.Actor.Id && IsLatestAssignment(request, e))
                {
                    await notifier.TellAssigneeAsync(request, assignee, e, cancellationToken);
                }

                break;
            case RequestEventType.Reannounced:
                if (request.State == RequestState.Approved && request.Assignee is null)
                {
                    await notifier.ReannounceAsync(request, e, cancellationToken);
                    if (_assignment is not null)
                    {
                        await _assignment.ScheduleNextReannounceAsync(request.Id, e.CreatedAt, cancellationToken);
                    }
                }

                break;
            case RequestEventType.StatusChanged:
                await NotifyAndRefreshTeamCardAsync(request, NoticeKind.StatusChanged, e, cancellationToken);
                break;
            case RequestEventType.QuestionAsked:
                await NotifyAndRefreshTeamCardAsync(request, NoticeKind.QuestionAsked, e, cancellationToken);
                break;
            case RequestEventType.QuestionAnswered:
                await notifier.ReplyInTeamThreadAsync(request, e, cancellationToken);
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                break;
            case RequestEventType.Resolved:
                await NotifyAndRefreshTeamCardAsync(request, NoticeKind.Resolved, e, cancellationToken);
                break;
            case RequestEventType.Reopened:
            case RequestEventType.Closed:
                // The requester did this and was answered in the turn; the channel must show it.
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                break;
            case RequestEventType.Cancelled:
                await RefreshApprovalCardsAsync(request, cancellationToken);
                if (WasRoutedToTeam(request))
                {
                    await notifier.ShowTeamCardAsync(request, cancellationToken);
                }

                break;
            case RequestEventType.ApprovalReminder:
                // The stage this reminder was for, if it still waits; decided meanwhile, there is nothing to remind of.
                if (request.PendingStage is { Decision: null } pending && pending.RemindedAt == e.CreatedAt)
                {
                    foreach (var approver in Reachable(pending, pending.Awaiting))
                    {
                        await ReachOrRerouteAsync(
                            request, approver, () => notifier.RemindApproverAsync(request, approver, e, cancellationToken), cancellationToken);
                    }
                }

                break;
            case RequestEventType.SlaAtRisk:
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                if (request.State.IsInFulfilment())
                {
                    await notifier.WarnTeamAtRiskAsync(request, e, cancellationToken);
                }

                await PostEscalationCardsAsync(request, e, x => x.At, cancellationToken);
                break;
            case RequestEventType.SlaBreached:
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                await PostEscalationCardsAsync(request, e, x => x.At, cancellationToken);
                await notifier.NotifyRequesterAsync(request, NoticeKind.SlaBreached, e, cancellationToken);
                break;
            case RequestEventType.Escalated:
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                await PostEscalationCardsAsync(request, e, x => x.At, cancellationToken);
                break;
            case RequestEventType.Deescalated:
                // The cards say it is resolved; the team card drops the level with the Resolved or Cancelled event.
                await PostEscalationCardsAsync(request, e, x => x.ResolvedAt, cancellationToken);
                break;
            case RequestEventType.ParkedNotice:
                // The card shows the parking as it stands now: a later Retry or Dismiss raises its own notice to update it.
                if (e.Comment is { } parkId && request.FindParking(parkId) is { } parking)
                {
                    await notifier.ShowParkedStepAsync(request, parking, cancellationToken);
                }

                break;
            case RequestEventType.ProvisioningRequested:
                await _provisioning.RunAsync(request, cancellationToken);
                break;
            case RequestEventType.ProvisioningFailed:
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                break;
            case RequestEventType.SupplierOverdue:
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                if (request.Assignee is { } lateFor)
                {
                    await notifier.AlertSupplierOverdueAsync(request, lateFor, e, cancellationToken);
                }

                break;
            case RequestEventType.AlternativesOffered:
                await NotifyAndRefreshTeamCardAsync(request, NoticeKind.AlternativesOffered, e, cancellationToken);
                break;
            case RequestEventType.ItemChosen:
                // The requester chose in the turn; the channel must show the new item (or that they keep waiting).
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                break;
            case RequestEventType.OutForDelivery:
                await NotifyAndRefreshTeamCardAsync(request, NoticeKind.OutForDelivery, e, cancellationToken);
                break;
            case RequestEventType.RequestEdited:
                await ShowEditAsync(request, e, cancellationToken);
                break;
            case RequestEventType.ReviewRequested:
            case RequestEventType.ReviewFailed:
            case RequestEventType.ConfirmationReminder:
            case RequestEventType.AutoClosed:
            case RequestEventType.ReceiptReminder:
            case RequestEventType.ReceiptOverdue:
            case RequestEventType.ReviewWaiting:
                await HandleClosingAsync(request, e, cancellationToken);
                break;
            case RequestEventType.Anonymised:
                // Nothing to tell anyone: the projection above has replaced the row with the anonymised one.
                break;
            default:
                throw new PermanentEventFailureException($"No handler for event type {e.Type}.");
        }
    }

    /// <summary>
    /// The escalation cards of the levels this event is about (fired, or resolved, at its instant). Someone Teams cannot
    /// reach is logged and skipped: the others of the level still get theirs.
    /// </summary>
    private async Task PostEscalationCardsAsync(
        ServiceRequest request, OutboxEvent e, Func<Escalation, DateTimeOffset?> instant, CancellationToken cancellationToken)
    {
        foreach (var escalation in request.Escalations.Where(x => instant(x) == e.CreatedAt))
        {
            try
            {
                await notifier.EscalateAsync(request, escalation, e, cancellationToken);
            }
            catch (RecipientUnreachableException ex)
            {
                logger.LogWarning("Escalation level {Level} of {RequestId} could not reach {PersonId} ({Reason})",
                    escalation.Level, request.Id, ex.PersonId, ex.Reason);
            }
        }
    }

    /// <summary>
    /// P1, or a VIP requester: level 3 as soon as the team has it (<see cref="ServiceRequest.EscalateAtOnce"/>), saved with
    /// its own event. Decided on the request in hand, so that the store is read again (to save on its latest version) only
    /// for a request that escalates, not on every approval.
    /// </summary>
    private async Task EscalateAtOnceAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        if (_escalations is null
            || request.WhyEscalateAtOnce(await _escalations.IsVipAsync(request, cancellationToken)) is null
            || await store.GetAsync(request.Id, cancellationToken) is not { } current)
        {
            return;
        }

        var contacts = await _escalations.ForAsync(current, cancellationToken);
        await store.UpdateIfChangedAsync(current, r => r.EscalateAtOnce(contacts, clock.GetUtcNow()), cancellationToken);
    }

    /// <summary>
    /// The quality check and the closing: the team card offers the check (the reviewers work from the channel); a failed
    /// check is told to the assignee in chat; the requester is reminded while the request still waits for them, and told
    /// when the system closed it.
    /// </summary>
    private async Task HandleClosingAsync(ServiceRequest request, OutboxEvent e, CancellationToken cancellationToken)
    {
        switch (e.Type)
        {
            case RequestEventType.ReviewFailed:
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                if (request.Assignee is not null)
                {
                    await notifier.TellAssigneeReviewFailedAsync(request, e, cancellationToken);
                }

                break;
            case RequestEventType.ConfirmationReminder:
                if (request.State == RequestState.Fulfilled)
                {
                    await notifier.NotifyRequesterAsync(request, NoticeKind.ConfirmationReminder, e, cancellationToken);
                }

                break;
            case RequestEventType.AutoClosed:
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                await notifier.NotifyRequesterAsync(request, NoticeKind.AutoClosed, e, cancellationToken);
                break;
            case RequestEventType.ReceiptReminder:
                // Received meanwhile (or sent again): nothing to remind of.
                if (request is { State: RequestState.OutForDelivery, Delivery.ReceivedAt: null })
                {
                    await notifier.NotifyRequesterAsync(request, NoticeKind.ReceiptReminder, e, cancellationToken);
                }

                break;
            case RequestEventType.ReceiptOverdue:
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                if (request is { State: RequestState.OutForDelivery, Delivery.ReceivedAt: null })
                {
                    await notifier.TellTeamReceiptOverdueAsync(request, e, cancellationToken);
                }

                break;
            case RequestEventType.ReviewWaiting:
                if (request is { State: RequestState.InReview, Review.IsPending: true })
                {
                    await notifier.RemindReviewersAsync(request, e, cancellationToken);
                }

                break;
            default:
                await notifier.ShowTeamCardAsync(request, cancellationToken);
                break;
        }
    }

    private async Task NotifyAndRefreshTeamCardAsync(
        ServiceRequest request, NoticeKind kind, OutboxEvent e, CancellationToken cancellationToken)
    {
        // The requester is told of what others did; their own actions were confirmed in the turn.
        if (!request.IsRequester(e.Actor.Id))
        {
            await notifier.NotifyRequesterAsync(request, kind, e, cancellationToken);
        }

        await notifier.ShowTeamCardAsync(request, cancellationToken);
    }

    /// <summary>
    /// The requester changed the request (and was answered in the turn): every approval card already posted shows the new
    /// answers, or, for a stage the change sent back, that it is asked again (the new round's cards come with its own
    /// event); the channel's card too, once the team has it.
    /// </summary>
    private async Task ShowEditAsync(ServiceRequest request, OutboxEvent e, CancellationToken cancellationToken)
    {
        for (var stage = 0; stage < request.Approvals.Count; stage++)
        {
            var posted = request.Approvals[stage] is { RequestedAt: { } at } ? at < e.CreatedAt : request.Approvals[stage].Decision is not null;
            if (posted)
            {
                await RefreshCardsAsync(request, stage, request.Approvals[stage].Approvers, cancellationToken);
            }
        }

        if (WasRoutedToTeam(request))
        {
            await notifier.ShowTeamCardAsync(request, cancellationToken);
        }
    }

    private async Task RefreshApprovalCardsAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        for (var stage = 0; stage < request.Approvals.Count; stage++)
        {
            if (stage > request.CurrentStage)
            {
                break;
            }

            await RefreshCardsAsync(request, stage, request.Approvals[stage].Approvers, cancellationToken);
        }
    }

    private async Task RefreshCardsAsync(ServiceRequest request, int stage, IEnumerable<PersonRef> people, CancellationToken cancellationToken)
    {
        foreach (var approver in Reachable(request.Approvals[stage], people))
        {
            try
            {
                await notifier.ShowApprovalCardAsync(request, approver, stage, cancellationToken);
            }
            catch (RecipientUnreachableException ex)
            {
                // Bringing a card up to date is not worth holding the requester's notice or the team card back.
                logger.LogWarning("The approval card of {RequestId} could not be brought up to date for {PersonId} ({Reason})",
                    request.Id, ex.PersonId, ex.Reason);
            }
        }
    }

    private async Task TellLateApproversAsync(
        ServiceRequest request, int stage, ApprovalStage timedOut, OutboxEvent cause, CancellationToken cancellationToken)
    {
        foreach (var late in Reachable(timedOut, timedOut.Late))
        {
            try
            {
                await notifier.TellLateApproverAsync(request, late, stage, cause, cancellationToken);
            }
            catch (RecipientUnreachableException ex)
            {
                // The stage has moved on already; a courtesy notice that cannot be delivered holds nothing back.
                logger.LogWarning("{PersonId} could not be told that {RequestId} went to someone else ({Reason})",
                    ex.PersonId, request.Id, ex.Reason);
            }
        }
    }

    /// <summary>
    /// Posts to an approver of the pending stage; when Teams cannot reach them, takes the stage from them at once. A
    /// stage that nobody reachable can decide parks the event (the health check shows it) after the requester was told.
    /// </summary>
    private async Task ReachOrRerouteAsync(ServiceRequest request, PersonRef approver, Func<Task> post, CancellationToken cancellationToken)
    {
        try
        {
            await post();
            return;
        }
        catch (RecipientUnreachableException ex) when (ex.PersonId == approver.Id)
        {
            var outcome = RerouteOutcome.Unchanged;
            if (await store.GetAsync(request.Id, cancellationToken) is { } current)
            {
                var missing = await MissingFallbacksAsync(current, cancellationToken);
                var fallbacks = _standIns is not null && current.PendingStage is { } stage
                    ? await _standIns.FindAsync(stage.Fallbacks.Concat(missing).SelectMany(f => f.Approvers), cancellationToken)
                    : null;
                var calendar = _directory is null
                    ? null
                    : (await _directory.FindTeamAsync(current.TeamId, cancellationToken))?.WorkingCalendar();
                await store.UpdateIfChangedAsync(current, r =>
                {
                    r.KeepMissingFallbacks(missing);
                    return (outcome = r.RerouteUnreachable(approver, ex.Reason, clock.GetUtcNow(), fallbacks, calendar)) != RerouteOutcome.Unchanged;
                }, cancellationToken);
            }

            logger.LogWarning("Approver {PersonId} of {RequestId} could not be reached ({Reason}): {Outcome}",
                approver.Id, request.Id, ex.Reason, outcome);
            if (outcome == RerouteOutcome.Stuck)
            {
                throw new PermanentEventFailureException(
                    $"Nobody who can decide {request.PendingStage?.Name} of {request.Id} can be reached; route it by hand.");
            }
        }
    }

    /// <summary>
    /// The fallbacks of a pending stage stored before they were kept, worked out now from its approvers; empty when it
    /// has its own. Only before its first unreachable approver: after that its approvers are what the reroute left, and
    /// a stage that had none at submission (several approvers, no group) must stay as logged: stuck once all are gone.
    /// </summary>
    private async Task<IReadOnlyList<StageRoute>> MissingFallbacksAsync(ServiceRequest request, CancellationToken cancellationToken) =>
        _approvers is not null && request.PendingStage is { Fallbacks.Count: 0, Unreachable.Count: 0 } stage
            ? await _approvers.FallbacksOfStoredAsync(request, stage, _catalog?.Find(request.CatalogItemId), cancellationToken)
            : [];

    private static IEnumerable<PersonRef> Reachable(ApprovalStage stage, IEnumerable<PersonRef> people) =>
        people.Where(a => !stage.Unreachable.Any(u => u.Id == a.Id));

    private static bool IsLatestAssignment(ServiceRequest request, OutboxEvent e) =>
        request.History.LastOrDefault(h => h.Action == AuditAction.Assign || h.Action == AuditAction.Reassign)?.At == e.CreatedAt;

    private static bool WasRoutedToTeam(ServiceRequest request) =>
        request.History.Any(h => h.To == RequestState.Approved);
}

/// <summary>An event that can never succeed (bad payload, unknown type): park it at once, do not retry.</summary>
public sealed class PermanentEventFailureException(string message, Exception? innerException = null) : Exception(message, innerException);
