using ChatRequests.Core.Configuration;
using Microsoft.Extensions.Configuration;

namespace ChatRequests.Composition.Telemetry;

/// <summary>Where a local run sends its traces and metrics (<c>Telemetry:Exporter</c>).</summary>
public enum TelemetryExporter
{
    /// <summary>Nowhere: no OpenTelemetry provider at all (the default, and on Azure besides Application Insights).</summary>
    None,

    /// <summary>OTLP to a collector (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, default http://localhost:4317), e.g. the Aspire dashboard or Jaeger.</summary>
    Otlp,

    /// <summary>Each span and metric printed to the console.</summary>
    Console,
}

/// <summary>
/// The host's telemetry: Application Insights through the Azure Monitor distro when
/// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set (infra sets it on both apps), and/or a local exporter. Neither
/// means no OpenTelemetry provider is registered, so nothing listens and nothing is collected.
/// </summary>
public sealed record TelemetryChoice(TelemetryExporter Exporter, bool AzureMonitor)
{
    public const string ExporterKey = "Telemetry:Exporter";

    /// <summary>The connection string the distro reads; App Service and the Functions host pass app settings as these.</summary>
    public const string AzureMonitorKey = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    /// <summary>True when anything is exported: only then is OpenTelemetry registered.</summary>
    public bool Exports => AzureMonitor || Exporter != TelemetryExporter.None;

    public static TelemetryChoice Read(IConfiguration configuration)
    {
        var value = configuration[ExporterKey];
        var exporter = TelemetryExporter.None;
        if (!string.IsNullOrWhiteSpace(value))
        {
            // By name only, like the adapter choice: a typo stops the host instead of exporting nothing.
            var name = Enum.GetNames<TelemetryExporter>().FirstOrDefault(n => n.Equals(value.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new ConfigurationRefusedException(
                    $"{ExporterKey} '{value}' is not a known value; use one of: {string.Join(", ", Enum.GetNames<TelemetryExporter>())} (default {TelemetryExporter.None}).");
            exporter = Enum.Parse<TelemetryExporter>(name);
        }

        return new TelemetryChoice(exporter, !string.IsNullOrWhiteSpace(configuration[AzureMonitorKey]));
    }

    public override string ToString() =>
        $"{ExporterKey}={Exporter}, Application Insights {(AzureMonitor ? "on" : "off")}";
}
