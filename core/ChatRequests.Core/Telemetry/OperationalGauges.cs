using System.Diagnostics.Metrics;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Telemetry;

/// <summary>What the gauges last read: outbox events pending and parked, the longest-waiting due event, open approvals.</summary>
public sealed record GaugeReading(DateTimeOffset ReadAt, int PendingEvents, DateTimeOffset? OldestDueAt, int ParkedEvents, int ApprovalsPending);

/// <summary>
/// The gauges of one host: outbox depth and oldest age, parked events and approvals pending. A collection reads the
/// cached <see cref="Last"/> reading, never the store; <see cref="RefreshAsync"/> (run by the host's gauge refresher only
/// while something observes the gauges) reads the outboxes as the health report does (bounded) and the reporting
/// projection's open rows.
/// </summary>
public sealed class OperationalGauges
{
    private readonly RelayHealth _health;
    private readonly IReportingStore _reporting;
    private readonly TimeProvider _clock;
    private readonly ObservableGauge<int> _depth;
    private readonly ObservableGauge<double> _oldestAge;
    private readonly ObservableGauge<int> _parked;
    private readonly ObservableGauge<int> _approvals;
    private readonly object _gate = new();
    private long _refreshesStarted;
    private long _lastStarted;

    public OperationalGauges(IMeterFactory meters, RelayHealth health, IReportingStore reporting, TimeProvider clock)
    {
        _health = health;
        _reporting = reporting;
        _clock = clock;
        // From the host's meter factory, so each host (and each test's host) has its own gauges, gone with it.
        var meter = meters.Create(TelemetryNames.Source);
        _depth = meter.CreateObservableGauge(TelemetryNames.Instruments.OutboxDepth,
            () => Observe(r => r.PendingEvents), "{event}", "Outbox events waiting (due or backing off), as last read.");
        _oldestAge = meter.CreateObservableGauge(TelemetryNames.Instruments.OutboxOldestAge,
            () => Observe(r => r.OldestDueAt is { } due ? Math.Max(0, (_clock.GetUtcNow() - due).TotalSeconds) : 0),
            "s", "How long the longest-waiting due outbox event has waited.");
        _parked = meter.CreateObservableGauge(TelemetryNames.Instruments.ParkedEvents,
            () => Observe(r => r.ParkedEvents), "{event}", "Outbox events given up on, waiting for a person.");
        _approvals = meter.CreateObservableGauge(TelemetryNames.Instruments.ApprovalsPending,
            () => Observe(r => r.ApprovalsPending), "{request}", "Requests awaiting approval.");
    }

    /// <summary>The last reading; null before the first refresh.</summary>
    public GaugeReading? Last { get; private set; }

    /// <summary>True while an exporter collects any of the gauges; otherwise refreshing would read the store for nobody.</summary>
    public bool IsObserved => _depth.Enabled || _oldestAge.Enabled || _parked.Enabled || _approvals.Enabled;

    public async Task<GaugeReading> RefreshAsync(CancellationToken cancellationToken = default)
    {
        using var span = AppTelemetry.Source.StartActivity(TelemetryNames.Spans.GaugeRefresh);
        var started = Interlocked.Increment(ref _refreshesStarted);
        var now = _clock.GetUtcNow();
        var outboxes = await _health.CheckAsync(cancellationToken);
        // Open rows only (changed since now, or open): the backlog, not the history.
        var open = await _reporting.ReadFactsAsync(new ReportScope(new ReportPeriod(now, now.AddDays(1), "now")), cancellationToken);
        var reading = new GaugeReading(
            now,
            outboxes.PendingEvents,
            outboxes.OldestDueAt,
            outboxes.Parked.Count,
            open.Count(f => f.State == RequestState.AwaitingApproval));
        lock (_gate)
        {
            // Two refreshes can overlap (the host's refresher and a health check): one that began earlier and ended later
            // read the store before the other and must not replace its newer reading.
            if (started > _lastStarted)
            {
                (_lastStarted, Last) = (started, reading);
            }
        }

        return reading;
    }

    private IEnumerable<Measurement<T>> Observe<T>(Func<GaugeReading, T> read)
        where T : struct =>
        Last is { } last ? [new Measurement<T>(read(last))] : [];
}
