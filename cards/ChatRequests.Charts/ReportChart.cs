using System.Globalization;
using ChatRequests.Core.Reporting;
using ScottPlot;
using SkiaSharp;

namespace ChatRequests.Charts;

/// <summary>A chart as PNG, and what it shows in words (the image's alternative text).</summary>
public sealed record ChartImage(byte[] Png, string Description);

/// <summary>
/// The report card's first picture, drawn on the server: requests logged and fulfilled per day (per week beyond a month);
/// <see cref="StageChart"/> draws the second. An opaque PNG, small enough to travel inside the card as a data URI (Teams
/// refuses a message over about 28 KB; the card leaves the charts out when they would pass that).
/// </summary>
public static class ReportChart
{
    public const int Width = 600;
    public const int Height = 220;

    /// <summary>The most this chart weighs (a test keeps it): with the stage chart and the card's text, it stays under Teams' message limit.</summary>
    public const int MaxBytes = 6 * 1024;

    /// <summary>A font every machine of ours has (Debian's fonts-dejavu-core); without it the text would be missing boxes.</summary>
    public const string FontName = "DejaVu Sans";

    private const int DaysShownOneByOne = 31;

    // Shades per colour channel in the PNG (see Posterise).
    private const int Levels = 6;

    // Colours on Posterise's grid of shades, so the bars keep them exactly.
    private static readonly Color Logged = Color.FromHex("#3366CC");
    private static readonly Color Fulfilled = Color.FromHex("#339966");

    /// <summary>The figures' volume per day or week; null when the period has no days (nothing to draw).</summary>
    public static ChartImage? Render(ReportFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.ByDay.Count == 0)
        {
            return null;
        }

        var png = Png(Volume(figures.ByDay), Width, Height);
        return new ChartImage(png, $"Chart of requests logged and fulfilled per {(figures.ByDay.Count > DaysShownOneByOne ? "week" : "day")}.");
    }

    /// <summary>The plot as an opaque PNG of <paramref name="width"/> by <paramref name="height"/>, as small as it compresses.</summary>
    internal static byte[] Png(Plot plot, int width, int height)
    {
        var info = new SKImageInfo(width, height, SKColorType.Rgb888x, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        surface.Canvas.Clear(SKColors.White);
        plot.Render(surface.Canvas, width, height);
        using var image = surface.Snapshot();
        using var pixels = image.PeekPixels();
        Posterise(pixels);
        // Text anti-aliasing is most of the bytes; the strongest compression takes a tenth off the default.
        using var png = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9))
            ?? throw new InvalidOperationException("SkiaSharp could not encode the chart as PNG.");
        return png.ToArray();
    }

    /// <summary>
    /// Rounds every channel to one of <see cref="Levels"/> values: the soft edges of text and bars then repeat the same few
    /// shades, which PNG's compression packs far tighter, at no cost a reader sees.
    /// </summary>
    private static void Posterise(SKPixmap pixels)
    {
        var bytes = pixels.GetPixelSpan();
        var step = 255 / (Levels - 1);
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = (byte)((bytes[i] + (step / 2)) / step * step);
        }
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

    internal static Plot NewPlot()
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
}
