using ChatRequests.Core.Approvals;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace ChatRequests.Core.Tests;

/// <summary>The one load-change-save rule, and every writer keeping to it.</summary>
public sealed class RequestStoreUpdatesTests
{
    private readonly InMemoryRequestStore _inner = new();
    private readonly ContendedRequestStore _store;
    private readonly FakeTimeProvider _clock = new(SampleData.Start);
    private readonly RequestWorkflow _workflow;

    public RequestStoreUpdatesTests()
    {
        _store = new ContendedRequestStore(_inner);
        var directory = SampleData.Directory();
        _workflow = new RequestWorkflow(_store, SampleData.Catalog(), directory, new ApproverResolver(directory), _clock);
    }

    [Fact]
    public async Task UpdateAsync_AnotherWriterSavedFirst_AppliesTheChangeAgainOnTheirVersion_SoNeitherIsLost()
    {
        var request = await LaptopAsync();
        var eventId = request.Outbox[0].Id;
        _store.BeforeNextSave = () => _inner.UpdateAsync(request.Id, r => Fail(r, eventId, "first writer"));

        var saved = await _store.UpdateAsync(request, r => Fail(r, eventId, "second writer"));

        Assert.Equal(2, _store.Saves);
        var stored = (await _inner.GetAsync(request.Id))!;
        Assert.Equal((2, "second writer"), (stored.Outbox[0].Attempts, stored.Outbox[0].LastError));
        Assert.Equal(stored.Version, saved.Version);
    }

    [Fact]
    public async Task UpdateAsync_TwoDecisionsAtOnce_TheSecondIsDecidedOnTheFirstsVersion()
    {
        var request = await LaptopAsync();
        var alex = SampleData.Ref(SampleData.Alex);
        _store.BeforeNextSave = () => _inner.UpdateAsync(request.Id, r => r.Decide(alex, approve: false, "No budget", 0, _clock.GetUtcNow()));

        var error = await Assert.ThrowsAnyAsync<RequestRuleException>(() =>
            _store.UpdateAsync(request, r => r.Decide(alex, approve: true, null, 0, _clock.GetUtcNow())));

        Assert.Contains("lready", error.Message);
        Assert.Equal(RequestState.Rejected, (await _inner.GetAsync(request.Id))!.State);
    }

    [Fact]
    public async Task UpdateAsync_EverySaveLost_GivesUpAfterMaxSaveAttempts_WithTheConflict()
    {
        var request = await LaptopAsync();
        _store.AlwaysConflict = true;
        var applied = 0;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => _store.UpdateAsync(request.Id, r =>
        {
            applied++;
            Fail(r, r.Outbox[0].Id, "never saved");
        }));

        Assert.Equal((RequestStoreUpdates.MaxSaveAttempts, RequestStoreUpdates.MaxSaveAttempts), (_store.Saves, applied));
        Assert.Equal(request.Version, (await _inner.GetAsync(request.Id))!.Version);
    }

    [Fact]
    public async Task UpdateIfChangedAsync_NothingToChange_WritesNothing()
    {
        var request = await LaptopAsync();

        var result = await _store.UpdateIfChangedAsync(request, _ => false);

        Assert.Equal(0, _store.Saves);
        Assert.Equal(request.Version, result.Version);
    }

    [Fact]
    public async Task UseCase_EverySaveLost_TriesAsOftenAsEveryWriter_ThenThrowsTheConflict()
    {
        var request = await LaptopAsync();
        _store.AlwaysConflict = true;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _workflow.DecideAsync(request.Id, SampleData.Ref(SampleData.Alex), approve: true, null, 0));

        Assert.Equal(RequestStoreUpdates.MaxSaveAttempts, _store.Saves);
    }

    [Fact]
    public async Task Fulfilment_EverySaveLost_TriesAsOftenAsEveryWriter_ThenThrowsForTheRetry()
    {
        var request = await LaptopAsync();
        var runner = new OutboxEventRunner(
            _store, Handler(), _clock, NullLogger<OutboxEventRunner>.Instance);
        _store.AlwaysConflict = true;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => runner.RunAsync(request.Id, request.Outbox[0].Id));

        Assert.Equal(RequestStoreUpdates.MaxSaveAttempts, _store.Saves);
    }

    [Fact]
    public async Task SlaSweep_EverySaveLost_TriesAsOftenAsEveryWriter_ThenLeavesTheRequestToTheNextSweep()
    {
        var request = await LaptopAsync();
        _clock.Advance(TimeSpan.FromDays(10));
        _store.AlwaysConflict = true;

        var result = await new SlaSweep(_store, _clock, NullLogger<SlaSweep>.Instance).SweepAsync();

        Assert.Equal((1, 0, 1), (result.Checked, result.Events, result.Conflicts));
        Assert.Equal(RequestStoreUpdates.MaxSaveAttempts, _store.Saves);
        _store.AlwaysConflict = false;
        Assert.Equal(1, (await new SlaSweep(_store, _clock, NullLogger<SlaSweep>.Instance).SweepAsync()).Events);
        Assert.NotEqual(request.Version, (await _inner.GetAsync(request.Id))!.Version);
    }

    [Fact]
    public async Task OutboxProcessor_ReadsTheRequestOnce_AndHandlesTheNextEventWithWhatItSaved()
    {
        var request = await LaptopAsync();
        await _workflow.DecideAsync(request.Id, SampleData.Ref(SampleData.Alex), approve: true, null, 0);
        var processor = new OutboxProcessor(_store, Handler(), _clock,
            Options.Create(new FulfilmentOptions()), NullLogger<OutboxProcessor>.Instance);
        var (reads, saves) = (_store.Reads, _store.Saves);

        var handled = await processor.ProcessAsync(request.Id);

        Assert.Equal(2, handled);
        Assert.Equal((1, 2), (_store.Reads - reads, _store.Saves - saves));
        Assert.Empty((await _inner.GetAsync(request.Id))!.Outbox);
    }

    [Fact]
    public async Task OutboxEventRunner_CompletesTheEventOnTheVersionItLoaded()
    {
        var request = await LaptopAsync();
        var runner = new OutboxEventRunner(
            _store, Handler(), _clock, NullLogger<OutboxEventRunner>.Instance);
        var reads = _store.Reads;

        await runner.RunAsync(request.Id, request.Outbox[0].Id);

        Assert.Equal(1, _store.Reads - reads);
        Assert.Empty((await _inner.GetAsync(request.Id))!.Outbox);
    }

    /// <summary>Megan's laptop, waiting for Alex's approval: its outbox holds the ApprovalRequested event.</summary>
    private async Task<ServiceRequest> LaptopAsync()
    {
        var form = new RequestForm("key-1", "laptop-standard", "My laptop is five years old and too slow.", "Medium",
            new Dictionary<string, string?> { ["costCentre"] = "CC-4711", ["deliveryLocation"] = "Berlin office", ["keyboardLayout"] = "German (QWERTZ)" });
        return (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form)).Request!;
    }

    private void Fail(ServiceRequest request, string eventId, string reason) =>
        request.FailEvent(eventId, reason, _clock.GetUtcNow(), TimeSpan.FromSeconds(1), maxAttempts: 8);

    private FulfilmentHandler Handler() =>
        new(Substitute.For<INotifier>(), _store, _clock, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None);
}
