using System.Text.Json.Serialization;
using ChatRequests.Core.BusinessHours;

namespace ChatRequests.Core.Requests;

// Parts from a supplier (and the alert when the supplier's date passes), and the delivery of physical items.
public sealed partial class ServiceRequest
{
    /// <summary>The supplier order the request waits for; null when none was recorded (parts from the team's own stock).</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public SupplierOrder? SupplierOrder { get; internal set; }

    /// <summary>Whether the item is a physical one delivered to the requester (the catalog item's <c>delivery</c> flag, as of submission or item change).</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool DeliversItem { get; internal set; }

    /// <summary>The delivery of the item, once sent out; the requester's acknowledgement of receipt on it.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Delivery? Delivery { get; internal set; }

    /// <summary>
    /// The supplier order the request waits for now: recorded by the latest "Awaiting parts", and the request has not
    /// moved on since. An older order (the request went back to work, or was set to await parts without a supplier)
    /// is kept for the record but alerts nobody.
    /// </summary>
    [JsonIgnore]
    public SupplierOrder? ActiveSupplierOrder =>
        SupplierOrder is { } order
        && State == RequestState.AwaitingParts
        && _history.LastOrDefault(h => h.Action == AuditAction.AwaitParts)?.At == order.RecordedAt
        && !_history.Any(h => h.At > order.RecordedAt && h.From != h.To)
            ? order
            : null;

    /// <summary>The supplier's expected date has passed while the request still waits for the parts.</summary>
    public bool IsSupplierLate(DateTimeOffset now) => ActiveSupplierOrder is { } order && now >= order.OverdueAt;

    /// <summary>When the sweep must alert the assignee that the supplier is late; null when nothing is due.</summary>
    [JsonIgnore]
    public DateTimeOffset? SupplierAlertAt => ActiveSupplierOrder is { OverdueAlertedAt: null } order && Assignee is not null ? order.OverdueAt : null;

    /// <summary>
    /// The agent sets the request to await parts ordered from <paramref name="supplier"/> under
    /// <paramref name="orderReference"/>, expected on <paramref name="expectedOn"/>: a day not in the past where the team
    /// works (<paramref name="zone"/>). The assignee is alerted once if that day passes with the parts still awaited;
    /// a new date (the supplier slipped) re-arms the alert.
    /// </summary>
    public void AwaitSupplier(
        PersonRef agent, string? supplier, string? orderReference, DateOnly? expectedOn, string? note, DateTimeOffset now, TimeZoneInfo zone)
    {
        var name = Normalise(supplier) ?? throw new RequestRuleException("Please name the supplier the parts come from.");
        var reference = Normalise(orderReference) ?? throw new RequestRuleException("Please give the supplier's order reference.");
        var day = expectedOn ?? throw new RequestRuleException("Please give the date the supplier expects to deliver.");
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        if (day < today)
        {
            throw new RequestRuleException("The expected date is in the past. Please give the date the supplier expects to deliver now.");
        }

        note = Normalise(note);
        var order = new SupplierOrder(name, reference, day, StartOfDay(day.AddDays(1), zone), agent, now);
        var line = $"Parts from {name}, order {reference}, expected {order.ExpectedText}";
        Apply(RequestCommand.AwaitParts, agent, now, note is null ? line : $"{line}. {note}");
        Assignee ??= agent;
        StatusNote = note;
        // A new order is armed afresh: once the alert fired, its day is in the past, so any day given now is a later one.
        SupplierOrder = order;
        Raise(RequestEventType.StatusChanged, agent, now, note);
    }

    /// <summary>
    /// The sweep's branch for supplier dates: when the active order's day has passed, the assignee is alerted once
    /// (marked in the document, so several sweeps and restarts alert once). True when it did so.
    /// </summary>
    private bool AlertSupplierOverdue(DateTimeOffset now)
    {
        if (SupplierAlertAt is not { } due || now < due)
        {
            return false;
        }

        var order = SupplierOrder!;
        SupplierOrder = order with { OverdueAlertedAt = now };
        Note(AuditAction.SupplierOverdue, now,
            $"{order.Supplier} did not deliver order {order.OrderReference} by {order.ExpectedText}; {Assignee!.Name} alerted");
        Raise(RequestEventType.SupplierOverdue, PersonRef.System, now, null);
        return true;
    }

