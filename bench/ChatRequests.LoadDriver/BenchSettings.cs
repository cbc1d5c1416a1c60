using ChatRequests.Composition.Telemetry;

namespace ChatRequests.LoadDriver;

/// <summary>Configuration both bots get on their command line for the benchmark.</summary>
internal static class BenchSettings
{
    /// <summary>A limit no run comes near: the bench measures our code, not Teams' throttle.</summary>
    public const int RaisedPermitLimit = 1_000_000;

    /// <summary>
    /// Teams' per-conversation (7/s, 8/2 s, 60/30 s, 1800/h) and per-tenant (50/s) limits, raised for both bots alike.
    /// The windows, the queue, retries and timeouts stay as configured.
    /// </summary>
    public static IReadOnlyList<string> RaisedConnectorLimits { get; } =
    [
        .. new[] { "ConversationPerSecond", "ConversationPerTwoSeconds", "ConversationPerThirtySeconds", "ConversationPerHour", "TenantPerSecond" }
            .Select(window => $"--Connector:{window}:PermitLimit={RaisedPermitLimit}"),
    ];

    /// <summary>
    /// The bot's own settings on top of <see cref="ChatRequests.Testing.BotProcess"/>'s test defaults: fulfilment
    /// back to its production timing (the tests poll every 100 ms), logging stays at Warning.
    /// </summary>
    public static IReadOnlyList<string> BotOnly { get; } =
    [
        "--Fulfilment:PollInterval=00:00:01",
        "--Fulfilment:FirstRetryDelay=00:00:02",
    ];

    public static IReadOnlyList<string> Logging { get; } = ["--Logging:LogLevel:Default=Warning"];

    /// <summary>
    /// The bot's telemetry: none (no OpenTelemetry provider, the default), or OTLP over HTTP/protobuf to the driver's
    /// <see cref="OtlpSink"/> (the exporter reads the OTEL_* keys from the host's configuration, so the command line
    /// sets them for this bot only). Batch and export intervals stay at the SDK's defaults, as in production.
    /// </summary>
    /// <summary>
    /// Metrics every second instead of every minute (OpenTelemetry's default), in lifecycle runs with telemetry on: the
    /// store's counters are read from the export after the warm-up and the one after the run (<see cref="OtlpSink"/>).
    /// </summary>
    public const string StoreWorkMetricInterval = "--OTEL_METRIC_EXPORT_INTERVAL=1000";

    public static IReadOnlyList<string> Telemetry(TelemetryExporter exporter, Uri? sink) => exporter switch
    {
        TelemetryExporter.None => [],
        TelemetryExporter.Otlp => [
            $"--{TelemetryChoice.ExporterKey}={exporter}",
            $"--OTEL_EXPORTER_OTLP_ENDPOINT={sink ?? throw new ArgumentNullException(nameof(sink))}",
            "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
        ],
        _ => throw new ArgumentOutOfRangeException(nameof(exporter), exporter, "The driver runs the bot with telemetry none or otlp."),
    };

    /// <summary>The telemetry line of the report's header.</summary>
    public static string Describe(TelemetryExporter exporter, Uri? sink) => exporter == TelemetryExporter.None
        ? "none (no OpenTelemetry provider in the bot: the default)"
        : $"OTLP/HTTP protobuf to the driver's sink at {sink} (spans, batches every 5 s; metrics every 60 s; SDK defaults)";

    /// <summary>
    /// Environment the driver sets for itself, so both bots inherit it. Tiered compilation starts counting calls towards
    /// optimising a method only after no method was compiled for 100 ms; under load that moment came late, and the
    /// first kinds were measured on unoptimised code even after warm-up rounds. Without the wait a method is optimised
    /// after 30 calls (and again after 30 instrumented ones, dynamic PGO): the steady state of a bot that has run for
    /// a while, reached within the warm-up.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["DOTNET_TC_CallCountingDelayMs"] = "0",
    };
}
