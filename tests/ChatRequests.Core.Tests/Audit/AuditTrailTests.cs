using ChatRequests.Core.Audit;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Audit;

public class AuditTrailTests
{
    private static readonly PersonRef Auditor = new("auditor-1", "Ada Auditor");
    private static readonly PersonRef Stranger = new("stranger-1", "Sam Stranger");

    private readonly InMemoryRequestStore _store = new();

    private AuditTrail Trail() => new(_store, new GovernedDirectory(
        new InMemoryDirectory([], [new Team { Id = "team-hardware", Name = "Hardware", ChannelId = "19:hw", MemberIds = [Erin.Id] }]),
        new GovernanceSettings { Auditors = [Auditor.Id] }));

    [Fact]
    public async Task HistoryAsync_TheRequesterAndTheTeam_ReadIt_OnlyTheTeamReadsWorkNotes()
    {
        await _store.CreateAsync(Resolved());

        var requester = await Trail().HistoryAsync("REQ-000001", Alice.Id, page: null);
        var agent = await Trail().HistoryAsync("REQ-000001", Erin.Id, page: null);

        Assert.DoesNotContain(requester.Lines, l => l.Action == AuditAction.WorkNote);
        Assert.Contains(agent.Lines, l => l.Action == AuditAction.WorkNote);
    }

    [Fact]
    public async Task HistoryAsync_AnAuditor_ReadsAnyRequestWithItsWorkNotes()
    {
        await _store.CreateAsync(Resolved());

        var page = await Trail().HistoryAsync("REQ-000001", Auditor.Id, page: null);

        Assert.Contains(page.Lines, l => l.Action == AuditAction.WorkNote);
    }

    [Fact]
    public async Task HistoryAsync_AStranger_IsToldWhatAnUnknownNumberIsTold()
    {
        await _store.CreateAsync(Resolved());

        var refused = await Assert.ThrowsAsync<RequestNotVisibleException>(() => Trail().HistoryAsync("REQ-000001", Stranger.Id, null));
        var unknown = await Assert.ThrowsAsync<RequestNotVisibleException>(() => Trail().HistoryAsync("REQ-000002", Stranger.Id, null));

        Assert.Equal(unknown.Message.Replace("REQ-000002", "REQ-000001", StringComparison.Ordinal), refused.Message);
    }

    [Fact]
    public async Task VerifyAsync_OnlyAuditors_OthersAsForAnUnknownNumber()
    {
        await _store.CreateAsync(Resolved());

        var verdict = await Trail().VerifyAsync("REQ-000001", Auditor.Id);
        var requester = await Assert.ThrowsAsync<RequestNotVisibleException>(() => Trail().VerifyAsync("REQ-000001", Alice.Id));
        var agent = await Assert.ThrowsAsync<RequestNotVisibleException>(() => Trail().VerifyAsync("REQ-000001", Erin.Id));

        Assert.True(verdict.IsIntact);
        Assert.Equal(new RequestNotVisibleException("REQ-000001").Message, requester.Message);
        Assert.Equal(requester.Message, agent.Message);
    }

    private static ServiceRequest Resolved()
    {
        var request = Submit("REQ-000001");
        request.Assign(Erin, Erin, Start.AddHours(1));
        request.Resolve(Erin, "Delivered to desk 4.12", Start.AddHours(2), workNote: "Reimaged; old disk wiped");
        return request;
    }

    /// <summary>A directory with governance settings.</summary>
    private sealed class GovernedDirectory(IDirectory inner, GovernanceSettings governance) : IDirectory
    {
        public Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken = default) => inner.FindPersonAsync(personId, cancellationToken);

        public Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken cancellationToken = default) =>
            inner.FindPeopleByNameAsync(name, cancellationToken);

        public Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default) => inner.ListTeamsAsync(cancellationToken);

        public Task<ApproverGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default) => inner.FindGroupAsync(groupId, cancellationToken);

        public Task<CostCentre?> FindCostCentreAsync(string costCentreId, CancellationToken cancellationToken = default) =>
            inner.FindCostCentreAsync(costCentreId, cancellationToken);

        public Task<IReadOnlyList<Entitlement>> ListEntitlementsAsync(CancellationToken cancellationToken = default) => inner.ListEntitlementsAsync(cancellationToken);

        public Task<EscalationSettings> GetEscalationSettingsAsync(CancellationToken cancellationToken = default) => inner.GetEscalationSettingsAsync(cancellationToken);

        public Task<GovernanceSettings> GetGovernanceSettingsAsync(CancellationToken cancellationToken = default) => Task.FromResult(governance);

        public Task<IReadOnlyList<string>> ListDirectReportIdsAsync(string managerId, CancellationToken cancellationToken = default) =>
            inner.ListDirectReportIdsAsync(managerId, cancellationToken);
    }
}
