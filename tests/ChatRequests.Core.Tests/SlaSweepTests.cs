using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.PortContracts.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests;

public sealed class SlaSweepTests
{
    private static readonly PersonRef Requester = new("requester", "Rita Requester");
    private static readonly PersonRef Manager = new("manager", "Mark Manager");
    private static readonly PersonRef Agent = new("agent", "Ada Agent");
    private static readonly PersonRef Boss = new("boss", "Bea Boss");

    private readonly InMemoryRequestStore _store = new();
    private readonly FakeTimeProvider _clock = new(SampleData.Start);

    [Fact]
    public async Task SweepAsync_DoesWhatIsDueOnEachRequest_AndSavesItsEvents()
    {
        var awaiting = await SubmitAsync(dueInHours: 40, needsApproval: true);
        var atRisk = await SubmitAsync(dueInHours: 32);
        var overdue = await SubmitAsync(dueInHours: 20);
        var onTrack = await SubmitAsync(dueInHours: 100);
        _clock.Advance(TimeSpan.FromHours(24));

        var result = await Sweep().SweepAsync();

        Assert.Equal(new SlaSweepResult(Checked: 3, Reminders: 1, Warnings: 1, Escalations: 1, Conflicts: 0), result);
        Assert.Equal(3, result.Events);
        Assert.Contains((await _store.GetAsync(awaiting.Id))!.Outbox, e => e.Type == RequestEventType.ApprovalReminder);
        Assert.Contains((await _store.GetAsync(atRisk.Id))!.Outbox, e => e.Type == RequestEventType.SlaAtRisk);
        Assert.Contains((await _store.GetAsync(overdue.Id))!.Outbox, e => e.Type == RequestEventType.SlaBreached);
        Assert.Null((await _store.GetAsync(overdue.Id))!.SlaCheckAt);
        Assert.DoesNotContain((await _store.GetAsync(onTrack.Id))!.Outbox, e => e.Actor == PersonRef.System);
    }

    [Fact]
    public async Task SweepAsync_AgainAtTheSameTime_DoesNothing()
    {
        await SubmitAsync(dueInHours: 20);
        _clock.Advance(TimeSpan.FromHours(24));
        await Sweep().SweepAsync();

        var again = await Sweep().SweepAsync();

        Assert.Equal(new SlaSweepResult(0, 0, 0, 0, 0), again);
    }

    [Fact]
    public async Task SweepAsync_PagesThroughMoreThanOnePage()
    {
        for (var i = 0; i < SlaSweep.PageSize + 7; i++)
        {
            await SubmitAsync(dueInHours: 1);
        }

        _clock.Advance(TimeSpan.FromHours(2));

        var result = await Sweep().SweepAsync();

        Assert.Equal(SlaSweep.PageSize + 7, result.Escalations);
    }

    [Fact]
    public async Task SweepAsync_FulfilledAndFinalRequests_AreLeftAlone()
    {
        var fulfilled = await SubmitAsync(dueInHours: 1);
        fulfilled.Assign(Agent, Agent, _clock.GetUtcNow());
        fulfilled.Resolve(Agent, "Done", _clock.GetUtcNow());
        await _store.SaveAsync(fulfilled);
        var cancelled = await SubmitAsync(dueInHours: 1);
        cancelled.Cancel(Requester, null, _clock.GetUtcNow());
        await _store.SaveAsync(cancelled);
        _clock.Advance(TimeSpan.FromDays(10));

        var result = await Sweep().SweepAsync();

        Assert.Equal(0, result.Checked);
    }

