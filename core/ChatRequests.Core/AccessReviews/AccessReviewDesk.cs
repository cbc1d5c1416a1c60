using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Core.AccessReviews;

/// <summary>Every request document, read a page at a time (the request store's whole-store scan).</summary>
public delegate IAsyncEnumerable<ServiceRequest> RequestScan(CancellationToken cancellationToken);

/// <summary>What a click on Keep or Remove did: the review as it stands, and who had decided the line first, if someone had.</summary>
public sealed record AccessReviewClick(AccessReview Review, AccessReviewLine? AlreadyDecided);

/// <summary>What one sweep did.</summary>
public sealed record AccessReviewSweep(int Started, int Settled, int Escalated)
{
    /// <summary>Reviewers reminded that their review is due soon.</summary>
    public int Reminded { get; init; }
}

/// <summary>A click on a review that is not the clicker's, or that does not exist: the answer says no and nothing more.</summary>
public sealed class AccessReviewNotYoursException()
    : RequestRuleException("That access review isn't yours to decide, or it no longer exists. Nothing was changed.");

/// <summary>
/// The periodic access reviews (<paramref name="provisioner"/>: Microsoft Graph; null where there is none, and then every
/// removal goes to the team by hand): a sweep starts the cycle on its first working day (each manager gets one card with the
/// grants of the people they manage; people without a manager go to the lead of the item's team), retries removals, and
/// escalates overdue reviews to the reviewer's manager (none: the lead of the first line's team). A click records the
/// decision (the first one wins) and does its effect at once: Keep goes into the request's history; Remove takes the
/// person out of the group through <see cref="IProvisioner"/>, then the history records it and the person is told. A
/// removal that fails is retried by later sweeps; refused, or failing <see cref="AccessReviewOptions.MaxRemovalAttempts"/>
/// times, the team is told in its channel to do it by hand. Every step is idempotent (version-checked documents, the
/// message ledger), so restarts and several sweepers do each thing once.
/// </summary>
public sealed class AccessReviewDesk(
    IAccessReviewStore reviews,
    IRequestStore requests,
    RequestScan scan,
    IDirectory directory,
    INotifier notifier,
    TimeProvider clock,
    IOptions<AccessReviewOptions> options,
    ILogger<AccessReviewDesk> logger,
    IProvisioner? provisioner = null)
{
    private const int MaxOpenPerSweep = 200;
    private const int MaxSaveAttempts = 10;

    // Longer than any sweep takes: work another sweeper claimed and has not finished by then is taken as abandoned.
    private static readonly TimeSpan RecoveryDelay = TimeSpan.FromMinutes(10);

    public async Task<AccessReviewSweep> SweepAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var settings = (await directory.GetGovernanceSettingsAsync(cancellationToken)).AccessReviews;
        IReadOnlySet<string> createdHere = new HashSet<string>();
        if (AccessReviewCycle.At(now, settings) is { } cycle && cycle.HasStarted(now)
            && !await reviews.IsCycleStartedAsync(cycle.Id, cancellationToken))
        {
            createdHere = await StartCycleAsync(cycle, now, cancellationToken);
        }

        int settled = 0, escalated = 0, reminded = 0;
        foreach (var open in await reviews.ListOpenAsync(MaxOpenPerSweep, cancellationToken))
        {
            var review = open;
            // The sweeper that created the review posts its card; another one only when that one seems to have died.
            if (!review.Posted && (createdHere.Contains(review.Id) || now - review.StartedAt >= RecoveryDelay))
            {
                await notifier.ShowAccessReviewAsync(review, review.Reviewer, cancellationToken);
                review = await UpdateAsync(review, r => { r.MarkPosted(); return true; }, cancellationToken);
            }

            var settledHere = 0;
            for (var line = 0; line < review.Lines.Count; line++)
            {
                // A click does its line's effect at once; a sweep retries those a click left, a while later.
                if (review.Lines[line] is { Decision: not null, IsSettled: false, DecidedAt: { } decidedAt } && now - decidedAt >= RecoveryDelay)
                {
                    (review, var done) = await SettleAsync(review, line, null, cancellationToken);
                    settledHere += done ? 1 : 0;
                }
            }

            settled += settledHere;
            if (settledHere > 0)
            {
                await ShowEverywhereAsync(review, cancellationToken);
            }

            (review, var remindedHere) = await RemindAsync(review, now, cancellationToken);
            reminded += remindedHere ? 1 : 0;

            var escalatedHere = false;
            if (review.IsOverdue(now))
            {
                var to = await EscalationTargetAsync(review, cancellationToken);
                review = await UpdateAsync(review, r => escalatedHere = r.IsOverdue(now) && r.Escalate(to, now), cancellationToken);
                if (escalatedHere && to is null)
                {
                    logger.LogWarning("Access review {ReviewId} is overdue and nobody above {ReviewerId} was found; it stays with them",
                        review.Id, review.Reviewer.Id);
                }
            }

            // The sweeper whose save escalated it posts; another one only when that one seems to have died.
            if (review is { EscalatedTo: { } above, EscalationPosted: false, EscalatedAt: { } escalatedAt }
                && (escalatedHere || now - escalatedAt >= RecoveryDelay))
            {
                await notifier.ShowAccessReviewAsync(review, above, cancellationToken);
                await notifier.TellAccessReviewAsync(new AccessReviewNotice(AccessReviewNoticeKind.Escalated, review), cancellationToken);
                await UpdateAsync(review, r => { r.MarkEscalationPosted(); return true; }, cancellationToken);
                escalated++;
            }
        }

        return new AccessReviewSweep(createdHere.Count, settled, escalated) { Reminded = reminded };
    }

    /// <summary>
    /// Keep or Remove on line <paramref name="line"/>, clicked by <paramref name="clicker"/> (from the activity). Refused,
    /// revealing nothing, unless the clicker may decide the review; a line decided already is left as it was.
    /// </summary>
    public async Task<AccessReviewClick> DecideAsync(
        string reviewId, int line, AccessDecision decision, PersonRef clicker, CancellationToken cancellationToken = default)
    {
        var review = await reviews.GetAsync(reviewId, cancellationToken);
        if (review is null || !review.MayDecide(clicker.Id) || line < 0 || line >= review.Lines.Count)
        {
            throw new AccessReviewNotYoursException();
        }

        var decided = false;
        review = await UpdateAsync(review, r => decided = r.Decide(line, decision, clicker, clock.GetUtcNow()), cancellationToken);
        if (!decided)
        {
            return new AccessReviewClick(review, review.Lines[line]);
        }

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(options.Value.ClickRemovalTimeout);
        try
        {
            (review, _) = await SettleAsync(review, line, bounded.Token, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The decision is saved; the next sweep does the rest.
            logger.LogWarning(ex, "Access review {ReviewId} line {Line}: decided, its effect left to the next sweep", review.Id, line);
        }

        // The other card of the review (the reviewer's or the escalation's) shows the decision too.
        await ShowOtherCardAsync(review, clicker.Id, cancellationToken);
        return new AccessReviewClick(review, null);
    }

    /// <summary>
    /// The one reminder before the due date (<see cref="AccessReview.RemindAt"/>): the sweeper whose save marks it sends it (the message ledger keys it too);
    /// another one only when that one seems to have died. Says whether this sweep sent it.
    /// </summary>
    private async Task<(AccessReview Review, bool Reminded)> RemindAsync(
        AccessReview review, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var remindedHere = false;
        if (review.IsReminderDue(now))
        {
            review = await UpdateAsync(review, r => remindedHere = r.IsReminderDue(now) && r.Remind(now), cancellationToken);
        }

        if (review is { RemindedAt: { } remindedAt, ReminderPosted: false } && (remindedHere || now - remindedAt >= RecoveryDelay))
        {
            await notifier.TellAccessReviewAsync(new AccessReviewNotice(AccessReviewNoticeKind.Reminder, review), cancellationToken);
            review = await UpdateAsync(review, r => { r.MarkReminderPosted(); return true; }, cancellationToken);
            return (review, true);
        }

        return (review, false);
    }

    private async Task<IReadOnlySet<string>> StartCycleAsync(AccessReviewCycle cycle, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var requestsSeen = new List<ServiceRequest>();
        await foreach (var request in scan(cancellationToken))
        {
            if (request.ProvisioningStepList.Count > 0)
            {
                requestsSeen.Add(request);
            }
        }

        var byReviewer = new Dictionary<string, (PersonRef Reviewer, List<AccessGrant> Grants)>(StringComparer.Ordinal);
        // A cycle reviews what was granted before it started; a later grant waits for the next cycle. Without this, a cycle
        // started late (the host down at its start, or reviews switched on mid-period) took in grants it never covered, and
        // being past its due date already, escalated them over the reviewer's head at once.
        foreach (var grant in AccessGrant.StillGranted(requestsSeen).Where(g => g.GrantedAt < cycle.StartsAt))
        {
            if (await ReviewerOfAsync(grant, cancellationToken) is not { } reviewer)
            {
                logger.LogWarning("Access review {CycleId}: nobody to review {RequestId} ({GroupId}): no manager and no team lead",
                    cycle.Id, grant.RequestId, grant.GroupId);
                continue;
            }

            if (!byReviewer.TryGetValue(reviewer.Id, out var entry))
            {
                byReviewer[reviewer.Id] = entry = (reviewer, []);
            }

            entry.Grants.Add(grant);
        }

        var created = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (reviewer, grants) in byReviewer.Values)
        {
            var review = AccessReview.Start(cycle.Id, reviewer, grants, now, cycle.DueAt);
            if (await reviews.TryCreateAsync(review, cancellationToken))
            {
                created.Add(review.Id);
            }
        }

        await reviews.MarkCycleStartedAsync(cycle.Id, now, cancellationToken);
        logger.LogInformation("Access review {CycleId} started: {Reviews} reviews, {Grants} grants", cycle.Id, byReviewer.Count, byReviewer.Values.Sum(v => v.Grants.Count));
        return created;
    }

    /// <summary>The person's manager in the directory now; without one, the lead of the item's team.</summary>
    private async Task<PersonRef?> ReviewerOfAsync(AccessGrant grant, CancellationToken cancellationToken)
    {
        var person = await directory.FindPersonAsync(grant.Person.Id, cancellationToken);
        if (person?.ManagerId is { } managerId && await directory.FindPersonAsync(managerId, cancellationToken) is { } manager)
        {
            return new PersonRef(manager.Id, manager.Name);
        }

        return await LeadOfAsync(grant.TeamId, except: grant.Person.Id, cancellationToken);
    }

    /// <summary>The reviewer's manager; without one, the lead of the first line's team (unless that is the reviewer).</summary>
    private async Task<PersonRef?> EscalationTargetAsync(AccessReview review, CancellationToken cancellationToken)
    {
        var reviewer = await directory.FindPersonAsync(review.Reviewer.Id, cancellationToken);
        if (reviewer?.ManagerId is { } managerId && await directory.FindPersonAsync(managerId, cancellationToken) is { } manager)
        {
            return new PersonRef(manager.Id, manager.Name);
        }

        return review.Lines.Count == 0 ? null : await LeadOfAsync(review.Lines[0].Grant.TeamId, except: review.Reviewer.Id, cancellationToken);
    }

    private async Task<PersonRef?> LeadOfAsync(string teamId, string except, CancellationToken cancellationToken) =>
        await directory.FindTeamAsync(teamId, cancellationToken) is { LeadId: { } leadId } && leadId != except
        && await directory.FindPersonAsync(leadId, cancellationToken) is { } lead
            ? new PersonRef(lead.Id, lead.Name)
            : null;

    /// <summary>
    /// Does the effect of decided line <paramref name="line"/>: the removal (bounded by <paramref name="removalToken"/> on
    /// a click), the request's history, the notices, then the line settled. Says whether the line is settled now.
    /// </summary>
    private async Task<(AccessReview Review, bool Settled)> SettleAsync(
        AccessReview review, int line, CancellationToken? removalToken, CancellationToken cancellationToken)
    {
        var decided = review.Lines[line];
        var outcome = AccessLineOutcome.Kept;
        string? failure = null;
        if (decided.Decision == AccessDecision.Remove)
        {
            (outcome, failure) = await RemoveAsync(review, decided, removalToken ?? cancellationToken);
            if (outcome == AccessLineOutcome.Pending)
            {
                var attempts = decided.FailedAttempts + 1;
                if (attempts < options.Value.MaxRemovalAttempts)
                {
                    return (await UpdateAsync(review, r => { r.CountFailedAttempt(line); return true; }, cancellationToken), false);
                }

                (outcome, failure) = (AccessLineOutcome.Failed, $"it still failed after {attempts} attempts ({failure})");
            }
        }

        var settledLine = decided with { Outcome = outcome, Failure = failure };
        if (await requests.GetAsync(decided.Grant.RequestId, cancellationToken) is { } request)
        {
            await requests.UpdateIfChangedAsync(request, r => r.RecordAccessReview(review, settledLine, outcome, clock.GetUtcNow()), cancellationToken);
        }

        var notice = outcome switch
        {
            AccessLineOutcome.Removed => AccessReviewNoticeKind.AccessRemoved,
            AccessLineOutcome.Failed => AccessReviewNoticeKind.RemovalFailed,
            _ => (AccessReviewNoticeKind?)null,
        };
        if (notice is { } kind)
        {
            try
            {
                await notifier.TellAccessReviewAsync(new AccessReviewNotice(kind, review, line), cancellationToken);
            }
            catch (RecipientUnreachableException ex)
            {
                logger.LogWarning("Access review {ReviewId} line {Line}: {PersonId} could not be told ({Reason})", review.Id, line, ex.PersonId, ex.Reason);
            }
        }

        review = await UpdateAsync(review, r =>
        {
            if (r.Lines[line].IsSettled)
            {
                return false;
            }

            r.Settle(line, outcome, failure);
            return true;
        }, cancellationToken);
        return (review, true);
    }

    /// <summary>Removed, Failed (refused for good, with why), or Pending (a failure worth a retry, with why).</summary>
    private async Task<(AccessLineOutcome, string?)> RemoveAsync(AccessReview review, AccessReviewLine line, CancellationToken cancellationToken)
    {
        if (provisioner is null)
        {
            return (AccessLineOutcome.Failed, "Microsoft Graph is not configured here, so nothing is removed automatically");
        }

        try
        {
            await provisioner.RemoveFromGroupAsync(line.Grant.Person.Id, line.Grant.GroupId, cancellationToken);
            logger.LogInformation("Access review {ReviewId}: {PersonId} removed from {GroupId}", review.Id, line.Grant.Person.Id, line.Grant.GroupId);
            return (AccessLineOutcome.Removed, null);
        }
        catch (ProvisioningRefusedException ex)
        {
            logger.LogWarning("Access review {ReviewId}: removal from {GroupId} refused: {Reason}", review.Id, line.Grant.GroupId, ex.Message);
            return (AccessLineOutcome.Failed, ex.Message.TrimEnd('.'));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Access review {ReviewId}: removal from {GroupId} failed, to be retried: {Error}", review.Id, line.Grant.GroupId, ex.GetType().Name);
            return (AccessLineOutcome.Pending, ex is OperationCanceledException ? "no answer in time" : "Microsoft Graph did not answer");
        }
    }

    private async Task ShowEverywhereAsync(AccessReview review, CancellationToken cancellationToken)
    {
        await notifier.ShowAccessReviewAsync(review, review.Reviewer, cancellationToken);
        if (review.EscalatedTo is { } above && review.EscalationPosted)
        {
            await notifier.ShowAccessReviewAsync(review, above, cancellationToken);
        }
    }

    private async Task ShowOtherCardAsync(AccessReview review, string clickerId, CancellationToken cancellationToken)
    {
        var other = review.Reviewer.Id == clickerId ? (review.EscalationPosted ? review.EscalatedTo : null) : review.Reviewer;
        if (other is null)
        {
            return;
        }

        try
        {
            await notifier.ShowAccessReviewAsync(review, other, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Access review {ReviewId}: the card of {PersonId} could not be brought up to date ({Error})", review.Id, other.Id, ex.GetType().Name);
        }
    }

    /// <summary>Applies <paramref name="change"/> and saves, loading again and re-applying when someone else saved first.</summary>
    private async Task<AccessReview> UpdateAsync(AccessReview review, Func<AccessReview, bool> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (!change(review))
            {
                return review;
            }

            try
            {
                await reviews.SaveAsync(review, cancellationToken);
                return review;
            }
            catch (AccessReviewConflictException) when (attempt < MaxSaveAttempts)
            {
                review = await reviews.GetAsync(review.Id, cancellationToken)
                    ?? throw new InvalidOperationException($"Access review {review.Id} disappeared from the store.");
            }
        }
    }
}
