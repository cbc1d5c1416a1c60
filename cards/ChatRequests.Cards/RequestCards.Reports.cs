using System.Globalization;
using System.Text;
using ChatRequests.Core.Reporting;

namespace ChatRequests.Cards;

public sealed partial class RequestCards
{
    /// <summary>How many reasons and outliers the report card lists: the top ones; the rest are counted.</summary>
    internal const int ReportListSize = 5;

    /// <summary>The most the report card may weigh: Teams' limit of about 28 KB, less room for the activity around it.</summary>
    internal const int MaxReportBytes = 26 * 1024;

    // A reason is what someone typed: a line of it is enough on the card (and keeps it under Teams' size limit).
    private const int ReasonLength = 120;

    /// <summary>
    /// The report card: headline figures, the charts (PNGs as data URIs: the volume, then the time per stage), times with
    /// their median and 90th percentile (in working hours too where a team has a calendar), the slowest stage, the top
    /// cancellation and rejection reasons (as people typed them) and outliers with their request numbers.
    /// </summary>
    /// <param name="covers">Whose requests ("Service desk", "your 3 direct reports").</param>
    /// <param name="zone">The zone the period's days are counted in, said under the period.</param>
    /// <param name="chart">The volume chart <c>ChatRequests.Charts.ReportChart</c> drew and what it shows (its alternative text); null for none.</param>
    /// <param name="stageChart">The stage chart <c>ChatRequests.Charts.StageChart</c> drew and what it shows; null for none.</param>
    public CardMessage Report(
        ReportFigures figures, string covers, TimeZoneInfo zone, (byte[] Png, string Description)? chart, (byte[] Png, string Description)? stageChart = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        // Teams refuses a message over about 28 KB: long lists and busy charts together may pass it; the figures matter
        // more, then the volume (the card names the slowest stage in words).
        var card = ReportCard(figures, covers, zone, chart, stageChart, leftOut: null);
        if (stageChart is not null && TooLarge(card))
        {
            card = ReportCard(figures, covers, zone, chart, stageChart: null, leftOut: chart is null ? "chart is" : "stage chart is");
        }

        return chart is not null && TooLarge(card)
            ? ReportCard(figures, covers, zone, chart: null, stageChart: null, leftOut: stageChart is null ? "chart is" : "charts are")
            : card;
    }

    private static bool TooLarge(CardMessage card) => Encoding.UTF8.GetByteCount(card.ToJsonString()) > MaxReportBytes;

    private CardMessage ReportCard(
        ReportFigures figures, string covers, TimeZoneInfo zone, (byte[] Png, string Description)? chart, (byte[] Png, string Description)? stageChart, string? leftOut)
    {
        var data = new
        {
            covers,
            // Not "UTC": the cards say no zone names people cannot read as theirs.
            period = $"{CardText.Capitalised(figures.Scope.Period.Label)} · days from midnight, {(zone == TimeZoneInfo.Utc ? "Coordinated Universal Time" : $"{zone.Id} time")}",
            headlines = new[]
            {
                new { value = Number(figures.Logged), label = "logged" },
                new { value = Number(figures.Fulfilled), label = "fulfilled" },
                new { value = Number(figures.Backlog), label = "open at the end" },
                new { value = Percent(figures.SlaMet), label = "met their target" },
            },
            hasChart = chart is not null,
            chart = DataUri(chart),
            chartText = chart?.Description,
            hasStageChart = stageChart is not null,
            stageChart = DataUri(stageChart),
            stageChartText = stageChart?.Description,
            chartLeftOut = leftOut is null ? null : $"The {leftOut} left out: with it this message would be too large for Teams.",
            figures = ReportRows(figures),
            reasons = Reasons(figures),
            hasOutliers = figures.Outliers.Count > 0,
            outliers = figures.Outliers.Take(ReportListSize).Select(o => new
            {
                person = o.Person.Name,
                detail = o.Detail,
                requests = string.Join(", ", o.RequestIds.Take(ReportListSize)) + (o.RequestIds.Count > ReportListSize ? $" and {o.RequestIds.Count - ReportListSize} more" : ""),
            }),
        };
        var fallback = $"Report for {covers}, {figures.Scope.Period.Label}: {figures.Logged} logged, {figures.Fulfilled} fulfilled, {figures.Backlog} open.";
        return Render("report", data, fallback);
    }

    private static string? DataUri((byte[] Png, string Description)? image) =>
        image is { } picture ? "data:image/png;base64," + Convert.ToBase64String(picture.Png) : null;

    private static IEnumerable<object> ReportRows(ReportFigures f)
    {
        var rows = new List<(string Label, string Value)>
        {
            ("Open, by age", f.Backlog == 0 ? "none" : string.Join(" · ", f.BacklogAge.Where(b => b.Count > 0).Select(b => $"{b.Label}: {Number(b.Count)}"))),
            ("Approval wait", Times(f.ApprovalWait)),
            ("Fulfilment", Times(f.Fulfilment)),
        };
        if (f.WorkingHours is { } working)
        {
            // Beside the wall clock's: the team's calendar is what its targets count on.
            rows.Add(("Approval wait in working hours", Times(working.ApprovalWait)));
            rows.Add(("Fulfilment in working hours", Times(working.Fulfilment)));
        }

        rows.Add(("Logged to fulfilled", Times(f.CycleTime)));
        if (f.Stages.Where(s => s.Time.P50 is not null).MaxBy(s => s.Time.P50) is { } slowest)
        {
            rows.Add(("Slowest stage", $"{slowest.Stage} (median {CardText.Duration(slowest.Time.P50!.Value)})"));
        }

        rows.Add(("First-time fulfilment", Share(f.FirstTimeFulfilment, "closed")));
        rows.Add(("Automated", Share(f.Automated, "fulfilled")));
        rows.Add(("Forms abandoned", Share(f.Abandoned, "shown")));
        var ratings = f.CsatDistribution.Sum();
        rows.Add(("Satisfaction", f.CsatAverage is { } average
            ? $"{average.ToString("0.0", CultureInfo.InvariantCulture)} of 5 from {Number(ratings)} rating{(ratings == 1 ? "" : "s")}"
            : "no ratings"));
        return rows.Select(r => new { label = r.Label, value = r.Value });
    }

    private static IEnumerable<object> Reasons(ReportFigures f) =>
        new[] { ("Why requests were cancelled", f.CancellationReasons), ("Why requests were rejected", f.RejectionReasons) }
            .Where(r => r.Item2.Count > 0)
            .Select(r => new
            {
                title = r.Item1,
                lines = r.Item2.OrderByDescending(c => c.Count).Take(ReportListSize)
                    .Select(c => new { reason = CardText.Shorten(c.Reason, ReasonLength), count = $"× {Number(c.Count)}" }),
            });

    private static string Times(Durations d) => d.P50 is { } p50
        ? $"median {CardText.Duration(p50)}, 90% within {CardText.Duration(d.P90 ?? p50)} ({Number(d.Count)} request{(d.Count == 1 ? "" : "s")})"
        : "none in the period";

    private static string Share(Share s, string of) => s.Percent is { } percent
        ? $"{percent.ToString("0", CultureInfo.InvariantCulture)}% ({Number(s.Count)} of {Number(s.Of)} {of})"
        : $"none {of}";

    private static string Percent(Share s) => s.Percent is { } percent ? $"{percent.ToString("0", CultureInfo.InvariantCulture)}%" : "–";

    private static string Number(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
