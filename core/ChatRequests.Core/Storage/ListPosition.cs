using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Storage;

/// <summary>
/// Where the next page of a list ordered by submission time, then id, starts: after this request. Neither changes once a
/// request is stored, so a page never repeats or skips a request that is still on the list.
/// </summary>
public sealed record ListPosition(DateTimeOffset SubmittedAt, string Id)
{
    public static ListPosition Of(ServiceRequest request) => new(request.SubmittedAt, request.Id);

    /// <summary>Whether <paramref name="request"/> comes after this position in the lists' order.</summary>
    public bool IsBefore(ServiceRequest request) =>
        request.SubmittedAt > SubmittedAt || (request.SubmittedAt == SubmittedAt && string.CompareOrdinal(request.Id, Id) > 0);
}
