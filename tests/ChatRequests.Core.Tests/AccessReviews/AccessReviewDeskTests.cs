using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static ChatRequests.Core.Tests.AccessReviews.AccessReviewBench;

namespace ChatRequests.Core.Tests.AccessReviews;

public sealed class AccessReviewDeskTests
{
    private readonly AccessReviewBench _bench = new();

    [Fact]
    public async Task Sweep_OnTheCyclesFirstWorkingDay_GivesEachManagerOneCardOfTheirPeoplesGrants()
    {
        await _bench.GrantTheUsualAsync();

        var sweep = await _bench.Desk().SweepAsync();

        Assert.Equal(2, sweep.Started);
        var alexs = await _bench.ReviewOfAsync(Alex);
        var line = Assert.Single(alexs.Lines);
        Assert.Equal((Megan, Readers, "REQ-000001"), (line.Grant.Person, line.Grant.GroupId, line.Grant.RequestId));
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero), alexs.DueAt);
        Assert.Contains("access-review 2026-10:u-alex for Alex Wilber: 0 of 1 decided", _bench.Notifier.Calls);
    }

    [Fact]
    public async Task Sweep_PersonWithoutAManager_IsReviewedByTheLeadOfTheItemsTeam()
    {
        await _bench.GrantTheUsualAsync();

        await _bench.Desk().SweepAsync();

        Assert.Equal(Lee, Assert.Single((await _bench.ReviewOfAsync(Patti)).Lines).Grant.Person);
    }

    [Fact]
    public async Task Sweep_RestartedAndTwoSweepers_StartTheCycleOnceAndPostEachCardOnce()
    {
        await _bench.GrantTheUsualAsync();

        await _bench.Desk().SweepAsync();
        // Another instance, and the first one after a restart (a desk of its own over the same stores).
        var second = await _bench.Desk().SweepAsync();
        _bench.Clock.Advance(TimeSpan.FromMinutes(5));
        await _bench.Desk().SweepAsync();

        Assert.Equal(0, second.Started);
        Assert.Equal(2, (await _bench.Reviews.ListOpenAsync(10)).Count);
        Assert.Single(_bench.Notifier.Calls, c => c.StartsWith("access-review 2026-10:u-alex", StringComparison.Ordinal));
        Assert.Single(_bench.Notifier.Calls, c => c.StartsWith("access-review 2026-10:u-patti", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Sweep_CycleStartedLate_LeavesGrantsMadeSinceItsStartToTheNextCycle_NothingEscalatedAtOnce()
    {
        // The July cycle (due 15 July) first swept on 30 September: Megan's and Lee's grants of 1 August are not its own.
        var bench = new AccessReviewBench(new DateTimeOffset(2026, 9, 30, 12, 0, 0, TimeSpan.Zero));
        await bench.GrantTheUsualAsync();

        var july = await bench.Desk().SweepAsync();

        Assert.Equal((0, 0), (july.Started, july.Escalated));
        Assert.Empty(bench.Notifier.Calls);

        bench.Clock.SetUtcNow(AccessReviewBench.CycleStart);
        var october = await bench.Desk().SweepAsync();

        Assert.Equal((2, 0), (october.Started, october.Escalated));
    }

    [Fact]
    public async Task Sweep_ReviewsOff_StartsNothing()
    {
        await _bench.GrantTheUsualAsync();
        _bench.EveryMonths = null;

        var sweep = await _bench.Desk().SweepAsync();

        Assert.Equal(0, sweep.Started);
        Assert.Empty(_bench.Notifier.Calls);
    }

    [Fact]
    public async Task Keep_RecordsWhoDecidedInTheRequestsHistory_AndRemovesNothing()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();

        var click = await _bench.Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex.Id), 0, AccessDecision.Keep, Alex);

        Assert.Null(click.AlreadyDecided);
        Assert.Equal((AccessLineOutcome.Kept, Alex), (click.Review.Lines[0].Outcome, click.Review.Lines[0].DecidedBy!));
        Assert.False(click.Review.IsOpen);
        var kept = Assert.Single((await _bench.RequestAsync("REQ-000001")).History, h => h.Action == AuditAction.AccessKept);
        Assert.Equal((Alex, "Kept Megan Bowen in Finance share readers (access review 2026-10)"), (kept.Actor, kept.Comment));
        await _bench.Provisioner.DidNotReceiveWithAnyArgs().RemoveFromGroupAsync(default!, default!);
    }

    [Fact]
    public async Task Remove_TakesThePersonOutOfTheGroup_RecordsWhoDecided_TellsThePerson_AndTheNextCycleLeavesItOut()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();

        var click = await _bench.Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex.Id), 0, AccessDecision.Remove, Alex);

        await _bench.Provisioner.Received(1).RemoveFromGroupAsync(Megan.Id, Readers, Arg.Any<CancellationToken>());
        Assert.Equal(AccessLineOutcome.Removed, click.Review.Lines[0].Outcome);
        var removed = Assert.Single((await _bench.RequestAsync("REQ-000001")).History, h => h.Action == AuditAction.AccessRemoved);
        Assert.Equal(Alex, removed.Actor);
        Assert.True(HistoryChain.Verify(await _bench.RequestAsync("REQ-000001")).IsIntact);
        Assert.Contains("access-AccessRemoved 2026-10:u-alex line 0: Megan Bowen Finance share readers", _bench.Notifier.Calls);

        _bench.Clock.SetUtcNow(new DateTimeOffset(2027, 1, 4, 7, 0, 0, TimeSpan.Zero));
        await _bench.Desk().SweepAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => _bench.ReviewOfAsync(Alex, "2027-01"));
        Assert.Single((await _bench.ReviewOfAsync(Patti, "2027-01")).Lines);
    }

    [Fact]
    public async Task DoubleClick_SecondIsToldWhoDecided_AndNothingRunsTwice()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        var id = AccessReview.IdFor("2026-10", Alex.Id);
        await _bench.Desk().DecideAsync(id, 0, AccessDecision.Remove, Alex);

        var again = await _bench.Desk().DecideAsync(id, 0, AccessDecision.Keep, Alex);

        Assert.Equal((AccessDecision.Remove, Alex), (again.AlreadyDecided!.Decision!.Value, again.AlreadyDecided.DecidedBy!));
        await _bench.Provisioner.Received(1).RemoveFromGroupAsync(Megan.Id, Readers, Arg.Any<CancellationToken>());
        Assert.Single((await _bench.RequestAsync("REQ-000001")).History, h => h.Action == AuditAction.AccessRemoved);
        Assert.DoesNotContain((await _bench.RequestAsync("REQ-000001")).History, h => h.Action == AuditAction.AccessKept);
    }

    [Theory]
    [InlineData("u-megan", "2026-10:u-alex")]
    [InlineData("u-patti", "2026-10:u-alex")]
    [InlineData("u-alex", "2026-10:u-nobody")]
    [InlineData("u-alex", "not-a-review")]
    public async Task ClickByAnyoneButTheReviewer_OrOnNoSuchReview_IsRefusedTheSameWay(string clickerId, string reviewId)
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();

        var refusal = await Assert.ThrowsAsync<AccessReviewNotYoursException>(
            () => _bench.Desk().DecideAsync(reviewId, 0, AccessDecision.Remove, new PersonRef(clickerId, "Someone")));

        Assert.Equal("That access review isn't yours to decide, or it no longer exists. Nothing was changed.", refusal.Message);
        Assert.Null((await _bench.ReviewOfAsync(Alex)).Lines[0].Decision);
        await _bench.Provisioner.DidNotReceiveWithAnyArgs().RemoveFromGroupAsync(default!, default!);
    }

    [Fact]
    public async Task ClickOnALineThatDoesNotExist_IsRefused()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();

        await Assert.ThrowsAsync<AccessReviewNotYoursException>(
            () => _bench.Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex.Id), 7, AccessDecision.Keep, Alex));
    }

    [Fact]
    public async Task RemovalFailingForAWhile_IsRetriedBySweeps_UntilItIsDone()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        _bench.Provisioner.RemoveFromGroupAsync(Megan.Id, Readers, Arg.Any<CancellationToken>())
            .Returns(_ => throw new HttpRequestException("503"), _ => Task.CompletedTask);

        var click = await _bench.Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex.Id), 0, AccessDecision.Remove, Alex);
        Assert.Equal((AccessLineOutcome.Pending, 1), (click.Review.Lines[0].Outcome, click.Review.Lines[0].FailedAttempts));
        Assert.Equal(0, (await _bench.Desk().SweepAsync()).Settled); // too soon after the click

        _bench.Clock.Advance(TimeSpan.FromMinutes(10));
        var sweep = await _bench.Desk().SweepAsync();

        Assert.Equal(1, sweep.Settled);
        Assert.Equal(AccessLineOutcome.Removed, (await _bench.ReviewOfAsync(Alex)).Lines[0].Outcome);
        Assert.Single((await _bench.RequestAsync("REQ-000001")).History, h => h.Action == AuditAction.AccessRemoved);
    }

    [Fact]
    public async Task RemovalThatKeepsFailing_GoesToTheTeamToDoByHand_NeverSilently()
    {
        _bench.Options.MaxRemovalAttempts = 2;
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        _bench.Provisioner.RemoveFromGroupAsync(default!, default!, default).ReturnsForAnyArgs(_ => throw new HttpRequestException("503"));

        await _bench.Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex.Id), 0, AccessDecision.Remove, Alex);
        _bench.Clock.Advance(TimeSpan.FromMinutes(10));
        await _bench.Desk().SweepAsync();

        var line = (await _bench.ReviewOfAsync(Alex)).Lines[0];
        Assert.Equal(AccessLineOutcome.Failed, line.Outcome);
        Assert.Contains("access-RemovalFailed 2026-10:u-alex line 0: Megan Bowen Finance share readers", _bench.Notifier.Calls);
        var failed = Assert.Single((await _bench.RequestAsync("REQ-000001")).History, h => h.Action == AuditAction.AccessRemovalFailed);
        Assert.StartsWith("Alex Wilber decided to remove Megan Bowen from Finance share readers (access review 2026-10), but it failed: it still failed after 2 attempts", failed.Comment);
    }

    [Fact]
    public async Task RemovalRefused_GoesToTheTeamAtOnce()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        _bench.Provisioner.RemoveFromGroupAsync(Megan.Id, Readers, Arg.Any<CancellationToken>())
            .ThrowsAsync(new ProvisioningRefusedException("The group is dynamic."));

        var click = await _bench.Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex.Id), 0, AccessDecision.Remove, Alex);

        Assert.Equal((AccessLineOutcome.Failed, "The group is dynamic"), (click.Review.Lines[0].Outcome, click.Review.Lines[0].Failure));
        Assert.Contains(_bench.Notifier.Calls, c => c.StartsWith("access-RemovalFailed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WithoutMicrosoftGraph_ARemovalGoesToTheTeamByHand()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk(withGraph: false).SweepAsync();

        var click = await _bench.Desk(withGraph: false).DecideAsync(AccessReview.IdFor("2026-10", Alex.Id), 0, AccessDecision.Remove, Alex);

        Assert.Equal(AccessLineOutcome.Failed, click.Review.Lines[0].Outcome);
        Assert.Contains(_bench.Notifier.Calls, c => c.StartsWith("access-RemovalFailed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overdue_GoesToTheManagersManagerOnce_WhoMayDecide_AndTheManagerIsTold()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        _bench.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 14, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await _bench.Desk().SweepAsync()).Escalated);

        _bench.Clock.Advance(TimeSpan.FromMinutes(1));
        var sweep = await _bench.Desk().SweepAsync();
        await _bench.Desk().SweepAsync();

        Assert.Equal(1, sweep.Escalated); // Patti, who reviews Lee, has nobody above her
        var review = await _bench.ReviewOfAsync(Alex);
        Assert.Equal(Nestor, review.EscalatedTo);
        Assert.Single(_bench.Notifier.Calls, c => c == "access-review 2026-10:u-alex for Nestor Wilke: 0 of 1 decided");
        Assert.Single(_bench.Notifier.Calls, c => c == "access-review-escalated 2026-10:u-alex to Nestor Wilke");

        var click = await _bench.Desk().DecideAsync(review.Id, 0, AccessDecision.Keep, Nestor);
        Assert.Equal(Nestor, click.Review.Lines[0].DecidedBy);
        // Alex's card shows Nestor's decision.
        Assert.Contains("access-review 2026-10:u-alex for Alex Wilber: 1 of 1 decided", _bench.Notifier.Calls);
    }

    [Fact]
    public async Task Reminder_TwoWorkingDaysBeforeTheDueDate_GoesToTheReviewerOnce_AcrossSweepersAndRestarts_ThenOverdueEscalates()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        // Due Thursday 15 October: reminded from Tuesday 13 October, 00:00.
        _bench.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 12, 23, 59, 0, TimeSpan.Zero));
        Assert.Equal(0, (await _bench.Desk().SweepAsync()).Reminded);

        _bench.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 0, 0, 0, TimeSpan.Zero));
        var sweeps = await Task.WhenAll(Task.Run(() => _bench.Desk().SweepAsync()), Task.Run(() => _bench.Desk().SweepAsync()));
        // Later, and after a restart (a desk of its own over the same stores).
        _bench.Clock.Advance(TimeSpan.FromMinutes(15));
        await _bench.Desk().SweepAsync();
        _bench.Clock.Advance(TimeSpan.FromDays(1));
        await _bench.Desk().SweepAsync();

        Assert.Equal(2, sweeps.Sum(s => s.Reminded)); // Alex's review and Patti's, once each
        Assert.Single(_bench.Notifier.Calls, c => c == "access-review-reminder 2026-10:u-alex to Alex Wilber: 0 of 1 decided");
        Assert.Single(_bench.Notifier.Calls, c => c.StartsWith("access-review-reminder 2026-10:u-patti", StringComparison.Ordinal));
        var review = await _bench.ReviewOfAsync(Alex);
        Assert.Equal((new DateTimeOffset(2026, 10, 13, 0, 0, 0, TimeSpan.Zero), true), (review.RemindedAt, review.ReminderPosted));
        Assert.Null(review.EscalatedTo);

        _bench.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, (await _bench.Desk().SweepAsync()).Escalated);
        Assert.Equal(Nestor, (await _bench.ReviewOfAsync(Alex)).EscalatedTo);
        Assert.Equal(2, _bench.Notifier.Calls.Count(c => c.StartsWith("access-review-reminder", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reminder_NotForAReviewAlreadyDecided_NorOnceItIsOverdue()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        await _bench.Desk().DecideAsync((await _bench.ReviewOfAsync(Alex)).Id, 0, AccessDecision.Keep, Alex);

        // The first sweep in a while comes after the due date: the escalation, no reminder.
        _bench.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero));
        var sweep = await _bench.Desk().SweepAsync();

        Assert.Equal(0, sweep.Reminded);
        Assert.DoesNotContain(_bench.Notifier.Calls, c => c.StartsWith("access-review-reminder", StringComparison.Ordinal));
        Assert.Null((await _bench.ReviewOfAsync(Alex)).RemindedAt);
    }

    [Fact]
    public async Task Reminder_ASweeperThatDiedBeforeSendingIt_ItIsSentByALaterSweep()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        _bench.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.Zero));
        _bench.Notifier.FailNext(1);
        await Assert.ThrowsAsync<HttpRequestException>(() => _bench.Desk().SweepAsync());
        int Reminders() => _bench.Notifier.Calls.Count(c => c.StartsWith("access-review-reminder", StringComparison.Ordinal));
        Assert.Equal(1, Reminders()); // tried, and failed

        // Soon after: the other review's reminder; the one tried waits, since its sweeper may still be at it.
        await _bench.Desk().SweepAsync();
        Assert.Equal(2, Reminders());

        _bench.Clock.Advance(TimeSpan.FromMinutes(10));
        await _bench.Desk().SweepAsync();
        await _bench.Desk().SweepAsync();

        Assert.Equal(3, Reminders());
        Assert.True((await _bench.ReviewOfAsync(Alex)).ReminderPosted);
        Assert.True((await _bench.ReviewOfAsync(Patti)).ReminderPosted);
    }

    [Fact]
    public async Task Overdue_TwoSweepersAtOnce_PostTheEscalationOnce()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        _bench.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 15, 0, 1, 0, TimeSpan.Zero));

        await Task.WhenAll(Task.Run(() => _bench.Desk().SweepAsync()), Task.Run(() => _bench.Desk().SweepAsync()));
        _bench.Clock.Advance(TimeSpan.FromMinutes(15));
        await _bench.Desk().SweepAsync();

        Assert.Single(_bench.Notifier.Calls, c => c.StartsWith("access-review 2026-10:u-alex for Nestor Wilke", StringComparison.Ordinal));
        Assert.Single(_bench.Notifier.Calls, c => c.StartsWith("access-review-escalated", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SweeperThatDiedBeforePosting_ItsCardIsPostedByALaterSweep()
    {
        await _bench.GrantTheUsualAsync();
        _bench.Notifier.FailNext(1);
        await Assert.ThrowsAsync<HttpRequestException>(() => _bench.Desk().SweepAsync());
        Assert.True(await _bench.Reviews.IsCycleStartedAsync("2026-10"));

        await _bench.Desk().SweepAsync();
        Assert.DoesNotContain(_bench.Notifier.Calls.Skip(1), c => c.StartsWith("access-review 2026-10:u-alex", StringComparison.Ordinal));

        _bench.Clock.Advance(TimeSpan.FromMinutes(10));
        await _bench.Desk().SweepAsync();
        Assert.Single(_bench.Notifier.Calls.Skip(1), c => c.StartsWith("access-review 2026-10:u-alex", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overdue_ReviewerWithoutAManager_GoesToTheLeadOfTheItemsTeam()
    {
        _bench.AddPerson(Alex, managerId: null);
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();

        _bench.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 16, 7, 0, 0, TimeSpan.Zero));
        await _bench.Desk().SweepAsync();

        Assert.Equal(Patti, (await _bench.ReviewOfAsync(Alex)).EscalatedTo);
        // Patti reviews Lee herself: there is nobody above her, and her review stays with her.
        var pattis = await _bench.ReviewOfAsync(Patti);
        Assert.Null(pattis.EscalatedTo);
        Assert.True(pattis.NobodyToEscalateTo);
    }

    [Fact]
    public async Task Overdue_FinishedReview_IsNotEscalated()
    {
        await _bench.GrantTheUsualAsync();
        await _bench.Desk().SweepAsync();
        await _bench.Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex.Id), 0, AccessDecision.Keep, Alex);

        _bench.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 20, 7, 0, 0, TimeSpan.Zero));
        await _bench.Desk().SweepAsync();

        Assert.Null((await _bench.ReviewOfAsync(Alex)).EscalatedTo);
    }

    [Fact]
    public async Task Grants_RemovedByALaterRequest_AreNotReviewed()
    {
        await _bench.GrantTheUsualAsync();
        var leaver = await _bench.GrantAsync("REQ-000003", Megan, Readers, "Finance share readers", "Leaver kit", ProvisioningStepKind.RemoveFromGroup);
        Assert.Equal(ProvisioningStatus.Done, leaver.StepProgress(0).Status);

        await _bench.Desk().SweepAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => _bench.ReviewOfAsync(Alex));
    }
}
