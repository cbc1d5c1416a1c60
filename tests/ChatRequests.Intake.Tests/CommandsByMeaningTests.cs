using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// Commands and faults read by their meaning (ADR 0045) beside the words, with the real slim encoder, against a
/// winery's catalog written for these tests (in no file of eval/intake/, and not what the exemplars were written from):
/// everyday phrasings of each command with and without the encoder, and the catalog's matches never stolen.
/// </summary>
public sealed class CommandsByMeaningTests : IDisposable
{
    private const string LicenceRemoval = """
        {"id": "licence-removal", "name": "Software licence removal", "category": "Software", "description": "Give back a software licence you no longer use (Adobe, Visio, AutoCAD) so the company stops paying for it.", "keywords": ["remove licence", "cancel licence", "give back licence"]},
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("meaning-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("hlep", ChatCommand.Help)]
    [InlineData("could someone explain how this works", ChatCommand.Help)]
    [InlineData("is there a real human I can chat to", ChatCommand.Help)]
    [InlineData("what stuff can i ask for", ChatCommand.Browse)]
    [InlineData("I'd like to put in a new request", ChatCommand.Browse)]
    [InlineData("where's my order at", ChatCommand.MyRequests)]
    [InlineData("any news on my stuff", ChatCommand.MyRequests)]
    [InlineData("what have i got on the go", ChatCommand.MyRequests)]
    [InlineData("anything waiting for me to sign off", ChatCommand.Approvals)]
    [InlineData("what's sitting with me for approval", ChatCommand.Approvals)]
    [InlineData("anything new for us to pick up", ChatCommand.Queue)]
    [InlineData("scrap that", ChatCommand.Cancel)]
    [InlineData("i dont want it any more", ChatCommand.Cancel)]
    [InlineData("cancle", ChatCommand.Cancel)]
    public void EverydayPhrasings_AreTheirCommand_WithAndWithoutTheEncoder(string message, ChatCommand command)
    {
        var catalog = Winery(withLicenceRemoval: true);

        Assert.Equal((MeaningKind.Command, command), Read(new LexicalInterpreter(catalog), message));
        Assert.Equal((MeaningKind.Command, command), Read(SlimEncoderOnce.Prepared(catalog), message));
    }

    [Theory]
    [InlineData("what sort of things does IT give out", ChatCommand.Browse)]
    [InlineData("what's in our team's pile", ChatCommand.Queue)]
    [InlineData("what is the team working on", ChatCommand.Queue)]
    [InlineData("list the jobs nobody has taken yet", ChatCommand.Queue)]
    public void PhrasingsTheWordsDoNotKnow_AreTheirCommandByMeaning(string message, ChatCommand command)
    {
        var catalog = Winery(withLicenceRemoval: true);

        Assert.Equal(MeaningKind.Unknown, new LexicalInterpreter(catalog).Interpret(message).Kind);
        Assert.Equal((MeaningKind.Command, command), Read(SlimEncoderOnce.Prepared(catalog), message));
    }

    [Theory]
    [InlineData("help me get a monitor", "monitor")]
    [InlineData("cancel my Adobe licence", "licence-removal")]
    [InlineData("I'd like to give back my Visio licence", "licence-removal")]
    [InlineData("harvest tablet screen is cracked, need a replacement", "harvest-tablet")]
    [InlineData("need the barrel tracker on my new laptop", "barrel-tracking")]
    public void TheCatalogsMatches_AreNotStolen_WithAndWithoutTheEncoder(string message, string item)
    {
        var catalog = Winery(withLicenceRemoval: true);

        foreach (var meaning in new[] { new LexicalInterpreter(catalog).Interpret(message), SlimEncoderOnce.Prepared(catalog).Interpret(message) })
        {
            Assert.Equal((MeaningKind.Item, item), (meaning.Kind, meaning.Items[0].Item.Id));
        }
    }

    [Fact]
    public void CancellingAThing_WhereNoItemSpeaksOfCancelling_IsTheCancelCommand()
    {
        var catalog = Winery(withLicenceRemoval: false);

        Assert.Equal((MeaningKind.Command, ChatCommand.Cancel), Read(new LexicalInterpreter(catalog), "cancel my Adobe licence"));
        Assert.Equal((MeaningKind.Command, ChatCommand.Cancel), Read(SlimEncoderOnce.Prepared(catalog), "cancel my Adobe licence"));
    }

    [Theory]
    [InlineData("the till keeps freezing")]
    [InlineData("cellar alerts stopped coming through")]
    [InlineData("barrel tracker throws an error when I save")]
    public void FaultReports_AreIncidents_WithAndWithoutTheEncoder(string message)
    {
        var catalog = Winery(withLicenceRemoval: true);

        Assert.Equal(MeaningKind.Incident, new LexicalInterpreter(catalog).Interpret(message).Kind);
        Assert.Equal(MeaningKind.Incident, SlimEncoderOnce.Prepared(catalog).Interpret(message).Kind);
    }

    private static (MeaningKind, ChatCommand?) Read(LexicalInterpreter interpreter, string message)
    {
        var meaning = interpreter.Interpret(message);
        return (meaning.Kind, meaning.Command);
    }

    /// <summary>A winery's IT catalog: a licence removal (an item that cancels a thing), a monitor, a till, a tracker for barrels.</summary>
    private JsonFileCatalog Winery(bool withLicenceRemoval)
    {
        return TestCatalogs.Write(_folder, $"winery-{withLicenceRemoval}.json", $$"""
            { "items": [
              {{(withLicenceRemoval ? LicenceRemoval : "")}}
              {"id": "monitor", "name": "Monitor", "category": "Hardware", "description": "An extra screen for a desk in the office or the winery.", "keywords": ["screen", "display"]},
              {"id": "harvest-tablet", "name": "Harvest tablet", "category": "Hardware", "description": "A rugged tablet for pickers to log grape weights in the vineyard.", "keywords": ["picking tablet"]},
              {"id": "cellar-alerts", "name": "Cellar temperature alerts", "category": "Access", "description": "Text and email alerts from the cellar's temperature sensors.", "keywords": ["cellar sensors", "temperature alerts"]},
              {"id": "label-printer", "name": "Bottle label printer", "category": "Hardware", "description": "A printer for bottle and case labels on the bottling line.", "keywords": ["label printer"]},
              {"id": "tasting-till", "name": "Tasting room till", "category": "Hardware", "description": "A till for the cellar door tasting room.", "keywords": ["till", "cellar door till"]},
              {"id": "club-crm", "name": "Wine club CRM access", "category": "Access", "description": "An account on the wine club members' system.", "keywords": ["wine club", "members system"]},
              {"id": "barrel-tracking", "name": "Barrel tracking software", "category": "Software", "description": "A licence for the software that tracks barrels, blends and topping up.", "keywords": ["barrel tracker"]},
              {"id": "laptop", "name": "Laptop", "category": "Hardware", "description": "A company laptop.", "keywords": ["notebook"]}
            ] }
            """);
    }
}
