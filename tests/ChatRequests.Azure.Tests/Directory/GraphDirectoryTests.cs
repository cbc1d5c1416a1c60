using System.Diagnostics;
using Azure.Core;
using ChatRequests.Azure.Graph;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NSubstitute;
using ChatRequests.Testing;
using static ChatRequests.Testing.FakeGraphServer;

namespace ChatRequests.Azure.Tests.Graph;

public sealed class GraphDirectoryTests : IAsyncLifetime
{
    private const string Rita = "4f1c9a1e-0000-4000-8000-000000000001";
    private const string Mark = "4f1c9a1e-0000-4000-8000-000000000002";
    private const string Bea = "4f1c9a1e-0000-4000-8000-000000000003";
    private const string Sam = "4f1c9a1e-0000-4000-8000-000000000004";
    private const string Sue = "4f1c9a1e-0000-4000-8000-000000000005";
    private const string SecurityEntraGroup = "9a0b0c0d-0000-4000-8000-00000000000a";
    private const string DeskEntraGroup = "9a0b0c0d-0000-4000-8000-00000000000b";

    private readonly StaticTokenCredential _credential = new();
    private FakeGraphServer _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.Users[Rita] = new GraphUser(Rita, "Rita Requester", "rita@contoso.example", "Sales", "Account manager", Mark);
        _graph.Users[Mark] = new GraphUser(Mark, "Mark Manager", "mark@contoso.example", "Sales", "Head of sales", Bea);
        _graph.Users[Bea] = new GraphUser(Bea, "Bea Boss", "bea@contoso.example", "Board", "CEO");
        _graph.Users[Sam] = new GraphUser(Sam, "Sam Security", "sam@contoso.example", "IT", "Security officer", Bea);
        _graph.Users[Sue] = new GraphUser(Sue, "Sue Security", "sue@contoso.example", "IT", "Security analyst", Sam);
        _graph.Groups[SecurityEntraGroup] =
        [
            ("#microsoft.graph.user", Sam),
            ("#microsoft.graph.group", "9a0b0c0d-0000-4000-8000-0000000000ff"),
            ("#microsoft.graph.user", Rita),
            ("#microsoft.graph.device", "d0d0d0d0-0000-4000-8000-000000000001"),
            ("#microsoft.graph.user", Sue),
        ];
        _graph.Groups[DeskEntraGroup] = [("#microsoft.graph.user", Sam), ("#microsoft.graph.user", Sue)];
        _services = BuildServices(_graph.BaseUrl, _credential);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task FindPerson_UserWithManager_ReadsProfileAndManagerWithTheToken()
    {
        var person = await Directory.FindPersonAsync(Rita);

        Assert.Equal(new Person
        {
            Id = Rita, Name = "Rita Requester", Email = "rita@contoso.example", Department = "Sales",
            JobTitle = "Account manager", ManagerId = Mark,
        }, person);
        var requests = _graph.Requests.ToList();
        Assert.Equal(
            [$"/v1.0/users/{Rita}?$select=id,displayName,mail,department,jobTitle", $"/v1.0/users/{Rita}/manager?$select=id"],
            requests.Select(r => r.PathAndQuery));
        Assert.All(requests, r => Assert.Equal("Bearer fake-graph-token", r.Authorization));
        Assert.NotEmpty(_credential.RequestedScopes);
        Assert.All(_credential.RequestedScopes, scopes => Assert.Equal(["https://graph.microsoft.com/.default"], scopes));
    }

    [Fact]
    public async Task FindPerson_ManagerAnswers404_HasNoManager()
    {
        var person = await Directory.FindPersonAsync(Bea);

        Assert.NotNull(person);
        Assert.Equal("Bea Boss", person.Name);
        Assert.Null(person.ManagerId);
    }

    [Fact]
    public async Task FindPerson_UnknownUser_ReturnsNull()
    {
        var person = await Directory.FindPersonAsync("00000000-0000-4000-8000-00000000dead");

        Assert.Null(person);
        Assert.Single(_graph.Requests);
    }

