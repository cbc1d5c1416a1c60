namespace ChatRequests.Cards.Actions;

/// <summary>
/// <see cref="CardVerbs.ApprovalAskElse"/>: the stage to pass on, and the person who should decide it instead: the
/// name typed on the approval card, or the id picked on the choice card (looked up in the directory again).
/// </summary>
public sealed record ApprovalHandoverData(string RequestId, int Stage, string? Name, string? PersonId) : RequestActionData(RequestId)
{
    internal static ApprovalHandoverData Read(ActionDataReader data) => new(
        data.Id(CardInputs.RequestId),
        data.IntId(CardInputs.Stage),
        data.Input(CardInputs.AskName),
        data.OptionalId(CardInputs.PersonId));
}
