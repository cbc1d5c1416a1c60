using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.PortContracts.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Embedded.Tests.Fulfilment;

public sealed class InProcessRelayTests : IDisposable
{
    private readonly RelayRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task RunOnceAsync_DueEvents_AreHandledAndLeaveTheOutbox()
    {
        await _rig.Store.CreateAsync(Submit("REQ-000001", stages: [SecurityStage()]));
        await _rig.Store.CreateAsync(Submit("REQ-000002"));

        var pass = await _rig.Relay.RunOnceAsync(CancellationToken.None);

        Assert.Equal(2, pass.HandledEvents);
        Assert.Equal(
            ["approval-card REQ-000001 stage 0 for Carol Security", "approval-card REQ-000001 stage 0 for Dave Security", "team-card REQ-000002"],
            _rig.Notifier.Calls.Order());
        Assert.Empty((await _rig.Store.GetAsync("REQ-000001"))!.Outbox);
        Assert.Empty((await _rig.Store.GetAsync("REQ-000002"))!.Outbox);
    }

    [Fact]
    public async Task RunOnceAsync_EventNotYetDue_IsLeftAlone()
    {
        await _rig.Store.CreateAsync(Submit("REQ-000001", Start.AddMinutes(5)));

        var pass = await _rig.Relay.RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, pass.Requests);
        Assert.Empty(_rig.Notifier.Calls);
    }

    [Fact]
    public async Task RunOnceAsync_NotifierFails_RetriesWithGrowingBackoffThenParksWithTheReason()
    {
        await _rig.Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));
        _rig.Notifier.AlwaysFail = true;

        await _rig.Relay.RunOnceAsync(CancellationToken.None);
        var first = await OnlyEventAsync();
        Assert.Equal(1, first.Attempts);
        Assert.Contains("HttpRequestException: Teams answered 502 Bad Gateway", first.LastError);
        Assert.InRange(first.NextAttemptAt - Start, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(1.2));
        Assert.False(first.IsParked);

        await _rig.Relay.RunOnceAsync(CancellationToken.None);
        Assert.Single(_rig.Notifier.Calls);

        _rig.Clock.Advance(RelayRig.LongerThanAnyBackoff);
        var secondTryAt = _rig.Clock.GetUtcNow();
        await _rig.Relay.RunOnceAsync(CancellationToken.None);
        var second = await OnlyEventAsync();
        Assert.Equal(2, second.Attempts);
        Assert.InRange(second.NextAttemptAt - secondTryAt, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));

        _rig.Clock.Advance(RelayRig.LongerThanAnyBackoff);
        await _rig.Relay.RunOnceAsync(CancellationToken.None);
        var outbox = (await _rig.Store.GetAsync("REQ-000001"))!.Outbox;
        var parked = Assert.Single(outbox, e => e.Type == RequestEventType.ApprovalRequested);
        Assert.Equal(3, parked.Attempts);
        Assert.True(parked.IsParked);
        Assert.Contains("Teams answered 502 Bad Gateway", parked.LastError);
        // The team is told with a notice of its own (ADR 0024); the parked step itself is never tried again.
        Assert.Single(outbox, e => e.Type == RequestEventType.ParkedNotice);

        _rig.Clock.Advance(TimeSpan.FromHours(1));
        await _rig.Relay.RunOnceAsync(CancellationToken.None);
        Assert.Equal(3, _rig.Notifier.Calls.Count(c => !c.StartsWith("parked-card ", StringComparison.Ordinal)));
        Assert.Contains(_rig.Notifier.Calls, c => c.StartsWith("parked-card REQ-000001 ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RunOnceAsync_CallsNotSentForALocalRateLimit_PutTheEventOffWithoutCountingAttempts()
    {
        // More put-offs than the rig's 3 attempts: a burst to one conversation must never park its events.
        await _rig.Store.CreateAsync(Submit("REQ-000001"));
        _rig.Notifier.Failure = () => new NotSentFailure(TimeSpan.FromSeconds(5));
        _rig.Notifier.FailNext(4);

        for (var round = 1; round <= 4; round++)
        {
            var triedAt = _rig.Clock.GetUtcNow();
            await _rig.Relay.RunOnceAsync(CancellationToken.None);
            var putOff = await OnlyEventAsync();
            Assert.Equal(0, putOff.Attempts);
            Assert.False(putOff.IsParked);
            Assert.Equal(triedAt.AddSeconds(5), putOff.NextAttemptAt);
            Assert.Contains("no permit", putOff.LastError);
            _rig.Clock.Advance(TimeSpan.FromSeconds(5));
        }

        await _rig.Relay.RunOnceAsync(CancellationToken.None);
        Assert.Empty((await _rig.Store.GetAsync("REQ-000001"))!.Outbox);
        Assert.Equal(5, _rig.Notifier.Calls.Count);
    }

    [Fact]
    public async Task RunOnceAsync_CompletionNotSavedAfterTheHandlerRan_RunsTheHandlerAgainLater()
    {
        await _rig.Store.CreateAsync(Submit("REQ-000001"));
        _rig.Store.FailNextSaves(1);

        await _rig.Relay.RunOnceAsync(CancellationToken.None);
        var failed = await OnlyEventAsync();
        Assert.Equal(1, failed.Attempts);
        Assert.Contains("IOException", failed.LastError);

        _rig.Clock.Advance(RelayRig.LongerThanAnyBackoff);
        await _rig.Relay.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["team-card REQ-000001", "team-card REQ-000001"], _rig.Notifier.Calls);
        Assert.Empty((await _rig.Store.GetAsync("REQ-000001"))!.Outbox);
    }

    [Fact]
    public async Task RunOnceAsync_NothingSavedAfterTheHandlerRan_LikeACrash_RunsTheHandlerAgainOnTheNextPass()
    {
        // REQ-000001 goes first (longest waiting); both its saves fail, so nothing records that its handler ran.
        // One request at a time, so that the two failing saves are REQ-000001's.
        _rig.Settings.MaxParallelRequests = 1;
        await _rig.Store.CreateAsync(Submit("REQ-000001", Start.AddSeconds(-1)));
        await _rig.Store.CreateAsync(Submit("REQ-000002"));
        _rig.Store.FailNextSaves(2);

        var crashed = await _rig.Relay.RunOnceAsync(CancellationToken.None);
        Assert.Equal(2, crashed.Requests);
        Assert.Equal(1, crashed.HandledEvents);
        Assert.Empty((await _rig.Store.GetAsync("REQ-000002"))!.Outbox);
        Assert.Equal(0, (await OnlyEventAsync()).Attempts);

        await _rig.Relay.RunOnceAsync(CancellationToken.None);

        Assert.Equal(["team-card REQ-000001", "team-card REQ-000001", "team-card REQ-000002"], _rig.Notifier.Calls.Order());
        Assert.Empty((await _rig.Store.GetAsync("REQ-000001"))!.Outbox);
    }

    [Fact]
    public async Task RunOnceAsync_ManyRequests_HandlesEachEventOnceWhileWorkingSeveralAtOnce()
    {
        for (var i = 1; i <= 12; i++)
        {
            await _rig.Store.CreateAsync(Submit($"REQ-{i:D6}", Start.AddSeconds(-i)));
        }

        var pass = await _rig.Relay.RunOnceAsync(CancellationToken.None);

        Assert.Equal(12, pass.HandledEvents);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => $"team-card REQ-{i:D6}").Order(), _rig.Notifier.Calls.Order());
        Assert.Empty(await _rig.Store.ListWithDueEventsAsync(Start.AddDays(1), 50));
    }

    [Fact]
    public async Task ExecuteAsync_WokenAfterASave_HandlesTheEventWithoutWaitingForThePoll()
    {
        await _rig.Relay.StartAsync(CancellationToken.None);
        await _rig.Store.CreateAsync(Submit("REQ-000001"));

        _rig.Signal.Wake();

        await _rig.Notifier.WaitForCallsAsync(1);
        await _rig.Relay.StopAsync(CancellationToken.None);
        Assert.Equal(["team-card REQ-000001"], _rig.Notifier.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_PollIntervalPassesWithoutAWakeUp_LooksForDueEventsAnyway()
    {
        await _rig.Relay.StartAsync(CancellationToken.None);
        await _rig.Store.CreateAsync(Submit("REQ-000001"));

        // The relay may not be waiting yet: keep moving the clock until its poll timer has fired.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_rig.Notifier.Calls.Count == 0 && DateTime.UtcNow < deadline)
        {
            _rig.Clock.Advance(_rig.Settings.PollInterval);
            await Task.Delay(20);
        }

        await _rig.Relay.StopAsync(CancellationToken.None);
        Assert.Equal(["team-card REQ-000001"], _rig.Notifier.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_StoreFailsDuringAPass_KeepsRunning()
    {
        _rig.Store.FailNextListings(1);
        await _rig.Relay.StartAsync(CancellationToken.None);
        await _rig.Store.CreateAsync(Submit("REQ-000001"));

        _rig.Signal.Wake();

        await _rig.Notifier.WaitForCallsAsync(1);
        await _rig.Relay.StopAsync(CancellationToken.None);
        Assert.Equal(["team-card REQ-000001"], _rig.Notifier.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_OneRequestHangs_RequestsDueLaterAreHandledMeanwhile()
    {
        // Two workers; REQ-000001's card hangs (a Teams call without an answer) and holds one of them.
        _rig.Settings.MaxParallelRequests = 2;
        _rig.Notifier.Hang("REQ-000001");
        await _rig.Store.CreateAsync(Submit("REQ-000001", Start.AddSeconds(-2)));
        await _rig.Store.CreateAsync(Submit("REQ-000002", Start.AddSeconds(-1)));
        await _rig.Relay.StartAsync(CancellationToken.None);
        await _rig.Notifier.WaitForCallsAsync(2);

        // Requests that became due after the relay listed the hung one still get the free worker, one after the other.
        for (var i = 3; i <= 5; i++)
        {
            await _rig.Store.CreateAsync(Submit($"REQ-{i:D6}"));
            _rig.Signal.Wake();
            await StoredWhenAsync($"REQ-{i:D6}", r => r.Outbox.Count == 0);
        }

        Assert.Equal(["REQ-000001"], _rig.Relay.InHand);
        Assert.Equal(0, (await OnlyEventAsync()).Attempts);

        _rig.Notifier.Release("REQ-000001");
        await StoredWhenAsync("REQ-000001", r => r.Outbox.Count == 0);
        await _rig.Relay.StopAsync(CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"team-card REQ-{i:D6}"), _rig.Notifier.Calls.Order());
    }

    [Fact]
    public async Task ExecuteAsync_EventHangsPastItsTimeout_FreesTheWorkerAndIsRetriedLikeATransientFailure()
    {
        _rig.Settings.MaxParallelRequests = 1;
        _rig.Notifier.Hang("REQ-000001");
        await _rig.Store.CreateAsync(Submit("REQ-000001", Start.AddSeconds(-1)));
        await _rig.Store.CreateAsync(Submit("REQ-000002"));
        await _rig.Relay.StartAsync(CancellationToken.None);
        await _rig.Notifier.WaitForCallsAsync(1);

        _rig.Clock.Advance(_rig.Settings.EventTimeout);

        // The only worker is free again: the next request is handled while the first waits for its retry.
        await StoredWhenAsync("REQ-000002", r => r.Outbox.Count == 0);
        var timedOut = await OnlyEventAsync();
        Assert.Equal(1, timedOut.Attempts);
        Assert.False(timedOut.IsParked);
        Assert.Contains("EventTimedOutException", timedOut.LastError);
        Assert.True(timedOut.NextAttemptAt > _rig.Clock.GetUtcNow());

        _rig.Notifier.Release("REQ-000001");
        _rig.Clock.Advance(RelayRig.LongerThanAnyBackoff);
        _rig.Signal.Wake();
        await StoredWhenAsync("REQ-000001", r => r.Outbox.Count == 0);
        await _rig.Relay.StopAsync(CancellationToken.None);
        Assert.Equal(["team-card REQ-000001", "team-card REQ-000002", "team-card REQ-000001"], _rig.Notifier.Calls);
    }

    [Fact]
    public async Task StopAsync_WhileTheRelayWaits_EndsTheLoopCleanly()
    {
        await _rig.Store.CreateAsync(Submit("REQ-000001"));
        await _rig.Relay.StartAsync(CancellationToken.None);
        await _rig.Notifier.WaitForCallsAsync(1);

        await _rig.Relay.StopAsync(CancellationToken.None);

        Assert.True(_rig.Relay.ExecuteTask!.IsCompletedSuccessfully);
    }

    private Task StoredWhenAsync(string requestId, Func<ServiceRequest, bool> done) =>
        StoreWaits.StoredWhenAsync(_rig.Store, requestId, done, $"the relay handled its events; notifier calls: {string.Join("; ", _rig.Notifier.Calls)}");

    private sealed class NotSentFailure(TimeSpan wait) : Exception("no permit within the wait"), IClassifiedFailure
    {
        public bool IsPermanent => false;

        public TimeSpan? RetryAfter => wait;

        public bool WasNotSent => true;
    }

    private async Task<OutboxEvent> OnlyEventAsync() =>
        Assert.Single((await _rig.Store.GetAsync("REQ-000001"))!.Outbox);
}