    [Fact]
    public async Task TwoSweepsRacingOnOneRequest_EscalateItOnce()
    {
        var overdue = await SubmitAsync(dueInHours: 1);
        _clock.Advance(TimeSpan.FromHours(2));
        // Both sweeps have loaded the same version before either saves.
        var racing = new BothLoadFirstStore(_store, sweeps: 2);

        var results = await Task.WhenAll(
            Task.Run(() => new SlaSweep(racing, _clock, NullLogger<SlaSweep>.Instance).SweepAsync()),
            Task.Run(() => new SlaSweep(racing, _clock, NullLogger<SlaSweep>.Instance).SweepAsync()));

        Assert.Equal(1, results.Sum(r => r.Escalations));
        // The second save lost, and the loser checked the request again on the winner's version: nothing left to do.
        Assert.Equal(1, _store.Conflicts);
        Assert.Equal(0, results.Sum(r => r.Conflicts));
        var stored = (await _store.GetAsync(overdue.Id))!;
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.SlaBreached);
        Assert.Single(stored.History, h => h.Action == AuditAction.Escalate);
        Assert.Equal(new SlaSweepResult(0, 0, 0, 0, 0), await Sweep().SweepAsync());
    }

    [Fact]
    public async Task TwoSweepsRacingOnAStageThatTimedOut_RerouteItOnce()
    {
        var late = await SubmitAsync(dueInHours: 400, needsApproval: true, timeoutHours: 48);
        _clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(1, (await Sweep().SweepAsync()).Reminders);
        _clock.Advance(TimeSpan.FromHours(24));
        var racing = new BothLoadFirstStore(_store, sweeps: 2);

        var results = await Task.WhenAll(
            Task.Run(() => new SlaSweep(racing, _clock, NullLogger<SlaSweep>.Instance).SweepAsync()),
            Task.Run(() => new SlaSweep(racing, _clock, NullLogger<SlaSweep>.Instance).SweepAsync()));

        Assert.Equal(1, results.Sum(r => r.Timeouts));
        Assert.Equal(1, results.Single(r => r.Timeouts == 1).Events);
        var stored = (await _store.GetAsync(late.Id))!;
        Assert.Equal([Boss], stored.Approvals[0].Approvers);
        Assert.Single(stored.History, h => h.Action == AuditAction.Reroute);
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.ApprovalRerouted);
        Assert.Equal(new SlaSweepResult(0, 0, 0, 0, 0), await Sweep().SweepAsync());
    }

    [Fact]
    public async Task TwoSweepsRacingOnALongBreach_FireLevel3Once_ToSeniorManagement()
    {
        var finder = new EscalationContactsFinder(new InMemoryDirectory(
            [new Person { Id = Boss.Id, Name = Boss.Name }, new Person { Id = Manager.Id, Name = Manager.Name }],
            [new Team { Id = "team-hardware", Name = "Hardware", ChannelId = "19:hw", LeadId = Manager.Id }])
        {
            Escalation = new EscalationSettings { SeniorManagement = [Boss.Id], Level3AfterBreachHours = 8 },
        });
        var overdue = await SubmitAsync(dueInHours: 1);
        _clock.Advance(TimeSpan.FromHours(2));
        Assert.Equal(1, (await new SlaSweep(_store, _clock, NullLogger<SlaSweep>.Instance, escalations: finder).SweepAsync()).Escalations);
        _clock.Advance(TimeSpan.FromHours(8));
        var racing = new BothLoadFirstStore(_store, sweeps: 2);

        var results = await Task.WhenAll(
            Task.Run(() => new SlaSweep(racing, _clock, NullLogger<SlaSweep>.Instance, escalations: finder).SweepAsync()),
            Task.Run(() => new SlaSweep(racing, _clock, NullLogger<SlaSweep>.Instance, escalations: finder).SweepAsync()));

        Assert.Equal(1, results.Sum(r => r.Escalations));
        var stored = (await _store.GetAsync(overdue.Id))!;
        Assert.Equal([(2, Manager), (3, Boss)], stored.Escalations.Select(e => (e.Level, e.To.Single())));
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.Escalated);
        Assert.Null(stored.SlaCheckAt);
    }

    [Fact]
    public async Task TwoSweepsRacingOnAFulfilledRequest_RemindThenCloseItOnceEach()
    {
        var request = await SubmitAsync(dueInHours: 400);
        request.Assign(Agent, Agent, _clock.GetUtcNow());
        var always = new ClosingTerms(new ClosureSettings { ReminderAfterWorkingDays = 1, AutoCloseAfterWorkingDays = 2 }, WorkingCalendar.AlwaysOpen);
        request.Resolve(Agent, "Done", _clock.GetUtcNow(), rules: new ResolutionRules(false, false, always));
        await _store.SaveAsync(request);

        _clock.Advance(TimeSpan.FromDays(1));
        var reminded = await RaceAsync();
        _clock.Advance(TimeSpan.FromDays(1));
        var closed = await RaceAsync();

        Assert.Equal(1, reminded.Sum(r => r.ConfirmationReminders));
        Assert.Equal(1, closed.Sum(r => r.AutoClosed));
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(RequestState.Closed, stored.State);
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.ConfirmationReminder);
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.AutoClosed);
        Assert.Single(stored.History, h => h.Action == AuditAction.AutoClose);
        _clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(0, (await Sweep().SweepAsync()).Events);
    }

    private Task<SlaSweepResult[]> RaceAsync()
    {
        var racing = new BothLoadFirstStore(_store, sweeps: 2);
        return Task.WhenAll(
            Task.Run(() => new SlaSweep(racing, _clock, NullLogger<SlaSweep>.Instance).SweepAsync()),
            Task.Run(() => new SlaSweep(racing, _clock, NullLogger<SlaSweep>.Instance).SweepAsync()));
    }

    private SlaSweep Sweep() => new(_store, _clock, NullLogger<SlaSweep>.Instance);

    private async Task<ServiceRequest> SubmitAsync(int dueInHours, bool needsApproval = false, int? timeoutHours = null)
    {
        var key = Guid.NewGuid().ToString("N");
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                RequestNumber.Format(await _store.ReserveNumberAsync(key)), key, Requester, "laptop-standard", "Standard laptop",
                "Hardware", null, "Old laptop.", new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                "team-hardware", "Hardware", _clock.GetUtcNow().AddHours(dueInHours),
                needsApproval
                    ? [new ApprovalStage("Manager", [Manager]) { TimeoutHours = timeoutHours, Fallbacks = [new StageRoute("Mark Manager's manager", [Boss])] }]
                    : []),
            _clock.GetUtcNow());
        await _store.CreateAsync(request);
        return (await _store.GetAsync(request.Id))!;
    }

    /// <summary>Holds each sweep's first query until all of them have made it, so that they work on the same versions.</summary>
    private sealed class BothLoadFirstStore(InMemoryRequestStore inner, int sweeps) : ForwardingRequestStore(inner)
    {
        private readonly TaskCompletionSource _allLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _loaded;

        public override async Task<IReadOnlyList<ServiceRequest>> ListSlaCheckDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
        {
            var page = await base.ListSlaCheckDueAsync(now, max, cancellationToken);
            if (Interlocked.Increment(ref _loaded) == sweeps)
            {
                _allLoaded.SetResult();
            }

            await _allLoaded.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            return page;
        }
    }
}
