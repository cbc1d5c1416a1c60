namespace ChatRequests.Cards.Actions;

/// <summary>
/// <see cref="CardVerbs.ApprovalApprove"/> or <see cref="CardVerbs.ApprovalReject"/>: the stage the approver's card was
/// for, the comment typed with it, and whether it was clicked on the approvals list (the answer is then the list again).
/// </summary>
public sealed record ApprovalDecisionData(string RequestId, int Stage, bool Approve, string? Comment, bool FromList)
    : RequestActionData(RequestId)
{
    internal static ApprovalDecisionData Read(ActionDataReader data, bool approve) => new(
        data.Id(CardInputs.RequestId),
        data.IntId(CardInputs.Stage),
        approve,
        data.Input(CardInputs.Comment),
        data.OptionalId(CardInputs.Source) == CardInputs.FromApprovalList);
}
