using System.Globalization;
using System.Text.Json.Serialization;

namespace ChatRequests.Core.Requests;

/// <summary>
/// The parts an agent waits for: from <see cref="Supplier"/> under <see cref="OrderReference"/>, expected on
/// <see cref="ExpectedOn"/> (a calendar day where the team works). <see cref="OverdueAt"/> is the first instant after that
/// day there, fixed when the order is recorded; <see cref="OverdueAlertedAt"/> marks the one alert to the assignee.
/// </summary>
public sealed record SupplierOrder(string Supplier, string OrderReference, DateOnly ExpectedOn, DateTimeOffset OverdueAt, PersonRef RecordedBy, DateTimeOffset RecordedAt)
{
    /// <summary>When the assignee was alerted that the supplier missed <see cref="ExpectedOn"/>; null while not.</summary>
    public DateTimeOffset? OverdueAlertedAt { get; init; }

    /// <summary>"11 Dec 2026": plain text (audit history, fallback text); cards show the day in the reader's own format.</summary>
    [JsonIgnore]
    public string ExpectedText => ExpectedOn.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>
    /// The expected day as an instant the cards' DATE() function reads back as that same day almost everywhere (noon UTC
    /// is the same calendar day from UTC-11 to UTC+11), so each reader sees it in their own date format.
    /// </summary>
    [JsonIgnore]
    public DateTimeOffset ExpectedNoonUtc => new(ExpectedOn.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}

/// <summary>A catalog item as the agent offered it instead of one out of stock (a snapshot: what the requester was shown).</summary>
public sealed record OfferedItem(string ItemId, string Name, string? CostText, string Description);

/// <summary>
/// Alternatives to an item out of stock, offered by <see cref="OfferedBy"/> to the requester, who picks one or keeps
/// waiting; <see cref="AnsweredAt"/> marks the answer, once.
/// </summary>
public sealed record AlternativesOffer(PersonRef OfferedBy, DateTimeOffset OfferedAt, string? Note, IReadOnlyList<OfferedItem> Items)
{
    /// <summary>The name of the item that was out of stock.</summary>
    public string OutOfStockItem { get; init; } = "";

    /// <summary>Why the chosen item went back to approval; null when it did not.</summary>
    public string? ReapprovalReason { get; init; }

    /// <summary>The item the requester chose; null while they have not, or when they kept waiting.</summary>
    public string? ChosenItemId { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }

    [JsonIgnore]
    public bool KeptWaiting => AnsweredAt is not null && ChosenItemId is null;
}

/// <summary>
/// The catalog item a request changes to (an alternative chosen), as the workflow read it from the catalog: its cost is
/// the item's cost times the quantity asked for (<see cref="TotalCost"/>), and the fields are those of the request that the
/// new item still has.
/// </summary>
public sealed record ItemReplacement(
    string ItemId,
    string Name,
    string Category,
    string? CostText,
    decimal? TotalCost,
    IReadOnlyDictionary<string, string> Fields,
    IReadOnlyList<FieldLabel> FieldLabels,
    bool Delivery);

/// <summary>
/// The delivery of a physical item: sent with <see cref="Carrier"/> under <see cref="TrackingReference"/>; the requester's
/// acknowledgement of receipt (the "signature": who and when) once given.
/// </summary>
public sealed record Delivery(string Carrier, string TrackingReference, PersonRef SentBy, DateTimeOffset SentAt)
{
    public PersonRef? ReceivedBy { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>Packed and waiting for the quality check: it goes out (and the requester hears of it) once a reviewer passes it.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public bool HeldForCheck { get; init; }

    /// <summary>The reminder to acknowledge receipt and the word to the assignee, fixed when it went out; null when the team asks for neither.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public ReceiptFollowUp? FollowUp { get; init; }
}
