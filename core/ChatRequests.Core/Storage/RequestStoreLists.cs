using System.Runtime.CompilerServices;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Storage;

/// <summary>Whole lists read a page at a time, for background work that needs every request on one (never a turn).</summary>
public static class RequestStoreLists
{
    /// <summary>How many requests one read brings: what such work holds at once besides what it keeps.</summary>
    public const int PageSize = 100;

    /// <summary>The team's open requests, oldest first, a page at a time (a request changed meanwhile is read as its page finds it).</summary>
    public static async IAsyncEnumerable<ServiceRequest> ReadTeamQueueAsync(
        this IRequestStore store, string teamId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ListPosition? after = null;
        while (true)
        {
            var page = await store.ListTeamQueueAsync(teamId, PageSize, after, cancellationToken);
            foreach (var request in page)
            {
                yield return request;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = ListPosition.Of(page[^1]);
        }
    }
}
