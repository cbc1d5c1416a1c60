using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Understanding;

namespace ChatRequests.Core.Assignment;

/// <summary>
/// What "unavailable" / "available" came to for the person who typed it; <see cref="Until"/> is when the mark that stands
/// ends by itself (null for none, or a mark written before marks ended), <see cref="Zone"/> their team's time zone.
/// </summary>
public sealed record AvailabilityAnswer(bool IsAgent, bool Available, bool Changed)
{
    public DateTimeOffset? Until { get; init; }

    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;
}

/// <summary>
/// An agent says they are not available for new requests ("I'm off today", "away until Monday"), or back ("I'm back").
/// Only members of a team are asked: anyone else is told nothing is assigned to them automatically, and nothing is stored.
/// A mark ends by itself when the working day they are back starts (<see cref="AvailabilityEnd"/>, on the calendar of their
/// first team), or when they say they are back. A bare "unavailable" while a mark stands keeps it; a day said replaces its end.
/// </summary>
public sealed class AvailabilityDesk(IAssignmentStore store, IDirectory directory, TimeProvider clock)
{
    public async Task<AvailabilityAnswer> SetAsync(PersonRef person, AvailabilityAsk ask, CancellationToken cancellationToken = default)
    {
        var team = (await directory.ListTeamsAsync(cancellationToken)).FirstOrDefault(t => t.HasMember(person.Id));
        if (team is null)
        {
            return new AvailabilityAnswer(false, ask.Available, false);
        }

        var now = clock.GetUtcNow();
        var calendar = team.WorkingCalendar();
        var stored = await store.FindUnavailableAsync(person.Id, cancellationToken);
        var standing = stored is not null && stored.StandsAt(now) ? stored : null;
        if (ask.Available)
        {
            // A mark that ended by itself is cleared too (welcomed back all the same: they had said they were away).
            var removed = stored is not null && await store.SetAvailableAsync(person.Id, cancellationToken);
            return new AvailabilityAnswer(true, true, removed) { Zone = calendar.Zone };
        }

        if (standing is not null && ask.UntilText is null)
        {
            return new AvailabilityAnswer(true, false, false) { Until = standing.Until, Zone = calendar.Zone };
        }

        var until = ask.UntilText is { } words ? BackOn(words, calendar, now) : AvailabilityEnd.AfterThisWorkingDay(calendar, now);
        if (standing?.Until != until)
        {
            await store.SetUnavailableAsync(new Unavailability(person, standing?.Since ?? now) { Until = until }, cancellationToken);
        }

        return new AvailabilityAnswer(true, false, standing?.Until != until) { Until = until, Zone = calendar.Zone };
    }

    private static DateTimeOffset BackOn(string words, WorkingCalendar calendar, DateTimeOffset now)
    {
        var day = DelegationDates.Read(words, AvailabilityEnd.Today(calendar, now))
            ?? throw new RequestRuleException("Until when? Say it like this: 'away until Monday' or 'unavailable until 2026-12-10'.");
        var back = AvailabilityEnd.BackOn(calendar, day);
        return back > now
            ? back
            : throw new RequestRuleException("That day has started already. Give a later day, or type 'available' when you are back.");
    }
}
