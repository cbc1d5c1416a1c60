using System.Globalization;

namespace ChatRequests.Cards.Actions;

/// <summary><see cref="CardVerbs.RequesterAnswer"/>: the requester's answer to the agent's question.</summary>
public sealed record AnswerData(string RequestId, string? Answer) : RequestActionData(RequestId)
{
    internal static AnswerData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Answer));
}

/// <summary><see cref="CardVerbs.RequesterConfirm"/>: the rating chosen (null when none or not a number) and the feedback.</summary>
public sealed record ConfirmData(string RequestId, int? Rating, string? Feedback) : RequestActionData(RequestId)
{
    internal static ConfirmData Read(ActionDataReader data) => new(
        data.Id(CardInputs.RequestId),
        int.TryParse(data.Input(CardInputs.Rating), NumberStyles.Integer, CultureInfo.InvariantCulture, out var rating) ? rating : null,
        data.Input(CardInputs.Feedback));
}

/// <summary><see cref="CardVerbs.RequesterReopen"/>: why it is not fixed.</summary>
public sealed record ReopenData(string RequestId, string? Reason) : RequestActionData(RequestId)
{
    internal static ReopenData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Input(CardInputs.Feedback));
}

/// <summary><see cref="CardVerbs.RequesterCancel"/>.</summary>
public sealed record CancelData(string RequestId) : RequestActionData(RequestId)
{
    internal static CancelData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary><see cref="CardVerbs.RequestsShow"/>: the request's details.</summary>
public sealed record ShowDetailsData(string RequestId) : RequestActionData(RequestId)
{
    internal static ShowDetailsData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary><see cref="CardVerbs.RequesterChoose"/>: the alternative the requester takes (an id from the card, checked against the offer).</summary>
public sealed record ChooseAlternativeData(string RequestId, string ItemId) : RequestActionData(RequestId)
{
    internal static ChooseAlternativeData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.Id(CardInputs.ItemId));
}

/// <summary><see cref="CardVerbs.RequesterKeepWaiting"/>.</summary>
public sealed record KeepWaitingData(string RequestId) : RequestActionData(RequestId)
{
    internal static KeepWaitingData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary><see cref="CardVerbs.RequesterReceived"/>: "I received it".</summary>
public sealed record AcknowledgeReceiptData(string RequestId) : RequestActionData(RequestId)
{
    internal static AcknowledgeReceiptData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary><see cref="CardVerbs.HistoryPage"/>: which page of the request's history to show (checked against its length).</summary>
public sealed record HistoryPageData(string RequestId, int Page) : RequestActionData(RequestId)
{
    internal static HistoryPageData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.IntId(CardInputs.Page));
}
