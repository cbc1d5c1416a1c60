using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Core.Tests.Parking.ParkingSamples;

namespace ChatRequests.Core.Tests.Parking;

public sealed class ParkedDeskTests
{
    private readonly InMemoryRequestStore _store = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("p-chidi")] // the team's lead
    [InlineData("p-dana")] // one of its agents
    [InlineData("p-fay")] // an agent of the operations team
    public async Task RetryAsync_ByTheTeamOrOperations_RetriesTheStep(string personId)
    {
        var parking = await ParkedAsync("REQ-000601");
        var by = new PersonRef(personId, "Someone");

        var click = await Desk().RetryAsync("REQ-000601", parking.Id, by);

        Assert.True(click.Changed);
        Assert.Equal((ParkOutcome.Retried, by), (click.Parking.Outcome, click.Parking.SettledBy));
        Assert.False((await _store.GetAsync("REQ-000601"))!.Outbox.Single(e => e.Id == parking.EventId).IsParked);
    }

    [Theory]
    [InlineData("p-hana")] // nobody's team
    [InlineData("p-emre")] // the lead of another team
    [InlineData("p-ana")] // the requester herself
    public async Task RetryAndDismiss_BySomeoneElse_AreRefusedAsIfTheRequestDidNotExist(string personId)
    {
        var parking = await ParkedAsync("REQ-000602");
        var version = (await _store.GetAsync("REQ-000602"))!.Version;
        var by = new PersonRef(personId, "Someone");

        var retry = await Assert.ThrowsAsync<RequestNotVisibleException>(() => Desk().RetryAsync("REQ-000602", parking.Id, by));
        var dismiss = await Assert.ThrowsAsync<RequestNotVisibleException>(() => Desk().DismissAsync("REQ-000602", parking.Id, by));
        var missing = await Assert.ThrowsAsync<RequestNotVisibleException>(() => Desk().RetryAsync("REQ-000699", parking.Id, by));

        Assert.Equal(missing.Message.Replace("REQ-000699", "REQ-000602", StringComparison.Ordinal), retry.Message);
        Assert.Equal(retry.Message, dismiss.Message);
        Assert.Equal(version, (await _store.GetAsync("REQ-000602"))!.Version);
    }

    [Fact]
    public async Task ASecondClick_OrOneOnAnOldCard_ChangesNothing_AndWritesNothing()
    {
        var parking = await ParkedAsync("REQ-000603");
        await Desk().DismissAsync("REQ-000603", parking.Id, FacilitiesAgent);
        var version = (await _store.GetAsync("REQ-000603"))!.Version;

        var again = await Desk().RetryAsync("REQ-000603", parking.Id, FacilitiesLead);

        Assert.False(again.Changed);
        Assert.Equal((ParkOutcome.Dismissed, FacilitiesAgent), (again.Parking.Outcome, again.Parking.SettledBy));
        Assert.Equal(version, (await _store.GetAsync("REQ-000603"))!.Version);
    }

    [Fact]
    public async Task TwoClicksAtOnce_SettleTheStepOnce()
    {
        var parking = await ParkedAsync("REQ-000604");

        var clicks = await Task.WhenAll(
            Desk().RetryAsync("REQ-000604", parking.Id, FacilitiesLead),
            Desk().DismissAsync("REQ-000604", parking.Id, FacilitiesAgent));

        Assert.Single(clicks, c => c.Changed);
        var stored = (await _store.GetAsync("REQ-000604"))!;
        Assert.Single(stored.History, h => h.Action == AuditAction.EventRetried || h.Action == AuditAction.EventDismissed);
    }

    [Fact]
    public async Task ARequestWhoseTeamIsGone_IsSettledByOperations_NotByNobody()
    {
        var parking = await ParkedAsync("REQ-000605");

        await Assert.ThrowsAsync<RequestNotVisibleException>(
            () => Desk(withOperations: false, withFacilities: false).RetryAsync("REQ-000605", parking.Id, FacilitiesLead));
        Assert.True((await Desk(withFacilities: false).RetryAsync("REQ-000605", parking.Id, OperationsLead)).Changed);
    }

    [Fact]
    public async Task ListAsync_GivesALeadTheirTeamsWaitingSteps_NewestFirst()
    {
        await ParkedAsync("REQ-000606");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await ParkedAsync("REQ-000607");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await ParkedAsync("REQ-000608", Network.Id);
        var settled = await ParkedAsync("REQ-000609");
        await Desk().DismissAsync("REQ-000609", settled.Id, FacilitiesLead);

        var facilities = await Desk().ListAsync(FacilitiesLead.Id);
        var operations = await Desk().ListAsync(OperationsLead.Id);

        Assert.Equal(["REQ-000607", "REQ-000606"], facilities!.Select(p => p.Request.Id));
        Assert.Equal(["REQ-000608", "REQ-000607", "REQ-000606"], operations!.Select(p => p.Request.Id));
    }

    [Theory]
    [InlineData("p-dana")] // an agent: the list is for leads
    [InlineData("p-hana")]
    public async Task ListAsync_ForSomeoneWhoLeadsNoTeam_IsNull(string personId)
    {
        await ParkedAsync("REQ-000610");

        Assert.Null(await Desk().ListAsync(personId));
        Assert.False(await Desk().IsLeadAsync(personId));
    }

    private ParkedDesk Desk(bool withOperations = true, bool withFacilities = true) =>
        new(_store, Directory(withOperations, withFacilities), _clock);

    private async Task<ParkedStep> ParkedAsync(string id, string teamId = "team-facilities")
    {
        var request = Submit(id, _clock.GetUtcNow(), teamId);
        var parking = ParkApproval(request, _clock.GetUtcNow());
        await _store.CreateAsync(request);
        return parking;
    }
}
