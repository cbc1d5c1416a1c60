using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Embedded.Sla;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Embedded.Tests.Sla;

public sealed class SlaSweeperTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    private readonly TimerCountingClock _clock = new();
    private readonly IRequestStore _store = Substitute.For<IRequestStore>();
    private readonly IRelaySignal _relay = Substitute.For<IRelaySignal>();
    private readonly SlaSweeper _sweeper;

    public SlaSweeperTests() =>
        _sweeper = new SlaSweeper(
            new SlaSweep(_store, _clock, NullLogger<SlaSweep>.Instance),
            _relay,
            _clock,
            Options.Create(new SlaSweepOptions { SweepInterval = Interval }),
            NullLogger<SlaSweeper>.Instance);

    [Fact]
    public async Task SweepOnceAsync_SweepSavedEvents_WakesTheRelay()
    {
        var overdue = Submit("REQ-000001", Start.AddDays(-3));
        _store.ListSlaCheckDueAsync(Start, SlaSweep.PageSize, Arg.Any<CancellationToken>()).Returns([overdue]);

        await _sweeper.SweepOnceAsync(CancellationToken.None);

        await _store.Received(1).SaveAsync(overdue, Arg.Any<CancellationToken>());
        Assert.Equal(RequestEventType.SlaBreached, overdue.Outbox[^1].Type);
        _relay.Received(1).Wake();
    }

    [Fact]
    public async Task SweepOnceAsync_NothingDue_LeavesTheRelayAsleep()
    {
        _store.ListSlaCheckDueAsync(default, default, default).ReturnsForAnyArgs([]);

        await _sweeper.SweepOnceAsync(CancellationToken.None);

        _relay.DidNotReceive().Wake();
    }

    [Fact]
    public async Task Running_SweepsAtStartAndEveryInterval_AndSurvivesAFailedSweep()
    {
        var calls = 0;
        _store.ListSlaCheckDueAsync(default, default, default).ReturnsForAnyArgs(_ =>
        {
            Interlocked.Increment(ref calls);
            return calls == 1
                ? Task.FromException<IReadOnlyList<ServiceRequest>>(new IOException("database is locked"))
                : Task.FromResult<IReadOnlyList<ServiceRequest>>([]);
        });

        // Each advance waits until the sweeper waits on the clock (its timer made): advanced sooner, the wait would start
        // after the advance and never end on a loaded machine.
        await _sweeper.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 1 && _clock.Timers == 1);
        _clock.Advance(Interval - TimeSpan.FromTicks(1));
        await Task.Delay(50);
        Assert.Equal(1, Volatile.Read(ref calls));
        _clock.Advance(TimeSpan.FromTicks(1));
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 2 && _clock.Timers == 2);
        _clock.Advance(Interval);
        await WaitUntilAsync(() => Volatile.Read(ref calls) == 3);
        await _sweeper.StopAsync(CancellationToken.None);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(10);
        }
    }

    /// <summary>The fake clock, counting the timers made on it (a <c>Task.Delay</c> on it makes one).</summary>
    private sealed class TimerCountingClock() : FakeTimeProvider(ChatRequests.PortContracts.SampleRequests.Start)
    {
        private int _timers;

        public int Timers => Volatile.Read(ref _timers);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Interlocked.Increment(ref _timers);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
