using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Sla;

/// <summary>A request past its fulfilment target that is still being worked.</summary>
public sealed record SlaBreach(string RequestId, string TeamId, RequestState State, DateTimeOffset DueAt, TimeSpan Overdue);

/// <summary>
/// Finds requests past their due time that are neither final nor fulfilled. It only reports them; raising an
/// escalation (once per request) is not built yet.
/// </summary>
public sealed class SlaSweep(IRequestStore store, IDirectory directory, TimeProvider clock)
{
    public async Task<IReadOnlyList<SlaBreach>> FindBreachesAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var breaches = new List<SlaBreach>();
        // Every open request belongs to a team queue, so the teams' queues cover all of them.
        foreach (var team in await directory.ListTeamsAsync(cancellationToken))
        {
            var queue = await store.ListTeamQueueAsync(team.Id, cancellationToken);
            breaches.AddRange(queue
                .Where(r => IsBreached(r, now))
                .Select(r => new SlaBreach(r.Id, r.TeamId, r.State, r.DueAt, now - r.DueAt)));
        }

        return breaches;
    }

    /// <summary>Fulfilled requests met their target (they wait for the requester's confirmation); final ones are done.</summary>
    public static bool IsBreached(ServiceRequest request, DateTimeOffset now) =>
        !request.State.IsFinal() && request.State != RequestState.Fulfilled && SlaPolicy.IsBreached(request.DueAt, now);
}
