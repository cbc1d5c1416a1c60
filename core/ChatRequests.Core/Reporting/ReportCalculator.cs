using System.Globalization;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Reporting;

/// <summary>
/// Computes a report's figures from the fact rows and forms of its scope: a pure function of them, the report settings
/// and the time it is computed at (the backlog of a period not over yet is the backlog now). README "Reports" says what
/// each figure counts.
/// </summary>
public static class ReportCalculator
{
    /// <summary>A form not submitted within this time of being shown counts as abandoned; younger ones are not counted yet.</summary>
    public static readonly TimeSpan AbandonGrace = TimeSpan.FromHours(24);

    public const string WaitingForAgent = "Waiting for an agent";
    public const string Work = "Work";
    public const string WaitingForParts = "Waiting for parts";
    public const string WaitingForRequester = "Waiting for the requester";
    public const string QualityCheck = "Quality check";
    public const string Delivery = "Delivery";

    private static readonly (string Stage, RequestState[] States)[] AfterApproval =
    [
        (WaitingForAgent, [RequestState.Approved]),
        (Work, [RequestState.Assigned, RequestState.InProgress, RequestState.Scheduled, RequestState.Reopened]),
        (WaitingForParts, [RequestState.AwaitingParts]),
        (WaitingForRequester, [RequestState.AwaitingRequester]),
        (QualityCheck, [RequestState.InReview]),
        (Delivery, [RequestState.OutForDelivery]),
    ];

    /// <param name="calendarOf">A team's working calendar by its id (null: the team has none); none given, every hour counts.</param>
    public static ReportFigures Compute(
        ReportScope scope, IEnumerable<RequestFacts> rows, IEnumerable<FormShown> forms, ReportSettings settings, DateTimeOffset now,
        Func<string, WorkingCalendar?>? calendarOf = null)
    {
        var period = scope.Period;
        // In a stable order, whatever order the store returned them in: the first spelling of a reason is the oldest request's.
        var facts = rows.Where(scope.Covers).OrderBy(f => f.SubmittedAt).ThenBy(f => f.RequestId, StringComparer.Ordinal).ToList();
        var logged = facts.Where(f => period.Contains(f.SubmittedAt)).ToList();
        var fulfilled = facts.Where(f => period.Contains(f.FulfilledAt)).ToList();
        var approved = facts.Where(f => f.NeededApproval && f.ApprovalAskedAt is not null && period.Contains(f.ApprovedAt)).ToList();
        var closed = facts.Where(f => period.Contains(f.ClosedAt)).ToList();
        var asOf = period.To < now ? period.To : now;
        var backlog = facts.Where(f => f.SubmittedAt < asOf && !(f.EndedAt < asOf)).ToList();
        var rated = facts.Where(f => f.Rating is not null && period.Contains(f.RatedAt)).ToList();
        var graceOver = forms.Where(f => scope.Covers(f) && f.ShownAt + AbandonGrace <= now).ToList();

        return new ReportFigures
        {
            Scope = scope,
            Logged = logged.Count,
            Fulfilled = fulfilled.Count,
            Backlog = backlog.Count,
            BacklogAge = Ages(backlog, asOf),
            ApprovalWait = Percentiles.Of(approved.Select(ApprovalWait)),
            Fulfilment = Percentiles.Of(fulfilled.Select(FulfilmentTime)),
            WorkingHours = calendarOf is null ? null : WorkingTimes.Of(approved, fulfilled, calendarOf),
            CycleTime = Percentiles.Of(fulfilled.Select(f => f.FulfilledAt!.Value - f.SubmittedAt)),
            Stages = Stages(fulfilled),
            SlaMet = new Share(fulfilled.Count(f => f.SlaMet == true), fulfilled.Count),
            FirstTimeFulfilment = new Share(closed.Count(f => f.ReopenCount == 0 && f.QcFailures == 0), closed.Count),
            Automated = new Share(fulfilled.Count(f => f.Automated), fulfilled.Count),
            Abandoned = new Share(graceOver.Count(f => f.SubmittedAt is null), graceOver.Count),
            CancellationReasons = Reasons(facts.Where(f => period.Contains(f.CancelledAt)).Select(f => f.CancelReason)),
            RejectionReasons = Reasons(facts.Where(f => period.Contains(f.RejectedAt)).Select(f => f.RejectReason)),
            CsatAverage = rated.Count == 0 ? null : rated.Average(f => f.Rating!.Value),
            CsatDistribution = [.. Enumerable.Range(1, 5).Select(stars => rated.Count(f => f.Rating == stars))],
            ByDay = Days(period, logged, fulfilled),
            ByCategory = Categories(logged, approved, fulfilled),
            Outliers = [.. RestrictedRepeats(logged, settings), .. QuickApprovals(facts, period, settings)],
        };
    }

    private static TimeSpan ApprovalWait(RequestFacts f) => f.ApprovedAt!.Value - f.ApprovalAskedAt!.Value;

    private static TimeSpan FulfilmentTime(RequestFacts f) => f.FulfilledAt!.Value - (f.ApprovedAt ?? f.SubmittedAt);

    private static IReadOnlyList<AgeBucket> Ages(List<RequestFacts> backlog, DateTimeOffset asOf)
    {
        var ages = backlog.Select(f => asOf - f.SubmittedAt).ToList();
        return
        [
            new("under 1 day", ages.Count(a => a < TimeSpan.FromDays(1))),
            new("1-3 days", ages.Count(a => a >= TimeSpan.FromDays(1) && a < TimeSpan.FromDays(3))),
            new("3-7 days", ages.Count(a => a >= TimeSpan.FromDays(3) && a < TimeSpan.FromDays(7))),
            new("over 7 days", ages.Count(a => a >= TimeSpan.FromDays(7))),
        ];
    }

