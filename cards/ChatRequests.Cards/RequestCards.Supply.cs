using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Cards;

// Suppliers, stock and delivery: what the team card and the requester's cards show of them, and the supplier alert.
public sealed partial class RequestCards
{
    /// <summary>The supplier order, the alternatives offered and the delivery, as rows of the team card.</summary>
    private static IEnumerable<Fact> SupplyFacts(ServiceRequest r)
    {
        if (r.ActiveSupplierOrder is { } order)
        {
            yield return Fact.Day("Supplier", order.ExpectedNoonUtc, $"{order.Supplier}, order {order.OrderReference}, expected ");
        }

        if (r.Offer is { } offer && (r.IsOfferOpen || offer.AnsweredAt is not null))
        {
            yield return new("Alternatives", OfferText(r, offer));
        }

        if (r.Delivery is { } delivery)
        {
            yield return new("Delivery", delivery.HeldForCheck
                ? $"{delivery.Carrier}, tracking {delivery.TrackingReference}: goes out once the quality check passes"
                : $"{delivery.Carrier}, tracking {delivery.TrackingReference}");
            if (!delivery.HeldForCheck)
            {
                yield return delivery is { ReceivedBy: { } by, ReceivedAt: { } at }
                    ? Fact.Moment("Received", at, $"Signed for by {by.Name} at ")
                    : new("Received", $"Not yet: waiting for {r.Requester.Name} to acknowledge receipt");
            }
        }
    }

    private static string OfferText(ServiceRequest r, AlternativesOffer offer)
    {
        var names = string.Join(", ", offer.Items.Select(i => i.Name));
        return offer switch
        {
            { AnsweredAt: null } => $"Offered {names}; waiting for {r.Requester.Name} to choose",
            { KeptWaiting: true } => $"Offered {names}; {r.Requester.Name} keeps waiting for {r.ItemName}",
            _ => $"Offered {names}; {r.Requester.Name} chose {offer.Items.FirstOrDefault(i => i.ItemId == offer.ChosenItemId)?.Name}",
        };
    }

    /// <summary>The team card's warning while the supplier is past its date and the parts are still awaited; null otherwise.</summary>
    private object? SupplierLateData(ServiceRequest r) =>
        r.IsSupplierLate(_clock.GetUtcNow()) && r.ActiveSupplierOrder is { } order
            ? new { expected = CardText.Instant(order.ExpectedNoonUtc), supplier = order.Supplier, orderRef = order.OrderReference }
            : null;

    /// <summary>The items the agent may offer instead, for the "Out of stock" choice set; null when there are none (no button then).</summary>
    private object[]? AlternativeChoices(ServiceRequest r)
    {
        if (_catalog is null || !RequestTransitions.IsAllowed(r.State, RequestCommand.OfferAlternatives))
        {
            return null;
        }

        var items = SupplyWorkflow.AlternativesFor(r, _catalog);
        return items.Count == 0 ? null : [.. items.Select(i => new { title = i.CostText is { } cost ? $"{i.Name} ({cost})" : i.Name, value = i.Id })];
    }

    /// <summary>
    /// The requester's card when their item is out of stock: the alternatives offered (name, cost, description), each
    /// with its button, and "Keep waiting". Rendered late, when the offer was answered or overtaken, it shows no buttons.
    /// </summary>
    public CardMessage Alternatives(ServiceRequest r, OutboxEvent cause)
    {
        var offer = r.Offer;
        var open = r.IsOfferOpen && offer?.OfferedAt == cause.CreatedAt;
        var items = offer?.Items ?? [];
        var data = new
        {
            id = r.Id,
            itemName = offer is { OutOfStockItem.Length: > 0 } ? offer.OutOfStockItem : r.ItemName,
            offeredBy = cause.Actor.Name,
            note = offer?.Note,
            open,
            update = open ? null : $"Since then: {r.State.ToDisplay().ToLowerInvariant()}{(offer?.AnsweredAt is null ? "" : $"; {OfferText(r, offer).Split("; ")[^1]}")}.",
            items = items.Select(i => new { itemId = i.ItemId, name = i.Name, cost = i.CostText ?? "No charge", description = CardText.NullIfBlank(i.Description) }),
        };
        var names = string.Join(", ", items.Select(i => i.Name));
        return Render("alternatives", data, $"{r.Id}: {data.itemName} is out of stock. {cause.Actor.Name} offers {names} instead, or you can keep waiting.");
    }

