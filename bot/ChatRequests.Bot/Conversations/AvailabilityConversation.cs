using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core.Assignment;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// "unavailable" / "I'm off today" and "available" / "back at work": an agent takes themselves out of automatic
/// assignment and back in. Requests they already have stay theirs (the answer says so).
/// </summary>
public sealed class AvailabilityConversation(AvailabilityDesk desk, RequestCards cards)
{
    public async Task<CardMessage> AnswerAsync(TurnContext turn, bool available, CancellationToken cancellationToken)
    {
        var answer = await desk.SetAsync(turn.User, available, cancellationToken);
        if (!answer.IsAgent)
        {
            return cards.Info("Not in a team", "You are not a member of a fulfilment team, so no requests are assigned to you automatically.");
        }

        return (answer.Available, answer.Changed) switch
        {
            (true, true) => cards.Info("Available", "Welcome back: new requests can be assigned to you automatically again.", "good"),
            (true, false) => cards.Info("Available", "You are available: new requests can be assigned to you automatically. Type 'unavailable' when you are off.", "good"),
            (false, true) => cards.Info("Unavailable", "Got it: no new requests are assigned to you automatically until you type 'available'. Requests you already have stay with you; reassign them from their cards if someone else should take them.", "warning"),
            _ => cards.Info("Unavailable", "You are already marked unavailable. Type 'available' when you are back.", "warning"),
        };
    }
}
