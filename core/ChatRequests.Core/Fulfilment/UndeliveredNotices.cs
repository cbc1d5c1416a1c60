using ChatRequests.Core.Requests;
using ChatRequests.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Core.Fulfilment;

/// <summary>
/// A <see cref="RequestEventType.ParkedNotice"/> that ran out of attempts is parked like any event but announces nothing
/// (<see cref="ServiceRequest.FailEvent"/>): both relays log it as an error and count it here, so that a notice nobody could
/// be shown is still seen (the log, the counter, /status and the dashboard's parked panel), and never loops.
/// </summary>
internal static class UndeliveredNotices
{
    public static void Report(ILogger logger, string requestId, OutboxEvent parked)
    {
        if (parked.Type != RequestEventType.ParkedNotice)
        {
            return;
        }

        AppTelemetry.ParkedNoticesUndelivered.Add(1);
        logger.LogError(
            "The card about parked step {ParkId} of {RequestId} could not be posted after {Attempts} attempts; it is parked in turn and announced no further (see /status)",
            parked.Comment, requestId, parked.Attempts + 1);
    }
}
