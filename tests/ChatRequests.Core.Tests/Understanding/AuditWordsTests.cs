using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

public class AuditWordsTests
{
    private static readonly MiniCatalog Catalog = new(
        Item("laptop", "Laptop", keywords: ["laptop"]),
        Item("export", "Data export", keywords: ["export", "usb"]),
        Item("browser", "Browser reset", keywords: ["browser", "history"]));

    [Theory]
    [InlineData("history REQ-000042")]
    [InlineData("History of REQ-000042?")]
    [InlineData("show the history of REQ-000042")]
    [InlineData("show me the full history of req-42 please")]
    [InlineData("audit trail of REQ-000042")]
    [InlineData("REQ-000042 audit trail")]
    [InlineData("timeline for #42")]
    public void HistoryPhrasingsNamingARequest_AreTheHistoryCommand(string text)
    {
        var meaning = Catalog.Read(text);

        Assert.Equal((MeaningKind.Command, ChatCommand.History, "REQ-000042"), (meaning.Kind, meaning.Command, meaning.RequestId));
    }

    [Theory]
    [InlineData("verify REQ-000042")]
    [InlineData("verify the history of REQ-000042")]
    [InlineData("verify the audit trail of req 42")]
    [InlineData("is the history of REQ-000042 intact?")]
    public void VerifyPhrasings_AreTheVerifyCommand(string text)
    {
        var meaning = Catalog.Read(text);

        Assert.Equal((ChatCommand.Verify, "REQ-000042"), (meaning.Command, meaning.RequestId));
    }

    [Theory]
    [InlineData("my browser history is gone, see REQ-000042", ChatCommand.ShowRequest)]
    [InlineData("check REQ-000042", ChatCommand.ShowRequest)]
    [InlineData("cancel REQ-000042", ChatCommand.Cancel)]
    public void OtherWordsWithANumber_AreNotTheAuditCommands(string text, ChatCommand expected)
    {
        Assert.Equal(expected, Catalog.Read(text).Command);
    }

    [Theory]
    [InlineData("history")]
    [InlineData("clear my browser history")]
    [InlineData("export my photos to a USB stick")]
    public void WithoutARequestNumber_NothingIsAnAuditCommand(string text)
    {
        Assert.NotEqual(ChatCommand.History, Catalog.Read(text).Command);
        Assert.NotEqual(ChatCommand.Verify, Catalog.Read(text).Command);
    }
}
