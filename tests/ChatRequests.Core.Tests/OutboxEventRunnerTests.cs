using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace ChatRequests.Core.Tests;

public sealed class OutboxEventRunnerTests
{
    private static readonly PersonRef Requester = new("requester", "Rita Requester");
    private static readonly PersonRef Manager = new("manager", "Max Manager");

    private readonly InMemoryRequestStore _store = new();
    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly FakeTimeProvider _clock = new(SampleData.Start);
    private readonly OutboxEventRunner _runner;

    public OutboxEventRunnerTests() =>
        _runner = new OutboxEventRunner(_store, new FulfilmentHandler(_notifier, _store, _clock, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None), _clock, NullLogger<OutboxEventRunner>.Instance);

    [Fact]
    public async Task RunAsync_PendingEvent_RunsTheHandlerAndRemovesTheEvent()
    {
        var request = await SubmitAsync();

        var run = await _runner.RunAsync(request.Id, request.Outbox[0].Id);

        Assert.Equal(new EventRun(EventRunOutcome.Handled, RequestEventType.ApprovalRequested), run);
        await _notifier.Received(1).ShowApprovalCardAsync(Arg.Any<ServiceRequest>(), Manager, 0, Arg.Any<CancellationToken>());
        Assert.Empty((await _store.GetAsync(request.Id))!.Outbox);
    }

    [Fact]
    public async Task RunAsync_EventAlreadyCompleted_ReturnsAlreadyDoneWithoutRunning()
    {
        var request = await SubmitAsync();
        await _runner.RunAsync(request.Id, request.Outbox[0].Id);
        _notifier.ClearReceivedCalls();

        var run = await _runner.RunAsync(request.Id, request.Outbox[0].Id);

        Assert.Equal(EventRunOutcome.AlreadyDone, run.Outcome);
        Assert.Empty(_notifier.ReceivedCalls());
    }

    [Fact]
    public async Task RunAsync_UnknownRequest_ReturnsRequestNotFound()
    {
        var run = await _runner.RunAsync("REQ-404404", "event");

        Assert.Equal(EventRunOutcome.RequestNotFound, run.Outcome);
    }

    [Fact]
    public async Task RunAsync_PermanentFailure_ParksTheEventWithTheReason()
    {
        var request = await SubmitAsync();
        _notifier.ShowApprovalCardAsync(default!, default!, default, default)
            .ThrowsAsyncForAnyArgs(new PermanentEventFailureException("No such approver."));

        var run = await _runner.RunAsync(request.Id, request.Outbox[0].Id);

        Assert.Equal(EventRunOutcome.Parked, run.Outcome);
        var outbox = (await _store.GetAsync(request.Id))!.Outbox;
        var parked = Assert.Single(outbox, e => e.Type == RequestEventType.ApprovalRequested);
        Assert.True(parked.IsParked);
        // The team is told with a notice of its own (ADR 0024).
        Assert.False(Assert.Single(outbox, e => e.Type == RequestEventType.ParkedNotice).IsParked);
        Assert.Equal("PermanentEventFailureException: No such approver.", parked.LastError);
        Assert.Equal(EventRunOutcome.AlreadyParked, (await _runner.RunAsync(request.Id, parked.Id)).Outcome);
    }

    [Fact]
    public async Task RunAsync_TransientFailure_ThrowsAndLeavesTheDocumentUnchanged()
    {
        var request = await SubmitAsync();
        _notifier.ShowApprovalCardAsync(default!, default!, default, default).ThrowsAsyncForAnyArgs(new HttpRequestException("502"));

        await Assert.ThrowsAsync<HttpRequestException>(() => _runner.RunAsync(request.Id, request.Outbox[0].Id));

        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(request.Version, stored.Version);
        Assert.False(Assert.Single(stored.Outbox).IsParked);
    }

    private async Task<ServiceRequest> SubmitAsync()
    {
        var key = Guid.NewGuid().ToString("N");
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                RequestNumber.Format(await _store.ReserveNumberAsync(key)), key, Requester, "laptop-standard", "Standard laptop",
                "Hardware", null, "Old laptop.", new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                "team-hardware", "Hardware Service", _clock.GetUtcNow().AddHours(40), [new ApprovalStage("Manager", [Manager])]),
            _clock.GetUtcNow());
        await _store.CreateAsync(request);
        return (await _store.GetAsync(request.Id))!;
    }
}
