using ChatRequests.Charts;
using ChatRequests.Core.Reporting;
using SkiaSharp;

namespace ChatRequests.Cards.Tests.Reports;

public class DashboardChartsTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Render_DrawsVolumeAndStageTimes_EachAsItsOwnPng()
    {
        var figures = Figures(days: 14) with
        {
            Stages = [new("Manager approval", new(10, TimeSpan.FromHours(5), TimeSpan.FromHours(20))), new("Work", new(9, TimeSpan.FromHours(3), TimeSpan.FromHours(8)))],
        };

        var charts = DashboardCharts.Render(figures);

        Assert.Equal(2, charts.Count);
        foreach (var chart in charts)
        {
            using var bitmap = SKBitmap.Decode(chart.Png);
            Assert.Equal((DashboardCharts.Width, DashboardCharts.Height), (bitmap.Width, bitmap.Height));
        }

        Assert.Equal("Chart of requests logged and fulfilled over the period.", charts[0].Description);
        Assert.Equal("Chart of hours per stage (median and 90th percentile): Manager approval, Work.", charts[1].Description);
    }

    [Fact]
    public void Render_LeavesOutStagesWithNoMeasuredTime_AndDrawsNothingForNothing()
    {
        var unmeasured = Figures(days: 7) with { Stages = [new("Manager approval", new(0, null, null))] };
        var empty = new ReportFigures { Scope = new(new(From, From.AddDays(7), "last week")) };

        Assert.Single(DashboardCharts.Render(unmeasured));
        Assert.Empty(DashboardCharts.Render(empty));
    }

    private static ReportFigures Figures(int days) => new()
    {
        Scope = new(new(From, From.AddDays(days), $"last {days} days")),
        ByDay = [.. Enumerable.Range(0, days).Select(d => new DayVolume(DateOnly.FromDateTime(From.AddDays(d).Date), 3 + (d % 4), 2 + (d % 3)))],
    };
}
