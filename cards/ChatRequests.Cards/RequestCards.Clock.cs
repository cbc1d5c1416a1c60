using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// The target date as cards show it: a moment in the reader's time zone, or "paused" while the clock stands still.
public sealed partial class RequestCards
{
    /// <summary>
    /// The "Target date" row: the target, or while the clock is paused since when and why (no countdown: the target
    /// moves later by the working time the pause lasts). <paramref name="requesterReads"/> speaks to the requester.
    /// </summary>
    private static Fact TargetFact(ServiceRequest r, bool requesterReads = false, string? after = null) =>
        Paused(r) is { } since
            ? new("Target date", "Paused since ", CardText.Instant(since), $" ({PausedWhy(r, requesterReads)})")
            : Fact.Moment("Target date", r.DueAt, after: after);

    /// <summary>While an unresolved request's clock is paused, since when; null while it runs.</summary>
    private static DateTimeOffset? Paused(ServiceRequest r) => r.State.IsUnresolved() ? r.PausedSince : null;

    private static string PausedWhy(ServiceRequest r, bool requesterReads) => r.State == RequestState.AwaitingRequester
        ? requesterReads ? "waiting for your answer" : $"waiting for {r.Requester.Name}'s answer"
        : "waiting for parts";
}
