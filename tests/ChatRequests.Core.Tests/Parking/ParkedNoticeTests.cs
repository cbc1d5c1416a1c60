using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static ChatRequests.Core.Tests.Parking.ParkingSamples;

namespace ChatRequests.Core.Tests.Parking;

/// <summary>The notice of a parked step, through the outbox like any event: posted, retried, and never a notice about itself.</summary>
public sealed class ParkedNoticeTests
{
    private readonly InMemoryRequestStore _store = new();
    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly OutboxProcessor _processor;
    private readonly OutboxEventRunner _runner;

    public ParkedNoticeTests()
    {
        var handler = new FulfilmentHandler(_notifier, _store, _clock, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None);
        _processor = new OutboxProcessor(
            _store, handler, _clock, Options.Create(new FulfilmentOptions { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromSeconds(1) }),
            NullLogger<OutboxProcessor>.Instance);
        _runner = new OutboxEventRunner(_store, handler, _clock, NullLogger<OutboxEventRunner>.Instance);
    }

    [Fact]
    public async Task AStepRefusedForGood_ParksAtOnce_AndItsCardIsShownToTheTeam()
    {
        await _store.CreateAsync(Submit("REQ-000701", _clock.GetUtcNow()));
        _notifier.ShowApprovalCardAsync(default!, default!, default, default).ThrowsAsyncForAnyArgs(new PermanentEventFailureException("p-bo could not be reached: 403"));

        await _processor.ProcessAsync("REQ-000701");
        await _processor.ProcessAsync("REQ-000701");

        await _notifier.Received(1).ShowParkedStepAsync(
            Arg.Any<ServiceRequest>(), Arg.Is<ParkedStep>(p => p.EventType == RequestEventType.ApprovalRequested && p.IsWaiting), Arg.Any<CancellationToken>());
        var stored = (await _store.GetAsync("REQ-000701"))!;
        Assert.Equal([RequestEventType.ApprovalRequested], stored.Outbox.Select(e => e.Type));
    }

    [Fact]
    public async Task ANoticeThatCannotBePosted_IsRetried_ThenParked_AndAnnouncedNoFurther()
    {
        await _store.CreateAsync(Submit("REQ-000702", _clock.GetUtcNow()));
        _notifier.ShowApprovalCardAsync(default!, default!, default, default).ThrowsAsyncForAnyArgs(new PermanentEventFailureException("403"));
        _notifier.ShowParkedStepAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new HttpRequestException("502 Bad Gateway"));

        for (var pass = 0; pass < 10; pass++)
        {
            await _processor.ProcessAsync("REQ-000702");
            _clock.Advance(TimeSpan.FromMinutes(1));
        }

        await _notifier.Received(3).ShowParkedStepAsync(Arg.Any<ServiceRequest>(), Arg.Any<ParkedStep>(), Arg.Any<CancellationToken>());
        var stored = (await _store.GetAsync("REQ-000702"))!;
        Assert.All(stored.Outbox, e => Assert.True(e.IsParked));
        Assert.Equal([RequestEventType.ApprovalRequested, RequestEventType.ParkedNotice], stored.Outbox.Select(e => e.Type));
        Assert.Single(stored.Parkings);
    }

    [Fact]
    public async Task RetriedStep_RunsAgain_AndTheCardIsUpdated()
    {
        await _store.CreateAsync(Submit("REQ-000703", _clock.GetUtcNow()));
        _notifier.ShowApprovalCardAsync(default!, default!, default, default).ThrowsAsyncForAnyArgs(new PermanentEventFailureException("403"));
        await _processor.ProcessAsync("REQ-000703");
        await _processor.ProcessAsync("REQ-000703");
        _notifier.ShowApprovalCardAsync(default!, default!, default, default).ReturnsForAnyArgs(Task.CompletedTask);
        var parking = (await _store.GetAsync("REQ-000703"))!.Parkings[0];

        await new ParkedDesk(_store, Directory(), _clock).RetryAsync("REQ-000703", parking.Id, FacilitiesLead);
        await _processor.ProcessAsync("REQ-000703");

        await _notifier.Received(2).ShowApprovalCardAsync(Arg.Any<ServiceRequest>(), Manager, 0, Arg.Any<CancellationToken>());
        await _notifier.Received(1).ShowParkedStepAsync(
            Arg.Any<ServiceRequest>(), Arg.Is<ParkedStep>(p => p.Outcome == ParkOutcome.Retried && p.SettledBy == FacilitiesLead), Arg.Any<CancellationToken>());
        Assert.Empty((await _store.GetAsync("REQ-000703"))!.Outbox);
    }

    [Fact]
    public async Task TheOneEventRunner_ParksANoticeForGood_WithoutAnotherNotice()
    {
        var request = Submit("REQ-000704", _clock.GetUtcNow());
        ParkApproval(request, _clock.GetUtcNow());
        await _store.CreateAsync(request);
        var notice = request.Outbox.Single(e => e.Type == RequestEventType.ParkedNotice);
        _notifier.ShowParkedStepAsync(default!, default!, default).ThrowsAsyncForAnyArgs(new PermanentEventFailureException("403"));

        var run = await _runner.RunAsync("REQ-000704", notice.Id);

        Assert.Equal(EventRunOutcome.Parked, run.Outcome);
        var stored = (await _store.GetAsync("REQ-000704"))!;
        Assert.Equal(2, stored.Outbox.Count);
        Assert.All(stored.Outbox, e => Assert.True(e.IsParked));
    }
}
