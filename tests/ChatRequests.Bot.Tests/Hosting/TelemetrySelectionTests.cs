using ChatRequests.Composition.Telemetry;
using ChatRequests.Core.Configuration;
using ChatRequests.Core.Telemetry;
using ChatRequests.Functions;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ChatRequests.Bot.Tests.Hosting;

/// <summary>
/// What each host exports (<see cref="TelemetryChoice"/>): nothing by default (no OpenTelemetry registered at all, so
/// nothing listens), Application Insights when its connection string is set, OTLP or the console when asked.
/// </summary>
public sealed class TelemetrySelectionTests : IDisposable
{
    private readonly ReferenceDataCopies _files = new();

    [Theory]
    [InlineData("Bot")]
    [InlineData("Functions")]
    public void ByDefault_NoOpenTelemetryIsRegistered_ButTheGaugesAre(string host)
    {
        var services = Compose(host, []);

        Assert.DoesNotContain(services, d => d.ServiceType.Namespace?.StartsWith("OpenTelemetry", StringComparison.Ordinal) == true);
        using var provider = services.BuildServiceProvider();
        Assert.Null(provider.GetService<TracerProvider>());
        Assert.Null(provider.GetService<MeterProvider>());
        Assert.Equal(new TelemetryChoice(TelemetryExporter.None, AzureMonitor: false), provider.GetRequiredService<TelemetryChoice>());
        Assert.False(provider.GetRequiredService<OperationalGauges>().IsObserved);
    }

    [Theory]
    [InlineData("Bot", "otlp")]
    [InlineData("Bot", "Console")]
    [InlineData("Functions", "OTLP")]
    public void ALocalExporter_RegistersTracesAndMetrics(string host, string exporter)
    {
        var services = Compose(host, new() { [TelemetryChoice.ExporterKey] = exporter });

        Assert.DoesNotContain(services, FromAzureMonitor);
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
        Assert.False(provider.GetRequiredService<TelemetryChoice>().AzureMonitor);
    }

    [Theory]
    [InlineData("Bot")]
    [InlineData("Functions")]
    public void TheApplicationInsightsConnectionString_TurnsOnTheAzureMonitorDistro(string host)
    {
        var services = Compose(host, new()
        {
            [TelemetryChoice.AzureMonitorKey] = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://localhost/",
        });

        Assert.Contains(services, FromAzureMonitor);
        using var provider = services.BuildServiceProvider();
        Assert.Equal(new TelemetryChoice(TelemetryExporter.None, AzureMonitor: true), provider.GetRequiredService<TelemetryChoice>());
        Assert.NotNull(provider.GetService<TracerProvider>());
        Assert.NotNull(provider.GetService<MeterProvider>());
    }

    [Fact]
    public void AnUnknownExporter_StopsTheHost_NamingTheKeyAndTheValues()
    {
        var refused = Assert.Throws<ConfigurationRefusedException>(() => Compose("Bot", new() { [TelemetryChoice.ExporterKey] = "jaeger" }));

        Assert.Contains(TelemetryChoice.ExporterKey, refused.Message);
        Assert.Contains("Otlp", refused.Message);
    }

    public void Dispose() => _files.Dispose();

    private static bool FromAzureMonitor(ServiceDescriptor d) =>
        new[] { d.ServiceType, d.ImplementationType }.Any(t => t?.Assembly.GetName().Name?.StartsWith("Azure.Monitor", StringComparison.Ordinal) == true);

    private IServiceCollection Compose(string host, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = _files.Database,
            ["Catalog:Path"] = _files.Catalog,
            ["Directory:Path"] = _files.Organisation,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        _ = host == "Bot" ? builder.AddChatRequestsBot() : builder.AddChatRequestsFunctions();
        return builder.Services;
    }
}
