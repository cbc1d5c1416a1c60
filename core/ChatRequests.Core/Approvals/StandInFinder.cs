using System.Globalization;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Approvals;

/// <summary>
/// Who decides for an approver right now: the delegate they set while it lasts, else their manager while the absence
/// calendar says they are away. Only the approver's own stand-in is looked up (delegation does not chain); whether that
/// person may decide a given stage is the request's rule (<see cref="ServiceRequest"/>, segregation of duties).
/// </summary>
public sealed class StandInFinder(IDelegationStore delegations, IAbsenceCalendar absences, IDirectory directory, TimeProvider clock)
{
    /// <summary>Everyone a stage may be put to: its approvers and its fallbacks.</summary>
    public static IEnumerable<PersonRef> CandidatesOf(ApprovalStage stage) =>
        stage.Approvers.Concat(stage.Fallbacks.SelectMany(f => f.Approvers));

    /// <summary>The stand-ins of <paramref name="approvers"/>, by the id of the person they stand in for.</summary>
    public async Task<IReadOnlyDictionary<string, StandIn>> FindAsync(IEnumerable<PersonRef> approvers, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var found = new Dictionary<string, StandIn>(StringComparer.Ordinal);
        foreach (var approver in approvers.DistinctBy(a => a.Id))
        {
            if (await delegations.FindAsync(approver.Id, cancellationToken) is { } delegation)
            {
                if (delegation.IsActiveAt(now))
                {
                    found[approver.Id] = new StandIn(delegation.Delegate, approver, $"delegated approvals until {LastDay(delegation.Until)}");
                }

                // A delegation set (even one that ran out) is the approver's own word; the calendar is asked only without one.
                continue;
            }

            if (await absences.FindAbsenceAsync(approver.Id, now, cancellationToken) is { } absence
                && await ManagerOfAsync(approver.Id, cancellationToken) is { } manager)
            {
                var until = absence.Until is { } end ? $" until {LastDay(end)}" : "";
                found[approver.Id] = new StandIn(manager, approver, $"is away{until}, so their manager decides");
            }
        }

        return found;
    }

    /// <summary>"31 Dec 2026": the day a delegation or absence ending at <paramref name="end"/> runs through.</summary>
    public static string LastDay(DateTimeOffset end) => end.AddTicks(-1).ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private async Task<PersonRef?> ManagerOfAsync(string personId, CancellationToken cancellationToken)
    {
        var person = await directory.FindPersonAsync(personId, cancellationToken);
        var manager = person?.ManagerId is { } managerId ? await directory.FindPersonAsync(managerId, cancellationToken) : null;
        return manager is null ? null : new PersonRef(manager.Id, manager.Name);
    }
}
