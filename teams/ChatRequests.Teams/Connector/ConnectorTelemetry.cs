using System.Diagnostics;
using System.Net;
using ChatRequests.Core.Telemetry;
using Span = System.Diagnostics.Activity;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// One span per Bot Connector call (its retries, rate-limit waits and HTTP attempts inside it) tagged with the operation
/// and the status it ended with, and the counts of 429s and retries: how hard Teams pushes back.
/// </summary>
internal static class ConnectorTelemetry
{
    public static Span? Start(string operation)
    {
        var span = AppTelemetry.StartSpan(TelemetryNames.Spans.ConnectorPrefix, operation);
        span?.SetTag(TelemetryNames.Tags.ConnectorOperation, operation);
        return span;
    }

    /// <summary>The call's last answer (0: none); a 429 that was not retried away is counted here.</summary>
    public static void Ended(Span? span, string operation, HttpStatusCode status)
    {
        span?.SetTag(TelemetryNames.Tags.StatusCode, (int)status);
        if ((int)status is 0 or >= 400)
        {
            span?.SetStatus(ActivityStatusCode.Error);
        }

        if (status == HttpStatusCode.TooManyRequests)
        {
            AppTelemetry.ConnectorThrottled.Add(1, new KeyValuePair<string, object?>(TelemetryNames.Tags.ConnectorOperation, operation));
        }
    }

    /// <summary>An attempt is retried; a 429 it got is counted as one.</summary>
    public static void Retried(string? operation, HttpStatusCode? status)
    {
        var tag = new KeyValuePair<string, object?>(TelemetryNames.Tags.ConnectorOperation, operation);
        AppTelemetry.ConnectorRetries.Add(1, tag);
        if (status == HttpStatusCode.TooManyRequests)
        {
            AppTelemetry.ConnectorThrottled.Add(1, tag);
        }
    }
}
