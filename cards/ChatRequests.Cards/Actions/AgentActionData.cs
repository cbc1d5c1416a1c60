using System.Globalization;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Actions;

/// <summary>A click of an agent on the request's card in the team channel.</summary>
public abstract record AgentActionData(string RequestId) : RequestActionData(RequestId);

/// <summary><see cref="CardVerbs.AgentAssign"/>: the agent who clicked takes the request.</summary>
public sealed record AssignToMeData(string RequestId) : AgentActionData(RequestId)
{
    internal static AssignToMeData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary>
/// <see cref="CardVerbs.AgentStatus"/>: the status chosen (null when none or not a state) and the note typed; for
/// "Awaiting parts", the supplier, order reference and expected day when given (<see cref="NamesSupplier"/>).
/// </summary>
public sealed record SetStatusData(string RequestId, RequestState? Status, string? Note) : AgentActionData(RequestId)
{
    public string? Supplier { get; init; }
    public string? OrderReference { get; init; }
    /// <summary>The expected day as the card's date input sent it (yyyy-MM-dd); null when none or not a day.</summary>
    public DateOnly? ExpectedOn { get; init; }
    /// <summary>Whether the agent filled in any supplier input (the text of a date that is not one counts).</summary>
    public bool NamesSupplier { get; init; }

    internal static SetStatusData Read(ActionDataReader data)
    {
        var expected = data.Input(CardInputs.ExpectedOn);
        return new SetStatusData(
            data.Id(CardInputs.RequestId),
            Enum.TryParse<RequestState>(data.Input(CardInputs.Status), ignoreCase: true, out var status) ? status : null,
            data.Input(CardInputs.Note))
        {
            Supplier = data.Input(CardInputs.Supplier),
            OrderReference = data.Input(CardInputs.OrderReference),
            ExpectedOn = DateOnly.TryParseExact(expected, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null,
            NamesSupplier = data.Input(CardInputs.Supplier) is not null || data.Input(CardInputs.OrderReference) is not null || expected is not null,
        };
    }
}

/// <summary><see cref="CardVerbs.AgentAsk"/>: the question for the requester.</summary>
public sealed record AskRequesterData(string RequestId, string? Question) : AgentActionData(RequestId)
{
    internal static AskRequesterData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Question));
}

/// <summary><see cref="CardVerbs.AgentResolve"/>: the resolution notes, and the work note for the team (optional on the card).</summary>
public sealed record ResolveData(string RequestId, string? Resolution, string? WorkNote = null) : AgentActionData(RequestId)
{
    internal static ResolveData Read(ActionDataReader data) =>
        new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Resolution), data.Input(CardInputs.WorkNote));
}

/// <summary><see cref="CardVerbs.AgentReviewPass"/>: the reviewer who clicked verified the work.</summary>
public sealed record PassReviewData(string RequestId) : AgentActionData(RequestId)
{
    internal static PassReviewData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary><see cref="CardVerbs.AgentReviewFail"/>: the reason the work goes back to the assignee.</summary>
public sealed record FailReviewData(string RequestId, string? Reason) : AgentActionData(RequestId)
{
    internal static FailReviewData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Input(CardInputs.ReviewReason));
}

/// <summary><see cref="CardVerbs.AgentOutOfStock"/>: the catalog items offered instead (ids from the drop-downs, checked by the server; one chosen twice counts once) and the note.</summary>
public sealed record OfferAlternativesData(string RequestId, IReadOnlyList<string> ItemIds, string? Note) : AgentActionData(RequestId)
{
    internal static OfferAlternativesData Read(ActionDataReader data) => new(
        data.Id(CardInputs.RequestId),
        [.. Enumerable.Range(1, ServiceRequest.MaxAlternatives).Select(n => data.Input(CardInputs.Alternative(n))).OfType<string>().Distinct()],
        data.Input(CardInputs.OfferNote));

    public bool Equals(OfferAlternativesData? other) =>
        other is not null && RequestId == other.RequestId && ItemIds.SequenceEqual(other.ItemIds) && Note == other.Note;

    public override int GetHashCode() => HashCode.Combine(RequestId, ItemIds.Count, Note);
}

/// <summary><see cref="CardVerbs.AgentDeliver"/>: the carrier and tracking reference typed.</summary>
public sealed record SendForDeliveryData(string RequestId, string? Carrier, string? Tracking) : AgentActionData(RequestId)
{
    internal static SendForDeliveryData Read(ActionDataReader data) =>
        new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Carrier), data.Input(CardInputs.Tracking));
}

/// <summary><see cref="CardVerbs.AgentReassign"/>: the colleague chosen (null when none); the server checks they are a member.</summary>
public sealed record ReassignData(string RequestId, string? AssigneeId) : AgentActionData(RequestId)
{
    internal static ReassignData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Assignee));
}

/// <summary><see cref="CardVerbs.AgentOpen"/>: the request's team card, for a member of its team.</summary>
public sealed record OpenTeamCardData(string RequestId) : AgentActionData(RequestId)
{
    internal static OpenTeamCardData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}
