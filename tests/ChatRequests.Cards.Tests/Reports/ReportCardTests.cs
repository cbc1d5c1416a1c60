using System.Text;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Charts;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using SkiaSharp;

namespace ChatRequests.Cards.Tests.Reports;

public class ReportCardTests
{
    /// <summary>Teams refuses a bot's message over about 28 KB, card included.</summary>
    private const int TeamsMessageLimit = 28 * 1024;

    private static readonly DateTimeOffset From = new(2026, 9, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly Cards.RequestCards _cards = new();

    [Fact]
    public void Report_ShowsTheHeadlineFiguresTimesSharesAndSlowestStage()
    {
        var card = _cards.Report(Known(30), "Service desk", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), chart: null);

        CardAssert.Valid(card);
        var text = CardQuery.Text(card.Card);
        foreach (var expected in new[]
        {
            "Report: Service desk", "Last 30 days (1 Sep – 30 Sep 2026) · days from midnight, Europe/Berlin time",
            "1,234", "logged", "1,100", "fulfilled", "87", "open at the end", "91%", "met their target",
            "under 1 day: 40 · 1-3 days: 30 · over 7 days: 17",
            "median 5 hours, 90% within 2 days 2 hours (1,000 requests)",
            "median 24 hours, 90% within 4 days (1,100 requests)",
            "Slowest stage", "Waiting for an agent (median 20 hours)",
            "97% (970 of 1,000 closed)", "35% (385 of 1,100 fulfilled)", "12% (60 of 500 shown)",
            "4.3 of 5 from 210 ratings",
            "Why requests were cancelled", "No longer needed", "× 12", "Why requests were rejected", "Not in budget", "× 4",
            "Worth a look", "Rita Requester: ", "Asked 4 times for restricted items.", " (REQ-000010, REQ-000011, REQ-000012, REQ-000013)",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.Equal("Report for Service desk, last 30 days (1 Sep – 30 Sep 2026): 1234 logged, 1100 fulfilled, 87 open.", card.FallbackText);
        Assert.DoesNotContain(CardQuery.Objects(card.Card), o => (string?)o["type"] == "Image");
    }

    [Fact]
    public void Report_WithNothingMeasured_SaysSo_AndNoPercentages()
    {
        var empty = new ReportFigures { Scope = new(new(From, From.AddDays(7), "last week (1 Sep – 7 Sep 2026)")) };

        var card = _cards.Report(empty, "your 2 direct reports", TimeZoneInfo.Utc, chart: null);

        CardAssert.Valid(card);
        var text = CardQuery.Text(card.Card);
        Assert.Contains("Coordinated Universal Time", text, StringComparison.Ordinal);
        Assert.Contains("none in the period", text, StringComparison.Ordinal);
        Assert.Contains("no ratings", text, StringComparison.Ordinal);
        Assert.Contains("–", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Why requests were", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Worth a look", text, StringComparison.Ordinal);
        Assert.Null(ReportChart.Render(empty));
    }

    [Fact]
    public void Chart_IsAnOpaquePngOfTheExpectedSize_UnderItsBudget()
    {
        var chart = ReportChart.Render(Known(30))!;

        using var bitmap = SKBitmap.Decode(chart.Png);
        Assert.NotNull(bitmap);
        Assert.Equal((ReportChart.Width, ReportChart.Height), (bitmap.Width, bitmap.Height));
        Assert.True(chart.Png.Length <= ReportChart.MaxBytes, $"the chart is {chart.Png.Length} bytes");
        Assert.Equal("Chart of requests logged and fulfilled per day.", chart.Description);
        Assert.Null(ReportChart.Render(Known(30) with { ByDay = [] }));
        // Not a blank picture: the bars' blue is drawn.
        Assert.True(Drawn(bitmap, new SKColor(0x33, 0x66, 0xCC)));
    }

    [Fact]
    public void StageChart_IsAnOpaquePng_ARowPerStage_UnderItsBudget_NamingTheSlowest()
    {
        var chart = StageChart.Render(Known(30))!;

        using var bitmap = SKBitmap.Decode(chart.Png);
        Assert.NotNull(bitmap);
        Assert.Equal((StageChart.Width, StageChart.HeightFor(3)), (bitmap.Width, bitmap.Height));
        Assert.True(chart.Png.Length <= StageChart.MaxBytes, $"the stage chart is {chart.Png.Length} bytes");
        Assert.Equal("Chart of hours per stage (median and 90th percentile); the slowest is Waiting for an agent.", chart.Description);
        // Both bars of a stage: the median's blue and the 90th percentile's grey.
        Assert.True(Drawn(bitmap, new SKColor(0x33, 0x66, 0xCC)));
        Assert.True(Drawn(bitmap, new SKColor(0x99, 0x99, 0x99)));
        // Taller with more stages, so the labels never overlap.
        Assert.True(StageChart.HeightFor(8) > StageChart.HeightFor(3));
        Assert.Null(StageChart.Render(Known(30) with { Stages = [new("Work", Durations.None)] }));
    }

    [Fact]
    public void StageChart_SixStages_StaysUnderItsBudget()
    {
        // Two approval stages and four after approval; more (up to eight) weigh more, and the card leaves the chart out when it must.
        var stages = Enumerable.Range(1, 6).Select(i => new StageFigures($"Approval stage number {i}", new(100, TimeSpan.FromHours(i * 3), TimeSpan.FromHours(i * 11)))).ToList();

        var chart = StageChart.Render(Known(30) with { Stages = stages })!;

        Assert.True(chart.Png.Length <= StageChart.MaxBytes, $"the stage chart is {chart.Png.Length} bytes");
    }

    [Fact]
    public void Report_WithWorkingHours_ShowsThemBesideTheWallClock()
    {
        var figures = Known(30) with { WorkingHours = new(new(1000, TimeSpan.FromHours(2), TimeSpan.FromHours(9)), new(1100, TimeSpan.FromHours(7), TimeSpan.FromHours(20))) };

        var text = CardQuery.Text(_cards.Report(figures, "Service desk", TimeZoneInfo.Utc, chart: null).Card);

        Assert.Contains("Approval wait in working hours", text, StringComparison.Ordinal);
        Assert.Contains("median 2 hours, 90% within 9 hours (1,000 requests)", text, StringComparison.Ordinal);
        Assert.Contains("Fulfilment in working hours", text, StringComparison.Ordinal);
        Assert.Contains("median 7 hours, 90% within 20 hours (1,100 requests)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("working hours", CardQuery.Text(_cards.Report(Known(30), "Service desk", TimeZoneInfo.Utc, chart: null).Card), StringComparison.Ordinal);
    }

    private static bool Drawn(SKBitmap bitmap, SKColor color) =>
        Enumerable.Range(0, bitmap.Width * bitmap.Height).Any(i => bitmap.GetPixel(i % bitmap.Width, i / bitmap.Width) == color);

    [Theory]
    [InlineData(7, true)]
    [InlineData(30, true)]
    [InlineData(90, true)]
    public void ReportWithItsCharts_StaysUnderTeamsLimit_LeavingTheChartsOutWhenItWouldNot(int days, bool chartsFit)
    {
        var figures = Known(days);
        var chart = ReportChart.Render(figures)!;
        var stages = StageChart.Render(figures)!;

        var card = _cards.Report(figures, "the whole organisation", TimeZoneInfo.Utc, (chart.Png, chart.Description), (stages.Png, stages.Description));

        CardAssert.Valid(card);
        var images = CardQuery.Objects(card.Card).Where(o => (string?)o["type"] == "Image").Select(o => (string?)o["url"]).ToList();
        Assert.Equal(chartsFit ? 2 : 0, images.Count);
        Assert.All(images, url => Assert.StartsWith("data:image/png;base64,", url, StringComparison.Ordinal));
        Assert.Equal(days > 31, chart.Description.Contains("per week", StringComparison.Ordinal));
        Assert.True(Size(card) < TeamsMessageLimit - 2048,
            $"the card is {Size(card)} bytes with a {chart.Png.Length}-byte and a {stages.Png.Length}-byte chart; Teams takes about {TeamsMessageLimit}");
        // Both charts at their budgets still fit beside the card's text.
        var text = Size(card) - Base64Length(chart.Png.Length) - Base64Length(stages.Png.Length);
        Assert.True(text + Base64Length(ReportChart.MaxBytes) + Base64Length(StageChart.MaxBytes) < TeamsMessageLimit - 2048, $"the card's text is {text} bytes");
    }

    [Fact]
    public void ABusyStageChart_IsLeftOutFirst_TheVolumeChartStays()
    {
        var figures = Known(30);
        var chart = ReportChart.Render(figures)!;
        var busy = (new byte[ReportChart.MaxBytes + StageChart.MaxBytes], "Chart of hours per stage.");

        var card = _cards.Report(figures, "the whole organisation", TimeZoneInfo.Utc, (chart.Png, chart.Description), busy);

        CardAssert.Valid(card);
        var image = Assert.Single(CardQuery.Objects(card.Card), o => (string?)o["type"] == "Image");
        Assert.Equal(chart.Description, (string?)image["altText"]);
        Assert.Contains("The stage chart is left out: with it this message would be too large for Teams.", CardQuery.Text(card.Card), StringComparison.Ordinal);
        Assert.True(Size(card) < TeamsMessageLimit - 2048, $"the card is {Size(card)} bytes");
    }

    [Fact]
    public void EveryListFull_AndABusyChart_TheCardLeavesTheChartOut_AndSaysSo_UnderTeamsLimit()
    {
        var figures = Known(90) with
        {
            // The most the card lists, each reason as long as it shows.
            CancellationReasons = [.. Enumerable.Range(0, 9).Select(i => new ReasonCount(new string('c', 200) + i, 9 - i))],
            RejectionReasons = [.. Enumerable.Range(0, 9).Select(i => new ReasonCount(new string('r', 200) + i, 9 - i))],
            Outliers = [.. Enumerable.Range(0, 9).Select(i => new Outlier(OutlierKind.QuickApproval, new PersonRef($"p{i}", "Bartholomew Fitzgerald-Montgomery"), [.. Enumerable.Range(0, 9).Select(n => $"REQ-{n:000000}")], "Approved 9 requests within 5 seconds of being asked."))],
        };
        var chart = ReportChart.Render(figures)!;
        // A chart far over its budget (a card's lists full take about 10 KB of their own).
        var busy = (new byte[ReportChart.MaxBytes + StageChart.MaxBytes], chart.Description);
        var stages = StageChart.Render(figures)!;

        var card = _cards.Report(figures, "the whole organisation", TimeZoneInfo.Utc, busy);
        var withStages = _cards.Report(figures, "the whole organisation", TimeZoneInfo.Utc, busy, (stages.Png, stages.Description));

        CardAssert.Valid(card);
        Assert.DoesNotContain(CardQuery.Objects(card.Card), o => (string?)o["type"] == "Image");
        Assert.Contains("The chart is left out: with it this message would be too large for Teams.", CardQuery.Text(card.Card), StringComparison.Ordinal);
        Assert.DoesNotContain(CardQuery.Objects(withStages.Card), o => (string?)o["type"] == "Image");
        Assert.Contains("The charts are left out: with it this message would be too large for Teams.", CardQuery.Text(withStages.Card), StringComparison.Ordinal);
        Assert.True(Size(card) < TeamsMessageLimit - 2048, $"the card is {Size(card)} bytes; Teams takes about {TeamsMessageLimit}");
    }

    // The activity around the card (ids, addresses, the fallback text once more) takes well under the 2 KB left.
    private static int Base64Length(int bytes) => (bytes + 2) / 3 * 4;

    private static int Size(CardMessage card) => Encoding.UTF8.GetByteCount(card.Card.ToJsonString()) + Encoding.UTF8.GetByteCount(card.FallbackText);

    [Theory]
    [InlineData("https://charts.example.com/report.png", true)]
    [InlineData("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=", true)]
    [InlineData("data:image/png;base64,iVBORw0KGgo=", false)]
    public void TeamsRules_RefuseAPictureThatLoads_ButNotAnInlinePng(string url, bool refused)
    {
        var card = System.Text.Json.Nodes.JsonNode.Parse($$"""
            {"type": "AdaptiveCard", "version": "1.5", "fallbackText": "x", "body": [{"type": "Image", "url": "{{url}}"}]}
            """)!.AsObject();

        Assert.Equal(refused, TeamsCardRules.Check(new CardMessage(card, "x")).Contains("Image loads a picture or media"));
    }

    [Fact]
    public void ChartFont_IsOnThisMachine()
    {
        // Debian's fonts-dejavu-core; without it the chart's words would be boxes. tests/run-all.sh installs it.
        using var typeface = SKFontManager.Default.MatchFamily(ReportChart.FontName);

        Assert.NotNull(typeface);
        Assert.Equal(ReportChart.FontName, typeface.FamilyName);
    }

    /// <summary>A report with known answers: a day per <paramref name="days"/>, stages, shares, reasons and an outlier.</summary>
    private static ReportFigures Known(int days) => new()
    {
        Scope = new(new(From, From.AddDays(days), days == 30 ? "last 30 days (1 Sep – 30 Sep 2026)" : $"last {days} days")),
        Logged = 1234,
        Fulfilled = 1100,
        Backlog = 87,
        BacklogAge = [new("under 1 day", 40), new("1-3 days", 30), new("3-7 days", 0), new("over 7 days", 17)],
        ApprovalWait = new(1000, TimeSpan.FromHours(5), TimeSpan.FromHours(50)),
        Fulfilment = new(1100, TimeSpan.FromHours(24), TimeSpan.FromDays(4)),
        CycleTime = new(1100, TimeSpan.FromHours(40), TimeSpan.FromDays(6)),
        Stages = [new("Manager approval", new(1000, TimeSpan.FromHours(5), TimeSpan.FromHours(50))), new("Waiting for an agent", new(1100, TimeSpan.FromHours(20), TimeSpan.FromHours(70))), new("Work", new(1100, TimeSpan.FromHours(4), TimeSpan.FromHours(30)))],
        SlaMet = new(1001, 1100),
        FirstTimeFulfilment = new(970, 1000),
        Automated = new(385, 1100),
        Abandoned = new(60, 500),
        CancellationReasons = [new("No longer needed", 12), new("Bought it myself", 3)],
        RejectionReasons = [new("Not in budget", 4)],
        CsatAverage = 4.3,
        CsatDistribution = [5, 5, 20, 60, 120],
        ByDay = [.. Enumerable.Range(0, days).Select(d => new DayVolume(DateOnly.FromDateTime(From.AddDays(d).Date), 20 + (d * 7 % 23), 18 + (d * 5 % 19)))],
        Outliers = [new(OutlierKind.RestrictedRepeats, new PersonRef("p-rita", "Rita Requester"), ["REQ-000010", "REQ-000011", "REQ-000012", "REQ-000013"], "Asked 4 times for restricted items.")],
    };
}
