using System.Globalization;
using System.Text.Json.Serialization;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Sla;

namespace ChatRequests.Core.Requests;

// Assignment by workload: the agent chosen when the request reaches its team, a reassignment from the team card, and
// the channel reminded of a request nobody took.
public sealed partial class ServiceRequest
{
    /// <summary>When the team's assignment rule was applied to the request (once, when it reached the team); null before, or for manual teams.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? AssignmentCheckedAt { get; internal set; }

    /// <summary>Why automatic assignment found nobody ("Adele Vance is away, ..."), shown on the team card while it is unassigned.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? AssignmentNote { get; internal set; }

    /// <summary>When the request, if still unassigned, is posted in the team's channel again; null when not (any more).</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? ReannounceAt { get; internal set; }

    /// <summary>The team's re-announce period (working hours) as it was when the request reached the team.</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? ReannounceAfterHours { get; internal set; }

    /// <summary>When it was last posted again (the mark that makes each period's post happen once).</summary>
    [JsonInclude, JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public DateTimeOffset? ReannouncedAt { get; internal set; }

    /// <summary>The next re-announce the SLA sweep has to do: only while the request waits, approved and unassigned.</summary>
    [JsonIgnore] public DateTimeOffset? ReannounceDueAt => IsUnassignedAtTeam ? ReannounceAt : null;

    [JsonIgnore] private bool IsUnassignedAtTeam => State == RequestState.Approved && Assignee is null;

    /// <summary>
    /// The request reached its team: the team's rule is applied once. <paramref name="choice"/> is what automatic
    /// selection found (null for a manual team): the agent is assigned, or the card will say why nobody was. A request left
    /// unassigned is posted again at <paramref name="reannounceAt"/> (null: never). False when it was done already, or the
    /// request is no longer waiting for an agent (a redelivered event, an agent quicker than the worker).
    /// </summary>
    public bool ReachTeam(AssigneeChoice? choice, DateTimeOffset? reannounceAt, double? reannounceAfterHours, DateTimeOffset now)
    {
        if (AssignmentCheckedAt is not null || !IsUnassignedAtTeam)
        {
            return false;
        }

        AssignmentCheckedAt = now;
        if (choice is { Assignee: { } assignee })
        {
            Apply(RequestCommand.Assign, PersonRef.System, now, $"Assigned automatically to {assignee.Name} ({choice.Why})");
            Assignee = assignee;
            StatusNote = null;
            Raise(RequestEventType.Assigned, PersonRef.System, now, null);
            return true;
        }

        if (choice is not null)
        {
            AssignmentNote = $"Nobody available to assign automatically: {choice.Why}.";
            Note(AuditAction.NotAssigned, now, AssignmentNote);
        }

        ReannounceAt = reannounceAt;
        ReannounceAfterHours = reannounceAt is null ? null : reannounceAfterHours;
        return true;
    }

    /// <summary>
    /// Approved again after its item changed (re-approval) with the agent it had: the request is back with the team, which
    /// applied its rule once already, so it is not assigned a second time. It goes back to its assignee, or to
    /// <paramref name="replacement"/> when automatic selection chose one because the assignee is unavailable now. False
    /// when it is not such a request (any more: a redelivered event).
    /// </summary>
    public bool ReachTeamAgain(AssigneeChoice? replacement, string? keptUnavailableWhy, DateTimeOffset now)
    {
        if (!IsBackWithTheTeam || Assignee is not { } kept)
        {
            return false;
        }

        if (replacement is { Assignee: { } other })
        {
            Apply(RequestCommand.Assign, PersonRef.System, now,
                $"Approved again; {kept.Name} {keptUnavailableWhy}, so assigned automatically to {other.Name} ({replacement.Why})");
            Assignee = other;
        }
        else
        {
            Apply(RequestCommand.Assign, PersonRef.System, now, $"Approved again; back with {kept.Name}");
        }

        Raise(RequestEventType.Assigned, PersonRef.System, now, null);
        return true;
    }

    /// <summary>Approved again (re-approval) with an assignee from before: the team's rule was applied when it first reached the team.</summary>
    [JsonIgnore] public bool IsBackWithTheTeam => State == RequestState.Approved && Assignee is not null && AssignmentCheckedAt is not null;

    /// <summary>
    /// A member of the team gives the request to <paramref name="to"/>, another member (the caller checks membership):
    /// assigned when it was not, else the assignee changes and the work stays where it is. The history says who gave it
    /// to whom, and the new assignee is told.
    /// </summary>
    public void Reassign(PersonRef by, PersonRef to, DateTimeOffset now)
    {
        if (to.Id == Requester.Id)
        {
            throw new RequestRuleException($"{to.Name} raised {Id} and cannot fulfil it; choose someone else.");
        }

        if (Assignee?.Id == to.Id)
        {
            throw new RequestRuleException($"{Id} is already assigned to {to.Name}.");
        }

        if (!RequestTransitions.IsAllowed(State, RequestCommand.Assign))
        {
            throw new RequestTransitionException(State, RequestCommand.Assign);
        }

        if (Assignee is null)
        {
            Apply(RequestCommand.Assign, by, now, $"Assigned to {to.Name} by {by.Name}");
        }
        else
        {
            UpdatedAt = now;
            Record(now, by, AuditAction.Reassign, State, State, $"Reassigned from {Assignee.Name} to {to.Name} by {by.Name}");
        }

        Assignee = to;
        Raise(RequestEventType.Assigned, by, now, null);
    }

    /// <summary>
    /// The team's re-announce period has passed and nobody took the request: posted in the channel again, once (marked
    /// here); the worker that posts it sets the next period (<see cref="ScheduleNextReannounce"/>).
    /// </summary>
    private SlaOutcome? Reannounce(DateTimeOffset now)
    {
        if (ReannounceDueAt is not { } due || now < due)
        {
            return null;
        }

        var after = $"Still unassigned after {Hours(ReannounceAfterHours ?? 0)} working hours";
        ReannouncedAt = now;
        ReannounceAt = null;
        Note(AuditAction.Reannounce, now, $"{after}; posted in the team's channel again");
        Raise(RequestEventType.Reannounced, PersonRef.System, now, after);
        return SlaOutcome.None with { Reannounced = true };
    }

    /// <summary>
    /// The next re-announce after the one made at <paramref name="madeAt"/>; false when it was set already or the
    /// request was taken meanwhile (a redelivered event changes nothing).
    /// </summary>
    public bool ScheduleNextReannounce(DateTimeOffset madeAt, DateTimeOffset at)
    {
        if (!IsUnassignedAtTeam || ReannounceAt is not null || ReannouncedAt != madeAt)
        {
            return false;
        }

        ReannounceAt = at;
        return true;
    }

    private static string Hours(double hours) => hours.ToString("0.##", CultureInfo.InvariantCulture);
}
