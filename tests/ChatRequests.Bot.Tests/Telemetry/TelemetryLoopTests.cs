using System.Diagnostics;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Composition.Telemetry;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Telemetry;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;
using Tags = ChatRequests.Core.Telemetry.TelemetryNames.Tags;
using Instruments = ChatRequests.Core.Telemetry.TelemetryNames.Instruments;

namespace ChatRequests.Bot.Tests.Telemetry;

/// <summary>
/// One whole loop (ask, submit, approve, assign, resolve) through /api/messages with the application's signals
/// (<see cref="TelemetrySetup.WithChatRequestsSignals"/>, as every exporter gets them) going to the in-memory exporter.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryLoopTests : IAsyncLifetime
{
    private const string Words = "I need a new laptop, urgent, mine broke on the Tuesday train";
    private const string ApprovalComment = "Go ahead, Megan";
    private const string Resolution = "Handed over at the Berlin desk with a spare charger";

    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync(services: services => services.AddOpenTelemetry()
        .WithChatRequestsSignals()
        .WithTracing(tracing => tracing.AddInMemoryExporter(_spans))
        .WithMetrics(metrics => metrics.AddInMemoryExporter(_metrics)));

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task OneLoop_GivesSpansPerTurnEventAndConnectorCall_AndTheMetrics()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        // One throttled answer on the way: the connector retries it (Retry-After 0) and counts it.
        connector.FailNext(1, 429, retryAfter: TimeSpan.Zero);
        (await teams.SayAsync(Persona.Megan, Words)).EnsureSuccessStatusCode();
        var form = await NoticeAsync(connector, Persona.Megan, "Standard laptop");
        var confirmation = await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, form, "intake.submit", LaptopInputs);
        var requestId = RequestNumberIn(confirmation.CardText)!;

        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        var pending = await RefreshGaugesAsync(requestId);
        Assert.Equal(1, pending.ApprovalsPending);
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = ApprovalComment });
        var (thread, teamCard) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        var assigned = await teams.ClickOnCardAsync(Persona.Adele, thread, teamCard, "agent.assign");
        await teams.ClickOnCardAsync(Persona.Adele, thread, assigned.Card, "agent.resolve", new JsonObject { ["resolution"] = Resolution });
        await NoticeAsync(connector, Persona.Megan, requestId, "Berlin desk");
        var after = await RefreshGaugesAsync(requestId);
        Flush();

        // A span per turn, under the ASP.NET Core request; the turns that changed the request name it.
        var turns = Spans(TelemetryNames.Spans.TurnPrefix);
        Assert.Single(turns, s => s.DisplayName == "turn message");
        var invokes = turns.Where(s => s.DisplayName == "turn invoke").ToList();
        Assert.Equal(4, invokes.Count);
        Assert.All(turns, s => Assert.Equal(ActivityKind.Server, s.Parent?.Kind));
        Assert.All(invokes, s => Assert.Equal(requestId, s.GetTagItem(Tags.RequestNumber)));
        Assert.Equal(["agent.assign", "agent.resolve", "approval.approve", "intake.submit"],
            invokes.Select(s => (string)s.GetTagItem(Tags.CardVerb)!).Order());
        Assert.Null(turns.Single(s => s.DisplayName == "turn message").GetTagItem(Tags.RequestNumber));

        // A span per fulfilment event with its type and the request number; the Teams calls it made are its children.
        var fulfils = Spans(TelemetryNames.Spans.FulfilPrefix);
        Assert.Contains(fulfils, s => s.DisplayName == "fulfil ApprovalRequested");
        Assert.Contains(fulfils, s => s.DisplayName == "fulfil Approved");
        Assert.All(fulfils, s => Assert.Equal(requestId, s.GetTagItem(Tags.RequestNumber)));
        Assert.All(fulfils, s => Assert.Equal("handled", s.GetTagItem(Tags.Outcome)));
        var askApprover = fulfils.Single(s => s.DisplayName == "fulfil ApprovalRequested");
        Assert.Contains(Spans(TelemetryNames.Spans.ConnectorPrefix), s => s.ParentSpanId == askApprover.SpanId);

        // A span per connector call with its status; the form's reply is the message turn's child and was retried once.
        var connectorCalls = Spans(TelemetryNames.Spans.ConnectorPrefix);
        var reply = Assert.Single(connectorCalls, s => s.Parent?.DisplayName == "turn message");
        Assert.InRange((int)reply.GetTagItem(Tags.StatusCode)!, 200, 299);
        Assert.All(connectorCalls, s => Assert.NotNull(s.GetTagItem(Tags.StatusCode)));

        // Nothing anybody typed is in any span: names, tags or events.
        string[] typed = [Words, "Tuesday train", ApprovalComment, Resolution, "spare charger"];
        Assert.All(_spans, s => Assert.DoesNotContain(typed, t =>
            s.DisplayName.Contains(t, StringComparison.OrdinalIgnoreCase)
            || s.TagObjects.Any(tag => tag.Value?.ToString()?.Contains(t, StringComparison.OrdinalIgnoreCase) == true)
            || s.Events.Any(e => e.Tags.Any(tag => tag.Value?.ToString()?.Contains(t, StringComparison.OrdinalIgnoreCase) == true))));

        // The metrics of the same loop.
        Assert.Equal(1, Sum(Instruments.Turns, (Tags.TurnKind, "message")));
        Assert.Equal(4, Sum(Instruments.Turns, (Tags.TurnKind, "invoke")));
        Assert.Equal(4, HistogramCount(Instruments.InvokeDuration));
        Assert.Equal(1, Sum(Instruments.ConnectorThrottled));
        Assert.Equal(1, Sum(Instruments.ConnectorRetries));
        Assert.True(Sum(Instruments.FulfilmentEvents, (Tags.EventType, "ApprovalRequested"), (Tags.Outcome, "handled")) >= 1);
        Assert.Equal(0, after.ApprovalsPending);
        Assert.Equal(0, Gauge(Instruments.ApprovalsPending));
        Assert.Equal(0, Gauge(Instruments.OutboxDepth));
        Assert.Equal(0, Gauge(Instruments.ParkedEvents));
        Assert.Equal(0, Gauge(Instruments.OutboxOldestAge));
    }

    /// <summary>Refreshes the gauges once the relay has emptied the request's outbox, as the refresher does every minute.</summary>
    private async Task<GaugeReading> RefreshGaugesAsync(string requestId)
    {
        await StoredWhenAsync(_bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the relay delivered the events");
        return await _bot.Services.GetRequiredService<OperationalGauges>().RefreshAsync();
    }

    private void Flush()
    {
        Assert.True(_bot.Services.GetRequiredService<MeterProvider>().ForceFlush());
        Assert.True(_bot.Services.GetRequiredService<TracerProvider>().ForceFlush());
    }

    private List<Activity> Spans(string prefix)
    {
        lock (_spans)
        {
            return [.. _spans.Where(s => s.Source.Name == TelemetryNames.Source && s.DisplayName.StartsWith(prefix, StringComparison.Ordinal))];
        }
    }

    private IEnumerable<MetricPoint> Points(string name, params (string Key, string Value)[] tags) =>
        _metrics.Last(m => m.Name == name).MetricPoints.Where(p => tags.All(t => HasTag(p, t.Key, t.Value)));

    private long Sum(string name, params (string Key, string Value)[] tags) => Points(name, tags).Sum(p => p.GetSumLong());

    private long HistogramCount(string name) => Points(name).Sum(p => p.GetHistogramCount());

    private double Gauge(string name)
    {
        var metric = _metrics.Last(m => m.Name == name);
        var point = Assert.Single(metric.MetricPoints);
        return metric.MetricType == MetricType.DoubleGauge ? point.GetGaugeLastValueDouble() : point.GetGaugeLastValueLong();
    }

    private static bool HasTag(MetricPoint point, string key, string value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }
}
