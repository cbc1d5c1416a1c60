using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static ChatRequests.Core.Tests.ProvisioningStepsSamples;

namespace ChatRequests.Core.Tests;

/// <summary>
/// The ProvisioningRequested event of a request with several steps, run the way the relays run it (the outbox event
/// runner) on a store that keeps documents as JSON: order, refusals, transient failures, and a worker that dies.
/// </summary>
public sealed class ProvisioningRunTests
{
    private readonly InMemoryRequestStore _store = new();
    private readonly FakeTimeProvider _clock = new(SampleData.Start);
    private readonly RecordingSteps _steps = new();

    [Fact]
    public async Task AllSteps_RunInOrderOnce_AndTheRequestIsFulfilled()
    {
        var request = await ApprovedAsync();

        var run = await RunAsync(request);

        Assert.Equal(EventRunOutcome.Handled, run.Outcome);
        Assert.Equal(["add Finance share readers", "remove Contractors", "licence " + E3, "webhook REQ-000001-step-4"], _steps.Calls);
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(RequestState.Fulfilled, stored.State);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(ProvisioningStatus.Done, stored.StepProgress(i).Status));
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.Resolved);
    }

    [Fact]
    public async Task RefusedStep_StopsTheRest_RecordedForTheTeam()
    {
        var request = await ApprovedAsync();
        _steps.Refuse = "licence";

        var run = await RunAsync(request);

        Assert.Equal(EventRunOutcome.Handled, run.Outcome);
        Assert.Equal(["add Finance share readers", "remove Contractors", "licence " + E3], _steps.Calls);
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(ProvisioningStatus.Failed, stored.ProvisioningStatus);
        Assert.StartsWith("Automatic provisioning failed at step 3 of 4 (assign Megan Bowen the Microsoft 365 E3 licence): refused", stored.StatusNote);
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.ProvisioningFailed);
        Assert.Equal(RequestState.Approved, stored.State);
    }

    [Fact]
    public async Task TransientFailure_Redelivered_RunsOnlyTheStepsNotDone()
    {
        var request = await ApprovedAsync();
        _steps.FailOnce = "webhook";

        await Assert.ThrowsAsync<HttpRequestException>(() => RunAsync(request));
        var between = (await _store.GetAsync(request.Id))!;
        Assert.Equal(3, between.NextProvisioningStep);
        Assert.False(ProvisioningEvent(between).IsParked);

        await RunAsync(request);

        Assert.Equal(["add Finance share readers", "remove Contractors", "licence " + E3, "webhook REQ-000001-step-4", "webhook REQ-000001-step-4"], _steps.Calls);
        Assert.Equal(RequestState.Fulfilled, (await _store.GetAsync(request.Id))!.State);
    }

    [Fact]
    public async Task WorkerDiesAfterAStepBeforeItIsRecorded_TheRedeliveryRunsThatStepAgainHarmlesslyAndNoDoneStepTwice()
    {
        // The licence is assigned, then the worker dies before saving: the step is not recorded, the event not completed.
        var request = await ApprovedAsync();
        _steps.DieAfter = "licence";
        await Assert.ThrowsAsync<WorkerDiedException>(() => RunAsync(request));

        // Another worker (a restart: a store over the same documents) gets the event again.
        var restarted = _store.Reopen();
        await new OutboxEventRunner(restarted, Handler(restarted), _clock, NullLogger<OutboxEventRunner>.Instance)
            .RunAsync(request.Id, ProvisioningEvent(request).Id);

        Assert.Equal(1, _steps.Calls.Count(c => c.StartsWith("add", StringComparison.Ordinal)));
        Assert.Equal(1, _steps.Calls.Count(c => c.StartsWith("remove", StringComparison.Ordinal)));
        Assert.Equal(2, _steps.Calls.Count(c => c.StartsWith("licence", StringComparison.Ordinal)));
        Assert.Single(_steps.Licences);
        Assert.Equal(["webhook REQ-000001-step-4"], _steps.Calls.Where(c => c.StartsWith("webhook", StringComparison.Ordinal)));
        var stored = (await restarted.GetAsync(request.Id))!;
        Assert.Equal(RequestState.Fulfilled, stored.State);
        Assert.Single(stored.History, h => h.Comment == "Assigned Megan Bowen the Microsoft 365 E3 licence (automatic, step 3 of 4)");
        Assert.DoesNotContain(stored.Outbox, e => e.Type == RequestEventType.ProvisioningRequested);
    }

    [Fact]
    public async Task Fulfilled_EventDeliveredAgain_RunsNoStep()
    {
        var request = await ApprovedAsync();
        var handler = Handler(_store);
        await handler.HandleAsync(request, ProvisioningEvent(request));
        var calls = _steps.Calls.Count;

        await handler.HandleAsync((await _store.GetAsync(request.Id))!, ProvisioningEvent(request));

        Assert.Equal(calls, _steps.Calls.Count);
    }

    [Fact]
    public async Task WithoutGraph_AWebhookFirstRuns_AndTheGroupStepAfterItIsLeftToTheTeamWithNothingRecorded()
    {
        var plan = new ProvisioningPlan { Steps = [JoinerPlan.Steps![3], JoinerPlan.Steps[0]] };
        var request = await ApprovedAsync(plan);

        var run = await RunAsync(request, withGraph: false);

        Assert.Equal(EventRunOutcome.Handled, run.Outcome);
        Assert.Equal(["webhook REQ-000001-step-1"], _steps.Calls);
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal((RequestState.Approved, ProvisioningStatus.Pending, 1), (stored.State, stored.ProvisioningStatus!.Value, stored.NextProvisioningStep));
        Assert.Equal(ProvisioningStatus.Done, stored.StepProgress(0).Status);
        Assert.Null(stored.StatusNote);
    }

    [Fact]
    public async Task WithoutGraph_AGroupStepFirst_NothingRuns()
    {
        var request = await ApprovedAsync();

        await RunAsync(request, withGraph: false);

        Assert.Empty(_steps.Calls);
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal((RequestState.Approved, ProvisioningStatus.Pending, 0), (stored.State, stored.ProvisioningStatus!.Value, stored.NextProvisioningStep));
        Assert.Null(stored.ProvisioningSteps);
        Assert.DoesNotContain(stored.History, h => h.Actor == PersonRef.System);
    }

    [Fact]
    public async Task RequestCancelledBetweenSteps_TheRestDoNotRun()
    {
        var request = await ApprovedAsync();
        _steps.AfterEachCall = async call =>
        {
            if (call.StartsWith("remove", StringComparison.Ordinal))
            {
                var current = (await _store.GetAsync(request.Id))!;
                current.Cancel(Requester, "Changed my mind", _clock.GetUtcNow());
                await _store.SaveAsync(current);
            }
        };

        await RunAsync(request);

        Assert.Equal(["add Finance share readers", "remove Contractors"], _steps.Calls);
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(RequestState.Cancelled, stored.State);
        Assert.Equal(2, stored.NextProvisioningStep);
    }

    private Task<EventRun> RunAsync(ServiceRequest request, bool withGraph = true) =>
        new OutboxEventRunner(_store, Handler(_store, withGraph ? _steps : null), _clock, NullLogger<OutboxEventRunner>.Instance)
            .RunAsync(request.Id, ProvisioningEvent(request).Id);

    private FulfilmentHandler Handler(InMemoryRequestStore store) => Handler(store, _steps);

    private FulfilmentHandler Handler(InMemoryRequestStore store, IProvisioner? provisioner) =>
        new(Substitute.For<INotifier>(), store, _clock, NullLogger<FulfilmentHandler>.Instance,
            FulfilmentCollaborators.None with { Provisioner = provisioner, Webhooks = _steps });

    private static OutboxEvent ProvisioningEvent(ServiceRequest request) =>
        request.Outbox.Single(e => e.Type == RequestEventType.ProvisioningRequested);

    private async Task<ServiceRequest> ApprovedAsync(ProvisioningPlan? plan = null)
    {
        var id = RequestNumber.Format(await _store.ReserveNumberAsync(Guid.NewGuid().ToString("N")));
        var request = Submit(plan ?? JoinerPlan, _clock.GetUtcNow(), id);
        await _store.CreateAsync(request);
        return (await _store.GetAsync(request.Id))!;
    }

    private sealed class WorkerDiedException() : Exception("The worker died.");

    /// <summary>Groups, licences and a webhook receiver in memory, each idempotent as the real ones are; every call recorded.</summary>
    private sealed class RecordingSteps : IProvisioner, IWebhookSender
    {
        public List<string> Calls { get; } = [];
        public HashSet<string> Licences { get; } = [];
        public string? Refuse { get; set; }
        public string? FailOnce { get; set; }
        public string? DieAfter { get; set; }
        public Func<string, Task>? AfterEachCall { get; set; }

        public Task AddToGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default) =>
            CallAsync($"add {(groupId == Readers ? "Finance share readers" : groupId)}", () => { });

        public Task RemoveFromGroupAsync(string personId, string groupId, CancellationToken cancellationToken = default) =>
            CallAsync($"remove {(groupId == Contractors ? "Contractors" : groupId)}", () => { });

        public Task AssignLicenceAsync(string personId, string skuId, IReadOnlyList<string> disabledPlans, CancellationToken cancellationToken = default) =>
            CallAsync($"licence {skuId}", () => Licences.Add($"{personId} {skuId}"));

        public Task SendAsync(WebhookDelivery delivery, CancellationToken cancellationToken = default) =>
            CallAsync($"webhook {delivery.IdempotencyKey}", () => { });

        private async Task CallAsync(string call, Action effect)
        {
            Calls.Add(call);
            var kind = call.Split(' ')[0];
            if (Refuse == kind)
            {
                throw new ProvisioningRefusedException("refused");
            }

            if (FailOnce == kind)
            {
                FailOnce = null;
                throw new HttpRequestException("503 Service Unavailable");
            }

            effect();
            if (DieAfter == kind)
            {
                DieAfter = null;
                throw new WorkerDiedException();
            }

            if (AfterEachCall is not null)
            {
                await AfterEachCall(call);
            }
        }
    }
}
