using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

public class ReportWordsTests
{
    private static readonly MiniCatalog Catalog = new(
        Item("monitor", "4K monitor", "Hardware", keywords: ["monitor", "screen", "display"]),
        Item("laptop", "Laptop", "Hardware", keywords: ["laptop", "notebook"]),
        Item("usb", "USB stick", "Hardware", keywords: ["usb stick", "usb"]),
        Item("jira", "Jira access", "Access", keywords: ["jira"]));

    [Theory]
    [InlineData("report", null, null)]
    [InlineData("Report.", null, null)]
    [InlineData("reports", null, null)]
    [InlineData("report last month", "last month", null)]
    [InlineData("show me the report for this week", "this week", null)]
    [InlineData("team report for November", "November", null)]
    [InlineData("my team's report", null, null)]
    [InlineData("report for the last 14 days", "the last 14 days", null)]
    [InlineData("report for Hardware last quarter", "last quarter", "Hardware")]
    [InlineData("report for hardware", null, "hardware")]
    [InlineData("report last month for Access", "last month", "Access")]
    [InlineData("report for the Service Desk team this year", "this year", "Service Desk")]
    [InlineData("give me a report for last week please", "last week", null)]
    public void ReportPhrasings_AreTheReportCommand_WithThePeriodAndScopeAsTyped(string text, string? period, string? scope)
    {
        var meaning = Catalog.Read(text);

        Assert.Equal((MeaningKind.Command, ChatCommand.Report), (meaning.Kind, meaning.Command));
        Assert.Equal(new ReportAsk(period, scope), meaning.Report);
    }

    [Theory]
    [InlineData("report a broken screen")]
    [InlineData("report my laptop is broken")]
    [InlineData("I want to report a broken screen")]
    [InlineData("report for Payroll")]
    [InlineData("report the usb stick as lost")]
    [InlineData("send a report to my manager")]
    [InlineData("report for last fortnight")]
    [InlineData("export my photos to a USB stick")]
    public void OtherWordsWithReport_AreNoReportCommand(string text)
    {
        var meaning = Catalog.Read(text);

        Assert.NotEqual(ChatCommand.Report, meaning.Command);
        Assert.Null(meaning.Report);
    }
}
