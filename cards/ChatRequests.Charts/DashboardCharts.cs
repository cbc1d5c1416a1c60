using ChatRequests.Core.Reporting;
using ScottPlot;

namespace ChatRequests.Charts;

/// <summary>
/// The dashboard's pictures: the same plots as the report card's (<see cref="ReportChart"/>), each on its own and larger,
/// since a page has none of a card's size limit: volume per day (per week beyond a month) and hours per stage.
/// </summary>
public static class DashboardCharts
{
    public const int Width = 640;
    public const int Height = 260;

    /// <summary>The charts the figures have data for, in page order; none for an empty period.</summary>
    public static IReadOnlyList<ChartImage> Render(ReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var charts = new List<ChartImage>();
        if (figures.ByDay.Count > 0)
        {
            charts.Add(Png(ReportChart.Volume(figures.ByDay), "Chart of requests logged and fulfilled over the period."));
        }

        var stages = figures.Stages.Where(s => s.Time.P50 is not null).ToList();
        if (stages.Count > 0)
        {
            charts.Add(Png(ReportChart.StageTimes(stages), $"Chart of hours per stage (median and 90th percentile): {string.Join(", ", stages.Select(s => s.Stage))}."));
        }

        return charts;
    }

    private static ChartImage Png(Plot plot, string description) => new(plot.GetImageBytes(Width, Height, ImageFormat.Png), description);
}
