using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace ChatRequests.Core.Tests;

/// <summary>The ProvisioningRequested step, run the way the relays run it (the outbox event runner), on a real store.</summary>
public sealed class FulfilmentHandlerProvisioningTests
{
    private static readonly PersonRef Requester = new("u-megan", "Megan Bowen");
    private static readonly PersonRef Manager = new("u-alex", "Alex Wilber");

    private readonly InMemoryRequestStore _store = new();
    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly FakeTimeProvider _clock = new(SampleData.Start);
    private readonly FakeProvisioner _provisioner = new();

    [Fact]
    public async Task ProvisioningRequested_AddsTheRequesterToTheGroupAndFulfilsTheRequest()
    {
        var request = await ApprovedAsync();

        var run = await Runner(_provisioner).RunAsync(request.Id, ProvisioningEvent(request).Id);

        Assert.Equal(EventRunOutcome.Handled, run.Outcome);
        Assert.Equal([(Requester.Id, ServiceRequestProvisioningTests.FinanceReaders.GroupId)], _provisioner.Calls);
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(RequestState.Fulfilled, stored.State);
        Assert.Equal(ProvisioningStatus.Done, stored.ProvisioningStatus);
        Assert.DoesNotContain(stored.Outbox, e => e.Type == RequestEventType.ProvisioningRequested);
        var resolved = Assert.Single(stored.Outbox, e => e.Type == RequestEventType.Resolved);
        Assert.Equal(PersonRef.System, resolved.Actor);
    }

