using System.Diagnostics;
using ChatRequests.Cards;
using ChatRequests.Core.Telemetry;
using ChatRequests.Teams.Connector;
using Activity = ChatRequests.Teams.Connector.Activity;

namespace ChatRequests.Bot.Turns;

/// <summary>
/// A turn's telemetry: counted by kind, one span (tagged with the kind, our card verb and, once the turn changes a
/// request, its number) and, for a card action, the time Teams waited for the answer. With no exporter there is no
/// span and the counter and histogram record nothing.
/// </summary>
internal readonly struct TurnTelemetry : IDisposable
{
    private static readonly HashSet<string> Kinds =
        [ActivityTypes.Message, ActivityTypes.Invoke, ActivityTypes.ConversationUpdate, ActivityTypes.InstallationUpdate];

    private readonly System.Diagnostics.Activity? _span;
    private readonly long _started;

    private TurnTelemetry(System.Diagnostics.Activity? span, long started)
    {
        _span = span;
        _started = started;
    }

    public static TurnTelemetry Start(Activity activity)
    {
        // The type is whatever the sender wrote: only the ones we know become a tag value.
        var kind = activity.Type is { } type && Kinds.Contains(type) ? type : "other";
        AppTelemetry.Turns.Add(1, new KeyValuePair<string, object?>(TelemetryNames.Tags.TurnKind, kind));
        var span = AppTelemetry.StartSpan(TelemetryNames.Spans.TurnPrefix, kind);
        if (span is { IsAllDataRequested: true })
        {
            span.SetTag(TelemetryNames.Tags.TurnKind, kind);
            if (kind == ActivityTypes.Invoke && AdaptiveCardInvoke.TryParse(activity, out var invoke, out _) && CardVerbs.All.Contains(invoke.Action.Verb))
            {
                span.SetTag(TelemetryNames.Tags.CardVerb, invoke.Action.Verb);
            }
        }

        var timed = kind == ActivityTypes.Invoke && AppTelemetry.InvokeDuration.Enabled;
        return new TurnTelemetry(span, timed ? Stopwatch.GetTimestamp() : 0);
    }

    /// <summary>The turn answered (an invoke with <paramref name="response"/>); records the invoke's latency.</summary>
    public void Answered(InvokeResponse? response)
    {
        if (response is not null)
        {
            _span?.SetTag(TelemetryNames.Tags.StatusCode, response.StatusCode);
        }

        if (_started != 0)
        {
            AppTelemetry.InvokeDuration.Record(
                Stopwatch.GetElapsedTime(_started).TotalSeconds,
                new KeyValuePair<string, object?>(TelemetryNames.Tags.StatusCode, response?.StatusCode ?? 0));
        }
    }

    public void Dispose() => _span?.Dispose();
}
