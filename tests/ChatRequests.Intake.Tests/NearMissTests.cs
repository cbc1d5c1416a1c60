using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// "None" and near misses on a catalog nobody tuned on (a veterinary practice group's, written for these tests, in no
/// file of eval/intake/): what the catalog does not offer (a thing of the same kind it lacks, a supply or an accessory
/// of one of its devices, a non-IT ask around one of its things) is never a confident form, with or without the sentence
/// encoder; clear asks still get their form. And asks no service catalog provides, on a touring theatre company's
/// catalog (also written for these tests): nearer in meaning to them than to the best item is no form (ADR 0050). An
/// accessory's noun after a device's name ("a tablet stand") is no form of the device even where another item of the
/// catalog uses the word, on a dental group's catalog (ADR 0054). A customer's refund at a garden centre's till is no till
/// login form, while the till login, the rota app and the headset keep theirs (ADR 0074).
/// </summary>
public sealed class NearMissTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("near-miss-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("I need a laptop", "laptop")]
    [InlineData("could I get access to the x-ray viewer", "xray-viewer")]
    [InlineData("new card machine for reception please", "card-terminal")]
    [InlineData("headset please, mine broke", "headset")]
    [InlineData("need a login for the practice management system", "practice-system")]
    [InlineData("a tablet for consulting room 2 to show owners their estimates", "consult-tablet")]
    public void ClearAsks_GetTheirForm_WithAndWithoutTheEncoder(string message, string item)
    {
        var catalog = Vets();

        foreach (var meaning in new[] { new LexicalInterpreter(catalog).Interpret(message), SlimEncoderOnce.Prepared(catalog).Interpret(message) })
        {
            Assert.Equal((MeaningKind.Item, item), (meaning.Kind, meaning.Items[0].Item.Id));
        }
    }

    [Theory]
    [InlineData("a new CCTV camera over the car park")]
    [InlineData("a desk phone for the front desk")]
    [InlineData("a charger for my laptop, left mine at home")]
    [InlineData("a bag to carry the consulting tablet between rooms", Skip = "Issue 10 open: an accessory of an item's device opening the message without an asking verb is the device's form (the words' rule)")]
    [InlineData("can you book the ultrasound scanner in for a service")]
    [InlineData("we need new weighing scales for dogs in reception")]
    [InlineData("a microwave for the staff room")]
    [InlineData("refund for a client who was charged twice on the card machine", Skip = "Issue 10 open: a non-IT ask around an item's device is that device's form")]
    public void NearMisses_AreNeverAForm_WithAndWithoutTheEncoder(string message)
    {
        var catalog = Vets();

        Assert.NotEqual(MeaningKind.Item, new LexicalInterpreter(catalog).Interpret(message).Kind);
        Assert.NotEqual(MeaningKind.Item, SlimEncoderOnce.Prepared(catalog).Interpret(message).Kind);
    }

    [Theory]
    [InlineData(TheatreCompany, "a bigger desk in the box office")]
    [InlineData(TheatreCompany, "pension question for the box office staff")]
    [InlineData(GardenCentreChain, "refund for a shopper who was overcharged at the till")]
    public void AnAskNoCatalogProvides_IsAQuestion_WhereWithoutTheNoneSenseItWasAForm(string catalog, string message)
    {
        var interpreter = SlimEncoderOnce.Prepared(Catalog(catalog));
        var reading = interpreter.Read(message);

        var withNoneSense = interpreter.Interpret(message);
        var withoutNoneSense = LexicalInterpreter.Decide(reading, MatchCalibration.FittedWithEncoder, SenseCalibration.Fitted with { NoneLead = 2 });

        Assert.NotNull(reading.Cosines);
        Assert.Equal((MeaningKind.Item, MeaningKind.Suggestion), (withoutNoneSense.Kind, withNoneSense.Kind));
    }

    [Theory]
    [InlineData(TheatreCompany, "can my partner park in the staff car park", "parking-permit")]
    [InlineData(TheatreCompany, "I'd like to book the rehearsal room screen for the tech run on Friday", "rehearsal-screen")]
    [InlineData(GardenCentreChain, "could I get a till login, I'm a new cashier", "till-login")]
    [InlineData(GardenCentreChain, "I need access to the rota app to see my shifts", "rota-app")]
    [InlineData(GardenCentreChain, "a headset for the warehouse radio channel", "headset")]
    public void AnAskTheCatalogOffers_NearAnAskNoCatalogProvides_IsStillItsForm(string catalog, string message, string item)
    {
        var meaning = SlimEncoderOnce.Prepared(Catalog(catalog)).Interpret(message);

        Assert.Equal(item, Assert.Single(meaning.Items).Item.Id);
        Assert.Equal(MeaningKind.Item, meaning.Kind);
    }

    /// <summary>A veterinary practice group's IT catalog: a viewer of X-rays, the practice system, a tablet, a card terminal, a camera viewer.</summary>
    private JsonFileCatalog Vets()
    {
        return TestCatalogs.Write(_folder, "vets.json", """
            { "items": [
              {"id": "xray-viewer", "name": "X-ray viewer access", "category": "Access", "description": "See and report on the practice's digital X-rays and ultrasound images.", "keywords": ["x-ray viewer", "radiography viewer"]},
              {"id": "practice-system", "name": "Practice management system account", "category": "Access", "description": "A login to the system for appointments, clinical notes and billing.", "keywords": ["practice system", "pms login"]},
              {"id": "consult-tablet", "name": "Consulting room tablet", "category": "Hardware", "description": "A tablet for a consulting room, to show owners records and estimates.", "keywords": ["consult tablet"]},
              {"id": "label-printer", "name": "Medicine label printer", "category": "Hardware", "description": "A printer for dispensing labels in the pharmacy.", "keywords": ["label printer", "dispensing printer"]},
              {"id": "card-terminal", "name": "Card payment terminal", "category": "Hardware", "description": "A card machine for taking payments at reception.", "keywords": ["card machine", "pdq"]},
              {"id": "kennel-cameras", "name": "Kennel camera viewing", "category": "Access", "description": "Watch the kennel and ward cameras from a PC or a phone.", "keywords": ["kennel cameras", "ward cameras"]},
              {"id": "headset", "name": "Headset", "category": "Hardware", "description": "A headset with a microphone for phone and video calls.", "keywords": ["headphones"]},
              {"id": "shared-mailbox", "name": "Shared mailbox", "category": "Accounts", "description": "A mailbox a team answers together.", "keywords": ["team inbox"]},
              {"id": "vpn", "name": "VPN access", "category": "Access", "description": "Reach the practice system from home.", "keywords": ["vpn", "remote access"]},
              {"id": "laptop", "name": "Laptop", "category": "Hardware", "description": "A company laptop.", "keywords": ["notebook"]}
            ] }
            """);
    }

    private const string TheatreCompany = "theatre", GardenCentreChain = "garden centre";

    private JsonFileCatalog Catalog(string name) => name switch
    {
        TheatreCompany => Theatre(),
        GardenCentreChain => GardenCentre(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "No catalog of that name in these tests."),
    };

    /// <summary>A garden centre chain's IT catalog: a till login, a headset, a stock system, a handheld scanner.</summary>
    private JsonFileCatalog GardenCentre()
    {
        return TestCatalogs.Write(_folder, "garden.json", """
            { "items": [
              {"id": "till-login", "name": "Till login", "category": "Shop", "description": "A login for the shop tills, to take payments, refunds and voids.", "fields": [{"id": "role", "label": "Role", "type": "Choice", "required": true, "choices": ["Cashier", "Supervisor"]}]},
              {"id": "headset", "name": "Headset", "category": "Devices", "description": "A headset with a microphone for calls and the radio channel in the warehouse."},
              {"id": "stock-system", "name": "Stock system access", "category": "Access", "description": "Access to check and adjust stock levels of plants and goods."},
              {"id": "handheld-scanner", "name": "Handheld scanner", "category": "Devices", "description": "A barcode scanner for stock takes in the shop and the yard."},
              {"id": "office-laptop", "name": "Office laptop", "category": "Devices", "description": "A laptop for office staff."},
              {"id": "rota-app", "name": "Rota app access", "category": "Access", "description": "See your shifts and hours on the staff rota app."}
            ] }
            """);
    }

    /// <summary>A touring theatre company's IT catalog: a box office login, a staff parking permit, a rehearsal room screen.</summary>
    private JsonFileCatalog Theatre()
    {
        return TestCatalogs.Write(_folder, "theatre.json", """
            { "items": [
              {"id": "box-office-login", "name": "Box office login", "category": "Front of house", "description": "A login for the box office ticketing till."},
              {"id": "lighting-desk", "name": "Lighting desk access", "category": "Stage", "description": "Access to programme the stage lighting console."},
              {"id": "touring-laptop", "name": "Touring laptop", "category": "Devices", "description": "A laptop for company members on tour."},
              {"id": "staff-phone", "name": "Staff mobile phone", "category": "Devices", "description": "A company mobile phone for stage managers and touring staff."},
              {"id": "rehearsal-screen", "name": "Rehearsal room screen", "category": "Stage", "description": "A large display in the rehearsal room for scripts and video."},
              {"id": "parking-permit", "name": "Staff parking permit", "category": "Site", "description": "A permit for the staff car park behind the theatre."},
              {"id": "shared-drive", "name": "Production shared drive", "category": "Access", "description": "Access to a production's folders of scripts, plans and schedules."}
            ] }
            """);
    }

    [Theory]
    [InlineData("a tablet stand for the reception desk")]
    [InlineData("need a laptop bag for travelling between surgeries")]
    public void AnAccessoryOfADevice_TheCatalogUsesTheWordOf_IsNeverTheDevicesForm(string message)
    {
        var catalog = Dental();

        Assert.NotEqual(MeaningKind.Item, new LexicalInterpreter(catalog).Interpret(message).Kind);
        Assert.NotEqual(MeaningKind.Item, SlimEncoderOnce.Prepared(catalog).Interpret(message).Kind);
    }

    [Theory]
    [InlineData("a tablet for the reception desk", "reception-tablet")]
    [InlineData("need a laptop for travelling between surgeries", "laptop")]
    [InlineData("a monitor stand for my desk please", "monitor-stand")]
    public void TheDeviceOrTheAccessoryItself_GetsItsForm(string message, string item)
    {
        var meaning = new LexicalInterpreter(Dental()).Interpret(message);

        Assert.Equal((MeaningKind.Item, item), (meaning.Kind, meaning.Items[0].Item.Id));
    }

    /// <summary>A dental group's IT catalog: a reception tablet and a laptop, and items whose words are "stand" and "bag".</summary>
    private JsonFileCatalog Dental() =>
        TestCatalogs.Write(_folder, "dental.json", """
            { "items": [
              {"id": "reception-tablet", "name": "Reception tablet", "category": "Devices", "description": "A tablet at the front desk where patients check in.", "keywords": ["check-in tablet"]},
              {"id": "laptop", "name": "Laptop", "category": "Devices", "description": "A company laptop for practice managers.", "keywords": ["notebook"]},
              {"id": "monitor-stand", "name": "Monitor stand", "category": "Desk", "description": "An adjustable stand or arm for a desk monitor.", "keywords": ["monitor arm"]},
              {"id": "xray-kit", "name": "Portable X-ray kit", "category": "Clinical", "description": "A handheld X-ray unit with its padded carry bag, moved between surgeries.", "keywords": ["portable xray", "xray bag"]},
              {"id": "imaging-access", "name": "Imaging software access", "category": "Access", "description": "See and report on patients' X-rays and scans.", "keywords": ["xray viewer"]}
            ] }
            """);
}
