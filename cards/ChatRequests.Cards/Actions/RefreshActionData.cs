namespace ChatRequests.Cards.Actions;

/// <summary>
/// A card's refresh: Teams asks, by itself, for the card as the request is now, for the person looking at it. Nobody
/// clicked, nothing changes, and the answer is a card whatever happens (<see cref="CardVerbs.Refreshes"/>).
/// </summary>
public abstract record CardRefreshData(string RequestId) : RequestActionData(RequestId);

/// <summary><see cref="CardVerbs.RequestsRefresh"/>: the requester's confirmation card as it is now.</summary>
public sealed record RefreshData(string RequestId) : CardRefreshData(RequestId)
{
    internal static RefreshData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}

/// <summary><see cref="CardVerbs.ApprovalRefresh"/>: the approval card of one stage as it is now.</summary>
public sealed record ApprovalRefreshData(string RequestId, int Stage) : CardRefreshData(RequestId)
{
    internal static ApprovalRefreshData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId), data.IntId(CardInputs.Stage));
}

/// <summary><see cref="CardVerbs.TeamRefresh"/>: the team card as it is now.</summary>
public sealed record TeamRefreshData(string RequestId) : CardRefreshData(RequestId)
{
    internal static TeamRefreshData Read(ActionDataReader data) => new(data.Id(CardInputs.RequestId));
}
