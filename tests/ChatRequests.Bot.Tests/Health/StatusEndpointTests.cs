using System.Net;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Health;

/// <summary>
/// GET /status is public: with events parked for a reason that quotes what someone typed, it answers 503 "degraded"
/// with counts and ages only. Which requests and why are on the dashboard's live panel, for the lead of the owning team
/// only, as data; everyone else sees none of it.
/// </summary>
public sealed class StatusEndpointTests : IAsyncLifetime
{
    private const string HardwareLead = "00000000-0000-0000-0000-0000000000d2";
    private const string SoftwareLead = "00000000-0000-0000-0000-0000000000d3";
    private const string Member = "00000000-0000-0000-0000-0000000000a1";
    private const string Typed = "Wh0 <b>is</b> {{DATE()}} 'Ünïcode' & \"quoted\" secret-project-falcon";
    private const string Reason = $"PermanentEventFailureException: the group named '{Typed}' does not exist";

    private static readonly PersonRef Megan = new(Member, "Megan Bowen");

    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await BotApp.StartAsync();
        var store = _bot.Services.GetRequiredService<IRequestStore>();
        var now = DateTimeOffset.UtcNow;
        await store.CreateAsync(Parked("REQ-700001", "team-hardware", "Hardware Service", Reason, now.AddMinutes(-30)));
        await store.CreateAsync(Parked("REQ-700002", "team-software", "Software & Licensing", "ConnectorException: 403 BotDisabledByAdmin", now.AddMinutes(-5)));
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task ParkedEvents_AreCountedWithTheirAge_AndNothingElseAboutThem()
    {
        using var response = await _bot.Http.GetAsync("/status");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JsonNode.Parse(text)!;
        Assert.Equal("degraded", body["status"]!.GetValue<string>());
        var fulfilment = body["fulfilment"]!;
        Assert.Equal(2, fulfilment["parkedEvents"]!.GetValue<int>());
        Assert.InRange(fulfilment["oldestParkedSeconds"]!.GetValue<double>(), 29 * 60, 40 * 60);
        Assert.Equal(0, body["repostsAfterInterruption"]!.GetValue<int>());
        foreach (var secret in new[] { "REQ-", "Falcon", "falcon", "Exception", "403", "Hardware", "Laptop", "Approved", "team-" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OnlyNumbersAndTheVerdict_AreInTheAnswer()
    {
        using var response = await _bot.Http.GetAsync("/status");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(["status", "fulfilment", "repostsAfterInterruption"], body.Select(p => p.Key));
        Assert.All(body["fulfilment"]!.AsObject(), p =>
            Assert.True(p.Key == "checkedAt" || p.Value!.GetValueKind() is System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.False or System.Text.Json.JsonValueKind.True, p.Key));
    }

    [Fact]
    public async Task TheOwningTeamsLead_SeesWhichAndWhy_OnTheDashboard_AsTyped()
    {
        var hardware = await LiveAsync(HardwareLead);
        var software = await LiveAsync(SoftwareLead);

        var parked = Assert.Single(hardware["parked"]!.AsArray())!;
        Assert.Equal("REQ-700001", parked["requestId"]!.GetValue<string>());
        Assert.Equal(Reason, parked["reason"]!.GetValue<string>());
        Assert.DoesNotContain("REQ-700002", hardware.ToJsonString(), StringComparison.Ordinal);
        var theirs = Assert.Single(software["parked"]!.AsArray())!;
        Assert.Equal("REQ-700002", theirs["requestId"]!.GetValue<string>());
        Assert.DoesNotContain("REQ-700001", software.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("does not exist", software.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SomeoneWhoLeadsNoTeam_IsRefusedOnTheDashboard_WithNothingAboutTheParkedEvents()
    {
        using var response = await _bot.Http.GetAsync($"/dashboard/api/live?as={Member}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("REQ-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("falcon", text, StringComparison.Ordinal);
    }

    private async Task<JsonNode> LiveAsync(string viewer)
    {
        using var response = await _bot.Http.GetAsync($"/dashboard/api/live?as={viewer}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>A request logged long enough ago, whose first outbox event failed for good with <paramref name="reason"/>.</summary>
    private static ServiceRequest Parked(string id, string teamId, string teamName, string reason, DateTimeOffset parkedAt)
    {
        var draft = new ServiceRequest.Draft(
            id, "form-" + id, Megan, "laptop-standard", "Laptop", "Hardware", null, Typed,
            new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), teamId, teamName, parkedAt.AddDays(3), []);
        var request = ServiceRequest.Submit(draft, parkedAt.AddMinutes(-1));
        request.FailEvent(request.Outbox[0].Id, reason, parkedAt, TimeSpan.FromSeconds(1), maxAttempts: 1);
        return request;
    }
}
