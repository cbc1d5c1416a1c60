using ChatRequests.Core.AccessReviews;

namespace ChatRequests.Cards.Actions;

/// <summary>
/// <see cref="CardVerbs.AccessKeep"/> and <see cref="CardVerbs.AccessRemove"/>: which review and which of its lines.
/// Whether the clicker may decide it is checked against the stored review, never taken from the card.
/// </summary>
public sealed record AccessReviewDecisionData(string ReviewId, int Line, AccessDecision Decision) : CardActionData
{
    internal static AccessReviewDecisionData Read(ActionDataReader data, AccessDecision decision) =>
        new(data.Id(CardInputs.ReviewId), data.IntId(CardInputs.Line), decision);
}
