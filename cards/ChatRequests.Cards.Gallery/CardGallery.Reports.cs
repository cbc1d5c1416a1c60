using ChatRequests.Charts;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// The report a team lead gets for "report last month": headline figures, the chart inside the card, times, reasons, outliers.
internal sealed partial class CardGallery
{
    private void AddReports()
    {
        var from = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var figures = new ReportFigures
        {
            Scope = new(new(from, from.AddDays(30), "last month (1 Nov – 30 Nov 2026)"), TeamId: "team-hardware"),
            Logged = 148,
            Fulfilled = 131,
            Backlog = 23,
            BacklogAge = [new("under 1 day", 9), new("1-3 days", 8), new("3-7 days", 4), new("over 7 days", 2)],
            ApprovalWait = new(61, TimeSpan.FromHours(3), TimeSpan.FromHours(27)),
            Fulfilment = new(131, TimeSpan.FromHours(20), TimeSpan.FromHours(70)),
            CycleTime = new(131, TimeSpan.FromHours(26), TimeSpan.FromHours(96)),
            WorkingHours = new(new(61, TimeSpan.FromHours(2), TimeSpan.FromHours(9)), new(131, TimeSpan.FromHours(7), TimeSpan.FromHours(24))),
            Stages =
            [
                new("Manager approval", new(61, TimeSpan.FromHours(3), TimeSpan.FromHours(27))),
                new("Waiting for an agent", new(131, TimeSpan.FromHours(9), TimeSpan.FromHours(30))),
                new("Work", new(131, TimeSpan.FromHours(7), TimeSpan.FromHours(40))),
            ],
            SlaMet = new(118, 131),
            FirstTimeFulfilment = new(122, 127),
            Automated = new(31, 131),
            Abandoned = new(14, 162),
            CancellationReasons = [new("Found a spare one in the office", 4), new("Ordered the wrong model", 2)],
            RejectionReasons = [new("Not in this year's budget", 3)],
            CsatAverage = 4.4,
            CsatDistribution = [1, 2, 6, 21, 44],
            ByDay = [.. Enumerable.Range(0, 30).Select(d => new DayVolume(new DateOnly(2026, 11, 1).AddDays(d), Weekday(d) ? 6 + (d * 7 % 5) : 0, Weekday(d) ? 4 + (d * 5 % 6) : 0))],
            Outliers = [new(OutlierKind.QuickApproval, new PersonRef(SampleOrganisation.Alex, "Alex Wilber"), ["REQ-000131", "REQ-000138", "REQ-000144"], "Approved 3 requests within 5 seconds of being asked.")],
        };
        var chart = ReportChart.Render(figures)!;
        var stages = StageChart.Render(figures)!;
        Add("report", _cards.Report(figures, "Hardware Service", TimeZoneInfo.Utc, (chart.Png, chart.Description), (stages.Png, stages.Description)));
        Add("report-refused", _cards.Info(ReportDesk.RefusalTitle, ReportDesk.RefusalText, "warning"));

        // 1 November 2026 is a Sunday.
        static bool Weekday(int day) => (day % 7) is not (0 or 6);
    }
}
