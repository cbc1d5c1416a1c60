using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Reporting;

/// <summary>The time a report covers, from <see cref="From"/> (included) to <see cref="To"/> (excluded), and how people say it ("last month").</summary>
public sealed record ReportPeriod(DateTimeOffset From, DateTimeOffset To, string Label);

/// <summary>
/// What a report covers: a period, and optionally one team, one category, and only the requests of some requesters (a
/// manager's reports). Null means all.
/// </summary>
public sealed record ReportScope(ReportPeriod Period, string? TeamId = null, string? Category = null, IReadOnlyCollection<string>? RequesterIds = null);

/// <summary>How long something took across <see cref="Count"/> requests: the median and the 90th percentile; null when none.</summary>
public sealed record Durations(int Count, TimeSpan? P50, TimeSpan? P90)
{
    public static Durations None { get; } = new(0, null, null);
}

/// <summary><see cref="Count"/> of <see cref="Of"/>; <see cref="Percent"/> is null when <see cref="Of"/> is 0.</summary>
public sealed record Share(int Count, int Of)
{
    public static Share None { get; } = new(0, 0);

    public double? Percent => Of == 0 ? null : 100.0 * Count / Of;
}

/// <summary>A reason people gave (to cancel, to reject) and how many times.</summary>
public sealed record ReasonCount(string Reason, int Count);

/// <summary>How many open requests have waited this long ("under 1 day", "1-3 days", "3-7 days", "over 7 days").</summary>
public sealed record AgeBucket(string Label, int Count);

/// <summary>One day of the period: requests logged and requests fulfilled that day.</summary>
public sealed record DayVolume(DateOnly Day, int Logged, int Fulfilled);

/// <summary>One category's volume and where its time went, to find bottlenecks in approval or execution.</summary>
public sealed record CategoryFigures(string Category, int Logged, Durations ApprovalWait, Durations Fulfilment);

/// <summary>One step of the process ("Manager approval", "Waiting for an agent", "Work") and how long requests spent in it.</summary>
public sealed record StageFigures(string Stage, Durations Time);

/// <summary>What an outlier is.</summary>
public enum OutlierKind
{
    /// <summary>One person asked for items marked restricted at least the threshold's number of times.</summary>
    RestrictedRepeats,
    /// <summary>An approval decided within the threshold's seconds of being asked.</summary>
    QuickApproval,
}

/// <summary>A pattern worth a look: who, which requests, and a sentence saying what.</summary>
public sealed record Outlier(OutlierKind Kind, PersonRef Person, IReadOnlyList<string> RequestIds, string Detail);

/// <summary>
/// The figures of one report (<see cref="IReports"/>), computed from the reporting projection: volume, backlog and its
/// age, approval wait, fulfilment and cycle time with per-stage times, SLA met, first-time fulfilment, automation,
/// abandonment, cancellation and rejection reasons, satisfaction, and outliers.
/// </summary>
public sealed record ReportFigures
{
    public required ReportScope Scope { get; init; }

    /// <summary>Requests logged in the period.</summary>
    public int Logged { get; init; }

    /// <summary>Requests fulfilled (resolved for the requester) in the period.</summary>
    public int Fulfilled { get; init; }

    /// <summary>Requests open at the end of the period (not fulfilled, closed, cancelled or rejected).</summary>
    public int Backlog { get; init; }

    /// <summary>The backlog by how long its requests have been open at the end of the period.</summary>
    public IReadOnlyList<AgeBucket> BacklogAge { get; init; } = [];

    /// <summary>From asking for approval to the last approval, for requests approved in the period.</summary>
    public Durations ApprovalWait { get; init; } = Durations.None;

    /// <summary>From approval to fulfilment, for requests fulfilled in the period.</summary>
    public Durations Fulfilment { get; init; } = Durations.None;

    /// <summary>
    /// <see cref="ApprovalWait"/> and <see cref="Fulfilment"/> in working hours on the teams' calendars; null when no team
    /// counted has a calendar (wall clock only).
    /// </summary>
    public WorkingTimes? WorkingHours { get; init; }

    /// <summary>From logging to fulfilment, for requests fulfilled in the period.</summary>
    public Durations CycleTime { get; init; } = Durations.None;

    /// <summary>Time per step of the process, for requests fulfilled in the period: where the time goes.</summary>
    public IReadOnlyList<StageFigures> Stages { get; init; } = [];

    /// <summary>Requests fulfilled in the period by their target date, of those fulfilled.</summary>
    public Share SlaMet { get; init; } = Share.None;

    /// <summary>Requests closed in the period that were never reopened and never failed a quality check, of those closed.</summary>
    public Share FirstTimeFulfilment { get; init; } = Share.None;

    /// <summary>Requests fulfilled in the period with no manual step (automatic provisioning), of those fulfilled.</summary>
    public Share Automated { get; init; } = Share.None;

    /// <summary>Request forms shown in the period and never submitted, of the forms shown.</summary>
    public Share Abandoned { get; init; } = Share.None;

    public IReadOnlyList<ReasonCount> CancellationReasons { get; init; } = [];

    public IReadOnlyList<ReasonCount> RejectionReasons { get; init; } = [];

    /// <summary>The requesters' average rating (1 to 5) of requests rated in the period; null when none.</summary>
    public double? CsatAverage { get; init; }

    /// <summary>How many ratings of 1, 2, 3, 4 and 5 stars (index 0 is 1 star).</summary>
    public IReadOnlyList<int> CsatDistribution { get; init; } = [0, 0, 0, 0, 0];

    public IReadOnlyList<DayVolume> ByDay { get; init; } = [];

    public IReadOnlyList<CategoryFigures> ByCategory { get; init; } = [];

    public IReadOnlyList<Outlier> Outliers { get; init; } = [];
}

/// <summary>Computes reports from the reporting projection (never by reading every request document).</summary>
public interface IReports
{
    /// <param name="teams">The directory's teams when the caller has already read them in this turn (their calendars count
    /// working hours); null reads them from the directory.</param>
    Task<ReportFigures> ComputeAsync(ReportScope scope, IReadOnlyList<Team>? teams = null, CancellationToken cancellationToken = default);
}
