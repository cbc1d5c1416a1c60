using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Embedded.Tests.Fulfilment;

public sealed class RelayHealthTests : IDisposable
{
    private readonly RelayRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public async Task CheckAsync_EmptyOutboxes_IsHealthyWithNothingPending()
    {
        var report = await _rig.Health.CheckAsync();

        Assert.True(report.IsHealthy);
        Assert.Equal(0, report.PendingEvents);
        Assert.Null(report.OldestDueAt);
        Assert.Equal(Start, report.CheckedAt);
    }

    [Fact]
    public async Task CheckAsync_CountsPendingAndDueEvents_AndListsParkedOnesWithTheirReason()
    {
        await _rig.Store.CreateAsync(Submit("REQ-000001", Start.AddMinutes(-3)));
        await _rig.Store.CreateAsync(Submit("REQ-000002", Start.AddMinutes(5), stages: [ManagerStage()]));
        var parked = Submit("REQ-000003", Start.AddMinutes(-10));
        var parkedEvent = parked.Outbox[0];
        parked.FailEvent(parkedEvent.Id, "HttpRequestException: 403 BotNotInConversationRoster", Start.AddMinutes(-9), TimeSpan.FromSeconds(1), 1);
        await _rig.Store.CreateAsync(parked);

        var report = await _rig.Health.CheckAsync();

        // The parked request's notice to its team (ADR 0024) is pending and due since the parking.
        Assert.Equal(3, report.PendingEvents);
        Assert.Equal(2, report.DueEvents);
        Assert.Equal(Start.AddMinutes(-9), report.OldestDueAt);
        Assert.False(report.IsPartial);
        Assert.False(report.IsHealthy);
        var reported = Assert.Single(report.Parked);
        Assert.Equal("REQ-000003", reported.RequestId);
        Assert.Equal(parkedEvent.Id, reported.EventId);
        Assert.Equal(parkedEvent.Type, reported.Type);
        Assert.Equal(1, reported.Attempts);
        Assert.Equal("HttpRequestException: 403 BotNotInConversationRoster", reported.LastError);
        Assert.Equal(Start.AddMinutes(-9), reported.ParkedAt);
    }
}
