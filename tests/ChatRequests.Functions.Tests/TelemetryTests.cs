using System.Diagnostics;
using ChatRequests.Composition.Telemetry;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Telemetry;
using ChatRequests.Functions.Fulfilment;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Tags = ChatRequests.Core.Telemetry.TelemetryNames.Tags;

namespace ChatRequests.Functions.Tests;

/// <summary>The counters are process-wide: the test that counts them runs alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry (counters are process-wide)";
}

/// <summary>The Functions app emits what the bot's worker does for a fulfilment step, under the host's invocation.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task AFulfilmentStep_IsASpanUnderTheInvocation_CountedAndSeenInTheGauges()
    {
        var spans = new List<Activity>();
        var metrics = new List<MetricSnapshot>();
        await using var app = await FunctionsApp.StartAsync(services: s => s.AddOpenTelemetry()
            .WithChatRequestsSignals()
            .WithTracing(tracing => tracing.AddInMemoryExporter(spans))
            .WithMetrics(m => m.AddInMemoryExporter(metrics)));
        var gauges = app.Services.GetRequiredService<OperationalGauges>();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        var before = await gauges.RefreshAsync();

        var step = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));
        var after = await gauges.RefreshAsync();
        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Equal(200, step.StatusCode);
        var fulfil = Assert.Single(spans, s => s.DisplayName == "fulfil ApprovalRequested");
        Assert.Equal(ActivityKind.Server, fulfil.Parent?.Kind);
        Assert.Equal(request.Id, fulfil.GetTagItem(Tags.RequestNumber));
        Assert.Equal(e.Id, fulfil.GetTagItem(Tags.EventId));
        Assert.Contains(spans, s => s.DisplayName.StartsWith(TelemetryNames.Spans.ConnectorPrefix, StringComparison.Ordinal) && s.ParentSpanId == fulfil.SpanId);
        var handled = metrics.Last(m => m.Name == TelemetryNames.Instruments.FulfilmentEvents).MetricPoints;
        Assert.Equal(1, Assert.Single(handled).GetSumLong());
        // Before the step: its event waits and nothing is projected yet; after it: the request awaits Alex's decision.
        Assert.Equal((1, 0), (before.PendingEvents, before.ApprovalsPending));
        Assert.Equal((0, 1), (after.PendingEvents, after.ApprovalsPending));
        var pending = metrics.Last(m => m.Name == TelemetryNames.Instruments.ApprovalsPending).MetricPoints;
        Assert.Equal(1, Assert.Single(pending).GetGaugeLastValueLong());
    }

    [Fact]
    public async Task AParkedEvent_ShowsInTheParkedGauge_AndLeavesTheDepth()
    {
        var metrics = new List<MetricSnapshot>();
        await using var app = await FunctionsApp.StartAsync(services: s => s.AddOpenTelemetry()
            .WithChatRequestsSignals()
            .WithMetrics(m => m.AddInMemoryExporter(metrics)));
        var request = await app.SubmitAsync();
        await app.Services.GetRequiredService<OutboxEventRunner>().ParkAsync(request.Id, request.Outbox[0].Id, "Alex cannot be reached");

        var reading = await app.Services.GetRequiredService<OperationalGauges>().RefreshAsync();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // The parked step leaves the depth; what is pending is its notice to the team (ADR 0024).
        Assert.Equal((1, 1), (reading.PendingEvents, reading.ParkedEvents));
        Assert.Equal(1, Assert.Single(metrics.Last(m => m.Name == TelemetryNames.Instruments.ParkedEvents).MetricPoints).GetGaugeLastValueLong());
        Assert.Equal(1, Assert.Single(metrics.Last(m => m.Name == TelemetryNames.Instruments.OutboxDepth).MetricPoints).GetGaugeLastValueLong());
    }
}
