using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>
/// What every <see cref="IRequestStore"/> adapter must do, tested through the port only. An adapter's test
/// class derives from this and says how to make a store over fresh, empty storage.
/// </summary>
public abstract partial class RequestStoreContract
{
    private IRequestStore? _store;

    protected IRequestStore Store => _store ??= CreateStore();

    /// <summary>A store over fresh, empty storage of its own.</summary>
    protected abstract IRequestStore CreateStore();

    /// <summary>A new store instance over the same storage, as after a restart (new connections, new client).</summary>
    protected abstract IRequestStore ReopenStore();

    [Fact]
    public async Task CreateAsync_NewRequest_SetsVersionToOne()
    {
        var request = Submit("REQ-000001");

        await Store.CreateAsync(request);

        Assert.Equal(1, request.Version);
        Assert.Equal(1, (await Store.GetAsync("REQ-000001"))!.Version);
    }

    [Fact]
    public async Task GetAsync_FullRequest_ReturnsItExactlyAsCreated()
    {
        var request = FullLifecycle("REQ-000001");
        await Store.CreateAsync(request);

        var loaded = await Store.GetAsync("REQ-000001");

        Assert.NotNull(loaded);
        Assert.Equal(JsonSerializer.Serialize(request, RequestJson.Options), JsonSerializer.Serialize(loaded, RequestJson.Options));
        Assert.Equal(RequestState.Closed, loaded.State);
        Assert.Equal(request.Fields, loaded.Fields);
        Assert.Equal(request.FieldLabels, loaded.FieldLabels);
        Assert.Equal(request.History.Count, loaded.History.Count);
        Assert.Equal(Bob.Id, loaded.Approvals[0].Decision!.ById);
        Assert.Equal("German, please", loaded.Question!.Answer);
        Assert.Equal(5, loaded.Feedback!.Rating);
        Assert.Equal(request.Outbox.Select(e => (e.Id, e.Attempts, e.NextAttemptAt, e.ParkedAt)),
            loaded.Outbox.Select(e => (e.Id, e.Attempts, e.NextAttemptAt, e.ParkedAt)));
    }

