using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// Which of a catalog's words count and how much (ADR 0056), on a gallery's IT catalog written for these tests (in no file
/// of eval/intake/): an ask in the words of an item's description ranks that item above one that only shares a keyword
/// phrase with it, and a compound said the other way than the catalog writes it ("smart card", "touchscreen") is the
/// catalog's word.
/// </summary>
public sealed class RankingTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ranking-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("something that records the humidity in a display case", "env-logger")]
    [InlineData("we want visitors to give money by tapping their card at the entrance", "donation-point")]
    public void AnAskInTheWordsOfAnItemsDescription_RanksThatItemFirst(string message, string item)
    {
        var meaning = new LexicalInterpreter(Gallery()).Interpret(message);

        Assert.NotEmpty(meaning.Items);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("I lost my smart card, I need a new one", "smartcard")]
    [InlineData("a touchscreen for the family gallery quiz", "gallery-kiosk")]
    public void ACompoundSaidTheOtherWay_IsTheCatalogsWord(string message, string item)
    {
        var meaning = new LexicalInterpreter(Gallery()).Interpret(message);

        Assert.NotEmpty(meaning.Items);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }

    [Fact]
    public void AnAddress_IsNoCompound()
    {
        var words = new CatalogIndex(Gallery().Items).Compounds(Tokens.Read("give me send as on touchscreen@"), "give me send as on touchscreen@");

        Assert.Contains(words, w => w.Raw == "touchscreen");
    }

    /// <summary>A gallery's IT catalog: a humidity logger and a display case's lights, a donation point and a card terminal, a smartcard and a touch screen kiosk.</summary>
    private JsonFileCatalog Gallery() =>
        TestCatalogs.Write(_folder, "gallery.json", """
            { "items": [
              {"id": "env-logger", "name": "Environment logger", "category": "Collections", "description": "A small wireless device that records humidity and temperature inside a display case or a store room.", "keywords": ["logger", "rh logger"]},
              {"id": "case-lighting", "name": "Showcase lighting", "category": "Galleries", "description": "LED lights fitted to a showcase.", "keywords": ["display case", "case lights"]},
              {"id": "donation-point", "name": "Contactless donation point", "category": "Visitors", "description": "A unit by the entrance where visitors give money by tapping a bank card or a phone.", "keywords": ["donation box"]},
              {"id": "card-terminal", "name": "Card payment terminal", "category": "Visitors", "description": "Takes payments in the shop and the cafe.", "keywords": ["card machine", "card reader", "pdq"]},
              {"id": "smartcard", "name": "Staff smartcard", "category": "Security", "description": "The photo pass that opens the staff doors.", "keywords": ["smartcard", "staff pass"]},
              {"id": "gallery-kiosk", "name": "Gallery kiosk", "category": "Galleries", "description": "An interactive computer behind an exhibit.", "keywords": ["touch screen", "kiosk", "interactive"]},
              {"id": "monitor", "name": "Monitor", "category": "Office", "description": "A second monitor for a desk.", "keywords": ["screen", "display"]}
            ] }
            """);
}
