using System.Text.Json;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.Supply;

/// <summary>Parts from a supplier and the once-only alert when the supplier's date passes; the delivery and its acknowledgement.</summary>
public sealed class ServiceRequestSupplyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Friday = new(2026, 11, 27);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void AwaitSupplier_RecordsTheOrder_InTheHistory_AndTheRequesterReadsTheExpectedDay()
    {
        var request = Working();

        request.AwaitSupplier(Agent, " Dell ", "PO-981", Friday, "Back-ordered keyboard", Now(), Berlin);

        Assert.Equal(RequestState.AwaitingParts, request.State);
        Assert.Equal(("Dell", "PO-981", Friday), (request.SupplierOrder!.Supplier, request.SupplierOrder.OrderReference, request.SupplierOrder.ExpectedOn));
        Assert.Equal("Parts from Dell, order PO-981, expected 27 Nov 2026. Back-ordered keyboard", LastLine(request).Comment);
        Assert.Equal("Back-ordered keyboard", request.StatusNote);
        var next = RequestProgress.NextStepParts(request, Requester.Id);
        Assert.True(next.DayOnly);
        Assert.Equal("Waiting for parts, expected Fri 27 Nov; Ann Agent carries on when they arrive.", next.ToString());
        Assert.Equal(RequestEventType.StatusChanged, request.Outbox[^1].Type);
    }

    [Theory]
    [InlineData(null, "PO-1", "2026-11-27", "supplier")]
    [InlineData("Dell", " ", "2026-11-27", "order reference")]
    [InlineData("Dell", "PO-1", null, "date")]
    [InlineData("Dell", "PO-1", "2026-11-22", "in the past")]
    public void AwaitSupplier_WithoutEverythingOrWithADayInThePast_IsRefused_AndChangesNothing(string? supplier, string? reference, string? day, string said)
    {
        var request = Working();
        var history = request.History.Count;

        var refusal = Assert.ThrowsAny<RequestRuleException>(() =>
            request.AwaitSupplier(Agent, supplier, reference, day is null ? null : DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), null, Now(), TimeZoneInfo.Utc));

        Assert.Contains(said, refusal.Message);
        Assert.Equal(history, request.History.Count);
        Assert.Null(request.SupplierOrder);
    }

    [Fact]
    public void AwaitSupplier_TodayWhereTheTeamIs_IsNotInThePast_ThoughItIsYesterdayInUtc()
    {
        // 23:30 UTC on the 22nd is already the 23rd in Auckland.
        var request = Working();
        var auckland = TimeZoneInfo.FindSystemTimeZoneById("Pacific/Auckland");

        request.AwaitSupplier(Agent, "Dell", "PO-1", new DateOnly(2026, 11, 23), null, new DateTimeOffset(2026, 11, 22, 23, 30, 0, TimeSpan.Zero), auckland);

        Assert.Equal(new DateOnly(2026, 11, 23), request.SupplierOrder!.ExpectedOn);
    }

    [Fact]
    public void SupplierLate_AlertsTheAssigneeOnce_FromTheStartOfTheNextDayWhereTheTeamIs()
    {
        var request = Working();
        request.AwaitSupplier(Agent, "Dell", "PO-981", Friday, null, Now(), Berlin);
        // Saturday 00:00 in Berlin (UTC+1 in November).
        var overdue = new DateTimeOffset(2026, 11, 27, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal(overdue, request.SupplierAlertAt);

        // Just before, the sweep has only the missed target to escalate; then the supplier's date is its next instant.
        Assert.False(request.CheckSla(overdue.AddTicks(-1)).AlertedSupplierLate);
        Assert.Equal(overdue, SlaPolicy.NextCheckAt(request));
        Assert.False(request.IsSupplierLate(overdue.AddTicks(-1)));
        var outcome = request.CheckSla(overdue);

        Assert.True(outcome.AlertedSupplierLate);
        Assert.True(outcome.DidAnything);
        Assert.True(request.IsSupplierLate(overdue));
        Assert.Equal(overdue, request.SupplierOrder!.OverdueAlertedAt);
        Assert.Equal((AuditAction.SupplierOverdue, PersonRef.System), (LastLine(request).Action, LastLine(request).Actor));
        Assert.Contains("Dell did not deliver order PO-981 by 27 Nov 2026; Ann Agent alerted", LastLine(request).Comment);
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.SupplierOverdue);
        Assert.Null(request.SupplierAlertAt);

        Assert.False(request.CheckSla(overdue.AddDays(3)).AlertedSupplierLate);
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.SupplierOverdue);
    }

    [Fact]
    public void SupplierAlert_IsMarkedInTheDocument_SoAReloadedRequestDoesNotAlertAgain()
    {
        var request = Working();
        request.AwaitSupplier(Agent, "Dell", "PO-981", Friday, null, Now(), Berlin);
        request.CheckSla(Start.AddDays(5));

        var reloaded = JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(request, RequestJson.Options), RequestJson.Options)!;

        Assert.Equal(request.SupplierOrder, reloaded.SupplierOrder);
        Assert.False(reloaded.CheckSla(Start.AddDays(6)).AlertedSupplierLate);
    }

    [Fact]
    public void ANewExpectedDay_ReArmsTheAlert_AndThePassedDayCannotBeGivenAgain()
    {
        var request = Working();
        request.AwaitSupplier(Agent, "Dell", "PO-981", Friday, null, Now(), Berlin);
        request.CheckSla(Start.AddDays(5));

        Assert.Throws<RequestRuleException>(() => request.AwaitSupplier(Agent, "Dell", "PO-981", Friday, "Chased them", Start.AddDays(5).AddHours(1), Berlin));
        Assert.False(request.CheckSla(Start.AddDays(5).AddHours(2)).AlertedSupplierLate);

        var monday = new DateOnly(2026, 11, 30);
        request.AwaitSupplier(Agent, "Dell", "PO-981-B", monday, "Slipped to Monday", Start.AddDays(5).AddHours(3), Berlin);
        Assert.Null(request.SupplierOrder!.OverdueAlertedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), request.SupplierAlertAt);
        Assert.False(request.CheckSla(new DateTimeOffset(2026, 11, 30, 22, 59, 0, TimeSpan.Zero)).AlertedSupplierLate);
        Assert.True(request.CheckSla(new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero)).AlertedSupplierLate);
        Assert.Equal(2, request.Outbox.Count(e => e.Type == RequestEventType.SupplierOverdue));
    }

    [Fact]
    public void BackToWork_OrAwaitingPartsWithoutASupplier_AlertsNobody()
    {
        var request = Working();
        request.AwaitSupplier(Agent, "Dell", "PO-981", Friday, null, Now(), Berlin);

        request.SetStatus(Agent, RequestState.InProgress, "Parts came early", Start.AddHours(2));
        Assert.Null(request.ActiveSupplierOrder);
        Assert.Null(request.SupplierAlertAt);

        request.SetStatus(Agent, RequestState.AwaitingParts, "From our own shelf", Start.AddHours(3));
        Assert.Null(request.ActiveSupplierOrder);
        Assert.False(request.CheckSla(Start.AddDays(10)).AlertedSupplierLate);
    }

    [Fact]
    public void SupplierAlert_PastTheTarget_IsDone_WhileTheBreachWaitsForThePausedClock()
    {
        var request = Working();
        request.AwaitSupplier(Agent, "Dell", "PO-981", Friday, null, Now(), Berlin);

        var outcome = request.CheckSla(Start.AddDays(10));

        // Waiting for parts stops the target clock: the supplier is late, the team is not.
        Assert.True(outcome.AlertedSupplierLate);
        Assert.False(outcome.Escalated);
        Assert.True(request.IsClockPaused);
    }

    [Fact]
    public void SendForDelivery_AnItemThatIsNotDelivered_IsRefused()
    {
        var request = Working(delivers: false);

        var refusal = Assert.Throws<RequestRuleException>(() => request.SendForDelivery(Agent, "DHL", "JD0123", Now()));

        Assert.Contains("is not delivered", refusal.Message);
        Assert.Equal(RequestState.InProgress, request.State);
    }

    [Fact]
    public void Delivery_IsAcknowledgedByTheRequesterOnce_WhichFulfilsTheRequest_AndRecordsWhoAndWhen()
    {
        var request = Working();
        request.SendForDelivery(Agent, " DHL ", "JD0123", Start.AddHours(2));
        Assert.Equal(RequestState.OutForDelivery, request.State);
        Assert.Equal(RequestEventType.OutForDelivery, request.Outbox[^1].Type);
        Assert.Equal("Sent with DHL, tracking JD0123", LastLine(request).Comment);

        Assert.Throws<NotPermittedException>(() => request.AcknowledgeReceipt(Agent, Start.AddHours(3)));
        var received = Start.AddDays(1);
        request.AcknowledgeReceipt(Requester, received);

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal((Requester, received), (request.Delivery!.ReceivedBy, request.Delivery.ReceivedAt));
        Assert.Equal((AuditAction.AcknowledgeReceipt, Requester, received), (LastLine(request).Action, LastLine(request).Actor, LastLine(request).At));
        Assert.Equal("Delivered by DHL (tracking JD0123); received by Rita Requester.", request.ResolutionNotes);
        Assert.Equal(RequestEventType.Resolved, request.Outbox[^1].Type);

        var again = Assert.Throws<RequestRuleException>(() => request.AcknowledgeReceipt(Requester, received.AddSeconds(1)));
        Assert.Contains("already confirmed", again.Message);
        Assert.Single(request.History, h => h.Action == AuditAction.AcknowledgeReceipt);
    }

    [Fact]
    public void AcknowledgeReceipt_WhenNothingWasSent_IsRefusedNamingTheState()
    {
        var request = Working();

        Assert.Throws<RequestTransitionException>(() => request.AcknowledgeReceipt(Requester, Now()));
    }

    private DateTimeOffset Now() => _clock.GetUtcNow();

    /// <summary>A request for a delivered item, approved without stages and in progress with <see cref="Agent"/>.</summary>
    private ServiceRequest Working(bool delivers = true)
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "laptop-standard", "Standard laptop", "Hardware", "1,450.00 EUR", "Old laptop.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Start.AddHours(40), [], DeliversItem: delivers),
            Start);
        request.Assign(Agent, Agent, Start.AddMinutes(10));
        request.SetStatus(Agent, RequestState.InProgress, null, Start.AddMinutes(20));
        _clock.SetUtcNow(Start.AddHours(1));
        return request;
    }

    /// <summary>The request's last history line but the clock's own (waiting for parts pauses the target clock, and leaving it resumes it).</summary>
    private static AuditEntry LastLine(ServiceRequest request) =>
        request.History.Last(h => h.Action != AuditAction.ClockPaused && h.Action != AuditAction.ClockResumed);
}
