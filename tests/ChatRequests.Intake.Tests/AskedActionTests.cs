using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// What the ask does to the thing it names (ADR 0059), on a brewery's IT catalog written for these tests (in no file of
/// eval/intake/): software put on a device is the install, a way in lost to a system is the password reset, someone
/// leaving is the leaver, each above the item that is only the device or the system named (each sentence ranks the
/// device or the system first without the rule); an ask for the thing itself stays the thing.
/// </summary>
public sealed class AskedActionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("asked-action-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("could you put Notepad++ on my laptop", "software-install")]
    [InlineData("need Greenshot putting on my laptop", "software-install")]
    [InlineData("can Greenshot be installed on the brewhouse laptop", "software-install")]
    [InlineData("forgot my login for the stock system", "password-reset")]
    [InlineData("can't remember my PIN for the stock system", "password-reset")]
    [InlineData("Sam is leaving on Friday, turn off his stock system login", "leaver")]
    public void AnActionOnAThingAnotherItemIs_RanksTheItemThatIsTheActionFirst(string message, string item) =>
        Assert.Equal(item, FirstItem(message));

    [Theory]
    [InlineData("I need a new laptop, mine is six years old", "laptop")]
    [InlineData("can I get access to the brewing system for the new recipes", "brewing-system-access")]
    [InlineData("put me on the stock system, I count the cellar on Fridays", "stock-system-access")]
    public void AnAskForTheThingItself_StaysTheThing(string message, string item) =>
        Assert.Equal(item, FirstItem(message));

    [Theory]
    [InlineData("put Greenshot on my laptop", "Install")]
    [InlineData("Greenshot installed on the brewhouse pc", "Install")]
    [InlineData("put me on the rota", "None")]
    [InlineData("my SCADA password expired overnight", "Unlock")]
    [InlineData("I'm on annual leave next week", "None")]
    [InlineData("it's her last day on Friday", "Leave")]
    public void TheActionAsked_IsReadFromTheVerbAndItsFrame(string message, string action) =>
        Assert.Equal(Enum.Parse<AskedAction>(action), AskedActions.Find(Tokens.Read(message)));

    private string? FirstItem(string message) =>
        new LexicalInterpreter(Brewery()).Interpret(message).Items.FirstOrDefault()?.Item.Id;

    /// <summary>A brewery's IT catalog: a laptop, the brewing and stock systems, and the install, password reset and leaver items.</summary>
    private JsonFileCatalog Brewery() =>
        TestCatalogs.Write(_folder, "brewery.json", """
            { "items": [
              {"id": "laptop", "name": "Laptop", "category": "Devices", "description": "A work laptop.", "keywords": ["laptop", "notebook", "pc", "computer"]},
              {"id": "brewing-system-access", "name": "Brewing system access", "category": "Brewhouse", "description": "Recipes, batches and fermentation logs.", "keywords": ["brewing system", "recipes", "batch records"]},
              {"id": "stock-system-access", "name": "Stock system access", "category": "Cellar", "description": "Casks, kegs and cellar counts.", "keywords": ["stock system", "stock count", "cellar stock"]},
              {"id": "software-install", "name": "Software install", "category": "Accounts and software", "description": "A program added to a work computer.", "keywords": ["install", "software", "program", "app"]},
              {"id": "password-reset", "name": "Password reset", "category": "Accounts and software", "description": "A new password when you cannot sign in.", "keywords": ["password", "locked out", "unlock", "forgot password"]},
              {"id": "leaver", "name": "Leaver", "category": "Accounts and software", "description": "Accounts closed when someone leaves.", "keywords": ["leaver", "leaving", "offboarding", "remove access"]}
            ] }
            """);
}
