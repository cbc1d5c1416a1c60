using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Reporting;

/// <summary>The outbox events keep the reporting projection up to date (the embedded default), redelivery included.</summary>
public sealed class FactsProjectionTests
{
    private readonly InMemoryRequestStore _store = new();
    private readonly InMemoryReportingStore _reporting = new();
    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public async Task EveryEvent_ProjectsTheDocumentItCameWith()
    {
        var runner = Runner(_reporting);
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        await _store.CreateAsync(request);

        await runner.RunAsync(request.Id, request.Outbox[0].Id);
        Assert.Equal((1L, RequestState.AwaitingApproval), Facts(await _reporting.GetFactsAsync(request.Id)));

        request = (await _store.GetAsync(request.Id))!;
        request.Decide(Bob, true, "Fine", 0, Start.AddHours(1));
        await _store.SaveAsync(request);
        await runner.RunAsync(request.Id, request.Outbox.Single(e => e.Type == RequestEventType.Approved).Id);

        var facts = (await _reporting.GetFactsAsync(request.Id))!;
        Assert.Equal((3L, RequestState.Approved), Facts(facts));
        Assert.Equal(Start.AddHours(1), facts.ApprovedAt);
    }

    [Fact]
    public async Task RedeliveredOlderEvent_DoesNotMoveTheRowBack()
    {
        var handler = Handler(_reporting);
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        request.Version = 1;
        var asked = request.Outbox[0];
        var older = RequestFacts.From(request);
        request.Decide(Bob, true, null, 0, Start.AddHours(1));
        request.Version = 2;
        await handler.HandleAsync(request, request.Outbox.Single(e => e.Type == RequestEventType.Approved));

        // The first event again, with the document as it was then (at-least-once delivery, out of order).
        Assert.False(await _reporting.UpsertFactsAsync(older));
        await handler.HandleAsync(request, asked);

        Assert.Equal((2L, RequestState.Approved), Facts(await _reporting.GetFactsAsync(request.Id)));
    }

    [Fact]
    public async Task ProjectionFailure_ThrowsBeforeAnyCard_SoTheEventIsRetried()
    {
        var failing = Substitute.For<IReportingStore>();
        failing.UpsertFactsAsync(default!, default).ThrowsAsyncForAnyArgs(new TimeoutException("database is locked"));
        var runner = Runner(failing);
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        await _store.CreateAsync(request);

        await Assert.ThrowsAsync<TimeoutException>(() => runner.RunAsync(request.Id, request.Outbox[0].Id));

        await _notifier.DidNotReceiveWithAnyArgs().ShowApprovalCardAsync(default!, default!, default, default);
        Assert.Single((await _store.GetAsync(request.Id))!.Outbox);
    }

    [Fact]
    public async Task Anonymising_ReplacesTheRow_SoItKeepsTheFiguresButNotThePersonOrWhatTheyTyped()
    {
        var runner = Runner(_reporting);
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        await _store.CreateAsync(request);
        request = (await _store.GetAsync(request.Id))!;
        request.Cancel(request.Requester, "Found one in the cupboard", Start.AddHours(1));
        await _store.SaveAsync(request);
        foreach (var e in (await _store.GetAsync(request.Id))!.Outbox.ToList())
        {
            await runner.RunAsync(request.Id, e.Id);
        }

        Assert.Equal(("Found one in the cupboard", Alice.Id), ((await _reporting.GetFactsAsync(request.Id))!.CancelReason, (await _reporting.GetFactsAsync(request.Id))!.Requester.Id));

        request = (await _store.GetAsync(request.Id))!;
        request.Anonymise(PersonRef.System, "retention", Start.AddDays(31));
        await _store.SaveAsync(request);
        await runner.RunAsync(request.Id, request.Outbox.Single(e => e.Type == RequestEventType.Anonymised).Id);

        var facts = (await _reporting.GetFactsAsync(request.Id))!;
        Assert.NotEqual(Alice.Id, facts.Requester.Id);
        Assert.NotEqual(Alice.Name, facts.Requester.Name);
        Assert.Null(facts.CancelReason);
        Assert.Equal((RequestState.Cancelled, Start), (facts.State, facts.SubmittedAt));
        Assert.Empty((await _store.GetAsync(request.Id))!.Outbox);
    }

    private static (long, RequestState) Facts(RequestFacts? facts) => (facts!.Version, facts.State);

    private FulfilmentHandler Handler(IReportingStore reporting) =>
        new(_notifier, _store, _clock, NullLogger<FulfilmentHandler>.Instance, FulfilmentCollaborators.None with { Facts = new FactsProjection(reporting) });

    private OutboxEventRunner Runner(IReportingStore reporting) =>
        new(_store, Handler(reporting), _clock, NullLogger<OutboxEventRunner>.Instance);
}
