using ChatRequests.Core.Fulfilment;
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

    [Fact]
    public async Task CheckAsync_MoreRequestsPendingThanACheckReads_SaysWhatTheirDocumentsSay()
    {
        // Requests submitted a minute apart around the check, every third one's event retried an hour later, every seventh
        // parked (its notice to the team pending): more than one check reads.
        var requests = Enumerable.Range(1, RelayHealth.MaxRequestsRead + 200).Select(n =>
        {
            var request = Submit($"REQ-{n:D6}", Start.AddMinutes(n - 600));
            if (n % 3 == 0)
            {
                request.FailEvent(request.Outbox[0].Id, "Teams is down", Start.AddMinutes(n - 600), TimeSpan.FromHours(1), maxAttempts: 8);
            }
            else if (n % 7 == 0)
            {
                request.FailEvent(request.Outbox[0].Id, "Bad card", Start.AddMinutes(n - 600), TimeSpan.FromSeconds(1), maxAttempts: 1);
            }

            return request;
        });
        foreach (var chunk in requests.Chunk(100))
        {
            await Task.WhenAll(chunk.Select(r => _rig.Store.CreateAsync(r)));
        }

        var report = await _rig.Health.CheckAsync();

        // What reading the same requests' documents says.
        var read = await _rig.Store.ListWithDueEventsAsync(DateTimeOffset.MaxValue, RelayHealth.MaxRequestsRead);
        var pending = read.SelectMany(r => r.Outbox).Where(e => !e.IsParked).ToList();
        var due = pending.Where(e => e.NextAttemptAt <= Start).ToList();
        Assert.InRange(due.Count, 1, pending.Count - 1);
        Assert.Equal(pending.Count, report.PendingEvents);
        Assert.Equal(due.Count, report.DueEvents);
        Assert.Equal(due.Min(e => e.NextAttemptAt), report.OldestDueAt);
        Assert.True(report.IsPartial);
        Assert.Equal(Enumerable.Range(1, RelayHealth.MaxRequestsRead + 200).Count(n => n % 3 != 0 && n % 7 == 0), report.Parked.Count);
    }
}
