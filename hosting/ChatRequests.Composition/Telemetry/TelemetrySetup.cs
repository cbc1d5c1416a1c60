using Azure.Monitor.OpenTelemetry.AspNetCore;
using ChatRequests.Core.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ChatRequests.Composition.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// The gauges and their refresher, always (they read nothing while nobody observes them), and OpenTelemetry only
    /// when <see cref="TelemetryChoice"/> exports somewhere: the Azure Monitor distro (its own ASP.NET Core and
    /// HttpClient instrumentation, traces, metrics and logs to Application Insights) and/or OTLP or the console.
    /// </summary>
    public static TelemetryChoice AddChatRequestsTelemetry(this IHostApplicationBuilder builder, AdapterHost host)
    {
        builder.Services.AddSingleton<OperationalGauges>();
        builder.Services.AddHostedService<GaugeRefresher>();
        var choice = TelemetryChoice.Read(builder.Configuration);
        builder.Services.AddSingleton(choice);
        if (!choice.Exports)
        {
            return choice;
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ChatRequests." + host))
            .WithChatRequestsSignals(frameworkInstrumentation: !choice.AzureMonitor);
        if (choice.AzureMonitor)
        {
            otel.UseAzureMonitor();
        }

        switch (choice.Exporter)
        {
            case TelemetryExporter.Otlp:
                otel.WithTracing(tracing => tracing.AddOtlpExporter()).WithMetrics(metrics => metrics.AddOtlpExporter());
                break;
            case TelemetryExporter.Console:
                otel.WithTracing(tracing => tracing.AddConsoleExporter()).WithMetrics(metrics => metrics.AddConsoleExporter());
                break;
        }

        return choice;
    }

    /// <summary>
    /// What the application emits (<see cref="TelemetryNames.Source"/>: its spans, counters and gauges) and, unless the
    /// Azure Monitor distro adds its own, the ASP.NET Core and HttpClient instrumentation that parents a turn's span.
    /// </summary>
    public static OpenTelemetryBuilder WithChatRequestsSignals(this OpenTelemetryBuilder otel, bool frameworkInstrumentation = true) =>
        otel
            .WithTracing(tracing =>
            {
                tracing.AddSource(TelemetryNames.Source);
                if (frameworkInstrumentation)
                {
                    tracing.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            })
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(TelemetryNames.Source);
                if (frameworkInstrumentation)
                {
                    metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                }
            });
}
