using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

/// <summary>
/// The outbox through the store port, across a crash: an event leaves the document only in the save that
/// completes it, so a worker that dies after its handler ran and before that save leaves the event due for the
/// next worker (never lost); a completion is saved once (the version check), and a completion saved on an older
/// copy of the document never drops an event raised meanwhile. Effects of a handler that ran twice are made
/// once by the message ledger (its own contract).
/// </summary>
public abstract partial class RequestStoreContract
{
    [Fact]
    public async Task Outbox_HandlerRanButTheWorkerDiedBeforeSaving_TheEventIsDueAfterARestart_AndCompletesOnce()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        await Store.CreateAsync(request);
        var pending = Assert.Single(request.Outbox);
        var notifier = new RecordingNotifier();
        // A worker loads the request, runs the handler, and dies before saving the completion.
        var loaded = await Store.GetAsync("REQ-000001");
        await new FulfilmentHandler(notifier, Store, TimeProvider.System, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None).HandleAsync(loaded!, loaded!.Outbox[0]);

        var restarted = ReopenStore();
        var clock = new FakeTimeProvider(Start.AddMinutes(1));
        var due = Assert.Single(await restarted.ListWithDueEventsAsync(clock.GetUtcNow(), 10));
        Assert.Equal(pending.Id, Assert.Single(due.Outbox).Id);
        var handled = await Processor(restarted, notifier, clock).ProcessAsync("REQ-000001");

        Assert.Equal(1, handled);
        Assert.Equal(["approval-card REQ-000001 stage 0 for Bob Manager", "approval-card REQ-000001 stage 0 for Bob Manager"], notifier.Calls);
        Assert.Empty(await restarted.ListWithDueEventsAsync(clock.GetUtcNow().AddDays(1), 10));
        Assert.Empty((await ReopenStore().GetAsync("REQ-000001"))!.Outbox);
    }

    [Fact]
    public async Task Outbox_TwoWorkersCompleteTheSameEvent_OnlyOneCompletionIsSaved()
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));
        var first = await Store.GetAsync("REQ-000001");
        var second = ReopenStore();
        var copy = await second.GetAsync("REQ-000001");
        var eventId = first!.Outbox[0].Id;

        Assert.True(first.CompleteEvent(eventId));
        await Store.SaveAsync(first);
        Assert.True(copy!.CompleteEvent(eventId));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => second.SaveAsync(copy));

        var stored = await ReopenStore().GetAsync("REQ-000001");
        Assert.Empty(stored!.Outbox);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Outbox_CompletionSavedOnAnOlderCopy_NeverDropsAnEventRaisedMeanwhile()
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));
        // A worker holds the request while Bob approves it (a new event in the same document).
        var worker = await Store.GetAsync("REQ-000001");
        var handledId = worker!.Outbox[0].Id;
        var approving = ReopenStore();
        var current = await approving.GetAsync("REQ-000001");
        current!.Decide(Bob, approve: true, null, 0, Start.AddMinutes(5));
        await approving.SaveAsync(current);
        var raisedMeanwhile = current.Outbox.Single(e => e.Id != handledId);

        // The worker's completion conflicts; it is applied again to the newer document, as the processor does.
        worker.CompleteEvent(handledId);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.SaveAsync(worker));
        await Store.UpdateAsync("REQ-000001", r => r.CompleteEvent(handledId));

        var stored = await ReopenStore().GetAsync("REQ-000001");
        var left = Assert.Single(stored!.Outbox);
        Assert.Equal(raisedMeanwhile.Id, left.Id);
        Assert.Equal(RequestEventType.Approved, left.Type);
        Assert.Equal(RequestState.Approved, stored.State);
    }

    [Fact]
    public async Task Outbox_FailedAttemptSurvivesARestart_WithItsBackoff_AndIsRetriedWhenDue()
    {
        await Store.CreateAsync(Submit("REQ-000001", stages: [ManagerStage()]));
        var notifier = new RecordingNotifier();
        var clock = new FakeTimeProvider(Start.AddMinutes(1));
        notifier.FailNext(1);

        Assert.Equal(0, await Processor(Store, notifier, clock).ProcessAsync("REQ-000001"));

        var restarted = ReopenStore();
        var failed = Assert.Single((await restarted.GetAsync("REQ-000001"))!.Outbox);
        Assert.Equal(1, failed.Attempts);
        Assert.False(failed.IsParked);
        Assert.Empty(await restarted.ListWithDueEventsAsync(clock.GetUtcNow(), 10));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Single(await restarted.ListWithDueEventsAsync(clock.GetUtcNow(), 10));
        Assert.Equal(1, await Processor(restarted, notifier, clock).ProcessAsync("REQ-000001"));
        Assert.Empty((await ReopenStore().GetAsync("REQ-000001"))!.Outbox);
    }

    private static OutboxProcessor Processor(IRequestStore store, RecordingNotifier notifier, TimeProvider clock) =>
        new(store, new FulfilmentHandler(notifier, store, clock, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None), clock, Options.Create(new FulfilmentOptions()), NullLogger<OutboxProcessor>.Instance);
}