    [Fact]
    public async Task ProvisioningRequested_HandledTwiceOnTheSameCopy_AddsOnceAndCompletesOnce()
    {
        // A worker that ran the step and died before the event left the outbox: the next one runs it again.
        var request = await ApprovedAsync();
        var handler = Handler(_provisioner);

        await handler.HandleAsync(request, ProvisioningEvent(request));
        await handler.HandleAsync(request, ProvisioningEvent(request));

        Assert.Equal(2, _provisioner.Calls.Count);
        Assert.Single(_provisioner.Members);
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.Resolved);
        Assert.Single(stored.History, h => h.Action == AuditAction.CompleteProvisioning);
    }

    [Fact]
    public async Task ProvisioningRequested_RedeliveredAfterCompletion_DoesNotCallTheProvisionerAgain()
    {
        var request = await ApprovedAsync();
        var handler = Handler(_provisioner);
        await handler.HandleAsync(request, ProvisioningEvent(request));

        var reloaded = (await _store.GetAsync(request.Id))!;
        await handler.HandleAsync(reloaded, ProvisioningEvent(request));

        Assert.Single(_provisioner.Calls);
        Assert.Single((await _store.GetAsync(request.Id))!.Outbox, e => e.Type == RequestEventType.Resolved);
    }

    [Fact]
    public async Task ProvisioningRequested_TransientFailure_ThrowsForTheRetryAndChangesNothing()
    {
        var request = await ApprovedAsync();
        _provisioner.Failure = new HttpRequestException("Graph answered 503");

        await Assert.ThrowsAsync<HttpRequestException>(() => Runner(_provisioner).RunAsync(request.Id, ProvisioningEvent(request).Id));

        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(request.Version, stored.Version);
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.False(ProvisioningEvent(stored).IsParked);
    }

    [Fact]
    public async Task ProvisioningRequested_Refused_RecordsTheFailureForTheTeam_WithoutParkingTheEvent()
    {
        var request = await ApprovedAsync();
        _provisioner.Failure = new ProvisioningRefusedException("Microsoft Graph refused the change (403 Forbidden)");

        var run = await Runner(_provisioner).RunAsync(request.Id, ProvisioningEvent(request).Id);

        Assert.Equal(EventRunOutcome.Handled, run.Outcome);
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.Equal(ProvisioningStatus.Failed, stored.ProvisioningStatus);
        Assert.Equal(
            "Automatic provisioning failed: Microsoft Graph refused the change (403 Forbidden). Please add Megan Bowen to Finance share readers by hand.",
            stored.StatusNote);
        Assert.DoesNotContain(stored.Outbox, e => e.IsParked);
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.ProvisioningFailed);
    }

    [Fact]
    public async Task ProvisioningRequested_WithoutAProvisioner_ChangesNothing()
    {
        var request = await ApprovedAsync();

        var run = await Runner(provisioner: null).RunAsync(request.Id, ProvisioningEvent(request).Id);

        Assert.Equal(EventRunOutcome.Handled, run.Outcome);
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.Equal(ProvisioningStatus.Pending, stored.ProvisioningStatus);
        Assert.Equal(request.History.Count, stored.History.Count);
        Assert.Empty(_notifier.ReceivedCalls());
    }

    [Fact]
    public async Task ProvisioningRequested_RequestCancelledMeanwhile_IsNotProvisioned()
    {
        var request = await ApprovedAsync();
        var e = ProvisioningEvent(request);
        request.Cancel(Requester, "Not needed", _clock.GetUtcNow());
        await _store.SaveAsync(request);

        await Runner(_provisioner).RunAsync(request.Id, e.Id);

        Assert.Empty(_provisioner.Calls);
        Assert.Equal(RequestState.Cancelled, (await _store.GetAsync(request.Id))!.State);
    }

    [Fact]
    public async Task ProvisioningFailed_RefreshesTheTeamCard()
    {
        var request = await ApprovedAsync();
        request.FailProvisioningStep(0, "Forbidden", _clock.GetUtcNow());

        await Handler(_provisioner).HandleAsync(request, request.Outbox[^1]);

        await _notifier.Received(1).ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
        await _notifier.DidNotReceiveWithAnyArgs().NotifyRequesterAsync(default!, default, default!, default);
    }

    private FulfilmentHandler Handler(IProvisioner? provisioner) =>
        new(_notifier, _store, _clock, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None with { Provisioner = provisioner });

    private OutboxEventRunner Runner(IProvisioner? provisioner) =>
        new(_store, Handler(provisioner), _clock, NullLogger<OutboxEventRunner>.Instance);

    private static OutboxEvent ProvisioningEvent(ServiceRequest request) =>
        request.Outbox.Single(e => e.Type == RequestEventType.ProvisioningRequested);

    private async Task<ServiceRequest> ApprovedAsync()
    {
        var key = Guid.NewGuid().ToString("N");
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                RequestNumber.Format(await _store.ReserveNumberAsync(key)), key, Requester, "finance-share-read",
                "Finance share (read)", "Access", null, "Monthly reports.", new Dictionary<string, string>(),
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-identity", "Identity & Access", _clock.GetUtcNow().AddHours(8),
                [new ApprovalStage("Manager", [Manager])], ServiceRequestProvisioningTests.FinanceReaders),
            _clock.GetUtcNow());
        request.Decide(Manager, approve: true, null, 0, _clock.GetUtcNow());
        await _store.CreateAsync(request);
        return (await _store.GetAsync(request.Id))!;
    }

    /// <summary>A group directory in memory: adding a member twice is a success, like Microsoft Graph's "already exists".</summary>
    private sealed class FakeProvisioner : IProvisioner
    {
        public List<(string PersonId, string GroupId)> Calls { get; } = [];
        public HashSet<(string PersonId, string GroupId)> Members { get; } = [];
        public Exception? Failure { get; set; }

        public Task AddToGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default)
        {
            Calls.Add((personId, groupId));
            if (Failure is not null)
            {
                throw Failure;
            }

            Members.Add((personId, groupId));
            return Task.CompletedTask;
        }

        public Task RemoveFromGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The Finance reports item only adds.");

        public Task AssignLicenceAsync(string personId, string skuId, IReadOnlyList<string> disabledPlans, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException("The Finance reports item only adds.");
    }
}