    /// <summary>What the requester sees once they chose: the new item, and whether it goes back to approval or on with the team.</summary>
    public CardMessage AlternativeChosen(ServiceRequest r) => r.State == RequestState.AwaitingApproval
        ? Info($"{r.Id}: {r.ItemName}", $"You chose {r.ItemName}. It needs approval again ({r.Offer?.ReapprovalReason ?? "the change needs it"}), so I sent it to {RequestProgress.HeldBy(r, r.Requester.Id)}.", "accent")
        : Info($"{r.Id}: {r.ItemName}", $"You chose {r.ItemName}. {r.TeamName} carries on with it.", "good");

    /// <summary>What the requester sees once they chose to keep waiting.</summary>
    public CardMessage KeptWaiting(ServiceRequest r) =>
        Info($"{r.Id}: keep waiting", $"OK, you keep waiting for {r.ItemName}. I told {r.TeamName}.", "good");

    /// <summary>
    /// The answer to "I received it": thanks, and the confirmation and rating, as after any resolution; or, when the item
    /// still needs its quality check (it went out before the team asked for one), that the team checks it first.
    /// </summary>
    public CardMessage ReceiptAcknowledged(ServiceRequest r) =>
        RenderNotice(
            r,
            new NoticeText(
                "Received: thank you",
                "good",
                r.State == RequestState.InReview
                    ? $"Your receipt is recorded. {r.TeamName} checks the work first, then asks you to confirm the request is done."
                    : "Your receipt is recorded. Please confirm the request is done and rate it, or reopen it if something is wrong.",
                "Delivery",
                r.ResolutionNotes),
            NoticeFacts(r, kind: null),
            update: null,
            askAnswer: false,
            confirm: r.State == RequestState.Fulfilled);

    /// <summary>Alerts the assignee that the supplier's expected day has passed (at <paramref name="at"/>) with the parts still awaited.</summary>
    public CardMessage SupplierLate(ServiceRequest r, DateTimeOffset at)
    {
        var order = r.SupplierOrder!;
        var text = $"{order.Supplier} was expected to deliver order {order.OrderReference} by {order.ExpectedText}, and {r.Id} ({r.ItemName} for {r.Requester.Name}) still awaits the parts. "
            + "Please chase the supplier, and set the new expected date on the team card.";
        return Info($"{r.Id}: supplier late", text, r.IsSupplierLate(at) ? "warning" : "default");
    }

    /// <summary>The delivery and its acknowledgement, as rows of the request's details.</summary>
    private static IEnumerable<Fact> DeliveryFacts(ServiceRequest r)
    {
        if (r.Delivery is not { } delivery)
        {
            yield break;
        }

        yield return new("Delivery", delivery.HeldForCheck
            ? $"{delivery.Carrier}, tracking {delivery.TrackingReference}: goes out once the quality check passes"
            : $"{delivery.Carrier}, tracking {delivery.TrackingReference}");
        if (delivery is { ReceivedBy: { } by, ReceivedAt: { } at })
        {
            yield return Fact.Moment("Received", at, $"Signed for by {by.Name} at ");
        }
    }

    /// <summary>The requester's notice for a delivery (and its reminder) with the "I received it" button, while the item is still on its way.</summary>
    private static bool AwaitsReceipt(ServiceRequest r, NoticeKind kind) =>
        kind is NoticeKind.OutForDelivery or NoticeKind.ReceiptReminder && r.State == RequestState.OutForDelivery && r.Delivery is { ReceivedAt: null, HeldForCheck: false };

    // The requester's reminder that the item went out and they have not said they received it.
    private static NoticeText ReceiptReminderNotice(ServiceRequest r) => new(
        "Did it arrive?",
        "warning",
        $"{r.ItemName} was sent to you with {r.Delivery?.Carrier ?? "the carrier"} on {When(r.Delivery?.SentAt)}. When it arrives, tell me you received it; "
            + $"if it has not arrived, follow the tracking reference or reply to {r.TeamName}.",
        "Tracking reference",
        r.Delivery?.TrackingReference);

    /// <summary>
    /// The reply in the team card's thread when the requester still has not acknowledged a delivery: it names the
    /// assignee, who should find out whether it arrived.
    /// </summary>
    public CardMessage ReceiptOverdue(ServiceRequest r)
    {
        var delivery = r.Delivery!;
        var who = r.Assignee?.Name ?? r.TeamName;
        var text = $"{r.Requester.Name} has not said they received {r.ItemName}, sent with {delivery.Carrier} (tracking {delivery.TrackingReference}) on {When(delivery.SentAt)}, "
            + $"although they were reminded. {who}: please check with the carrier and with {r.Requester.Name}.";
        return Info($"{r.Id}: delivery not acknowledged", text, "warning");
    }
}