    [Fact]
    public async Task FindPerson_Throttled_WaitsForRetryAfterThenRetries()
    {
        _graph.Throttle(1);
        var stopwatch = Stopwatch.StartNew();

        var person = await Directory.FindPersonAsync(Rita);

        stopwatch.Stop();
        Assert.Equal(Mark, person?.ManagerId);
        var profileCalls = _graph.Requests.Where(r => !r.PathAndQuery.Contains("/manager")).ToList();
        Assert.Equal(2, profileCalls.Count);
        Assert.Null(profileCalls[0].RetryAttempt);
        Assert.Equal("1", profileCalls[1].RetryAttempt);
        // Retry-After: 1 second, measured between the two arrivals at the server.
        Assert.True(profileCalls[1].At - profileCalls[0].At >= TimeSpan.FromMilliseconds(950),
            $"retried after {(profileCalls[1].At - profileCalls[0].At).TotalMilliseconds} ms");
    }

    [Theory]
    [InlineData(503)]
    [InlineData(504)]
    public async Task FindPerson_ServiceUnavailable_Retries(int status)
    {
        _graph.RetryAfter = TimeSpan.Zero;
        _graph.Throttle(1, status);

        var person = await Directory.FindPersonAsync(Rita);

        Assert.Equal(Mark, person?.ManagerId);
        Assert.Equal(3, _graph.Requests.Count); // profile twice, then the manager
    }

    [Fact]
    public async Task FindPerson_ThrottledPastTheRetryLimit_Throws()
    {
        _graph.RetryAfter = TimeSpan.Zero;
        _graph.Throttle(10);

        var error = await Assert.ThrowsAsync<GraphDirectoryUnavailableException>(() => Directory.FindPersonAsync(Rita));

        Assert.Contains("the user profile", error.Message);
        Assert.Equal(3, _graph.Requests.Count); // the first call and MaxRetries = 2
    }

    [Fact]
    public async Task ListTeams_GraphNotListening_ThrowsDirectoryUnavailable()
    {
        await using var unreachable = BuildServices($"http://127.0.0.1:{LocalProcess.FreePort()}", _credential);

        var error = await Assert.ThrowsAsync<GraphDirectoryUnavailableException>(
            () => unreachable.GetRequiredService<IDirectory>().ListTeamsAsync());

        Assert.IsAssignableFrom<DirectoryUnavailableException>(error);
        Assert.IsType<HttpRequestException>(error.InnerException);
    }

    [Fact]
    public async Task FindGroup_PagedMembers_FollowsNextLinkAndKeepsOnlyUsers()
    {
        var group = await Directory.FindGroupAsync("grp-sec");

        Assert.NotNull(group);
        Assert.Equal("IT Security", group.Name);
        Assert.Equal([Sam, Rita, Sue], group.MemberIds);
        Assert.Equal(3, _graph.Requests.Count(r => r.PathAndQuery.StartsWith($"/v1.0/groups/{SecurityEntraGroup}/members")));
        Assert.Contains(_graph.Requests, r => r.PathAndQuery.Contains("$top=999"));
    }

