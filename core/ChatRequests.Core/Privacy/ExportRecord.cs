using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Privacy;

/// <summary>
/// Writes the audit line of a data-subject export on every request it held (<see cref="ServiceRequest.RecordDataSubjectExport"/>),
/// reloading a request that someone saved meanwhile. A request that is gone or was anonymised meanwhile is skipped: it no
/// longer holds the person's data.
/// </summary>
public static class ExportRecord
{
    private const int Attempts = 5;

    /// <summary>Records the export on each request; returns how many lines were written.</summary>
    public static async Task<int> RecordAsync(
        IEnumerable<ServiceRequest> exported, PersonRef person, PersonRef auditor, IRequestStore requests, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var written = 0;
        foreach (var request in exported)
        {
            if (await RecordOneAsync(request, person, auditor, requests, now, cancellationToken))
            {
                written++;
            }
        }

        return written;
    }

    private static async Task<bool> RecordOneAsync(
        ServiceRequest request, PersonRef person, PersonRef auditor, IRequestStore requests, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (request.Requester.Id != person.Id)
            {
                return false;
            }

            request.RecordDataSubjectExport(auditor, now);
            try
            {
                await requests.SaveAsync(request, cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < Attempts)
            {
                if (await requests.GetAsync(request.Id, cancellationToken) is not { } fresh)
                {
                    return false;
                }

                request = fresh;
            }
        }
    }
}
