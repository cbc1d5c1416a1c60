using BenchmarkDotNet.Attributes;
using ChatRequests.Core.Telemetry;

namespace ChatRequests.Benchmarks;

/// <summary>
/// What telemetry adds to a turn and to a fulfilment event when no exporter is configured (the default: no listener):
/// the turn counter, a span that is not created, the request-number tag and the invoke histogram's check.
/// </summary>
[MemoryDiagnoser]
public class TelemetryBenchmarks
{
    private static readonly KeyValuePair<string, object?> Kind = new(TelemetryNames.Tags.TurnKind, "invoke");

    [Benchmark(Description = "a turn's telemetry, no exporter")]
    public bool TurnWithoutExporter()
    {
        AppTelemetry.Turns.Add(1, Kind);
        using var span = AppTelemetry.StartSpan(TelemetryNames.Spans.TurnPrefix, "invoke");
        AppTelemetry.TagRequest("REQ-000042");
        return AppTelemetry.InvokeDuration.Enabled || span is not null;
    }

    [Benchmark(Description = "a connector call's telemetry, no exporter")]
    public bool ConnectorCallWithoutExporter()
    {
        using var span = AppTelemetry.StartSpan(TelemetryNames.Spans.ConnectorPrefix, "SendToConversation");
        span?.SetTag(TelemetryNames.Tags.StatusCode, 201);
        return span is not null;
    }
}