    /// <summary>Each approval stage by its name (asked to decided), then the time in the states after approval, up to fulfilment.</summary>
    private static IReadOnlyList<StageFigures> Stages(List<RequestFacts> fulfilled)
    {
        var approvalStages = fulfilled
            .SelectMany(f => f.Stages.Where(s => s.DecidedAt is not null).Select(s => (s.Name, Time: s.DecidedAt!.Value - s.AskedAt)))
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .Select(g => new StageFigures(g.Key, Percentiles.Of(g.Select(s => s.Time))));
        // Waiting for an agent counts only where an agent was assigned: an automatic grant waits for nobody.
        var afterApproval = AfterApproval
            .Select(a => new StageFigures(a.Stage, Percentiles.Of(fulfilled
                .Where(f => a.Stage != WaitingForAgent || f.AssignedAt is not null)
                .Select(f => f.TimeInStates.Where(t => a.States.Contains(t.State)).ToList())
                .Where(times => times.Count > 0)
                .Select(times => times.Aggregate(TimeSpan.Zero, (sum, t) => sum + t.Time)))))
            .Where(s => s.Time.Count > 0);
        return [.. approvalStages, .. afterApproval];
    }

    /// <summary>Grouped ignoring case and surrounding spaces, shown as first written; most frequent first. No reason given is a reason too.</summary>
    private static IReadOnlyList<ReasonCount> Reasons(IEnumerable<string?> reasons) =>
    [
        .. reasons
            .Select(r => string.IsNullOrWhiteSpace(r) ? "(no reason given)" : r.Trim())
            .GroupBy(r => r, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ReasonCount(g.First(), g.Count()))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => r.Reason, StringComparer.OrdinalIgnoreCase),
    ];

    private static IReadOnlyList<DayVolume> Days(ReportPeriod period, List<RequestFacts> logged, List<RequestFacts> fulfilled)
    {
        var first = DateOnly.FromDateTime(period.From.UtcDateTime);
        var last = DateOnly.FromDateTime((period.To - TimeSpan.FromTicks(1)).UtcDateTime);
        var loggedByDay = logged.CountBy(f => DateOnly.FromDateTime(f.SubmittedAt.UtcDateTime)).ToDictionary();
        var fulfilledByDay = fulfilled.CountBy(f => DateOnly.FromDateTime(f.FulfilledAt!.Value.UtcDateTime)).ToDictionary();
        var days = new List<DayVolume>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            days.Add(new DayVolume(day, loggedByDay.GetValueOrDefault(day), fulfilledByDay.GetValueOrDefault(day)));
        }

        return days;
    }

    private static IReadOnlyList<CategoryFigures> Categories(List<RequestFacts> logged, List<RequestFacts> approved, List<RequestFacts> fulfilled) =>
    [
        .. logged.Concat(approved).Concat(fulfilled)
            .Select(f => f.Category)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(c => new CategoryFigures(
                c,
                logged.Count(f => Same(f.Category, c)),
                Percentiles.Of(approved.Where(f => Same(f.Category, c)).Select(ApprovalWait)),
                Percentiles.Of(fulfilled.Where(f => Same(f.Category, c)).Select(FulfilmentTime))))
            .OrderByDescending(c => c.Logged)
            .ThenBy(c => c.Category, StringComparer.OrdinalIgnoreCase),
    ];

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<Outlier> RestrictedRepeats(List<RequestFacts> logged, ReportSettings settings) =>
        logged.Where(f => f.Restricted)
            .GroupBy(f => f.Requester.Id)
            .Where(g => g.Count() >= settings.RestrictedRepeatThreshold)
            .Select(g => g.OrderBy(f => f.SubmittedAt).ThenBy(f => f.RequestId, StringComparer.Ordinal).ToList())
            .Select(g => new Outlier(
                OutlierKind.RestrictedRepeats,
                g[^1].Requester,
                [.. g.Select(f => f.RequestId)],
                $"{Count(g.Count)} requests for restricted items in the period ({string.Join(", ", g.Select(f => f.ItemName).Distinct())})"))
            .OrderByDescending(o => o.RequestIds.Count)
            .ThenBy(o => o.Person.Name, StringComparer.Ordinal);

    private static IEnumerable<Outlier> QuickApprovals(List<RequestFacts> facts, ReportPeriod period, ReportSettings settings)
    {
        if (settings.QuickApprovalSeconds <= 0)
        {
            return [];
        }

        var limit = TimeSpan.FromSeconds(settings.QuickApprovalSeconds);
        return facts
            .SelectMany(f => f.Stages.SelectMany(s => s.Decisions
                .Where(d => d.Approved && period.Contains(d.At) && d.At - s.AskedAt < limit)
                .Select(d => (f.RequestId, d.By))))
            .GroupBy(x => x.By.Id)
            .Select(g => g.OrderBy(x => x.RequestId, StringComparer.Ordinal).ToList())
            .Select(g => new Outlier(
                OutlierKind.QuickApproval,
                g[0].By,
                [.. g.Select(x => x.RequestId).Distinct()],
                $"{Count(g.Count)} approvals given within {settings.QuickApprovalSeconds.ToString(CultureInfo.InvariantCulture)} seconds of being asked"))
            .OrderByDescending(o => o.RequestIds.Count)
            .ThenBy(o => o.Person.Name, StringComparer.Ordinal);
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
