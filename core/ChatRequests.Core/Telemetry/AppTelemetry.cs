using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ChatRequests.Core.Telemetry;

/// <summary>
/// The spans and counters the application emits, through System.Diagnostics only: a host that configured no exporter
/// has no listener, so a span is never created (<see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns
/// null) and a counter adds nothing. The per-host gauges are <see cref="OperationalGauges"/>.
/// </summary>
public static class AppTelemetry
{
    public static readonly ActivitySource Source = new(TelemetryNames.Source);

    private static readonly Meter Meter = new(TelemetryNames.Source);

    public static readonly Counter<long> Turns =
        Meter.CreateCounter<long>(TelemetryNames.Instruments.Turns, "{turn}", "Activities the bot received, by kind.");

    public static readonly Histogram<double> InvokeDuration =
        Meter.CreateHistogram<double>(TelemetryNames.Instruments.InvokeDuration, "s", "Time to answer a card action (Teams waits for it).");

    public static readonly Counter<long> FulfilmentEvents =
        Meter.CreateCounter<long>(TelemetryNames.Instruments.FulfilmentEvents, "{event}", "Outbox events handled, by type and outcome.");

    public static readonly Counter<long> ConnectorThrottled =
        Meter.CreateCounter<long>(TelemetryNames.Instruments.ConnectorThrottled, "{response}", "Bot Connector answers 429 (too many requests).");

    public static readonly Counter<long> ConnectorRetries =
        Meter.CreateCounter<long>(TelemetryNames.Instruments.ConnectorRetries, "{retry}", "Bot Connector attempts retried.");

    public static readonly Counter<long> ParkedNoticesUndelivered =
        Meter.CreateCounter<long>(TelemetryNames.Instruments.ParkedNoticesUndelivered, "{notice}",
            "Cards about a parked step that could not be posted to any team (parked themselves; still on /status).");

    public static readonly Counter<long> UnchangedUpdatesBuilt =
        Meter.CreateCounter<long>(TelemetryNames.Instruments.UnchangedUpdatesBuilt, "{update}",
            "Updates not sent: the card was built, and the message already showed it.");

    public static readonly Counter<long> UnchangedUpdatesNotBuilt =
        Meter.CreateCounter<long>(TelemetryNames.Instruments.UnchangedUpdatesNotBuilt, "{update}",
            "Updates not sent: the message already showed a card of the same inputs, so the card was not built.");

    // Read only when an exporter collects (every minute in production): the load driver's figure of work per lifecycle.
    private static readonly ObservableCounter<long> AllocatedBytes =
        Meter.CreateObservableCounter(TelemetryNames.Instruments.ProcessAllocatedBytes, () => GC.GetTotalAllocatedBytes(), "By",
            "Bytes the process allocated on the managed heap since it started.");

    /// <summary>
    /// Starts the span "<paramref name="prefix"/><paramref name="name"/>"; with no listener nothing is created, not even
    /// the name.
    /// </summary>
    public static Activity? StartSpan(string prefix, string name) =>
        Source.HasListeners() ? Source.StartActivity(prefix + name, ActivityKind.Internal) : null;

    /// <summary>
    /// Tags the current span of ours with the request number it is about, once: the first request a turn changes names
    /// it. A framework span (the HTTP request of a timer function sweeping many requests) is left alone.
    /// </summary>
    public static void TagRequest(string requestId)
    {
        var current = Activity.Current;
        if (current is { IsAllDataRequested: true } && current.Source == Source && current.GetTagItem(TelemetryNames.Tags.RequestNumber) is null)
        {
            current.SetTag(TelemetryNames.Tags.RequestNumber, requestId);
        }
    }

    /// <summary>Marks the span failed with the exception's type only: messages may quote what a person typed.</summary>
    public static void Failed(this Activity? activity, Exception ex) =>
        activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
}
