using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Core.Assignment;

/// <summary>An agent's digest: their overdue requests and those due today (in their team's time zone, <see cref="Zone"/>).</summary>
public sealed record AgentDigest(IReadOnlyList<ServiceRequest> Overdue, IReadOnlyList<ServiceRequest> DueToday, TimeZoneInfo Zone)
{
    public bool IsEmpty => Overdue.Count == 0 && DueToday.Count == 0;
}

/// <summary>The daily digest (section <c>Digest</c>).</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digest";

    /// <summary>When the day of an always-open team starts, in UTC (a team with a calendar starts when it opens).</summary>
    public TimeSpan AlwaysOpenStartUtc { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long after the start of the day a digest may still go out (a host down at the start catches up within it).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the embedded host looks for digests due. The Functions app runs on its timer's schedule instead.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>What is wrong with the settings; empty when nothing.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AlwaysOpenStartUtc < TimeSpan.Zero || AlwaysOpenStartUtc >= TimeSpan.FromDays(1))
        {
            problems.Add("Digest:AlwaysOpenStartUtc must be a time of day, like 08:00:00.");
        }

        if (Window <= TimeSpan.Zero || Window > TimeSpan.FromHours(12))
        {
            problems.Add("Digest:Window must be positive and at most 12 hours.");
        }

        if (Interval <= TimeSpan.Zero || Interval >= Window)
        {
            problems.Add("Digest:Interval must be positive and shorter than Digest:Window.");
        }

        return problems;
    }
}

/// <summary>
/// Sends each agent, at the start of their team's working day, their overdue and due-today requests. Run every few
/// minutes by a timer (the embedded host's, or the Functions app's); a digest goes out once per agent and day, kept
/// by the notifier's message ledger (key <c>digest:{agent}:{date}</c>) across restarts and hosts. Nothing is sent when
/// the list is empty. An agent of several teams gets one digest, on the first of their teams whose day starts, with their
/// requests of every team. An agent marked unavailable at the time (away today) gets none: the day is not theirs.
/// </summary>
public sealed class DailyDigest(
    IRequestStore store,
    IDirectory directory,
    IAssignmentStore availability,
    INotifier notifier,
    TimeProvider clock,
    IOptions<DigestOptions> options,
    ILogger<DailyDigest> logger)
{
    /// <summary>Sends the digests due now; returns how many were handed to the notifier (already sent ones are skipped there).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var teams = await directory.ListTeamsAsync(cancellationToken);
        var queues = new Dictionary<string, IReadOnlyList<ServiceRequest>>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var sent = 0;
        foreach (var team in teams)
        {
            var calendar = team.WorkingCalendar();
            if (DayStarted(calendar, now) is not { } day)
            {
                continue;
            }

            foreach (var memberId in team.MemberIds.Where(done.Add))
            {
                var mine = new List<ServiceRequest>();
                foreach (var theirs in teams.Where(t => t.HasMember(memberId)))
                {
                    mine.AddRange((await AssignedAsync(theirs.Id, queues, cancellationToken)).Where(r => r.Assignee!.Id == memberId));
                }

                var digest = new AgentDigest(
                    [.. mine.Where(r => SlaPolicy.IsBreached(r.DueAt, now)).OrderBy(r => r.DueAt)],
                    [.. mine.Where(r => !SlaPolicy.IsBreached(r.DueAt, now) && LocalDay(r.DueAt, calendar.Zone) == day).OrderBy(r => r.DueAt)],
                    calendar.Zone);
                if (digest.IsEmpty
                    || (await availability.FindUnavailableAsync(memberId, cancellationToken))?.StandsAt(now) == true)
                {
                    continue;
                }

                var name = (await directory.FindPersonAsync(memberId, cancellationToken))?.Name ?? memberId;
                try
                {
                    await notifier.SendDigestAsync(new PersonRef(memberId, name), day, digest, cancellationToken);
                    sent++;
                }
                catch (RecipientUnreachableException ex)
                {
                    logger.LogWarning("The digest for {PersonId} could not be delivered ({Reason})", memberId, ex.Reason);
                }
            }
        }

        return sent;
    }

    /// <summary>The team's date when its working day started less than the window ago; null otherwise (closed today, too early, too late).</summary>
    public DateOnly? DayStarted(WorkingCalendar calendar, DateTimeOffset now)
    {
        var settings = options.Value;
        DateOnly day;
        DateTimeOffset start;
        if (calendar.IsAlwaysOpen)
        {
            day = DateOnly.FromDateTime(now.UtcDateTime);
            start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + settings.AlwaysOpenStartUtc;
        }
        else
        {
            day = LocalDay(now, calendar.Zone);
            if (!calendar.Days.Contains(day.DayOfWeek) || calendar.Holidays.Contains(day))
            {
                return null;
            }

            var opens = day.ToDateTime(TimeOnly.MinValue) + calendar.Opens;
            start = new DateTimeOffset(opens, calendar.Zone.GetUtcOffset(opens));
        }

        return now >= start && now < start + settings.Window ? day : null;
    }

    /// <summary>
    /// The team's requests in fulfilment that have an assignee, read once per run: its open queue a page at a time, so a
    /// run holds what digests list, not a whole backlog.
    /// </summary>
    private async Task<IReadOnlyList<ServiceRequest>> AssignedAsync(
        string teamId, Dictionary<string, IReadOnlyList<ServiceRequest>> queues, CancellationToken cancellationToken)
    {
        if (!queues.TryGetValue(teamId, out var assigned))
        {
            var kept = new List<ServiceRequest>();
            await foreach (var request in store.ReadTeamQueueAsync(teamId, cancellationToken))
            {
                if (request.Assignee is not null && request.State.IsInFulfilment())
                {
                    kept.Add(request);
                }
            }

            queues[teamId] = assigned = kept;
        }

        return assigned;
    }

    private static DateOnly LocalDay(DateTimeOffset at, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, zone).DateTime);
}
