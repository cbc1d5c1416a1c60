using ChatRequests.Core.Reporting;
using ScottPlot;

namespace ChatRequests.Charts;

/// <summary>
/// The report card's second picture: a horizontal bar per stage of the process (each approval stage, waiting for an
/// agent, work, ...) with its median and 90th percentile hours, in the order the process runs, so a lead sees where
/// requests wait. As tall as its stages need; an opaque PNG inside the card like <see cref="ReportChart"/>.
/// </summary>
public static class StageChart
{
    public const int Width = ReportChart.Width;

    /// <summary>The most this chart weighs (a test keeps it): with the volume chart and the card's text, under Teams' message limit.</summary>
    public const int MaxBytes = 6 * 1024;

    // Title, axis and legend; then a row per stage.
    private const int FrameHeight = 70;
    private const int RowHeight = 26;
    private const int MinHeight = 130;

    // Colours on the grid of shades the PNG keeps (ReportChart), so the bars keep them exactly.
    private static readonly Color Median = Color.FromHex("#3366CC");
    private static readonly Color Slow = Color.FromHex("#999999");

    /// <summary>The stage times of the figures; null when no stage was timed in the period.</summary>
    public static ChartImage? Render(ReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var stages = figures.Stages.Where(s => s.Time.P50 is not null).ToList();
        if (stages.Count == 0)
        {
            return null;
        }

        var height = HeightFor(stages.Count);
        var png = ReportChart.Png(StageTimes(stages), Width, height);
        var slowest = stages.MaxBy(s => s.Time.P50)!;
        return new ChartImage(png, $"Chart of hours per stage (median and 90th percentile); the slowest is {slowest.Stage}.");
    }

    public static int HeightFor(int stages) => Math.Max(MinHeight, FrameHeight + (stages * RowHeight));

    internal static Plot StageTimes(IReadOnlyList<StageFigures> stages)
    {
        var plot = ReportChart.NewPlot();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        for (var i = 0; i < stages.Count; i++)
        {
            // The first stage on top, as the process runs.
            var row = (stages.Count - 1 - i) * 3;
            bars.Add(new Bar { Position = row + 1.5, Value = Hours(stages[i].Time.P90), FillColor = Slow, LineWidth = 0 });
            bars.Add(new Bar { Position = row + 0.5, Value = Hours(stages[i].Time.P50), FillColor = Median, LineWidth = 0 });
            ticks.Add(new Tick(row + 1, stages[i].Stage));
        }

        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        plot.Axes.Margins(left: 0);
        plot.Title("Hours per stage", 12);
        // Beside the bars, never over the longest one.
        plot.ShowLegend(Edge.Right);
        plot.Legend.FontSize = 10;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "median", FillColor = Median });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "90%", FillColor = Slow });
        return plot;
    }

    private static double Hours(TimeSpan? time) => Math.Round((time ?? TimeSpan.Zero).TotalHours, 1);
}
