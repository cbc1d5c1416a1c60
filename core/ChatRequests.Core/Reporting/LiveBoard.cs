using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Reporting;

/// <summary>
/// One open request on the dashboard's live panels. <paramref name="Why"/> is the requester's justification as the viewer
/// may read it (sensitive values masked), shortened; it and the names are what people typed: shown as text only.
/// </summary>
public sealed record LiveRequest(
    string Id, string Item, string Why, string Category, string Team, string State, string? Assignee,
    DateTimeOffset SubmittedAt, DateTimeOffset DueAt, double AgeHours);

/// <summary>
/// An outbox event that ran out of attempts, for the lead of the team that owns the request. <paramref name="Reason"/> is
/// the last failure, shortened; it can quote what someone typed: shown as text only. (GET /status, public, counts these.)
/// </summary>
public sealed record ParkedEvent(string RequestId, string Item, string Team, string Event, int Attempts, DateTimeOffset ParkedAt, string? Reason);

/// <summary>What the dashboard's live panels get: the queue, the SLA breaches, the parked events; or a refusal with none.</summary>
public abstract record LiveAnswer
{
    private LiveAnswer()
    {
    }

    /// <param name="ParkedShown">False when the viewer leads none of the teams shown: parked events are for leads.</param>
    public sealed record Board(
        DateTimeOffset Now, IReadOnlyList<string> Teams, IReadOnlyList<LiveRequest> Queue, IReadOnlyList<LiveRequest> Breaches,
        IReadOnlyList<ParkedEvent> Parked, bool ParkedShown) : LiveAnswer;

    public sealed record Refused(string Title, string Text) : LiveAnswer;
}

/// <summary>
/// The dashboard's live panels, read from the requests themselves (not the projection, which is for periods): open
/// requests of the teams the viewer may watch (<see cref="ReportDesk.WatchedTeamsAsync"/>), oldest first; those past
/// their due time (<see cref="SlaPolicy.IsBreached"/>), most overdue first; and events parked after their last attempt,
/// for the lead of the owning team only. A team or category filter narrows them; a team the viewer may not watch
/// gives an empty board, the same as a team with nothing open, so the answer says nothing about it.
/// </summary>
public sealed class LiveBoard(ReportDesk desk, IRequestStore store, TimeProvider clock)
{
    /// <summary>The most rows a panel shows (the oldest or most overdue): a board, not an export.</summary>
    public const int MaxRows = 200;

    /// <summary>How much of a justification a row shows.</summary>
    public const int WhyLength = 140;

    /// <summary>How much of a parked event's failure reason its row shows.</summary>
    public const int ReasonLength = 300;

    public const string RefusalTitle = "No live queue";
    public const string RefusalText = "The live queue is for team leads and auditors.";

    public async Task<LiveAnswer> AnswerAsync(string personId, string? teamName, string? category, CancellationToken cancellationToken = default)
    {
        var watched = await desk.WatchedTeamsAsync(personId, cancellationToken);
        if (watched.Count == 0)
        {
            return new LiveAnswer.Refused(RefusalTitle, RefusalText);
        }

        var teams = teamName is null ? watched : [.. watched.Where(t => Named(t, teamName))];
        var now = clock.GetUtcNow();
        // Each team's queue is read a page at a time (oldest first); only the rows a panel can still show are kept.
        var oldest = new List<ServiceRequest>();
        var overdue = new List<ServiceRequest>();
        foreach (var team in teams)
        {
            var fromTeam = 0;
            await foreach (var r in store.ReadTeamQueueAsync(team.Id, cancellationToken))
            {
                if (!InCategory(r, category))
                {
                    continue;
                }

                if (fromTeam++ < MaxRows)
                {
                    oldest.Add(r);
                }

                if (r.State.IsUnresolved() && SlaPolicy.IsBreached(r.DueAt, now))
                {
                    overdue.Add(r);
                    if (overdue.Count >= 2 * MaxRows)
                    {
                        overdue = MostOverdue(overdue);
                    }
                }
            }
        }

        var queue = oldest.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(MaxRows).Select(r => Row(r, personId, now)).ToList();
        var breaches = MostOverdue(overdue).Select(r => Row(r, personId, now)).ToList();

        var led = teams.Where(t => string.Equals(t.LeadId, personId, StringComparison.OrdinalIgnoreCase)).ToDictionary(t => t.Id, t => t.Name);
        var parked = led.Count == 0 ? [] : (await store.ListWithParkedEventsAsync(cancellationToken))
            .Where(r => led.ContainsKey(r.TeamId) && InCategory(r, category))
            .SelectMany(r => r.Outbox.Where(e => e.IsParked).Select(e => Parked(r, e, led[r.TeamId], personId)))
            .OrderByDescending(e => e.ParkedAt).Take(MaxRows).ToList();

        return new LiveAnswer.Board(now, [.. teams.Select(t => t.Name)], queue, breaches, parked, ParkedShown: led.Count > 0);
    }

    private static List<ServiceRequest> MostOverdue(List<ServiceRequest> overdue) =>
        [.. overdue.OrderBy(r => r.DueAt).ThenBy(r => r.Id, StringComparer.Ordinal).Take(MaxRows)];

    private static LiveRequest Row(ServiceRequest r, string viewerId, DateTimeOffset now) => new(
        r.Id, r.ItemName, Shortened(SensitiveFields.MaskText(r, viewerId, r.Justification), WhyLength), r.Category, r.TeamName, r.State.ToDisplay(), r.Assignee?.Name, r.SubmittedAt, r.DueAt,
        Math.Round(Math.Max(0, (now - r.SubmittedAt).TotalHours), 1));

    private static ParkedEvent Parked(ServiceRequest r, OutboxEvent e, string teamName, string viewerId) => new(
        r.Id, r.ItemName, teamName, e.Type.ToString(), e.Attempts, e.ParkedAt!.Value,
        e.LastError is { } error ? Shortened(SensitiveFields.MaskText(r, viewerId, error), ReasonLength) : null);

    private static string Shortened(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    private static bool Named(Team team, string name) =>
        string.Equals(team.Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(team.Id, name, StringComparison.OrdinalIgnoreCase);

    private static bool InCategory(ServiceRequest request, string? category) =>
        category is null || string.Equals(request.Category, category, StringComparison.OrdinalIgnoreCase);
}
