using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

public class ExportWordsTests
{
    [Theory]
    [InlineData("export requests for November", "November")]
    [InlineData("export last month", "last month")]
    [InlineData("Export the requests for last quarter.", "last quarter")]
    [InlineData("export all requests submitted in October", "October")]
    [InlineData("please export requests for this year", "this year")]
    [InlineData("export requests for the last 14 days", "the last 14 days")]
    public void PeriodPhrasings_AreThePeriodExport_WithThePeriodAsTyped(string text, string period)
    {
        Assert.Equal(new ExportAsk(ExportKind.Period, PeriodWords: period), ExportWords.Read(text));
    }

    [Theory]
    [InlineData("export data of Megan Bowen", ExportKind.PersonData, "Megan Bowen")]
    [InlineData("Export all data for megan", ExportKind.PersonData, "megan")]
    [InlineData("export personal data about Seán O'Neill-Smith", ExportKind.PersonData, "Seán O'Neill-Smith")]
    [InlineData("erase data of Megan Bowen", ExportKind.PersonErase, "Megan Bowen")]
    [InlineData("erase the data of Megan Bowen, please", ExportKind.PersonErase, "Megan Bowen")]
    public void PersonPhrasings_AreThePersonCommands_WithTheNameAsTyped(string text, ExportKind kind, string name)
    {
        Assert.Equal(new ExportAsk(kind, PersonName: name), ExportWords.Read(text));
    }

    [Theory]
    [InlineData("export my photos to a USB stick")]
    [InlineData("export")]
    [InlineData("export requests")]
    [InlineData("export requests for Hardware")]
    [InlineData("export my mailbox to a pst file")]
    [InlineData("erase my laptop")]
    [InlineData("erase data on my old phone")]
    [InlineData("export data of REQ-000042")]
    [InlineData("export data of Megan Bowen and then delete her account now please ok")]
    [InlineData("I need to export data of Megan Bowen")]
    [InlineData("export last fortnight")]
    public void OtherWordsWithExportOrErase_AreNoExportCommand(string text)
    {
        Assert.Null(ExportWords.Read(text));
    }

    private static readonly MiniCatalog Catalog = new(
        Item("usb", "USB stick", "Hardware", keywords: ["usb stick", "usb"]),
        Item("wipe", "Device wipe", "Hardware", keywords: ["erase", "wipe", "laptop"]),
        Item("mailbox", "Mailbox export", "Access", keywords: ["mailbox", "export", "pst"]));

    [Theory]
    [InlineData("export requests for November", ChatCommand.Export)]
    [InlineData("export last month", ChatCommand.Export)]
    [InlineData("export data of Megan Bowen", ChatCommand.Export)]
    [InlineData("erase data of Megan Bowen", ChatCommand.Erase)]
    public void TheInterpreter_ReadsTheCommands_WithWhatTheyAsk(string text, ChatCommand command)
    {
        var meaning = Catalog.Read(text);

        Assert.Equal((MeaningKind.Command, command), (meaning.Kind, meaning.Command));
        Assert.Equal(ExportWords.Read(text), meaning.Export);
    }

    [Theory]
    [InlineData("export my photos to a USB stick")]
    [InlineData("export my mailbox to a pst file")]
    [InlineData("erase my laptop")]
    public void TheInterpreter_LeavesRequestsWithExportOrErase_AsRequests(string text)
    {
        var meaning = Catalog.Read(text);

        Assert.NotEqual(MeaningKind.Command, meaning.Kind);
        Assert.Null(meaning.Export);
    }
}
