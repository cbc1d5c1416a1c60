using ChatRequests.Core.Assignment;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.Assignment;

/// <summary>The team's rule applied to requests that reach it, with the stores and the directory it reads.</summary>
public sealed class TeamAssignmentTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Person Ann = new() { Id = "ann", Name = "Ann Agent" };
    private static readonly Person Ben = new() { Id = "ben", Name = "Ben Agent" };
    private static readonly Person Cai = new() { Id = "cai", Name = "Cai Agent" };
    private static readonly Person Lea = new() { Id = "lea", Name = "Lea Lead" };
    private static readonly Person Rita = new() { Id = "rita", Name = "Rita Requester" };

    private readonly FakeTimeProvider _clock = new(Start);
    private readonly InMemoryRequestStore _store = new();
    private readonly InMemoryAssignmentStore _assignments = new();
    private readonly AwayList _away = new();
    private int _number;

    [Fact]
    public async Task RoundRobin_IsFairAcrossARestart_TheTurnIsKeptInTheStore()
    {
        var team = Team(AssignmentMode.RoundRobin);
        var first = Assignment(team);
        Assert.Equal("ann", (await ReachAsync(first)).Assignee?.Id);
        Assert.Equal("ben", (await ReachAsync(first)).Assignee?.Id);

        // A new process: a new service over the same stores goes on where the rotation was.
        var afterRestart = Assignment(team);
        Assert.Equal("cai", (await ReachAsync(afterRestart)).Assignee?.Id);
        Assert.Equal("ann", (await ReachAsync(afterRestart)).Assignee?.Id);
    }

    [Fact]
    public async Task LeastLoaded_CountsOpenAssignedRequests_AndSaysSoInTheHistory()
    {
        var team = Team(AssignmentMode.LeastLoaded);
        var assignment = Assignment(team);
        await AssignedToAsync("ann");
        await AssignedToAsync("ann");
        await AssignedToAsync("ben");
        var resolved = await AssignedToAsync("cai");
        await _store.UpdateAsync(resolved.Id, r => r.Resolve(new PersonRef("cai", "Cai Agent"), "Done", Start));

        var request = await ReachAsync(assignment);

        Assert.Equal("cai", request.Assignee?.Id);
        Assert.Equal("Assigned automatically to Cai Agent (least loaded: 0 open)", request.History[^1].Comment);
    }

    [Fact]
    public async Task Availability_AwayAndMarkedUnavailable_ArePassedOver_UntilTheyAreBack()
    {
        var team = Team(AssignmentMode.RoundRobin);
        var assignment = Assignment(team);
        _away.Add("ann");
        await _assignments.SetUnavailableAsync(new Unavailability(new PersonRef("ben", "Ben Agent"), Start));

        Assert.Equal("cai", (await ReachAsync(assignment)).Assignee?.Id);

        await _assignments.SetAvailableAsync("ben");
        Assert.Equal("ben", (await ReachAsync(assignment)).Assignee?.Id);
    }

    [Fact]
    public async Task AMarkThatEndedByItself_IsReadAsEnded_AndTheAgentIsInTheRotationAgain()
    {
        var team = Team(AssignmentMode.RoundRobin);
        var assignment = Assignment(team);
        await _assignments.SetUnavailableAsync(new Unavailability(new PersonRef("ann", "Ann Agent"), Start) { Until = Start.AddHours(1) });
        Assert.Equal("ben", (await ReachAsync(assignment)).Assignee?.Id);

        _clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal("cai", (await ReachAsync(assignment)).Assignee?.Id);
        Assert.Equal("ann", (await ReachAsync(assignment)).Assignee?.Id);
    }

    [Fact]
    public async Task ApprovedAgainAfterAnItemChange_KeepsItsAssignee_AndTakesNoTurn()
    {
        var team = Team(AssignmentMode.RoundRobin);
        var assignment = Assignment(team);
        var request = await ApprovedAgainAsync(assignment);

        var reached = await assignment.ReachTeamAsync(request, Start.AddHours(4));

        Assert.Equal((RequestState.Assigned, "ann"), (reached.State, reached.Assignee?.Id));
        Assert.Single(reached.History, h => h.Comment?.StartsWith("Assigned automatically", StringComparison.Ordinal) == true);
        Assert.Equal("Approved again; back with Ann Agent", reached.History[^1].Comment);
        Assert.Equal("ann", await _assignments.FindLastTurnAsync(team.Id));
        // A redelivered Approved event changes nothing more.
        Assert.Equal(reached.Version, (await assignment.ReachTeamAsync(reached, Start.AddHours(4))).Version);
    }

    [Fact]
    public async Task ApprovedAgainAfterAnItemChange_WhileItsAssigneeIsUnavailable_GoesToTheNextInTurn()
    {
        var team = Team(AssignmentMode.RoundRobin);
        var assignment = Assignment(team);
        var request = await ApprovedAgainAsync(assignment);
        await _assignments.SetUnavailableAsync(new Unavailability(new PersonRef("ann", "Ann Agent"), Start) { Until = Start.AddDays(1) });

        var reached = await assignment.ReachTeamAsync(request, Start.AddHours(4));

        Assert.Equal((RequestState.Assigned, "ben"), (reached.State, reached.Assignee?.Id));
        Assert.Equal("Approved again; Ann Agent marked themselves unavailable, so assigned automatically to Ben Agent (round robin)", reached.History[^1].Comment);
        Assert.Equal("ben", await _assignments.FindLastTurnAsync(team.Id));
    }

    [Fact]
    public async Task NobodyAvailable_StaysUnassigned_TheCardSaysWhy_AndItIsReannouncedInWorkingTime()
    {
        // Hours 08:00-12:00 UTC on weekdays: 4 working hours from Monday 11:00 end on Tuesday 11:00.
        var calendar = new CalendarDefinition { TimeZone = "UTC", WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"], Hours = "08:00-12:00" };
        var team = Team(AssignmentMode.LeastLoaded, reannounceAfterHours: 4) with { Calendar = calendar };
        _away.Add("ann");
        _away.Add("ben");
        _away.Add("cai");
        var reachedAt = Start.AddHours(2);

        var request = await ReachAsync(Assignment(team), reachedAt);

        Assert.Null(request.Assignee);
        Assert.Equal("Nobody available to assign automatically: Ann Agent is away, Ben Agent is away, Cai Agent is away.", request.AssignmentNote);
        Assert.Equal(Start.AddDays(1).AddHours(2), request.ReannounceDueAt);
    }

    [Fact]
    public async Task TheRequester_IsNeverAssigned_AndTheLeadOnlyAsAMember()
    {
        var team = Team(AssignmentMode.RoundRobin) with { MemberIds = ["rita", "ann"], LeadId = "lea" };
        var assignment = Assignment(team);

        Assert.Equal("ann", (await ReachAsync(assignment)).Assignee?.Id);
        Assert.Equal("ann", (await ReachAsync(assignment)).Assignee?.Id);

        _away.Add("ann");
        var nobody = await ReachAsync(assignment);
        Assert.Null(nobody.Assignee);
        Assert.Equal("Nobody available to assign automatically: Rita Requester raised it, Ann Agent is away.", nobody.AssignmentNote);
    }

    [Fact]
    public async Task ManualTeam_WithoutReannounce_IsLeftAsToday()
    {
        var team = Team(AssignmentMode.RoundRobin) with { Assignment = null };

        var request = await ReachAsync(Assignment(team));

        Assert.Null(request.Assignee);
        Assert.Null(request.AssignmentCheckedAt);
        Assert.Null(request.ReannounceDueAt);
    }

    [Fact]
    public async Task ARedeliveredEvent_AssignsOnce_AndTakesOneTurn()
    {
        var team = Team(AssignmentMode.RoundRobin);
        var assignment = Assignment(team);
        var request = Submitted();

        await assignment.ReachTeamAsync(request, Start);
        var again = await assignment.ReachTeamAsync(request, Start);

        Assert.Equal("ann", again.Assignee?.Id);
        Assert.Single(again.History, h => h.Action == AuditAction.Assign);
        Assert.Equal("ann", await _assignments.FindLastTurnAsync(team.Id));
    }

    [Fact]
    public async Task RoundRobin_TwoRequestsReachingAtOnce_GoToTwoPeople()
    {
        var team = Team(AssignmentMode.RoundRobin);
        // Both workers read the last turn before either takes one: the race that gave both requests to Ann.
        var assignment = Assignment(team, new ReadTogether(_assignments, readers: 2));
        var (one, two) = (Submitted(), Submitted());

        var reached = await Task.WhenAll(
            Task.Run(() => assignment.ReachTeamAsync(one, Start)), Task.Run(() => assignment.ReachTeamAsync(two, Start)));

        Assert.Equal(["ann", "ben"], reached.Select(r => r.Assignee?.Id).Order());
        Assert.Equal("ben", await _assignments.FindLastTurnAsync(team.Id));
    }

    private TeamAssignment Assignment(Team team, IAssignmentStore? assignments = null) => new(
        _store, new InMemoryDirectory([Ann, Ben, Cai, Lea, Rita], [team]), assignments ?? _assignments, _away, _clock, NullLogger<TeamAssignment>.Instance);

    private static Team Team(AssignmentMode mode, double? reannounceAfterHours = null) => new()
    {
        Id = "team-hardware",
        Name = "Hardware Service",
        ChannelId = "19:hardware@thread.tacv2",
        MemberIds = ["ann", "ben", "cai"],
        LeadId = "lea",
        Assignment = new AssignmentDefinition
        {
            Mode = mode switch { AssignmentMode.RoundRobin => "roundRobin", AssignmentMode.LeastLoaded => "leastLoaded", _ => "manual" },
            ReannounceAfterHours = reannounceAfterHours,
        },
    };

    private async Task<ServiceRequest> ReachAsync(TeamAssignment assignment, DateTimeOffset? at = null) =>
        await assignment.ReachTeamAsync(Submitted(at), at ?? Start);

    private ServiceRequest Submitted(DateTimeOffset? at = null)
    {
        var number = ++_number;
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                RequestNumber.Format(number), $"form-{number}", new PersonRef(Rita.Id, Rita.Name), "mouse", "Standard mouse", "Hardware", null, "Broken.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Start.AddDays(2), []),
            at ?? Start);
        _store.CreateAsync(request).GetAwaiter().GetResult();
        return request;
    }

    /// <summary>Assigned automatically to Ann, out of stock, a dearer item chosen and approved again by its manager.</summary>
    private async Task<ServiceRequest> ApprovedAgainAsync(TeamAssignment assignment)
    {
        var ann = new PersonRef("ann", "Ann Agent");
        var manager = new PersonRef("mia", "Mia Manager");
        var request = await ReachAsync(assignment);
        return await _store.UpdateAsync(request.Id, r =>
        {
            r.OfferAlternatives(ann, [new OfferedItem("mouse-pro", "Pro mouse", "90.00 EUR", "")], null, Start.AddHours(1));
            r.ChooseAlternative(
                r.Requester, new ItemReplacement("mouse-pro", "Pro mouse", "Hardware", null, 90m, r.Fields, [], Delivery: false),
                [new ApprovalStage("Manager", [manager])], "Pro mouse costs more than what was approved", Start.AddHours(2));
            r.Decide(manager, approve: true, null, r.CurrentStage, Start.AddHours(3));
        });
    }

    private async Task<ServiceRequest> AssignedToAsync(string agentId)
    {
        var request = Submitted();
        var agent = new PersonRef(agentId, agentId);
        return await _store.UpdateAsync(request.Id, r => r.Assign(agent, agent, Start));
    }

    /// <summary>The first <c>readers</c> reads of the last turn return only once all of them have read it.</summary>
    private sealed class ReadTogether(IAssignmentStore inner, int readers) : IAssignmentStore
    {
        private readonly TaskCompletionSource _allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public async Task<string?> FindLastTurnAsync(string teamId, CancellationToken cancellationToken = default)
        {
            var last = await inner.FindLastTurnAsync(teamId, cancellationToken);
            var read = Interlocked.Increment(ref _reads);
            if (read == readers)
            {
                _allRead.SetResult();
            }

            if (read <= readers)
            {
                await _allRead.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }

            return last;
        }

        public Task<bool> TakeTurnAsync(string teamId, string? lastTurnId, string personId, CancellationToken cancellationToken = default) =>
            inner.TakeTurnAsync(teamId, lastTurnId, personId, cancellationToken);

        public Task SetUnavailableAsync(Unavailability unavailability, CancellationToken cancellationToken = default) =>
            inner.SetUnavailableAsync(unavailability, cancellationToken);

        public Task<Unavailability?> FindUnavailableAsync(string personId, CancellationToken cancellationToken = default) =>
            inner.FindUnavailableAsync(personId, cancellationToken);

        public Task<bool> SetAvailableAsync(string personId, CancellationToken cancellationToken = default) =>
            inner.SetAvailableAsync(personId, cancellationToken);
    }

    private sealed class AwayList : IAbsenceCalendar
    {
        private readonly HashSet<string> _away = [];

        public void Add(string personId) => _away.Add(personId);

        public Task<Absence?> FindAbsenceAsync(string personId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            Task.FromResult(_away.Contains(personId) ? new Absence(null, null) : null);
    }
}
