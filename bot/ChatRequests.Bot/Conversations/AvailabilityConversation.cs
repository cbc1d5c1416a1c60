using System.Globalization;
using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// "unavailable" / "away until Monday" and "available" / "I'm back": an agent takes themselves out of automatic
/// assignment and back in. Requests they already have stay theirs (the answer says so); the answer says when the mark ends.
/// </summary>
public sealed class AvailabilityConversation(AvailabilityDesk desk, RequestCards cards)
{
    public async Task<CardMessage> AnswerAsync(TurnContext turn, AvailabilityAsk ask, CancellationToken cancellationToken)
    {
        var answer = await desk.SetAsync(turn.User, ask, cancellationToken);
        if (!answer.IsAgent)
        {
            return cards.Info("Not in a team", "You are not a member of a fulfilment team, so no requests are assigned to you automatically.");
        }

        var until = answer.Until is { } at ? $"until {BackAt(at, answer.Zone)}" : "until you type 'available'";
        return (answer.Available, answer.Changed) switch
        {
            (true, true) => cards.Info("Available", "Welcome back: new requests can be assigned to you automatically again.", "good"),
            (true, false) => cards.Info("Available", "You are available: new requests can be assigned to you automatically. Type 'unavailable' when you are off, or 'away until Monday'.", "good"),
            (false, true) => cards.Info("Unavailable", $"Got it: no new requests are assigned to you automatically {until}, or until you type 'available'. Requests you already have stay with you; reassign them from their cards if someone else should take them.", "warning"),
            _ => cards.Info("Unavailable", $"You are already marked unavailable {until}. Type 'available' when you are back, or 'away until' a day to change it.", "warning"),
        };
    }

    /// <summary>When the mark ends, in the team's zone (the start of a working day: the day and the hour are what people plan by).</summary>
    private static string BackAt(DateTimeOffset at, TimeZoneInfo zone) =>
        $"{TimeZoneInfo.ConvertTime(at, zone).ToString("dddd d MMMM, HH:mm", CultureInfo.InvariantCulture)} ({zone.Id} time)";
}
