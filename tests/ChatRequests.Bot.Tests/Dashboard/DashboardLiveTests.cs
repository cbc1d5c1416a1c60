using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Dashboard;

/// <summary>
/// The dashboard's live panels on the real bot host and its SQLite store: the queue of the teams the viewer may watch,
/// the SLA breaches among them, and parked events (with the reason) for the lead of the owning team only; a team filter never reveals
/// another team, and people who may not watch get a refusal with no rows. Typed text travels as data, unchanged.
/// </summary>
public sealed class DashboardLiveTests : IAsyncLifetime
{
    private const string Lead = "00000000-0000-0000-0000-0000000000d2"; // Grady, lead of Hardware Service
    private const string Manager = "00000000-0000-0000-0000-0000000000a2"; // Alex, manages Megan and Diego
    private const string Member = "00000000-0000-0000-0000-0000000000a1"; // Megan, neither
    private const string Auditor = "00000000-0000-0000-0000-0000000000e5"; // Pradeep, an auditor in this test's organisation
    private const string Hostile = "<img src=x onerror=\"alert(1)\"><script>alert(2)</script> & <b>bold</b>";

    private static readonly PersonRef Megan = new(Member, "Megan Bowen");

    private readonly string _organisation = Path.Combine(Path.GetTempPath(), $"chatrequests-dashboard-org-{Guid.NewGuid():N}.json");
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        var organisation = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Samples("organisation.json")))!.AsObject();
        organisation["governance"] = new JsonObject { ["auditors"] = new JsonArray(Auditor) };
        await File.WriteAllTextAsync(_organisation, organisation.ToJsonString());
        _bot = await BotApp.StartAsync(new Dictionary<string, string?> { ["Directory:Path"] = _organisation });

        var store = _bot.Services.GetRequiredService<IRequestStore>();
        var now = DateTimeOffset.UtcNow;
        // Due an hour ago: past its target. The relay may work on these, but none of them becomes final.
        await store.CreateAsync(Request("REQ-900001", "team-hardware", "Hardware Service", "Laptop", Hostile, submitted: now.AddDays(-3), due: now.AddHours(-1)));
        await store.CreateAsync(Request("REQ-900002", "team-hardware", "Hardware Service", "Monitor", "A second screen", submitted: now.AddHours(-2), due: now.AddDays(2)));
        await store.CreateAsync(Request("REQ-900003", "team-software", "Software & Licensing", "Visio licence", "Diagrams", submitted: now.AddHours(-5), due: now.AddDays(2)));

        var parked = Request("REQ-900004", "team-hardware", "Hardware Service", "Docking station", "For my desk", submitted: now.AddHours(-1), due: now.AddDays(2));
        parked.FailEvent(parked.Outbox[0].Id, "PermanentEventFailureException: bad card", now, TimeSpan.FromSeconds(1), maxAttempts: 1);
        await store.CreateAsync(parked);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        File.Delete(_organisation);
    }

    [Fact]
    public async Task TeamLead_SeesTheirTeamsQueue_BreachesAndParkedEvents_AndNoOtherTeam()
    {
        var (status, body) = await GetAsync($"?as={Lead}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["Hardware Service"], Strings(body, "teams"));
        Assert.Equal(["REQ-900001", "REQ-900002", "REQ-900004"], Ids(body, "queue")); // oldest first
        Assert.Equal(["REQ-900001"], Ids(body, "breaches"));
        var parked = Assert.Single(body.GetProperty("parked").EnumerateArray());
        Assert.Equal("REQ-900004", parked.GetProperty("requestId").GetString());
        Assert.Equal("Docking station", parked.GetProperty("item").GetString());
        Assert.Equal(nameof(RequestEventType.Approved), parked.GetProperty("event").GetString());
        Assert.True(body.GetProperty("parkedShown").GetBoolean());
        Assert.DoesNotContain("REQ-900003", body.GetRawText());
        Assert.Equal("PermanentEventFailureException: bad card", parked.GetProperty("reason").GetString()); // for the lead only: /status counts
    }

    [Fact]
    public async Task QueueRow_CarriesWhatWasTyped_AsData_WithAgeAndAssignee()
    {
        var (_, body) = await GetAsync($"?as={Lead}");

        var row = body.GetProperty("queue").EnumerateArray().First(r => r.GetProperty("id").GetString() == "REQ-900001");
        Assert.Equal(Hostile, row.GetProperty("why").GetString());
        Assert.Equal("Laptop", row.GetProperty("item").GetString());
        Assert.Equal("Hardware Service", row.GetProperty("team").GetString());
        Assert.InRange(row.GetProperty("ageHours").GetDouble(), 71.9, 72.2);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("assignee").ValueKind);
    }

    [Fact]
    public async Task Auditor_WatchesEveryTeam_ButParkedEventsAreForTheOwningTeamsLead()
    {
        var (status, body) = await GetAsync($"?as={Auditor}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["REQ-900001", "REQ-900003", "REQ-900002", "REQ-900004"], Ids(body, "queue")); // oldest first, across teams
        Assert.Empty(body.GetProperty("parked").EnumerateArray());
        Assert.False(body.GetProperty("parkedShown").GetBoolean());
    }

    [Fact]
    public async Task Filters_NarrowTheBoard_ByTeamAndCategory()
    {
        var (_, software) = await GetAsync($"?as={Auditor}&team=Software%20%26%20Licensing");
        var (_, hardware) = await GetAsync($"?as={Auditor}&category=hardware");

        Assert.Equal(["REQ-900003"], Ids(software, "queue"));
        Assert.Equal(["Software & Licensing"], Strings(software, "teams"));
        Assert.Empty(software.GetProperty("breaches").EnumerateArray());
        Assert.Equal(["REQ-900001", "REQ-900002", "REQ-900004"], Ids(hardware, "queue"));
    }

    [Fact]
    public async Task TeamLead_NamingAnotherTeam_GetsAnEmptyBoard_ThatSaysNothingAboutIt()
    {
        var (status, body) = await GetAsync($"?as={Lead}&team=Software%20%26%20Licensing");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(Strings(body, "teams"));
        Assert.Empty(body.GetProperty("queue").EnumerateArray());
        Assert.Empty(body.GetProperty("parked").EnumerateArray());
        Assert.DoesNotContain("REQ-9000", body.GetRawText());
    }

    [Theory]
    [InlineData(Member)]
    [InlineData(Manager)]
    public async Task PeopleWhoLeadNoTeam_AreRefused_WithNoRows(string person)
    {
        var (status, body) = await GetAsync($"?as={person}&team=Hardware%20Service");

        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Equal(LiveBoard.RefusalText, body.GetProperty("text").GetString());
        Assert.False(body.TryGetProperty("queue", out _));
        Assert.DoesNotContain("REQ-", body.GetRawText());
    }

    [Fact]
    public async Task WithoutACaller_IsUnauthorised()
    {
        var (status, body) = await GetAsync("");

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.False(body.TryGetProperty("queue", out _));
    }

    [Fact]
    public async Task Report_CarriesItsChartsAsPngs()
    {
        var (status, body) = await GetAsync($"?as={Auditor}&period=last%207%20days", "report");

        Assert.Equal(HttpStatusCode.OK, status);
        var chart = body.GetProperty("charts").EnumerateArray().First();
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], chart.GetProperty("png").GetBytesFromBase64()[..4]);
        Assert.StartsWith("Chart of", chart.GetProperty("description").GetString());
    }

    private static ServiceRequest Request(string id, string teamId, string teamName, string item, string why, DateTimeOffset submitted, DateTimeOffset due)
    {
        var draft = new ServiceRequest.Draft(
            id, "form-" + id, Megan, item.ToLowerInvariant().Replace(' ', '-'), item, teamId == "team-hardware" ? "Hardware" : "Software", null, why,
            new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), teamId, teamName, due, []);
        return ServiceRequest.Submit(draft, submitted);
    }

    private static string[] Ids(JsonElement body, string panel) =>
        [.. body.GetProperty(panel).EnumerateArray().Select(r => r.GetProperty("id").GetString()!)];

    private static string[] Strings(JsonElement body, string property) =>
        [.. body.GetProperty(property).EnumerateArray().Select(r => r.GetString()!)];

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetAsync(string query, string api = "live")
    {
        using var response = await _bot.Http.GetAsync($"/dashboard/api/{api}{query}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        return (response.StatusCode, body);
    }
}