    [Fact]
    public async Task FindGroup_NotConfigured_ReturnsNullWithoutAskingGraph()
    {
        Assert.Null(await Directory.FindGroupAsync("grp-unknown"));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task ListTeams_TakesDefinitionsFromConfigurationAndMembersFromGraph()
    {
        var team = Assert.Single(await Directory.ListTeamsAsync());

        Assert.Equal("service-desk", team.Id);
        Assert.Equal("Service desk", team.Name);
        Assert.Equal(["Hardware", "Access"], team.Categories);
        Assert.Equal("19:desk@thread.tacv2", team.ChannelId);
        Assert.Equal(Sam, team.LeadId);
        Assert.Equal([Sam, Sue], team.MemberIds);
    }

    [Fact]
    public async Task SecondLookup_WithinTheCacheDuration_MakesNoRequest()
    {
        await Directory.FindPersonAsync(Rita);
        await Directory.FindGroupAsync("grp-sec");
        var before = _graph.Requests.Count;

        var person = await Directory.FindPersonAsync(Rita);
        var group = await Directory.FindGroupAsync("grp-sec");

        Assert.Equal(Mark, person?.ManagerId);
        Assert.Equal(3, group?.MemberIds.Count);
        Assert.Equal(before, _graph.Requests.Count);
    }

    [Fact]
    public async Task ApproverResolver_OverGraph_AsksTheManagerThenTheGroupWithoutTheRequester()
    {
        var resolver = new ApproverResolver(Directory);
        var rita = (await Directory.FindPersonAsync(Rita))!;

        var stages = await resolver.ResolveAsync(Item(ApprovalPolicy.ManagerThenGroup), rita);

        Assert.Equal(["Manager", "IT Security"], stages.Select(s => s.Name));
        Assert.Equal([new PersonRef(Mark, "Mark Manager")], stages[0].Approvers);
        Assert.Equal([new PersonRef(Sam, "Sam Security"), new PersonRef(Sue, "Sue Security")], stages[1].Approvers);
    }

    [Fact]
    public async Task ApproverResolver_OverGraph_RequesterWithNoManager_FallsBackToTheGroup()
    {
        _graph.Users[Rita] = _graph.Users[Rita] with { ManagerId = null };
        var resolver = new ApproverResolver(Directory);
        var rita = (await Directory.FindPersonAsync(Rita))!;

        var stages = await resolver.ResolveAsync(Item(ApprovalPolicy.Manager), rita);

        var stage = Assert.Single(stages);
        Assert.Equal("IT Security", stage.Name);
        Assert.DoesNotContain(stage.Approvers, a => a.Id == Rita);
    }

    [Fact]
    public async Task ApproverResolver_OverGraph_ManagerChainBackToTheRequester_GoesOneFurtherUp()
    {
        // Sue reports to Sam, who (in this test) reports to Sue: Sam is still the first other person.
        _graph.Users[Sam] = _graph.Users[Sam] with { ManagerId = Sue };
        var resolver = new ApproverResolver(Directory);
        var sue = (await Directory.FindPersonAsync(Sue))!;

        var stages = await resolver.ResolveAsync(Item(ApprovalPolicy.Manager), sue);

        Assert.Equal(Sam, Assert.Single(Assert.Single(stages).Approvers).Id);
    }

    [Fact]
    public void AddGraphDirectory_ReplacesAnEarlierDirectory()
    {
        var directories = _services.GetServices<IDirectory>().ToList();

        Assert.IsType<GraphDirectory>(Assert.Single(directories));
    }

    [Fact]
    public void Options_TeamWithoutEntraGroup_FailValidation()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:Teams:0:Id"] = "service-desk",
            ["Directory:Teams:0:Name"] = "Service desk",
            ["Directory:Teams:0:ChannelId"] = "19:desk@thread.tacv2",
        }).Build());
        services.AddGraphDirectory();
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value);

        Assert.Contains("GroupId", error.Message);
    }

    [Fact]
    public async Task Teams_CarryTheirCalendarOrTheDirectoryDefault()
    {
        await using var services = BuildServices(_graph.BaseUrl, _credential, new()
        {
            ["Directory:Calendar:TimeZone"] = "Europe/London",
            ["Directory:Calendar:WorkingDays:0"] = "Mon",
            ["Directory:Calendar:Hours"] = "09:00-17:00",
            ["Directory:Teams:1:Id"] = "night-desk",
            ["Directory:Teams:1:Name"] = "Night desk",
            ["Directory:Teams:1:ChannelId"] = "19:night@thread.tacv2",
            ["Directory:Teams:1:GroupId"] = DeskEntraGroup,
            ["Directory:Teams:1:Calendar:TimeZone"] = "Pacific Standard Time",
            ["Directory:Teams:1:Calendar:WorkingDays:0"] = "Sat",
            ["Directory:Teams:1:Calendar:WorkingDays:1"] = "Sun",
            ["Directory:Teams:1:Calendar:Hours"] = "20:00-24:00",
            ["Directory:Teams:1:Calendar:Holidays:0"] = "2026-12-27",
        });

        var teams = (await services.GetRequiredService<IDirectory>().ListTeamsAsync()).ToDictionary(t => t.Id, t => t.WorkingCalendar());

        Assert.Equal([DayOfWeek.Monday], teams["service-desk"].Days);
        Assert.Equal("Europe/London", teams["service-desk"].Zone.Id);
        Assert.Equal([DayOfWeek.Sunday, DayOfWeek.Saturday], teams["night-desk"].Days.Order());
        Assert.Equal((TimeSpan.FromHours(20), TimeSpan.FromDays(1)), (teams["night-desk"].Opens, teams["night-desk"].Closes));
        Assert.Equal([new DateOnly(2026, 12, 27)], teams["night-desk"].Holidays);
    }

    [Fact]
    public void Options_InvalidCalendars_FailValidationNamingEachProblem()
    {
        using var services = BuildServices(_graph.BaseUrl, _credential, new()
        {
            ["Directory:Calendar:TimeZone"] = "Nowhere/Special",
            ["Directory:Calendar:WorkingDays:0"] = "Mon",
            ["Directory:Calendar:Hours"] = "09:00-17:00",
            ["Directory:Teams:0:Calendar:TimeZone"] = "UTC",
            ["Directory:Teams:0:Calendar:WorkingDays:0"] = "Monday",
            ["Directory:Teams:0:Calendar:Hours"] = "9-5",
        });

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value);

        Assert.Equal(
        [
            "the directory has a calendar whose timeZone 'Nowhere/Special' is not a known time zone (use an IANA id like Europe/Paris or a Windows id).",
            "team 'service-desk' has a calendar whose workingDays has 'Monday', which is not a day (use Mon, Tue, Wed, Thu, Fri, Sat, Sun).",
            "team 'service-desk' has a calendar whose hours '9-5' is not an opening and a later closing time like 08:00-18:00 (closing may be 24:00).",
        ], error.Failures);
    }

    [Fact]
    public async Task Teams_CarryTheirAssignmentSetting()
    {
        await using var services = BuildServices(_graph.BaseUrl, _credential, new()
        {
            ["Directory:Teams:0:Assignment:Mode"] = "leastLoaded",
            ["Directory:Teams:0:Assignment:ReannounceAfterHours"] = "2.5",
        });

        var team = Assert.Single(await services.GetRequiredService<IDirectory>().ListTeamsAsync());

        Assert.Equal((AssignmentMode.LeastLoaded, TimeSpan.FromHours(2.5)), (team.Assignment!.ParsedMode, team.Assignment.ReannouncePeriod));
    }

    [Fact]
    public void Options_InvalidAssignment_FailsValidationNamingTheProblem()
    {
        using var services = BuildServices(_graph.BaseUrl, _credential, new() { ["Directory:Teams:0:Assignment:Mode"] = "lottery" });

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value);

        Assert.Equal(["team 'service-desk' has an assignment whose mode 'lottery' is not one of manual, roundRobin, leastLoaded."], error.Failures);
    }

    [Fact]
    public async Task Teams_CarryTheirQualityCheckAndClosureOrTheDirectoryDefault()
    {
        await using var services = BuildServices(_graph.BaseUrl, _credential, new()
        {
            ["Directory:Closure:AutoCloseAfterWorkingDays"] = "4",
            ["Directory:Teams:0:QualityCheck"] = "allItems",
            ["Directory:Teams:1:Id"] = "night-desk",
            ["Directory:Teams:1:Name"] = "Night desk",
            ["Directory:Teams:1:ChannelId"] = "19:night@thread.tacv2",
            ["Directory:Teams:1:GroupId"] = DeskEntraGroup,
            ["Directory:Teams:1:Closure:ReopenWithinDays"] = "3",
        });

        var teams = (await services.GetRequiredService<IDirectory>().ListTeamsAsync()).ToDictionary(t => t.Id);

        Assert.Equal((4, 3, 14), (teams["service-desk"].Closure!.AutoCloseDays, teams["service-desk"].Closure!.ReminderDays, teams["service-desk"].Closure!.ReopenDays));
        Assert.Equal((5, 3, 3), (teams["night-desk"].Closure!.AutoCloseDays, teams["night-desk"].Closure!.ReminderDays, teams["night-desk"].Closure!.ReopenDays));
        Assert.True(teams["service-desk"].ChecksQualityOf(itemFlagged: false));
        Assert.False(teams["night-desk"].ChecksQualityOf(itemFlagged: false));
    }

    [Fact]
    public void Options_InvalidQualityCheckOrClosure_FailValidationNamingEachProblem()
    {
        using var services = BuildServices(_graph.BaseUrl, _credential, new()
        {
            ["Directory:Closure:ReminderAfterWorkingDays"] = "9",
            ["Directory:Teams:0:QualityCheck"] = "everything",
        });

        var error = Assert.Throws<OptionsValidationException>(
            () => services.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value);

        Assert.Equal(
        [
            "the directory has closure settings whose reminderAfterWorkingDays is 9; the reminder comes at least a working day after resolution and before the automatic closing (after 5 working days).",
            "team 'service-desk' has qualityCheck 'everything', which is not one of \"flaggedItems\", \"allItems\", \"off\".",
        ], error.Failures);
    }

    [Fact]
    public async Task Teams_CarryTheirReviewReminder_AndTheClosureItsReceiptFollowUps()
    {
        await using var services = BuildServices(_graph.BaseUrl, _credential, new()
        {
            ["Directory:Closure:ReceiptReminderAfterWorkingDays"] = "2",
            ["Directory:Closure:ReceiptAlertAfterWorkingDays"] = "4",
            ["Directory:Teams:0:QualityCheckReminderAfterHours"] = "6",
        });

        var team = (await services.GetRequiredService<IDirectory>().ListTeamsAsync()).Single(t => t.Id == "service-desk");

        Assert.Equal((2, 4, 6), (team.Closure!.ReceiptReminderAfterWorkingDays, team.Closure.ReceiptAlertAfterWorkingDays, team.QualityCheckReminderAfterHours));
    }

    [Fact]
    public void Options_ReviewReminderOutOfRange_FailsValidation()
    {
        using var services = BuildServices(_graph.BaseUrl, _credential, new() { ["Directory:Teams:0:QualityCheckReminderAfterHours"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<GraphDirectoryOptions>>().Value);

        Assert.Equal(["team 'service-desk' has qualityCheckReminderAfterHours 0; use 1 to 200 working hours (or leave it out: nobody is reminded)."], error.Failures);
    }

    private IDirectory Directory => _services.GetRequiredService<IDirectory>();

    private static CatalogItem Item(ApprovalPolicy policy) =>
        new() { Id = "jira-access", Name = "Jira access", Category = "Access", Approval = policy, ApproverGroupId = "grp-sec" };

    private static ServiceProvider BuildServices(string graphBaseUrl, TokenCredential credential, Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Directory:GraphBaseUrl"] = graphBaseUrl + "/v1.0",
            ["Directory:MaxRetries"] = "2",
            ["Directory:CacheDuration"] = "00:05:00",
            ["Directory:Teams:0:Id"] = "service-desk",
            ["Directory:Teams:0:Name"] = "Service desk",
            ["Directory:Teams:0:Categories:0"] = "Hardware",
            ["Directory:Teams:0:Categories:1"] = "Access",
            ["Directory:Teams:0:ChannelId"] = "19:desk@thread.tacv2",
            ["Directory:Teams:0:GroupId"] = DeskEntraGroup,
            ["Directory:Teams:0:LeadId"] = Sam,
            ["Directory:ApproverGroups:0:Id"] = "grp-sec",
            ["Directory:ApproverGroups:0:Name"] = "IT Security",
            ["Directory:ApproverGroups:0:GroupId"] = SecurityEntraGroup,
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton(credential);
        services.AddSingleton<IDirectory>(Substitute.For<IDirectory>()); // stands for the embedded file directory
        services.AddGraphDirectory();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
