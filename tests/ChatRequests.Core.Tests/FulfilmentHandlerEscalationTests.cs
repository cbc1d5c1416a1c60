using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace ChatRequests.Core.Tests;

/// <summary>What the escalation ladder's events make the handler do: level 3 at approval, the cards of each level, de-escalation.</summary>
public sealed class FulfilmentHandlerEscalationTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("requester", "Rita Requester");
    private static readonly PersonRef Agent = new("agent", "Ada Agent");
    private static readonly Person Lead = new() { Id = "lead", Name = "Lee Lead" };
    private static readonly Person Senior = new() { Id = "senior", Name = "Sam Senior" };

    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly InMemoryRequestStore _store = new();
    private readonly FulfilmentHandler _handler;

    public FulfilmentHandlerEscalationTests()
    {
        var directory = new InMemoryDirectory(
            [Lead, Senior, new Person { Id = Requester.Id, Name = Requester.Name }],
            [new Team { Id = "team-hw", Name = "Hardware", ChannelId = "19:hw", LeadId = Lead.Id }])
        {
            Escalation = new EscalationSettings { SeniorManagement = [Senior.Id], Vips = [Requester.Id] },
        };
        _handler = new FulfilmentHandler(_notifier, _store, TimeProvider.System, NullLogger<FulfilmentHandler>.Instance,
            FulfilmentCollaborators.None with { Escalations = new EscalationContactsFinder(directory) });
    }

    [Fact]
    public async Task Approved_ForAVipRequester_SavesLevel3ToSeniorManagement_Once()
    {
        var request = await CreateAsync();

        await _handler.HandleAsync(request, request.Outbox.Single(e => e.Type == RequestEventType.Approved));
        var saved = (await _store.GetAsync(request.Id))!;
        await _handler.HandleAsync(saved, request.Outbox.Single(e => e.Type == RequestEventType.Approved));

        var stored = (await _store.GetAsync(request.Id))!;
        var level3 = Assert.Single(stored.Escalations);
        Assert.Equal((3, "senior"), (level3.Level, level3.To.Single().Id));
        Assert.Equal("Rita Requester is a VIP: please allocate a dedicated person", level3.Why);
        Assert.Single(stored.Outbox, e => e.Type == RequestEventType.Escalated);
    }

    [Fact]
    public async Task Approved_NeitherP1NorAVipsRequest_ReadsNothingFromTheStore_AndEscalatesNothing()
    {
        var request = await CreateAsync();
        var store = new ContendedRequestStore(_store);
        var noVips = new InMemoryDirectory([Lead, Senior], [new Team { Id = "team-hw", Name = "Hardware", ChannelId = "19:hw", LeadId = Lead.Id }])
        {
            Escalation = new EscalationSettings { SeniorManagement = [Senior.Id] },
        };
        var handler = new FulfilmentHandler(_notifier, store, TimeProvider.System, NullLogger<FulfilmentHandler>.Instance,
            FulfilmentCollaborators.None with { Escalations = new EscalationContactsFinder(noVips) });

        await handler.HandleAsync(request, request.Outbox.Single(e => e.Type == RequestEventType.Approved));

        Assert.Equal((0, 0), (store.Reads, store.Saves));
        Assert.Empty((await _store.GetAsync(request.Id))!.Escalations);
        await _notifier.Received(1).ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Escalated_PostsTheCardOfThatLevel_AndRefreshesTheTeamCard()
    {
        var request = await CreateAsync();
        request.FollowUp(Requester, new EscalationContacts(new PersonRef(Lead.Id, Lead.Name), null, []), Start.AddHours(1));
        var cause = request.Outbox[^1];

        await _handler.HandleAsync(request, cause);

        await _notifier.Received(1).ShowTeamCardAsync(request, Arg.Any<CancellationToken>());
        await _notifier.Received(1).EscalateAsync(request, Arg.Is<Escalation>(e => e.Level == 1 && e.IsActive), cause, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Deescalated_UpdatesTheCardsOfTheLevelsItResolved()
    {
        var request = await CreateAsync();
        var ladder = new EscalationContacts(new PersonRef(Lead.Id, Lead.Name), null, []);
        request.FollowUp(Requester, ladder, Start.AddHours(1));
        request.Assign(Agent, Agent, Start.AddHours(1));
        request.Resolve(Agent, "Done", Start.AddHours(2));
        var cause = request.Outbox.Single(e => e.Type == RequestEventType.Deescalated);

        await _handler.HandleAsync(request, cause);

        await _notifier.Received(1).EscalateAsync(
            request, Arg.Is<Escalation>(e => e.Level == 1 && e.ResolvedAt == Start.AddHours(2)), cause, Arg.Any<CancellationToken>());
        await _notifier.DidNotReceive().ShowTeamCardAsync(Arg.Any<ServiceRequest>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AnEscalationCardThatCannotReachSomeone_IsLogged_AndTheRequesterIsStillTold()
    {
        var request = await CreateAsync();
        request.CheckSla(request.DueAt.AddHours(1), escalations: new EscalationContacts(new PersonRef(Lead.Id, Lead.Name), null, []));
        var breach = request.Outbox[^1];
        _notifier.EscalateAsync(default!, default!, default!, default).ReturnsForAnyArgs(Task.FromException(new RecipientUnreachableException(Lead.Id, "403")));

        await _handler.HandleAsync(request, breach);

        await _notifier.Received(1).NotifyRequesterAsync(request, NoticeKind.SlaBreached, breach, Arg.Any<CancellationToken>());
    }

    private async Task<ServiceRequest> CreateAsync()
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-1", Requester, "laptop", "Laptop", "Hardware", null, "Old laptop.", new Dictionary<string, string>(),
                PriorityMatrix.Assess(Impact.Low, Urgency.Low), "team-hw", "Hardware", Start.AddHours(40), []),
            Start);
        await _store.CreateAsync(request);
        return (await _store.GetAsync(request.Id))!;
    }
}
