using ChatRequests.Core.Assignment;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests.Assignment;

/// <summary>The team card's "Reassign" choices, counted in directory look-ups: only a card that can offer them looks anyone up.</summary>
public sealed class TeamRosterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Ann = new("ann", "Ann Agent");
    private static readonly Team Hardware = new() { Id = "team-hardware", Name = "Hardware Service", ChannelId = "19:hardware@thread.tacv2", MemberIds = ["ann", "ben", "gone"] };

    private readonly CountingDirectory _directory = new(new InMemoryDirectory(
        [new Person { Id = "ann", Name = "Ann Agent" }, new Person { Id = "ben", Name = "Ben Agent" }], [Hardware]));

    [Fact]
    public async Task AnOpenRequest_LooksUpEachMemberOnce_AndLeavesOutWhoIsGone()
    {
        var members = await TeamRoster.ReassignChoicesAsync(_directory, Hardware, Working());

        Assert.Equal(["Ann Agent", "Ben Agent"], members.Select(m => m.Name));
        Assert.Equal(3, _directory.PersonLookups);
    }

    [Fact]
    public async Task ARequestNoLongerAssignable_LooksUpNobody()
    {
        var resolved = Working();
        resolved.Resolve(Ann, "Done", Start.AddHours(1));

        Assert.Empty(await TeamRoster.ReassignChoicesAsync(_directory, Hardware, resolved));
        Assert.Equal(0, _directory.PersonLookups);
    }

    private static ServiceRequest Working()
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-1", new PersonRef("rita", "Rita Requester"), "mouse", "Standard mouse", "Hardware", null, "Broken.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), Hardware.Id, Hardware.Name,
                Start.AddDays(2), []),
            Start);
        request.Assign(Ann, Ann, Start);
        return request;
    }

    private sealed class CountingDirectory(IDirectory inner) : IDirectory
    {
        public int PersonLookups { get; private set; }

        public Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken = default)
        {
            PersonLookups++;
            return inner.FindPersonAsync(personId, cancellationToken);
        }

        public Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken cancellationToken = default) =>
            inner.FindPeopleByNameAsync(name, cancellationToken);

        public Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default) => inner.ListTeamsAsync(cancellationToken);

        public Task<ApproverGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
            inner.FindGroupAsync(groupId, cancellationToken);

        public Task<CostCentre?> FindCostCentreAsync(string costCentreId, CancellationToken cancellationToken = default) =>
            inner.FindCostCentreAsync(costCentreId, cancellationToken);

        public Task<IReadOnlyList<Entitlement>> ListEntitlementsAsync(CancellationToken cancellationToken = default) =>
            inner.ListEntitlementsAsync(cancellationToken);

        public Task<EscalationSettings> GetEscalationSettingsAsync(CancellationToken cancellationToken = default) =>
            inner.GetEscalationSettingsAsync(cancellationToken);

        public Task<IReadOnlyList<string>> ListDirectReportIdsAsync(string managerId, CancellationToken cancellationToken = default) =>
            inner.ListDirectReportIdsAsync(managerId, cancellationToken);
    }
}
