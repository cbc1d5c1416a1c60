using System.Text;
using System.Text.Json;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Privacy;

/// <summary>One history line a person wrote (a decision, work on a request, a comment), with the request it is on.</summary>
public sealed record PersonHistoryLine(string RequestId, DateTimeOffset At, string Action, RequestState From, RequestState To, string? Comment);

/// <summary>
/// Everything held about one person, for a data-subject request: the requests they made (whole documents), every
/// history line they wrote on any request (decisions, including as a stand-in; work done; answers), the requests
/// assigned to them, the delegation they set as an approver and their availability mark. Their own sensitive answers are
/// in it (it is their data); a line they wrote on someone else's request shows that request's sensitive values only if
/// they may read them (<see cref="SensitiveFields.MayRead"/>).
/// </summary>
public sealed record PersonData(
    PersonRef Person,
    DateTimeOffset ExportedAt,
    IReadOnlyList<ServiceRequest> RequestsMade,
    IReadOnlyList<PersonHistoryLine> HistoryLines,
    IReadOnlyList<string> AssignedRequests,
    Delegation? Delegation,
    Unavailability? Availability);

/// <summary>Collects <see cref="PersonData"/> (a whole-store scan: auditors' work, not a turn's) and writes it as JSON.</summary>
public static class PersonDataExport
{
    public static async Task<PersonData> CollectAsync(
        PersonRef person, IRequestStore requests, IDelegationStore delegations, IAssignmentStore assignments, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        var made = new List<ServiceRequest>();
        var lines = new List<PersonHistoryLine>();
        var assigned = new List<string>();
        await foreach (var request in requests.ScanAsync(cancellationToken: cancellationToken))
        {
            if (request.Requester.Id == person.Id)
            {
                made.Add(request);
            }

            if (request.Assignee?.Id == person.Id)
            {
                assigned.Add(request.Id);
            }

            lines.AddRange(request.History
                .Where(h => !h.Redacted && h.Actor.Id == person.Id)
                .Select(h => new PersonHistoryLine(request.Id, h.At, h.Action.Name, h.From, h.To, SensitiveFields.MaskText(request, person.Id, h.Comment))));
        }

        return new PersonData(
            person,
            now,
            made,
            lines,
            assigned,
            await delegations.FindAsync(person.Id, cancellationToken),
            await assignments.FindUnavailableAsync(person.Id, cancellationToken));
    }

    /// <summary>The JSON file's bytes (UTF-8, indented: a person reads it).</summary>
    public static byte[] Json(PersonData data)
    {
        var options = new JsonSerializerOptions(RequestJson.Options) { WriteIndented = true };
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(data, options));
    }
}
