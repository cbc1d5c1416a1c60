using ChatRequests.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Composition.Telemetry;

/// <summary>
/// Refreshes the <see cref="OperationalGauges"/> once a minute while an exporter observes them (the export interval
/// of Application Insights and OTLP metrics), so a collection reads a cached value and never the store. With no
/// exporter it only wakes up to find nobody listening.
/// </summary>
internal sealed class GaugeRefresher(OperationalGauges gauges, TimeProvider clock, ILogger<GaugeRefresher> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            if (gauges.IsObserved)
            {
                try
                {
                    await gauges.RefreshAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // The gauges keep their last reading; the store may be back next minute.
                    logger.LogWarning(ex, "Could not refresh the telemetry gauges; trying again in {Interval}", Interval);
                }
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
