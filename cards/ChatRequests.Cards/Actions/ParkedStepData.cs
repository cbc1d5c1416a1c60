namespace ChatRequests.Cards.Actions;

/// <summary>
/// <see cref="CardVerbs.ParkedRetry"/> and <see cref="CardVerbs.ParkedDismiss"/>: which parking of which request. Whether
/// the clicker may act on it is checked against the directory's teams, never taken from the card.
/// </summary>
public sealed record ParkedStepData(string RequestId, string ParkId, bool Retry) : RequestActionData(RequestId)
{
    internal static ParkedStepData Read(ActionDataReader data, bool retry) =>
        new(data.Id(CardInputs.RequestId), data.Id(CardInputs.ParkId), retry);
}
