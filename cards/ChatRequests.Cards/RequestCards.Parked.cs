using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// Steps the relay gave up on (parked): the card in the owning team's channel with Retry and Dismiss, and the "parked" list.
public sealed partial class RequestCards
{
    /// <summary>The most parked steps the "parked" list shows, newest first.</summary>
    public const int MaxParkedListed = 20;

    /// <summary>
    /// The card of one parking in the team's channel: which request, what could not be done, when, after how many attempts
    /// and why in plain words; Retry and Dismiss while it waits, then who retried or dismissed it and when.
    /// </summary>
    public CardMessage ParkedStep(ServiceRequest r, ParkedStep parking)
    {
        var outcome = parking.Outcome switch
        {
            ParkOutcome.Retried => $"Retried by {parking.SettledBy?.Name}",
            ParkOutcome.Dismissed => $"Dismissed by {parking.SettledBy?.Name}: it will not be done",
            _ => null,
        };
        var data = new
        {
            title = parking.IsWaiting ? $"{r.Id}: a step could not be done" : $"{r.Id}: a step that could not be done",
            style = parking.IsWaiting ? "attention" : "emphasis",
            itemName = r.ItemName,
            requesterName = r.Requester.Name,
            teamName = r.TeamName,
            step = CardText.Capitalised(parking.Step),
            parkedAt = CardText.Instant(parking.ParkedAt),
            attempts = CardText.Count(parking.Attempts, "attempt"),
            reason = CardText.EndSentence(CardText.Capitalised(parking.Reason)),
            waiting = parking.IsWaiting,
            advice = "Retry once the cause is fixed (it runs again at once); Dismiss if it should not be done, and do what it would have done by hand.",
            outcome,
            settledAt = parking.SettledAt is { } at ? CardText.Instant(at) : null,
            requestId = r.Id,
            parkId = parking.Id,
        };
        var fallback = outcome is null
            ? $"{r.Id}: could not do {parking.Step} ({parking.Reason}). Retry or dismiss it on the card."
            : $"{r.Id}: {parking.Step}. {outcome}.";
        return Render("parked", data, fallback);
    }

    /// <summary>The "parked" command's answer: the steps still waiting, newest first, at most <see cref="MaxParkedListed"/>.</summary>
    public CardMessage ParkedList(IReadOnlyList<(ServiceRequest Request, ParkedStep Parking)> parked)
    {
        var shown = parked.OrderByDescending(p => p.Parking.ParkedAt).Take(MaxParkedListed).ToList();
        var data = new
        {
            title = "Parked steps",
            empty = shown.Count == 0,
            emptyText = "Nothing is parked: every background step of your teams' requests went through.",
            items = shown.Select(p => new
            {
                requestId = p.Request.Id,
                parkId = p.Parking.Id,
                itemName = p.Request.ItemName,
                teamName = p.Request.TeamName,
                step = CardText.Capitalised(p.Parking.Step),
                parkedAt = CardText.Instant(p.Parking.ParkedAt),
                attempts = CardText.Count(p.Parking.Attempts, "attempt"),
                reason = CardText.EndSentence(CardText.Capitalised(p.Parking.Reason)),
            }),
            note = parked.Count > MaxParkedListed ? $"Showing the {MaxParkedListed} newest of {parked.Count}." : null,
        };
        var fallback = shown.Count == 0
            ? "Nothing is parked."
            : $"Parked steps: {string.Join("; ", shown.Select(p => $"{p.Request.Id} {p.Parking.Step}"))}.";
        return Render("parked-list", data, fallback);
    }
}
