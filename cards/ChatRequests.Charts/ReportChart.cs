using System.Globalization;
using ChatRequests.Core.Reporting;
using ScottPlot;
using SkiaSharp;

namespace ChatRequests.Charts;

/// <summary>A chart as PNG, and what it shows in words (the image's alternative text).</summary>
public sealed record ChartImage(byte[] Png, string Description);

/// <summary>
/// The report card's picture, drawn on the server: requests logged and fulfilled per day (per week beyond a month), and
/// the median and 90th percentile time per stage. An opaque PNG, small enough to travel inside the card as a data URI
/// (Teams refuses a message over about 28 KB; the card leaves the chart out when it would pass that).
/// </summary>
public static class ReportChart
{
    public const int Width = 600;
    public const int Height = 220;

    /// <summary>The most a chart weighs (a test keeps it): with the card's text, it stays under Teams' message limit.</summary>
    public const int MaxBytes = 16 * 1024;

    /// <summary>A font every machine of ours has (Debian's fonts-dejavu-core); without it the text would be missing boxes.</summary>
    public const string FontName = "DejaVu Sans";

    private const int DaysShownOneByOne = 31;

    private static readonly Color Logged = Color.FromHex("#4472C4");
    private static readonly Color Fulfilled = Color.FromHex("#2E8B57");
    private static readonly Color Median = Color.FromHex("#4472C4");
    private static readonly Color Slow = Color.FromHex("#A5A5A5");

    /// <summary>The figures' volume and stage times; null when the period has neither (nothing to draw).</summary>
    public static ChartImage? Render(ReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        // Both panels together weigh about 15 KB, which with the card's text passes Teams' limit: the stage times are drawn
        // only when there is no volume to draw (the card lists the slowest stage in words either way).
        var stages = figures.ByDay.Count > 0 ? [] : figures.Stages.Where(s => s.Time.P50 is not null).ToList();
        if (figures.ByDay.Count == 0 && stages.Count == 0)
        {
            return null;
        }

        var info = new SKImageInfo(Width, Height, SKColorType.Rgb888x, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        var volumeWidth = stages.Count == 0 ? Width : Width * 11 / 20;
        if (figures.ByDay.Count > 0)
        {
            Draw(surface.Canvas, Volume(figures.ByDay), 0, volumeWidth);
        }

        if (stages.Count > 0)
        {
            var left = figures.ByDay.Count == 0 ? 0 : volumeWidth;
            Draw(surface.Canvas, StageTimes(stages), left, Width - left);
        }

        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        // Text anti-aliasing is most of the bytes; the strongest compression takes a tenth off the default.
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the chart as PNG.");
        var shows = new[]
        {
            figures.ByDay.Count == 0 ? null : $"requests logged and fulfilled per {(figures.ByDay.Count > DaysShownOneByOne ? "week" : "day")}",
            stages.Count == 0 ? null : "hours per stage (median and 90th percentile)",
        };
        return new ChartImage(png.ToArray(), $"Chart of {string.Join(", and ", shows.OfType<string>())}.");
    }

    /// <summary>A plot drawn on a surface of its own, then placed: a plot rendering on a shared canvas clears all of it.</summary>
    private static void Draw(SKCanvas canvas, Plot plot, int left, int width)
    {
        using var panel = SKSurface.Create(new SKImageInfo(width, Height));
        plot.Render(panel.Canvas, width, Height);
        using var image = panel.Snapshot();
        canvas.DrawImage(image, left, 0);
    }

    internal static Plot Volume(IReadOnlyList<DayVolume> days)
    {
        var plot = NewPlot();
        var weekly = days.Count > DaysShownOneByOne;
        var groups = weekly
            ? days.OrderBy(d => d.Day).Chunk(7).Select(w => (w[0].Day, Logged: w.Sum(d => d.Logged), Fulfilled: w.Sum(d => d.Fulfilled))).ToList()
            : days.OrderBy(d => d.Day).Select(d => (d.Day, d.Logged, d.Fulfilled)).ToList();
        var bars = new List<Bar>();
        var ticks = new List<Tick>();
        var every = Math.Max(1, (int)Math.Ceiling(groups.Count / 6.0));
        for (var i = 0; i < groups.Count; i++)
        {
            bars.Add(new Bar { Position = (i * 3) + 0.5, Value = groups[i].Logged, FillColor = Logged, LineWidth = 0 });
            bars.Add(new Bar { Position = (i * 3) + 1.5, Value = groups[i].Fulfilled, FillColor = Fulfilled, LineWidth = 0 });
            if (i % every == 0)
            {
                ticks.Add(new Tick((i * 3) + 1, groups[i].Day.ToString("d MMM", CultureInfo.InvariantCulture)));
            }
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual([.. ticks]);
        // Room above the bars for the legend.
        plot.Axes.Margins(bottom: 0, top: 0.25);
        plot.Axes.SetLimitsX(-0.5, (groups.Count * 3) - 0.5);
        plot.Title(weekly ? "Logged and fulfilled per week" : "Logged and fulfilled per day", 12);
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.UpperRight;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 10;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Logged", FillColor = Logged });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "Fulfilled", FillColor = Fulfilled });
        return plot;
    }

    internal static Plot StageTimes(IReadOnlyList<StageFigures> stages)
    {
        var plot = NewPlot();
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
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerRight;
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Legend.FontSize = 10;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "median", FillColor = Median });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "90%", FillColor = Slow });
        return plot;
    }

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.Font.Set(FontName);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 10;
        plot.Axes.Left.TickLabelStyle.FontSize = 10;
        // No grid, no shadows: every soft edge costs bytes in the PNG, and the card must stay small.
        plot.HideGrid();
        plot.Legend.ShadowColor = Colors.Transparent;
        plot.Legend.OutlineWidth = 0;
        plot.Axes.Top.FrameLineStyle.Width = 0;
        plot.Axes.Right.FrameLineStyle.Width = 0;
        return plot;
    }

    private static double Hours(TimeSpan? time) => Math.Round((time ?? TimeSpan.Zero).TotalHours, 1);
}
