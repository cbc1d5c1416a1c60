using ChatRequests.Core.Audit;
using ChatRequests.Core.Requests;
using static ChatRequests.Core.Tests.Parking.ParkingSamples;

namespace ChatRequests.Core.Tests.Parking;

public sealed class ServiceRequestParkingTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FailEvent_OnTheLastAttempt_KeepsTheParking_WritesTheHistory_AndRaisesOneNotice()
    {
        var request = Submit("REQ-000501", Now);
        var approval = request.Outbox[0];

        request.FailEvent(approval.Id, "ConnectorException: Bot Connector send answered 429, retries exhausted.", Now, TimeSpan.Zero, maxAttempts: 2);
        Assert.Empty(request.Parkings);
        request.FailEvent(approval.Id, "ConnectorException: Bot Connector send answered 429, retries exhausted.", Now.AddMinutes(1), TimeSpan.Zero, maxAttempts: 2);

        var parking = Assert.Single(request.Parkings);
        Assert.Equal((approval.Id, RequestEventType.ApprovalRequested, 2, ParkOutcome.Waiting), (parking.EventId, parking.EventType, parking.Attempts, parking.Outcome));
        Assert.Equal("Teams kept asking the bot to slow down (429)", parking.Reason);
        var line = request.History[^1];
        Assert.Equal((AuditAction.EventParked, PersonRef.System), (line.Action, line.Actor));
        Assert.Contains("the approval card to the approvers", line.Comment);
        var notice = Assert.Single(request.Outbox, e => e.Type == RequestEventType.ParkedNotice);
        Assert.Equal(parking.Id, notice.Comment);
    }

    [Fact]
    public void FailEvent_OfAParkedNotice_ParksIt_WithoutAnotherNotice()
    {
        var request = Submit("REQ-000502", Now);
        ParkApproval(request, Now);
        var notice = request.Outbox.Single(e => e.Type == RequestEventType.ParkedNotice);

        request.FailEvent(notice.Id, "ConnectorException: 403 Forbidden", Now.AddMinutes(1), TimeSpan.Zero, maxAttempts: 1);

        Assert.True(request.Outbox.Single(e => e.Id == notice.Id).IsParked);
        Assert.Single(request.Parkings);
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.ParkedNotice);
        Assert.Single(request.History, h => h.Action == AuditAction.EventParked);
    }

    [Fact]
    public void FailEvent_OfAnEventParkedAlready_ChangesNothing()
    {
        var request = Submit("REQ-000503", Now);
        var parking = ParkApproval(request, Now);
        var history = request.History.Count;

        request.FailEvent(parking.EventId, "again", Now.AddMinutes(1), TimeSpan.Zero, maxAttempts: 1);

        Assert.Single(request.Parkings);
        Assert.Equal(history, request.History.Count);
    }

    [Fact]
    public void RetryParked_MakesTheEventDueNow_WithItsAttemptsReset_AndNamesWhoRetried()
    {
        var request = Submit("REQ-000504", Now);
        var parking = ParkApproval(request, Now);
        var later = Now.AddHours(2);

        Assert.True(request.RetryParked(parking.Id, FacilitiesLead, later));

        var retried = request.Outbox.Single(e => e.Id == parking.EventId);
        Assert.Equal((false, 0, later), (retried.IsParked, retried.Attempts, retried.NextAttemptAt));
        Assert.Equal((ParkOutcome.Retried, FacilitiesLead, later), (request.Parkings[0].Outcome, request.Parkings[0].SettledBy, request.Parkings[0].SettledAt));
        Assert.Equal((AuditAction.EventRetried, FacilitiesLead), (request.History[^1].Action, request.History[^1].Actor));
        Assert.Equal(2, request.Outbox.Count(e => e.Type == RequestEventType.ParkedNotice && e.Comment == parking.Id));
    }

    [Fact]
    public void RetryParked_ClickedTwice_ActsOnce()
    {
        var request = Submit("REQ-000505", Now);
        var parking = ParkApproval(request, Now);
        request.RetryParked(parking.Id, FacilitiesLead, Now.AddHours(1));
        var history = request.History.Count;
        var outbox = request.Outbox.Count;

        Assert.False(request.RetryParked(parking.Id, FacilitiesAgent, Now.AddHours(2)));
        Assert.False(request.DismissParked(parking.Id, FacilitiesAgent, Now.AddHours(2)));

        Assert.Equal((history, outbox), (request.History.Count, request.Outbox.Count));
        Assert.Equal(FacilitiesLead, request.Parkings[0].SettledBy);
    }

    [Fact]
    public void DismissParked_TakesTheEventOutOfTheOutbox_AndNamesWhoDismissed()
    {
        var request = Submit("REQ-000506", Now);
        var parking = ParkApproval(request, Now);

        Assert.True(request.DismissParked(parking.Id, FacilitiesAgent, Now.AddHours(1)));

        Assert.DoesNotContain(request.Outbox, e => e.Id == parking.EventId);
        Assert.Equal((ParkOutcome.Dismissed, FacilitiesAgent), (request.Parkings[0].Outcome, request.Parkings[0].SettledBy));
        Assert.Equal((AuditAction.EventDismissed, FacilitiesAgent), (request.History[^1].Action, request.History[^1].Actor));
        Assert.False(request.RetryParked(parking.Id, FacilitiesLead, Now.AddHours(2)));
        Assert.Empty(request.WaitingParkings);
    }

    [Fact]
    public void ARetriedStep_ThatFailsAgain_IsASecondParking_WithItsOwnCard()
    {
        var request = Submit("REQ-000507", Now);
        var first = ParkApproval(request, Now);
        request.RetryParked(first.Id, FacilitiesLead, Now.AddHours(1));

        var second = ParkApproval(request, Now.AddHours(1).AddMinutes(1));

        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal([second], request.WaitingParkings);
    }

    [Fact]
    public void ParkingsRetriesAndDismissals_KeepTheHistoryChainIntact()
    {
        var request = Submit("REQ-000508", Now);
        request.RetryParked(ParkApproval(request, Now).Id, FacilitiesLead, Now.AddHours(1));
        request.DismissParked(ParkApproval(request, Now.AddHours(2)).Id, FacilitiesAgent, Now.AddHours(3));

        Assert.Equal(ChainStatus.Intact, HistoryChain.Verify(request).Status);
        Assert.Equal(
            [AuditAction.EventParked, AuditAction.EventRetried, AuditAction.EventParked, AuditAction.EventDismissed],
            request.History.Select(h => h.Action).Where(a => a.Name.StartsWith("Event", StringComparison.Ordinal)));
    }

    [Fact]
    public void ParkedLines_AreTheTeams_SoTheRequesterReadsNoReason()
    {
        var request = Submit("REQ-000509", Now);
        ParkApproval(request, Now);

        var requesterReads = RequestHistory.For(request, Requester.Id, readsInternal: false);
        var teamReads = RequestHistory.For(request, FacilitiesLead.Id, readsInternal: true);

        Assert.Null(requesterReads.Single(l => l.Action == AuditAction.EventParked).Detail);
        Assert.Contains("could not reach the person", teamReads.Single(l => l.Action == AuditAction.EventParked).Detail);
    }
}
