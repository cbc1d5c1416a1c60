using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Assignment;

/// <summary>What "unavailable" / "available" came to for the person who typed it.</summary>
public sealed record AvailabilityAnswer(bool IsAgent, bool Available, bool Changed);

/// <summary>
/// An agent says they are not available for new requests ("I'm off today"), or back ("back at work"). Only members of a
/// team are asked: anyone else is told nothing is assigned to them automatically, and nothing is stored. A mark stays
/// until they say they are back (it does not end by itself: a missed "available" is seen on the team card's reason).
/// </summary>
public sealed class AvailabilityDesk(IAssignmentStore store, IDirectory directory, TimeProvider clock)
{
    public async Task<AvailabilityAnswer> SetAsync(PersonRef person, bool available, CancellationToken cancellationToken = default)
    {
        var isAgent = (await directory.ListTeamsAsync(cancellationToken)).Any(t => t.HasMember(person.Id));
        if (!isAgent)
        {
            return new AvailabilityAnswer(false, available, false);
        }

        if (available)
        {
            return new AvailabilityAnswer(true, true, await store.SetAvailableAsync(person.Id, cancellationToken));
        }

        var marked = await store.FindUnavailableAsync(person.Id, cancellationToken) is not null;
        if (!marked)
        {
            await store.SetUnavailableAsync(new Unavailability(person, clock.GetUtcNow()), cancellationToken);
        }

        return new AvailabilityAnswer(true, false, !marked);
    }
}