    /// <summary>
    /// The agent sends the physical item out with <paramref name="carrier"/> under <paramref name="trackingReference"/>.
    /// With a quality check due (<paramref name="rules"/>) it is held for a reviewer first, and goes out when the check
    /// passes (<see cref="PassReview"/>); a receipt reminder is armed when it goes out.
    /// </summary>
    public void SendForDelivery(
        PersonRef agent, string? carrier, string? trackingReference, DateTimeOffset now, WorkingCalendar? calendar = null, ResolutionRules? rules = null)
    {
        if (!DeliversItem)
        {
            throw new RequestRuleException($"{ItemName} is not delivered: resolve the request when it is done.");
        }

        rules ??= ResolutionRules.None;
        var by = Normalise(carrier) ?? throw new RequestRuleException("Please name the carrier.");
        var tracking = Normalise(trackingReference) ?? throw new RequestRuleException("Please give the tracking reference.");
        var line = $"Sent with {by}, tracking {tracking}";
        if (rules.QualityCheck)
        {
            Apply(RequestCommand.SubmitForReview, agent, now, $"{line}: held for a quality check before it goes out", calendar);
            Assignee ??= agent;
            StatusNote = null;
            Delivery = new Delivery(by, tracking, agent, now) { HeldForCheck = true };
            StartReview(agent, now, rules);
            return;
        }

        Apply(RequestCommand.SendForDelivery, agent, now, line, calendar);
        Assignee ??= agent;
        StatusNote = null;
        Delivery = new Delivery(by, tracking, agent, now) { FollowUp = rules.Closing?.ReceiptFollowUpFrom(now) };
        Raise(RequestEventType.OutForDelivery, agent, now, null);
    }

    /// <summary>
    /// The requester acknowledges receipt (the "signature": who and when, in the history and on the delivery). That fulfils
    /// the request: they are then asked to confirm and rate it, as after any resolution, and the closing timers start. An
    /// item that went out without the quality check now due (sent before the team asked for it) goes to a reviewer
    /// first. A second acknowledgement is refused.
    /// </summary>
    public void AcknowledgeReceipt(PersonRef requester, DateTimeOffset now, ResolutionRules? rules = null)
    {
        EnsureRequester(requester, "acknowledge receipt on");
        if (Delivery is { ReceivedAt: not null })
        {
            throw new RequestRuleException($"You already confirmed that you received {ItemName}.");
        }

        if (Delivery is not { } delivery || State != RequestState.OutForDelivery)
        {
            throw new RequestTransitionException(State, RequestCommand.AcknowledgeReceipt);
        }

        rules ??= ResolutionRules.None;
        var notes = $"Delivered by {delivery.Carrier} (tracking {delivery.TrackingReference}); received by {requester.Name}.";
        var line = $"Received (delivery {delivery.TrackingReference})";
        Delivery = delivery with { ReceivedBy = requester, ReceivedAt = now };
        ResolutionNotes = notes;
        StatusNote = null;
        if (rules.QualityCheck && !WasCheckedBeforeItWentOut(delivery))
        {
            UpdatedAt = now;
            Record(now, requester, AuditAction.AcknowledgeReceipt, State, State, line);
            Apply(RequestCommand.SubmitForReview, PersonRef.System, now, "Received without the quality check the item needs: sent for one");
            StartReview(Assignee ?? delivery.SentBy, now, rules);
            return;
        }

        Apply(RequestCommand.AcknowledgeReceipt, requester, now, line);
        ScheduleClosing(now, rules.Closing);
        Raise(RequestEventType.Resolved, requester, now, notes);
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        // Midnight may not exist (a daylight-saving jump at 00:00): the first valid minute after it then.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
