using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// An accessory's noun after a device's name ("a tablet stand", "laptop bag") asks for a thing for the device, not the
/// device: a question, never the device's form, even where another item of the catalog uses the accessory's word (a
/// dental group's catalog written for these tests, in no file of eval/intake/; ADR 0054). The device and an item that
/// is the accessory keep their forms.
/// </summary>
public sealed class AccessoryAskTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("accessory-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

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
