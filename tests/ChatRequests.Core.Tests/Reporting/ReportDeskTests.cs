using ChatRequests.Core.Organisation;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Understanding;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.Reporting;

public class ReportDeskTests
{
    private const string Lead = "p-lead";
    private const string OtherLead = "p-lead2";
    private const string Member = "p-member";
    private const string Manager = "p-manager";
    private const string Auditor = "p-auditor";
    private const string Senior = "p-senior";
    private const string Stranger = "p-stranger";
    private const string DeskChannel = "19:desk@thread.tacv2";
    private const string LicensingChannel = "19:licensing@thread.tacv2";

    private static readonly Team Desk = new()
    {
        Id = "desk", Name = "Service desk", Categories = ["Hardware", "Access"], ChannelId = DeskChannel, LeadId = Lead, MemberIds = [Member],
        Calendar = new CalendarDefinition { TimeZone = "Europe/Berlin", WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"], Hours = "08:00-18:00" },
    };

    private static readonly Team Licensing = new()
    {
        Id = "licensing", Name = "Software licensing", Categories = ["Software"], ChannelId = LicensingChannel, LeadId = OtherLead,
    };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 13, 0, 0, TimeSpan.Zero));
    private readonly RecordingReports _reports = new();
    private readonly ReportDesk _desk;

    public ReportDeskTests() => _desk = new ReportDesk(Organisation(), _reports, _clock);

    [Fact]
    public async Task Lead_InPersonalChat_GetsTheirTeam_WithDaysInItsZone()
    {
        var answer = Assert.IsType<ReportAnswer.Figures>(await _desk.AnswerAsync(Lead, new ReportAsk("last month"), null));

        var scope = Assert.Single(_reports.Scopes);
        Assert.Equal(("desk", null, null), (scope.TeamId, scope.Category, scope.RequesterIds));
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), scope.Period.From);
        Assert.Equal(("Service desk", "Europe/Berlin"), (answer.Covers, answer.Zone.Id));
    }

    [Fact]
    public async Task Lead_NamingACategoryOfTheirTeam_GetsThatCategoryInTheTeam()
    {
        var answer = Assert.IsType<ReportAnswer.Figures>(await _desk.AnswerAsync(Lead, new ReportAsk("last quarter", "hardware"), null));

        Assert.Equal(("desk", "Hardware"), (_reports.Scopes[0].TeamId, _reports.Scopes[0].Category));
        Assert.Equal("Hardware in Service desk", answer.Covers);
    }

    [Theory]
    [InlineData("Software licensing")]
    [InlineData("Software")]
    public async Task Lead_NamingAnotherTeamOrItsCategory_IsRefusedLikeAStranger(string name)
    {
        var answer = await _desk.AnswerAsync(Lead, new ReportAsk(null, name), null);

        Assert.Equal(new ReportAnswer.Refused(ReportDesk.RefusalTitle, ReportDesk.RefusalText), answer);
        Assert.Empty(_reports.Scopes);
    }

    [Fact]
    public async Task Lead_InTheirTeamsChannel_GetsThatTeam()
    {
        Assert.IsType<ReportAnswer.Figures>(await _desk.AnswerAsync(Lead, new ReportAsk(), DeskChannel));

        Assert.Equal("desk", Assert.Single(_reports.Scopes).TeamId);
        Assert.Equal(TimeSpan.FromDays(30), _reports.Scopes[0].Period.To - _reports.Scopes[0].Period.From);
    }

    [Theory]
    [InlineData(OtherLead, DeskChannel)]
    [InlineData(Member, DeskChannel)]
    [InlineData(Manager, DeskChannel)]
    [InlineData(Stranger, DeskChannel)]
    [InlineData(Lead, "19:unknown@thread.tacv2")]
    public async Task InAChannel_AnyoneButItsLeadOrAnAuditor_IsRefused_WithNoFigures(string person, string channel)
    {
        var answer = Assert.IsType<ReportAnswer.Refused>(await _desk.AnswerAsync(person, new ReportAsk(), channel));

        Assert.Contains("for its lead", answer.Text, StringComparison.Ordinal);
        Assert.Empty(_reports.Scopes);
    }

    [Fact]
    public async Task InAChannel_AnotherTeamNamed_IsRefused_EvenForAnAuditor()
    {
        var answer = Assert.IsType<ReportAnswer.Refused>(await _desk.AnswerAsync(Auditor, new ReportAsk(null, "Software licensing"), DeskChannel));

        Assert.Equal("Here I report on Service desk only: name one of its categories, or ask in our personal chat.", answer.Text);
        Assert.Empty(_reports.Scopes);
    }

    [Fact]
    public async Task Manager_GetsTheirDirectReportsRequests()
    {
        var answer = Assert.IsType<ReportAnswer.Figures>(await _desk.AnswerAsync(Manager, new ReportAsk("this week"), null));

        var scope = Assert.Single(_reports.Scopes);
        Assert.Equal((null, null), (scope.TeamId, scope.Category));
        Assert.Equal(["p-r1", "p-r2"], scope.RequesterIds!.Order());
        Assert.Equal(("your 2 direct reports", "UTC"), (answer.Covers, answer.Zone.Id));
    }

    [Fact]
    public async Task Manager_NamingATeam_IsRefused()
    {
        Assert.IsType<ReportAnswer.Refused>(await _desk.AnswerAsync(Manager, new ReportAsk(null, "Service desk"), null));
        Assert.Empty(_reports.Scopes);
    }

    [Theory]
    [InlineData(Auditor)]
    [InlineData(Senior)]
    public async Task AuditorOrSeniorManagement_GetsTheWholeOrganisation_OrAnyTeam(string person)
    {
        var whole = Assert.IsType<ReportAnswer.Figures>(await _desk.AnswerAsync(person, new ReportAsk(), null));
        var team = Assert.IsType<ReportAnswer.Figures>(await _desk.AnswerAsync(person, new ReportAsk(null, "software licensing"), null));
        var category = Assert.IsType<ReportAnswer.Figures>(await _desk.AnswerAsync(person, new ReportAsk(null, "Hardware"), null));

        Assert.Equal(("the whole organisation", "Software licensing", "Hardware"), (whole.Covers, team.Covers, category.Covers));
        Assert.Equal([(null, null), ("licensing", null), (null, "Hardware")], _reports.Scopes.Select(s => (s.TeamId, s.Category)));
    }

    [Theory]
    [InlineData(Member)]
    [InlineData(Stranger)]
    public async Task MemberOrStranger_InPersonalChat_IsRefused_WithNoFigures(string person)
    {
        Assert.Equal(new ReportAnswer.Refused(ReportDesk.RefusalTitle, ReportDesk.RefusalText), await _desk.AnswerAsync(person, new ReportAsk(null, "Hardware"), null));
        Assert.Empty(_reports.Scopes);
    }

    [Fact]
    public async Task LeadOfTwoTeams_WithoutAName_IsAskedWhich()
    {
        var directory = new InMemoryDirectory([new Person { Id = Lead, Name = "Lee" }], [Desk, Licensing with { LeadId = Lead }]);
        var desk = new ReportDesk(directory, _reports, _clock);

        var answer = Assert.IsType<ReportAnswer.Refused>(await desk.AnswerAsync(Lead, new ReportAsk(), null));
        Assert.IsType<ReportAnswer.Figures>(await desk.AnswerAsync(Lead, new ReportAsk(null, "software licensing"), null));

        Assert.Equal("Which team?", answer.Title);
        Assert.Equal("licensing", Assert.Single(_reports.Scopes).TeamId);
    }

    [Fact]
    public async Task AFuturePeriod_IsAskedAgain_WithNoFigures()
    {
        var answer = Assert.IsType<ReportAnswer.Refused>(await _desk.AnswerAsync(Lead, new ReportAsk("December 2027"), null));

        Assert.Equal("Which period?", answer.Title);
        Assert.Empty(_reports.Scopes);
    }

    [Theory]
    [InlineData(Lead, null)]
    [InlineData(Auditor, "Software licensing")]
    [InlineData(Lead, "Hardware")]
    public async Task AReport_ListsTheTeamsOnce_ForTheScopeAndTheCalendars(string person, string? scope)
    {
        var directory = Organisation();
        var desk = new ReportDesk(directory, new ProjectionReports(new InMemoryReportingStore(), directory, _clock), _clock);

        Assert.IsType<ReportAnswer.Figures>(await desk.AnswerAsync(person, new ReportAsk("last month", scope), null));

        Assert.Equal(1, directory.TeamLists);
    }

    private static InMemoryDirectory Organisation()
    {
        var people = new[] { Lead, OtherLead, Member, Manager, Auditor, Senior, Stranger, "p-r1", "p-r2" }
            .Select(id => new Person { Id = id, Name = id, ManagerId = id is "p-r1" or "p-r2" ? Manager : null });
        return new InMemoryDirectory(people, [Desk, Licensing], [new ApproverGroup { Id = "grp-board", Name = "Board", MemberIds = [Senior] }])
        {
            Governance = GovernanceSettings.Default with { Auditors = [Auditor] },
            Escalation = EscalationSettings.Default with { SeniorManagementGroupId = "grp-board" },
        };
    }

    /// <summary>The figures port as a test double: records what was asked, answers no figures.</summary>
    private sealed class RecordingReports : IReports
    {
        public List<ReportScope> Scopes { get; } = [];

        public Task<ReportFigures> ComputeAsync(ReportScope scope, IReadOnlyList<Team>? teams = null, CancellationToken cancellationToken = default)
        {
            Scopes.Add(scope);
            return Task.FromResult(new ReportFigures { Scope = scope });
        }
    }
}
