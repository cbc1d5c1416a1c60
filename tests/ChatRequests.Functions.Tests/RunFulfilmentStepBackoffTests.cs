using ChatRequests.Functions.Fulfilment;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Functions.Tests;

/// <summary>
/// RunFulfilmentStep's retries of a transient failure, with a fake clock and the sender double: each failed try schedules
/// the next as a new message (MessageId = event id and attempt, the attempt in its application properties) after
/// 10 s × 2^failures capped at 15 min, or the service's Retry-After if longer, and the tenth failure parks the event.
/// </summary>
public sealed class RunFulfilmentStepBackoffTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    // The connector's own retries would wait on the fake clock, so Teams answers 503, which it does not retry (a
    // transient failure for the queue all the same).
    private Task<FunctionsApp> StartAsync() => FunctionsApp.StartAsync(services => services.AddSingleton<TimeProvider>(_clock));

    [Fact]
    public async Task EveryFailedTry_SchedulesTheNextWithDoublingDelay_Capped_AndTheTenthParksTheEvent()
    {
        await using var app = await StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        app.Connector.FailNext(count: 1000, statusCode: 503);

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));
        var outcomes = new List<string> { answer.ReturnValue!.GetValue<string>() };
        for (var tries = 1; tries < 10; tries++)
        {
            var (next, at) = app.Queue.Scheduled[^1];
            _clock.SetUtcNow(at);
            answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(next));
            outcomes.Add(answer.ReturnValue!.GetValue<string>());
        }

        Assert.Equal([.. Enumerable.Repeat("Rescheduled", 9), "PermanentFailure"], outcomes);
        var scheduled = app.Queue.Scheduled;
        Assert.Equal(Enumerable.Range(1, 9).Select(n => $"{e.Id}-{n}"), scheduled.Select(s => s.Message.MessageId));
        Assert.Equal(Enumerable.Range(1, 9).Select(n => (object)n), scheduled.Select(s => s.Message.ApplicationProperties["attempt"]));
        var start = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var delays = scheduled.Select((s, i) => (s.EnqueueAt - (i == 0 ? start : scheduled[i - 1].EnqueueAt)).TotalSeconds);
        Assert.Equal([10, 20, 40, 80, 160, 320, 640, 900, 900], delays);
        Assert.Equal(TimeSpan.FromSeconds(3070), scheduled[^1].EnqueueAt - start); // about 51 minutes of outage survived
        var parked = Assert.Single((await app.Store.GetAsync(request.Id))!.Outbox, o => o.Id == e.Id);
        Assert.True(parked.IsParked);
        Assert.StartsWith("Gave up after 10 attempts: ConnectorException", parked.LastError);
        Assert.Equal(10, app.Connector.Requests.Count);
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheBackoff_IsHonoured()
    {
        await using var app = await StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        app.Connector.FailNext(count: 1000, statusCode: 503, retryAfter: TimeSpan.FromMinutes(2));

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        Assert.Equal("Rescheduled", answer.ReturnValue!.GetValue<string>());
        Assert.Equal(_clock.GetUtcNow().AddMinutes(2), Assert.Single(app.Queue.Scheduled).EnqueueAt);
    }

    [Fact]
    public async Task ARescheduledMessage_KeepsTheBody_AndSucceedsWhenTheOutageIsOver()
    {
        await using var app = await StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        app.Connector.FailNext(count: 1, statusCode: 503);
        await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));
        var (next, at) = Assert.Single(app.Queue.Scheduled);
        _clock.SetUtcNow(at);

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(next));

        Assert.Equal("Handled", answer.ReturnValue!.GetValue<string>());
        var body = HostPayloads.BodyOf(next);
        Assert.Equal((request.Id, e.Id), (body["requestId"]!.GetValue<string>(), body["eventId"]!.GetValue<string>()));
        Assert.Empty((await app.Store.GetAsync(request.Id))!.Outbox);
        Assert.Single(app.Queue.Scheduled);
    }
}
