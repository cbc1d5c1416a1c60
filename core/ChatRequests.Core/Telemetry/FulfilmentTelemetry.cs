using System.Diagnostics;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Telemetry;

/// <summary>
/// The span and count of one outbox event handled by the <see cref="FulfilmentHandler"/>, the same in the embedded
/// worker and the Functions app: tagged with the event type, its id and the request number.
/// </summary>
internal static class FulfilmentTelemetry
{
    public static Activity? Start(ServiceRequest request, OutboxEvent e)
    {
        if (!AppTelemetry.Source.HasListeners())
        {
            return null;
        }

        var span = AppTelemetry.StartSpan(TelemetryNames.Spans.FulfilPrefix, e.Type.ToString());
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryNames.Tags.EventType, e.Type.ToString());
            span.SetTag(TelemetryNames.Tags.EventId, e.Id);
            span.SetTag(TelemetryNames.Tags.RequestNumber, request.Id);
        }

        return span;
    }

    public static void Handled(Activity? span, OutboxEvent e) => Count(span, e, "handled");

    public static void Failed(Activity? span, OutboxEvent e, Exception ex)
    {
        span.Failed(ex);
        Count(span, e, ex is PermanentEventFailureException ? "permanent" : "failed");
    }

    private static void Count(Activity? span, OutboxEvent e, string outcome)
    {
        span?.SetTag(TelemetryNames.Tags.Outcome, outcome);
        if (!AppTelemetry.FulfilmentEvents.Enabled)
        {
            return;
        }

        AppTelemetry.FulfilmentEvents.Add(1,
            new KeyValuePair<string, object?>(TelemetryNames.Tags.EventType, e.Type.ToString()),
            new KeyValuePair<string, object?>(TelemetryNames.Tags.Outcome, outcome));
    }
}
