using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Privacy;

/// <summary>
/// What an erasure did: the requests anonymised now, the person's open requests it left (an open request is still being
/// worked on: it is erased once final, by asking again or by the retention rule), and whether a delegation and an
/// availability mark were removed.
/// </summary>
public sealed record ErasureResult(IReadOnlyList<string> Anonymised, IReadOnlyList<string> LeftOpen, bool DelegationRemoved, bool AvailabilityRemoved);

/// <summary>
/// A data-subject erasure: anonymises every final request the person made (each request's history names who asked and
/// why), removes the delegation they set and their availability mark. Approvers and agents stay on other people's
/// requests: they acted in their role (as in retention, ADR 0016). Running it again finds nothing more to do.
/// </summary>
public static class PersonErasure
{
    private const int Attempts = 5;

    public static async Task<ErasureResult> EraseAsync(
        PersonRef person, PersonRef askedBy, IRequestStore requests, IDelegationStore delegations, IAssignmentStore assignments,
        DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var made = new List<ServiceRequest>();
        await foreach (var request in requests.ScanAsync(cancellationToken: cancellationToken))
        {
            if (request.Requester.Id == person.Id)
            {
                made.Add(request);
            }
        }

        var anonymised = new List<string>();
        var open = new List<string>();
        var why = $"data-subject erasure asked by {askedBy.Name}";
        foreach (var request in made)
        {
            if (!request.State.IsFinal())
            {
                open.Add(request.Id);
            }
            else if (await AnonymiseAsync(request, askedBy, why, requests, now, cancellationToken))
            {
                anonymised.Add(request.Id);
            }
        }

        return new ErasureResult(
            anonymised,
            open,
            await delegations.RemoveAsync(person.Id, cancellationToken),
            await assignments.SetAvailableAsync(person.Id, cancellationToken));
    }

    // Reloads on a conflict (an agent or the sweep saved it first); false when it was anonymised meanwhile or is gone.
    private static async Task<bool> AnonymiseAsync(
        ServiceRequest request, PersonRef askedBy, string why, IRequestStore requests, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var personId = request.Requester.Id;
        for (var attempt = 1; ; attempt++)
        {
            if (request.Anonymised is not null || request.Requester.Id != personId || !request.State.IsFinal())
            {
                return false;
            }

            request.Anonymise(askedBy, why, now);
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
