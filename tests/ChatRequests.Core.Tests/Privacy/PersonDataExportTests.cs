using System.Text.Json;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Privacy;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Privacy;

public sealed class PersonDataExportTests
{
    private readonly InMemoryRequestStore _requests = new();
    private readonly InMemoryDelegationStore _delegations = new();
    private readonly InMemoryAssignmentStore _assignments = new();

    [Fact]
    public async Task AnAgent_GetsTheirWork_AssignmentsAndAvailability_NotOthersRequests()
    {
        await _requests.CreateAsync(FullLifecycle("REQ-000001"));
        await _requests.CreateAsync(Submit("REQ-000002", requester: Bob));
        await _assignments.SetUnavailableAsync(new Unavailability(Erin, Start) { Until = Start.AddDays(2) });

        var data = await PersonDataExport.CollectAsync(Erin, _requests, _delegations, _assignments, Start.AddDays(1));

        Assert.Empty(data.RequestsMade);
        Assert.Equal(["REQ-000001"], data.AssignedRequests);
        Assert.All(data.HistoryLines, l => Assert.Equal("REQ-000001", l.RequestId));
        Assert.Contains(data.HistoryLines, l => l.Comment == "Delivered to desk 4.12");
        Assert.Contains(data.HistoryLines, l => l.Comment == "Which keyboard layout?");
        Assert.Equal(Start.AddDays(2), data.Availability?.Until);
        Assert.Null(data.Delegation);
    }

    [Fact]
    public async Task AnApprover_GetsTheirDecisionsAndDelegation_AndARequesterTheirRequests()
    {
        await _requests.CreateAsync(FullLifecycle("REQ-000001"));
        await _requests.CreateAsync(Submit("REQ-000002", requester: Bob));
        await _delegations.SetAsync(new Delegation(Bob, Dave, Start.AddDays(7), Start, Bob));

        var data = await PersonDataExport.CollectAsync(Bob, _requests, _delegations, _assignments, Start.AddDays(1));

        Assert.Equal(["REQ-000002"], data.RequestsMade.Select(r => r.Id));
        Assert.Contains(data.HistoryLines, l => l.RequestId == "REQ-000001" && l.Comment == "Fine by me");
        Assert.Equal(Dave, data.Delegation?.Delegate);
        Assert.Empty(data.AssignedRequests);
    }

    [Fact]
    public async Task Json_NamesThePersonAndHoldsEverySection()
    {
        await _requests.CreateAsync(FullLifecycle("REQ-000001"));

        var data = await PersonDataExport.CollectAsync(Alice, _requests, _delegations, _assignments, Start.AddDays(1));
        var json = JsonDocument.Parse(PersonDataExport.Json(data)).RootElement;

        Assert.Equal(Alice.Id, json.GetProperty("person").GetProperty("id").GetString());
        Assert.Equal("REQ-000001", json.GetProperty("requestsMade")[0].GetProperty("id").GetString());
        Assert.Contains(json.GetProperty("historyLines").EnumerateArray(), l => l.GetProperty("comment").GetString() == "German, please");
        Assert.Equal(JsonValueKind.Null, json.GetProperty("delegation").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("availability").ValueKind);
    }

    [Fact]
    public async Task ThePersonsOwnSensitiveAnswers_AreInTheirExport()
    {
        await _requests.CreateAsync(SensitiveFixture.WithSensitiveNote("REQ-000001"));

        var alices = await PersonDataExport.CollectAsync(Alice, _requests, _delegations, _assignments, Start.AddDays(1));
        var json = System.Text.Encoding.UTF8.GetString(PersonDataExport.Json(alices));

        Assert.Contains(SensitiveFixture.Secret, json, StringComparison.Ordinal);
        Assert.Contains(alices.HistoryLines, l => l.Comment == $"Moved to {SensitiveFixture.Secret}");
    }
}
