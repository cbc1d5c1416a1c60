using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// Items that are kinds of one thing, on a ferry operator's catalog written for these tests (in no file of eval/intake/;
/// ADR 0063): the thing asked for without a kind is the plain item's form, not a choice among the kinds; words that fit
/// only another kind keep it from the plain form; a description's sentence that sends some people to another item
/// ("Not for CAD modelling (see CAD workstation).") is left out of the description the words are scored against.
/// </summary>
public sealed class KindsOfOneThingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("kinds-of-one-thing-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("I need a new laptop", "laptop")]
    [InlineData("can I get a laptop for our new booking clerk", "laptop")]
    [InlineData("can I get a monitor", "monitor")]
    [InlineData("my notebook died, can I have another one", "laptop")]
    [InlineData("I need a new laptop please, mine is on its last legs", "laptop")]
    public void TheThingWithoutAKind_IsThePlainItemsForm(string message, string item)
    {
        var catalog = Ferry();
        var byWords = new LexicalInterpreter(catalog).Interpret(message);
        var byMeaning = SlimEncoderOnce.Prepared(catalog).Interpret(message);

        Assert.Equal((MeaningKind.Item, item), (byWords.Kind, byWords.Items[0].Item.Id));
        Assert.Equal((MeaningKind.Item, item), (byMeaning.Kind, byMeaning.Items[0].Item.Id));
    }

    [Theory]
    [InlineData("a laptop for the engine room, with the diagnostic software")]
    [InlineData("a laptop for our engineers in the engine room")]
    [InlineData("an ultrawide monitor for the timetable planners")]
    public void WordsThatFitAnotherKind_NeverGiveThePlainItemsForm(string message)
    {
        var catalog = Ferry();
        foreach (var meaning in new[] { new LexicalInterpreter(catalog).Interpret(message), SlimEncoderOnce.Prepared(catalog).Interpret(message) })
        {
            Assert.False(meaning.Kind == MeaningKind.Item && meaning.Items[0].Item.Id is "laptop" or "monitor", $"{meaning.Kind} {meaning.Items[0].Item.Id}");
        }
    }

    [Theory]
    [InlineData("Not for CAD modelling (see CAD workstation).", "A laptop.")]
    [InlineData("Engineers ask for a CAD workstation instead.", "A laptop.")]
    [InlineData("See the CAD workstation screens live.", "A laptop. See the CAD workstation screens live.")]
    [InlineData("It is not for the CAD workstation team alone.", "A laptop. It is not for the CAD workstation team alone.")]
    public void OnlyASentenceThatSendsPeopleToAnotherItemNamedInIt_IsLeftOut(string sentence, string kept)
    {
        var items = new[]
        {
            new Core.Catalog.CatalogItem { Id = "laptop", Name = "Laptop", Category = "Devices", Description = $"A laptop. {sentence}" },
            new Core.Catalog.CatalogItem { Id = "cad", Name = "CAD workstation", Category = "Devices", Description = "A desktop for CAD." },
        };

        Assert.Equal(kept, Redirects.Kept(items)[0]);
    }

    /// <summary>A ferry operator's IT catalog: a plain laptop and an engine room one, a plain and a large monitor.</summary>
    private JsonFileCatalog Ferry() =>
        TestCatalogs.Write(_folder, "ferry.json", """
            { "items": [
              {"id": "laptop", "name": "Laptop", "category": "Devices", "description": "A 14-inch Windows laptop for office, booking and terminal staff. Engineers who work in the engine room ask for a marine engineering laptop.", "keywords": ["laptop", "notebook", "computer"]},
              {"id": "engineering-laptop", "name": "Marine engineering laptop", "category": "Devices", "description": "A rugged laptop with the engine makers' diagnostic software and cables, for the engine room crew.", "keywords": ["engine laptop", "diagnostic laptop", "rugged laptop"]},
              {"id": "monitor", "name": "Standard monitor", "category": "Devices", "description": "A 24-inch external display with a stand.", "keywords": ["monitor", "screen", "display"]},
              {"id": "large-monitor", "name": "Large monitor", "category": "Devices", "description": "A 34-inch ultrawide display for planners who work with wide timetables.", "keywords": ["large monitor", "ultrawide", "big screen"]},
              {"id": "password-reset", "name": "Password reset", "category": "Accounts", "description": "A new password when yours is forgotten.", "keywords": ["forgot password", "locked out"]},
              {"id": "radio", "name": "Handheld radio", "category": "Devices", "description": "A handheld radio for deck crew.", "keywords": ["walkie talkie"]}
            ] }
            """);
}
