using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// What is said beside an item's words, on a public library service's catalog written for these tests (in no file of
/// eval/intake/; ADR 0060): an accessory named after the device, with the sentence going on ("a laptop charger, mine's
/// frayed"), is no form of the device; blank stock for what a device prints ("ticket stock") is no form of the
/// printer; a fault said beside the fault word a catalog's name holds ("self issue") is still a
/// fault report; a status board "is red, nothing going through" is a fault, not the person's requests.
/// </summary>
public sealed class ThingBesideTheItemTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("thing-beside-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("I need a new laptop, mine is five years old", "laptop")]
    [InlineData("a tablet for the branch so staff can help people online", "branch-tablet")]
    [InlineData("a dust cover for the self issue kiosk at Eastbrook", "dust-covers")]
    [InlineData("my password has expired and it won't let me change it", "password-reset")]
    [InlineData("quote for two more self-issue kiosks at Eastbrook", "self-issue-kiosk")]
    [InlineData("a ticket printer for the Eastbrook counter", "ticket-printer")]
    [InlineData("access to the stock system for the Eastbrook team", "stock-system")]
    public void TheDeviceTheAccessoryOrTheStateAnItemIsFor_GetsItsForm(string message, string item)
    {
        var meaning = new LexicalInterpreter(Library()).Interpret(message);

        Assert.Equal((MeaningKind.Item, item), (meaning.Kind, meaning.Items[0].Item.Id));
    }

    [Theory]
    [InlineData("can I get a new laptop charger, mine's frayed at the plug end")]
    [InlineData("a tablet case, ours keep getting dropped at the counter")]
    [InlineData("we're nearly out of ticket stock at the Eastbrook counter")]
    [InlineData("more ticket stock for the counter printer please")]
    public void AnAccessoryWithMoreAfterIt_OrBlankStockOfWhatADevicePrints_IsNeverTheDevicesForm(string message)
    {
        var catalog = Library();

        Assert.NotEqual(MeaningKind.Item, new LexicalInterpreter(catalog).Interpret(message).Kind);
        Assert.NotEqual(MeaningKind.Item, SlimEncoderOnce.Prepared(catalog).Interpret(message).Kind);
    }

    [Theory]
    [InlineData("self-issue machine at Eastbrook won't read library cards")]
    [InlineData("the self issue kiosk keeps freezing halfway through a loan")]
    [InlineData("status of the payments system is red, nothing going through")]
    public void AFaultBesideTheCatalogsOwnFaultWord_IsAFaultReport(string message)
    {
        var catalog = Library();

        Assert.Equal(MeaningKind.Incident, new LexicalInterpreter(catalog).Interpret(message).Kind);
        Assert.Equal(MeaningKind.Incident, SlimEncoderOnce.Prepared(catalog).Interpret(message).Kind);
    }

    /// <summary>A public library service's IT catalog: a laptop, a branch tablet, a self-issue kiosk and covers for kiosks.</summary>
    private JsonFileCatalog Library() =>
        TestCatalogs.Write(_folder, "library.json", """
            { "items": [
              {"id": "laptop", "name": "Laptop", "category": "Devices", "description": "A work laptop for library staff.", "keywords": ["notebook"]},
              {"id": "branch-tablet", "name": "Branch tablet", "category": "Devices", "description": "A tablet for helping people at the branch.", "keywords": ["roving tablet"]},
              {"id": "self-issue-kiosk", "name": "Self-issue kiosk", "category": "Branch", "description": "A machine where borrowers check books out and in themselves.", "keywords": ["self issue", "self service kiosk"]},
              {"id": "dust-covers", "name": "Kiosk dust covers", "category": "Branch", "description": "Fitted covers for kiosks and public PCs overnight.", "keywords": ["dust cover", "cover"]},
              {"id": "payments-access", "name": "Payments system access", "category": "Access", "description": "Take fines and fees at the counter.", "keywords": ["payments", "fines"]},
              {"id": "ticket-printer", "name": "Counter ticket printer", "category": "Branch", "description": "Prints receipts and event tickets at the counter.", "keywords": ["receipt printer"]},
              {"id": "stock-system", "name": "Stock system access", "category": "Access", "description": "The book stock management system: orders, transfers and weeding.", "keywords": ["book stock", "stock control"]},
              {"id": "password-reset", "name": "Password reset", "category": "Accounts", "description": "A new password when yours is forgotten or expired.", "keywords": ["expired password", "forgot password"]}
            ] }
            """);
}