    [Fact]
    public async Task GetAsync_UnknownId_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync("REQ-999999"));
    }

    [Fact]
    public async Task FindBySubmissionKeyAsync_KnownAndUnknownKeys_FindsOnlyTheRequestOfThatForm()
    {
        await Store.CreateAsync(Submit("REQ-000001", submissionKey: "form-a"));
        await Store.CreateAsync(Submit("REQ-000002", submissionKey: "form-b"));

        Assert.Equal("REQ-000002", (await Store.FindBySubmissionKeyAsync("form-b"))?.Id);
        Assert.Null(await Store.FindBySubmissionKeyAsync("form-c"));
    }

    [Fact]
    public async Task CreateAsync_DuplicateId_ThrowsConcurrencyConflict()
    {
        await Store.CreateAsync(Submit("REQ-000001", submissionKey: "form-a"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.CreateAsync(Submit("REQ-000001", submissionKey: "form-b")));
    }

    [Fact]
    public async Task CreateAsync_DuplicateSubmissionKey_ThrowsConcurrencyConflictAndKeepsTheFirst()
    {
        await Store.CreateAsync(Submit("REQ-000001", submissionKey: "form-a"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(
            () => Store.CreateAsync(Submit("REQ-000002", submissionKey: "form-a")));

        Assert.Equal("REQ-000001", (await Store.FindBySubmissionKeyAsync("form-a"))?.Id);
        Assert.Null(await Store.GetAsync("REQ-000002"));
    }

    [Fact]
    public async Task SaveAsync_CurrentVersion_StoresTheChangeAndIncrementsTheVersion()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        await Store.CreateAsync(request);
        request.Decide(Bob, approve: true, "ok", 0, Start.AddMinutes(5));

        await Store.SaveAsync(request);

        Assert.Equal(2, request.Version);
        var loaded = await Store.GetAsync("REQ-000001");
        Assert.Equal(2, loaded!.Version);
        Assert.Equal(RequestState.Approved, loaded.State);
    }

    [Fact]
    public async Task SaveAsync_StaleVersion_ThrowsConcurrencyConflictAndKeepsTheStoredRequest()
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));
        var first = (await Store.GetAsync("REQ-000001"))!;
        var second = (await Store.GetAsync("REQ-000001"))!;
        first.Decide(Bob, approve: true, null, 0, Start.AddMinutes(1));
        await Store.SaveAsync(first);
        second.Cancel(Alice, "Not needed any more", Start.AddMinutes(2));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(second));

        Assert.Equal(1, second.Version);
        var stored = await Store.GetAsync("REQ-000001");
        Assert.Equal(RequestState.Approved, stored!.State);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task SaveAsync_RequestNeverCreated_ThrowsConcurrencyConflict()
    {
        var request = Submit("REQ-000001");

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(request));
    }

    [Fact]
    public async Task SaveAsync_TwentyConcurrentSavesOfOneVersion_ExactlyOneSucceeds()
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));
        var copies = new List<ServiceRequest>();
        for (var i = 0; i < 20; i++)
        {
            var copy = (await Store.GetAsync("REQ-000001"))!;
            copy.Cancel(Alice, $"Reason {i}", Start.AddMinutes(1));
            copies.Add(copy);
        }

        var outcomes = await Task.WhenAll(copies.Select(copy => Task.Run(async () =>
        {
            try
            {
                await Store.SaveAsync(copy);
                return true;
            }
            catch (ConcurrencyConflictException)
            {
                return false;
            }
        })));

        Assert.Single(outcomes, saved => saved);
        var winner = copies[Array.IndexOf(outcomes, true)];
        var stored = await Store.GetAsync("REQ-000001");
        Assert.Equal(2, stored!.Version);
        Assert.Equal(winner.History[^1].Comment, stored.History[^1].Comment);
    }

    [Fact]
    public async Task ListByRequesterAsync_ReturnsEveryRequestOfThatRequesterAndNoOther()
    {
        await Store.CreateAsync(Submit("REQ-000001", requester: Alice));
        await Store.CreateAsync(Submit("REQ-000002", requester: Erin));
        await Store.CreateAsync(FullLifecycle("REQ-000003"));

        var mine = await Store.ListByRequesterAsync(Alice.Id, 10);

        Assert.Equal(["REQ-000001", "REQ-000003"], mine.Select(r => r.Id).Order());
        Assert.Empty(await Store.ListByRequesterAsync(Bob.Id, 10));
    }

    [Fact]
    public async Task ListByRequesterAsync_ReturnsOnlyTheMostRecentMax_NewestFirst()
    {
        for (var i = 1; i <= 5; i++)
        {
            await Store.CreateAsync(Submit($"REQ-00000{i}", requester: Alice, at: Start.AddMinutes(i)));
        }

        var recent = await Store.ListByRequesterAsync(Alice.Id, 3);

        Assert.Equal(["REQ-000005", "REQ-000004", "REQ-000003"], recent.Select(r => r.Id));
    }

    [Fact]
    public async Task ListAwaitingRequesterAsync_ReturnsThoseOfTheNewestMaxWaitingForTheRequester_NewestFirst()
    {
        // Alice's requests 1 to 5, one a minute: 1, 3 and 4 wait for her answer, 2's question is answered, 5 was not asked.
        for (var i = 1; i <= 5; i++)
        {
            var request = Submit($"REQ-00000{i}", requester: Alice, at: Start.AddMinutes(i));
            request.Assign(Erin, Erin, Start.AddHours(1));
            if (i != 5)
            {
                request.AskRequester(Erin, "Which keyboard layout?", Start.AddHours(2));
            }

            if (i == 2)
            {
                request.Answer(Alice, "German, please", Start.AddHours(3));
            }

            await Store.CreateAsync(request);
        }

        var othersQuestion = Submit("REQ-000006", requester: Erin, at: Start.AddMinutes(6));
        othersQuestion.Assign(Erin, Erin, Start.AddHours(1));
        othersQuestion.AskRequester(Erin, "Which office?", Start.AddHours(2));
        await Store.CreateAsync(othersQuestion);

        Assert.Equal(["REQ-000004", "REQ-000003", "REQ-000001"], (await Store.ListAwaitingRequesterAsync(Alice.Id, 10)).Select(r => r.Id));
        // Only among her 3 newest (5, 4, 3), as "my requests" lists them.
        var ofNewest = await Store.ListAwaitingRequesterAsync(Alice.Id, 3);
        Assert.Equal(["REQ-000004", "REQ-000003"], ofNewest.Select(r => r.Id));
        Assert.All(ofNewest, r => Assert.Equal("Which keyboard layout?", r.Question?.Text));
        Assert.Empty(await Store.ListAwaitingRequesterAsync(Bob.Id, 10));
    }

    [Fact]
    public async Task ListPendingApprovalAsync_ListsARequestOnlyForApproversOfItsCurrentUndecidedStage()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage(), SecurityStage()]);
        await Store.CreateAsync(request);
        Assert.Equal(["REQ-000001"], await PendingIdsAsync(Bob));
        Assert.Empty(await PendingIdsAsync(Carol));

        request.Decide(Bob, approve: true, null, 0, Start.AddHours(1));
        await Store.SaveAsync(request);
        Assert.Empty(await PendingIdsAsync(Bob));
        Assert.Equal(["REQ-000001"], await PendingIdsAsync(Carol));
        Assert.Equal(["REQ-000001"], await PendingIdsAsync(Dave));

        request.Decide(Dave, approve: true, null, 1, Start.AddHours(2));
        await Store.SaveAsync(request);
        Assert.Empty(await PendingIdsAsync(Carol));
        Assert.Empty(await PendingIdsAsync(Dave));
    }

    [Fact]
    public async Task ListPendingApprovalAsync_RejectedOrCancelledRequests_AreNotListed()
    {
        var rejected = Submit("REQ-000001", stages: [ManagerStage()]);
        rejected.Decide(Bob, approve: false, "Too expensive", 0, Start.AddHours(1));
        var cancelled = Submit("REQ-000002", stages: [ManagerStage()]);
        cancelled.Cancel(Alice, null, Start.AddHours(1));
        await Store.CreateAsync(rejected);
        await Store.CreateAsync(cancelled);
        await Store.CreateAsync(Submit("REQ-000003", stages: [ManagerStage()]));

        Assert.Equal(["REQ-000003"], await PendingIdsAsync(Bob));
    }

    [Fact]
    public async Task ListPendingApprovalAsync_ApproverIdInsideAnotherId_DoesNotMatch()
    {
        var longId = new PersonRef(Bob.Id + "-deputy", "Bob's deputy");
        await Store.CreateAsync(Submit("REQ-000001", stages: [new ApprovalStage("Manager", [longId])]));

        Assert.Empty(await PendingIdsAsync(Bob));
        Assert.Equal(["REQ-000001"], await PendingIdsAsync(longId));
    }

    [Fact]
    public async Task ListTeamQueueAsync_ReturnsTheTeamsOpenRequests_NotFinalOnesOrOtherTeams()
    {
        var awaitingApproval = Submit("REQ-000001", stages: [ManagerStage()]);
        var assigned = Submit("REQ-000002");
        assigned.Assign(Erin, Erin, Start.AddHours(1));
        var cancelled = Submit("REQ-000003");
        cancelled.Cancel(Alice, null, Start.AddHours(1));
        var rejected = Submit("REQ-000004", stages: [ManagerStage()]);
        rejected.Decide(Bob, approve: false, "No budget", 0, Start.AddHours(1));
        var closed = FullLifecycle("REQ-000005");
        var otherTeam = Submit("REQ-000006", teamId: "team-access");
        foreach (var request in new[] { awaitingApproval, assigned, cancelled, rejected, closed, otherTeam })
        {
            await Store.CreateAsync(request);
        }

        var queue = await Store.ListTeamQueueAsync("team-hardware", 50);

        Assert.Equal(["REQ-000001", "REQ-000002"], queue.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task ListWithDueEventsAsync_ListsARequestOnlyOnceItsNextAttemptIsDue()
    {
        var request = Submit("REQ-000001", Start);
        await Store.CreateAsync(request);
        Assert.Empty(await Store.ListWithDueEventsAsync(Start.AddSeconds(-1), 50));
        Assert.Single(await Store.ListWithDueEventsAsync(Start, 50));

        request.FailEvent(request.Outbox[0].Id, "Teams is down", Start, TimeSpan.FromMinutes(10), maxAttempts: 8);
        await Store.SaveAsync(request);

        Assert.Empty(await Store.ListWithDueEventsAsync(Start.AddMinutes(9), 50));
        Assert.Single(await Store.ListWithDueEventsAsync(Start.AddMinutes(10), 50));
    }

    [Fact]
    public async Task ListWithDueEventsAsync_ParkedOrCompletedEvents_AreNotDue()
    {
        var parked = Submit("REQ-000001");
        parked.FailEvent(parked.Outbox[0].Id, "Bad card", Start, TimeSpan.FromSeconds(1), maxAttempts: 1);
        parked.CompleteEvent(parked.Outbox.Single(e => e.Type == RequestEventType.ParkedNotice).Id); // the team was told
        var completed = Submit("REQ-000002");
        completed.CompleteEvent(completed.Outbox[0].Id);
        await Store.CreateAsync(parked);
        await Store.CreateAsync(completed);
        await Store.CreateAsync(Submit("REQ-000003"));

        var due = await Store.ListWithDueEventsAsync(Start.AddDays(1), 50);

        Assert.Equal(["REQ-000003"], due.Select(r => r.Id));
    }

    [Fact]
    public async Task ListWithDueEventsAsync_ReturnsTheLongestWaitingFirst_UpToMax()
    {
        await Store.CreateAsync(Submit("REQ-000001", Start.AddHours(2)));
        await Store.CreateAsync(Submit("REQ-000002", Start.AddHours(1)));
        await Store.CreateAsync(Submit("REQ-000003", Start.AddHours(3)));

        var due = await Store.ListWithDueEventsAsync(Start.AddHours(4), 2);

        Assert.Equal(["REQ-000002", "REQ-000001"], due.Select(r => r.Id));
    }

    [Fact]
    public async Task ListIdsWithDueEventsAsync_ListsWhatListWithDueEventsLists_InItsOrder_UpToMax()
    {
        var parked = Submit("REQ-000001", Start);
        parked.FailEvent(parked.Outbox[0].Id, "Bad card", Start, TimeSpan.FromSeconds(1), maxAttempts: 1);
        parked.CompleteEvent(parked.Outbox.Single(e => e.Type == RequestEventType.ParkedNotice).Id);
        await Store.CreateAsync(parked);
        await Store.CreateAsync(Submit("REQ-000002", Start.AddHours(2)));
        await Store.CreateAsync(Submit("REQ-000003", Start.AddHours(1)));
        await Store.CreateAsync(Submit("REQ-000004", Start.AddHours(3)));
        var later = Submit("REQ-000005", Start);
        later.FailEvent(later.Outbox[0].Id, "Teams is down", Start, TimeSpan.FromHours(5), maxAttempts: 8);
        await Store.CreateAsync(later);

        Assert.Equal(["REQ-000003", "REQ-000002", "REQ-000004"], await Store.ListIdsWithDueEventsAsync(Start.AddHours(4), 50));
        Assert.Equal(["REQ-000003", "REQ-000002"], await Store.ListIdsWithDueEventsAsync(Start.AddHours(4), 2));
        Assert.Equal(
            (await Store.ListWithDueEventsAsync(Start.AddHours(6), 50)).Select(r => r.Id),
            await Store.ListIdsWithDueEventsAsync(Start.AddHours(6), 50));
        Assert.Empty(await Store.ListIdsWithDueEventsAsync(Start.AddSeconds(-1), 50));
    }

    [Fact]
    public async Task ListWithDueEventsAsync_TimesInOtherOffsets_CompareAsInstants()
    {
        var inBerlin = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.FromHours(1));
        await Store.CreateAsync(Submit("REQ-000001", inBerlin));

        Assert.Empty(await Store.ListWithDueEventsAsync(Start.AddTicks(-1), 50));
        Assert.Single(await Store.ListWithDueEventsAsync(Start, 50));
    }

    [Fact]
    public async Task CountPendingEventsAsync_CountsTheEventsNotParkedOfTheRequestsListedFirst()
    {
        var parked = Submit("REQ-000001", Start.AddMinutes(-10));
        parked.FailEvent(parked.Outbox[0].Id, "Bad card", Start.AddMinutes(-9), TimeSpan.FromSeconds(1), maxAttempts: 1);
        await Store.CreateAsync(parked);   // its notice to the team is due since the parking
        var later = Submit("REQ-000002", Start.AddMinutes(-5));
        later.FailEvent(later.Outbox[0].Id, "Teams is down", Start.AddMinutes(-5), TimeSpan.FromHours(1), maxAttempts: 8);
        await Store.CreateAsync(later);
        await Store.CreateAsync(Submit("REQ-000003", new DateTimeOffset(2026, 11, 23, 9, 59, 0, TimeSpan.FromHours(1))));
        await Store.CreateAsync(Submit("REQ-000004", Start.AddMinutes(1), stages: [ManagerStage()]));

        Assert.Equal(new PendingEvents(4, 2, Start.AddMinutes(-9), IsPartial: false), await Store.CountPendingEventsAsync(Start, 50));
        // Bounded as the list is: the two requests whose next attempts come first.
        Assert.Equal(
            ["REQ-000001", "REQ-000003"], (await Store.ListWithDueEventsAsync(DateTimeOffset.MaxValue, 2)).Select(r => r.Id));
        Assert.Equal(new PendingEvents(2, 2, Start.AddMinutes(-9), IsPartial: true), await Store.CountPendingEventsAsync(Start, 2));
        Assert.Equal(new PendingEvents(4, 0, null, IsPartial: false), await Store.CountPendingEventsAsync(Start.AddMinutes(-10), 50));
    }

    [Fact]
    public async Task ListSlaCheckDueAsync_ListsARequestOnlyOnceItsCheckIsDue()
    {
        // Approved at once (no approval): at risk after 3/4 of its 40 hours. Awaiting approval: reminder after 24 hours.
        await Store.CreateAsync(Submit("REQ-000001", Start));
        await Store.CreateAsync(Submit("REQ-000002", Start, stages: [ManagerStage()]));

        Assert.Empty(await Store.ListSlaCheckDueAsync(Start.AddHours(24).AddTicks(-1), 50));
        Assert.Equal(["REQ-000002"], (await Store.ListSlaCheckDueAsync(Start.AddHours(24), 50)).Select(r => r.Id));
        Assert.Equal(["REQ-000002"], (await Store.ListSlaCheckDueAsync(Start.AddHours(30).AddTicks(-1), 50)).Select(r => r.Id));
        Assert.Equal(["REQ-000002", "REQ-000001"], (await Store.ListSlaCheckDueAsync(Start.AddHours(30), 50)).Select(r => r.Id));
    }

    [Fact]
    public async Task StoredAtRiskInstant_RoundTrips_AndTheSlaCheckUsesIt()
    {
        // A working-time calendar fixes the at-risk instant at submission, here 2 hours in rather than 3/4 of 40.
        await Store.CreateAsync(Submit("REQ-000001", Start, atRiskAt: Start.AddHours(2)));
        await Store.CreateAsync(Submit("REQ-000002", Start));

        var reopened = ReopenStore();
        Assert.Equal(Start.AddHours(2), (await reopened.GetAsync("REQ-000001"))!.AtRiskAt);
        Assert.Null((await reopened.GetAsync("REQ-000002"))!.AtRiskAt);
        Assert.Empty(await Store.ListSlaCheckDueAsync(Start.AddHours(2).AddTicks(-1), 50));
        Assert.Equal(["REQ-000001"], (await Store.ListSlaCheckDueAsync(Start.AddHours(2), 50)).Select(r => r.Id));
    }

    [Fact]
    public async Task ListSlaCheckDueAsync_ReturnsTheEarliestFirst_UpToMax()
    {
        await Store.CreateAsync(Submit("REQ-000001", Start.AddHours(2)));
        await Store.CreateAsync(Submit("REQ-000002", Start.AddHours(1)));
        await Store.CreateAsync(Submit("REQ-000003", Start.AddHours(3)));

        var due = await Store.ListSlaCheckDueAsync(Start.AddDays(10), 2);

        Assert.Equal(["REQ-000002", "REQ-000001"], due.Select(r => r.Id));
    }

    [Fact]
    public async Task ListSlaCheckDueAsync_FulfilledAndFinalRequests_AreNeverDue()
    {
        var fulfilled = Submit("REQ-000001");
        fulfilled.Assign(Erin, Erin, Start.AddHours(1));
        fulfilled.Resolve(Erin, "Done", Start.AddHours(2));
        var cancelled = Submit("REQ-000002");
        cancelled.Cancel(Alice, null, Start.AddHours(1));
        await Store.CreateAsync(fulfilled);
        await Store.CreateAsync(cancelled);
        await Store.CreateAsync(FullLifecycle("REQ-000003"));
        await Store.CreateAsync(Submit("REQ-000004"));

        var due = await Store.ListSlaCheckDueAsync(Start.AddDays(1000), 50);

        Assert.Equal(["REQ-000004"], due.Select(r => r.Id));
    }

    [Fact]
    public async Task ListSlaCheckDueAsync_AfterASave_UsesTheRecomputedCheck()
    {
        var request = Submit("REQ-000001", Start);
        await Store.CreateAsync(request);
        var atRisk = Start.AddHours(30);

        Assert.True(request.CheckSla(atRisk).WarnedAtRisk);
        await Store.SaveAsync(request);

        Assert.Empty(await Store.ListSlaCheckDueAsync(atRisk, 50));
        Assert.Empty(await Store.ListSlaCheckDueAsync(Start.AddHours(40), 50));
        var breached = Start.AddHours(40).AddTicks(1);
        var due = Assert.Single(await Store.ListSlaCheckDueAsync(breached, 50));
        Assert.True(due.CheckSla(breached).Escalated);
        await Store.SaveAsync(due);
        Assert.Empty(await Store.ListSlaCheckDueAsync(Start.AddDays(1000), 50));
    }

    [Fact]
    public async Task ListWithParkedEventsAsync_ListsRequestsHoldingParkedEvents_UntilTheyLeaveTheOutbox()
    {
        var parked = Submit("REQ-000001");
        var eventId = parked.Outbox[0].Id;
        parked.FailEvent(eventId, "Bad card", Start, TimeSpan.FromSeconds(1), maxAttempts: 1);
        var retrying = Submit("REQ-000002");
        retrying.FailEvent(retrying.Outbox[0].Id, "Teams is down", Start, TimeSpan.FromSeconds(1), maxAttempts: 8);
        await Store.CreateAsync(parked);
        await Store.CreateAsync(retrying);

        var listed = await Store.ListWithParkedEventsAsync();
        Assert.Equal(["REQ-000001"], listed.Select(r => r.Id));
        Assert.Equal("Bad card", listed[0].Outbox[0].LastError);

        parked.CompleteEvent(eventId);
        await Store.SaveAsync(parked);
        Assert.Empty(await Store.ListWithParkedEventsAsync());
    }

    [Fact]
    public async Task ReserveNumberAsync_NewKeys_GetIncreasingNumbersWithoutGaps()
    {
        var first = await Store.ReserveNumberAsync("form-a");
        var second = await Store.ReserveNumberAsync("form-b");

        Assert.True(first > 0);
        Assert.Equal(first + 1, second);
    }

    [Fact]
    public async Task ReserveNumberAsync_SameKeyAgain_GetsItsNumberBackAndUsesNoOther()
    {
        var first = await Store.ReserveNumberAsync("form-a");

        Assert.Equal(first, await Store.ReserveNumberAsync("form-a"));
        Assert.Equal(first + 1, await Store.ReserveNumberAsync("form-b"));
    }

    [Fact]
    public async Task ReserveNumberAsync_ConcurrentCalls_NeverHandOutTheSameNumberTwice()
    {
        var numbers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => Store.ReserveNumberAsync($"form-{i}"))));

        Assert.Equal(numbers.Length, numbers.Distinct().Count());
    }

    [Fact]
    public async Task ReserveNumberAsync_EachFormSentSeveralTimesAtOnce_UsesOneNumberPerForm()
    {
        // Five forms, each sent four times at once (a double click, a retried post): five numbers, one after the other.
        var keys = Enumerable.Range(0, 20).Select(i => $"form-{i % 5}").ToList();

        var numbers = await Task.WhenAll(keys.Select(key => Task.Run(() => Store.ReserveNumberAsync(key))));

        var byForm = keys.Zip(numbers).GroupBy(pair => pair.First, pair => pair.Second).ToList();
        Assert.All(byForm, form => Assert.Single(form.Distinct()));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => (long)i), numbers.Distinct().Order());
    }

    [Fact]
    public async Task ReopenedStore_SeesEverythingSavedBefore_AndContinuesTheNumbers()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        await Store.CreateAsync(request);
        request.Decide(Bob, approve: true, null, 0, Start.AddHours(1));
        await Store.SaveAsync(request);
        var lastNumber = await Store.ReserveNumberAsync("form-b");

        var reopened = ReopenStore();

        var loaded = await reopened.GetAsync("REQ-000001");
        Assert.Equal(2, loaded!.Version);
        Assert.Equal(RequestState.Approved, loaded.State);
        Assert.Equal(lastNumber, await reopened.ReserveNumberAsync("form-b"));
        Assert.Equal(lastNumber + 1, await reopened.ReserveNumberAsync("form-c"));
    }

    private async Task<IReadOnlyList<string>> PendingIdsAsync(PersonRef approver) =>
        [.. (await Store.ListPendingApprovalAsync(approver.Id, 50)).Select(r => r.Id)];
}
