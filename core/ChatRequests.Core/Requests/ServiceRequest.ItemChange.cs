using System.Text.Json.Serialization;
using ChatRequests.Core.BusinessHours;

namespace ChatRequests.Core.Requests;

// Out of stock: alternatives offered by the team, one chosen by the requester, and approval again when the change needs it.
public sealed partial class ServiceRequest
{
    /// <summary>At most this many alternatives are offered at once (a card the requester can read at a glance).</summary>
    public const int MaxAlternatives = 3;

    /// <summary>The latest alternatives offered for an item out of stock, and the requester's answer; null when none.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public AlternativesOffer? Offer { get; internal set; }

    /// <summary>
    /// The first approval stage of the current round: stages before it were decided for the item as it was before a
    /// change, so who decided them may decide the new round too (segregation of duties holds within a round). 0 until
    /// an item change sends the request back to approval.
    /// </summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int ApprovalRoundStart { get; internal set; }

    /// <summary>Whether the requester can still answer <see cref="Offer"/>: unanswered, and the request still waits as it did when it was made.</summary>
    [JsonIgnore]
    public bool IsOfferOpen =>
        Offer is { AnsweredAt: null } offer
        && State == RequestState.AwaitingParts
        && !_history.Any(h => h.At > offer.OfferedAt && h.From != h.To);

    /// <summary>
    /// The item is out of stock: <paramref name="agent"/> offers up to <see cref="MaxAlternatives"/> other items (of the
    /// same category, checked against the catalog by the workflow) with an optional note; the request waits as for parts
    /// until the requester picks one or keeps waiting.
    /// </summary>
    public void OfferAlternatives(PersonRef agent, IReadOnlyList<OfferedItem> items, string? note, DateTimeOffset now)
    {
        if (items.Count == 0 || items.Count > MaxAlternatives)
        {
            throw new RequestRuleException($"Choose one to {MaxAlternatives} alternatives to offer.");
        }

        if (items.Any(i => i.ItemId == CatalogItemId) || items.DistinctBy(i => i.ItemId).Count() != items.Count)
        {
            throw new RequestRuleException($"Choose alternatives other than {ItemName}, each once.");
        }

        note = Normalise(note);
        var names = string.Join(", ", items.Select(i => i.Name));
        Apply(RequestCommand.OfferAlternatives, agent, now, $"{ItemName} is out of stock; offered {names}{(note is null ? "" : $". {note}")}");
        Assignee ??= agent;
        StatusNote = note;
        Offer = new AlternativesOffer(agent, now, note, items) { OutOfStockItem = ItemName };
        Raise(RequestEventType.AlternativesOffered, agent, now, note);
    }

    /// <summary>The requester would rather wait for the item out of stock: the team is told; the request keeps waiting.</summary>
    public void KeepWaiting(PersonRef requester, DateTimeOffset now)
    {
        var offer = OpenOfferFor(requester);
        Offer = offer with { AnsweredAt = now };
        UpdatedAt = now;
        Record(now, requester, AuditAction.KeepWaiting, State, State, $"Keeps waiting for {ItemName}");
        Raise(RequestEventType.ItemChosen, requester, now, null);
    }

    /// <summary>
    /// The requester picks <paramref name="item"/>, one of the alternatives offered: the request goes on with it (its
    /// name, cost, delivery, and the fields the new item still has). When <paramref name="reapproval"/> has stages (it
    /// costs more than was approved, or needs stages the request has not passed: <see cref="Approvals.Reapproval"/>), the
    /// request goes back to approval with them, as a new round, and the history says why; otherwise the team carries on.
    /// </summary>
    public void ChooseAlternative(
        PersonRef requester,
        ItemReplacement item,
        IReadOnlyList<ApprovalStage> reapproval,
        string? why,
        DateTimeOffset now,
        IReadOnlyDictionary<string, StandIn>? standIns = null,
        WorkingCalendar? calendar = null)
    {
        var offer = OpenOfferFor(requester);
        if (offer.Items.All(i => i.ItemId != item.ItemId) || item.Category != Category)
        {
            throw new RequestRuleException("That item was not among the alternatives offered. Choose one of them, or keep waiting.");
        }

        var changed = $"Changed from {ItemName} to {item.Name} by the requester";
        Offer = offer with { ChosenItemId = item.ItemId, AnsweredAt = now };
        CatalogItemId = item.ItemId;
        ItemName = item.Name;
        CostText = item.CostText;
        _fields = new Dictionary<string, string>(item.Fields);
        FieldLabels = [.. item.FieldLabels];
        DeliversItem = item.Delivery;
        StatusNote = null;
        if (reapproval.Count == 0)
        {
            Apply(RequestCommand.ChangeItem, requester, now, changed, calendar);
            Raise(RequestEventType.ItemChosen, requester, now, changed);
            return;
        }

        Offer = Offer with { ReapprovalReason = why };
        StartApprovalRound(requester, reapproval, $"{changed}; approval needed again: {why}", now, standIns, calendar);
        Raise(RequestEventType.ItemChosen, requester, now, changed);
        Raise(RequestEventType.ApprovalRequested, requester, now, null);
    }

    /// <summary>The offer <paramref name="requester"/> may answer now; refused when they are not the requester, already answered or the offer was overtaken.</summary>
    public AlternativesOffer OpenOfferFor(PersonRef requester)
    {
        EnsureRequester(requester, "answer the offer on");
        return OpenOffer();
    }

    /// <summary>Who decided the stages of the current round before <paramref name="stage"/> (segregation of duties).</summary>
    private HashSet<string> DecidedEarlierInRound(int stage) =>
        _approvals.Take(stage).Skip(ApprovalRoundStart).SelectMany(DecidersOf).ToHashSet();

    private AlternativesOffer OpenOffer()
    {
        if (Offer is { AnsweredAt: not null } answered)
        {
            var chosen = answered.Items.FirstOrDefault(i => i.ItemId == answered.ChosenItemId)?.Name;
            throw new RequestRuleException(chosen is null ? "You already chose to keep waiting." : $"You already chose {chosen}.");
        }

        return IsOfferOpen
            ? Offer!
            : throw new RequestRuleException($"This offer is no longer open: {TeamName} has moved {Id} on since.");
    }
}
