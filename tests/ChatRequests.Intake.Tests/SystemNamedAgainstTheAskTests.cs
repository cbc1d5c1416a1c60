using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// A system named in full against the action asked (ADR 0064), on a ferry operator's IT catalog written for these tests (in
/// no file of eval/intake/): a sign-in lost to a system without a credential's word is the password reset, a newcomer set up
/// as a whole is the new starter, each above the system's own access item; a task done in a system, ordered, is no form for
/// the system's access; an ask for the access itself stays the access.
/// </summary>
public sealed class SystemNamedAgainstTheAskTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("system-named-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("locked out of the booking system after the weekend", "password-reset")]
    [InlineData("locked out of Tidewater again", "password-reset")]
    [InlineData("new deckhand joining us on Monday, needs a login and email and everything", "new-starter")]
    [InlineData("we have a new purser starting next week who needs Tidewater and email", "new-starter")]
    public void AnActionOnASystemAnotherItemIs_RanksTheItemThatIsTheActionFirst(string message, string item) =>
        Assert.Equal(item, FirstItem(message));

    [Theory]
    [InlineData("can I get access to the booking system, I've moved to the sales desk", "booking-system-access")]
    [InlineData("new purser starting next week needs a login for the booking system", "booking-system-access")]
    public void AnAskForTheSystemItself_StaysTheSystem(string message, string item) =>
        Assert.Equal(item, FirstItem(message));

    [Theory]
    [InlineData("book a cabin on the booking system for the Smiths on the 6pm sailing")]
    [InlineData("please approve the fuel invoices in the finance system")]
    [InlineData("release the sailing plan for tomorrow in Tidewater")]
    public void ATaskOrderedInASystem_IsNoFormForItsAccess(string message)
    {
        var meaning = Interpret(message);

        Assert.NotEqual(MeaningKind.Item, meaning.Kind);
    }

    [Theory]
    [InlineData("access to the finance system please, I approve the fuel invoices now")]
    [InlineData("I need to approve fuel invoices in the finance system")]
    public void AnAskToBeAbleToDoTheTask_IsTheAccessForm(string message)
    {
        var meaning = Interpret(message);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("finance-system-access", meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("locked out of the booking system", "Unlock")]
    [InlineData("locked out again, can't get in", "Unlock")]
    [InlineData("locked out of the office, left my keys inside", "None")]
    [InlineData("locked out of the crew van at the terminal", "None")]
    [InlineData("new deckhand joining Monday, please set him up", "Start")]
    [InlineData("new deckhand joining Monday, his accounts are already requested", "None")]
    [InlineData("new purser joining, please set her up on the booking system", "None")]
    [InlineData("I'm joining the night rota next month", "None")]
    public void TheActionAsked_IsReadFromTheWordsAroundTheSystem(string message, string action) =>
        Assert.Equal(Enum.Parse<AskedAction>(action), AskedActions.Find(Tokens.Read(message)));

    private string? FirstItem(string message) => Interpret(message).Items.FirstOrDefault()?.Item.Id;

    private Meaning Interpret(string message) => new LexicalInterpreter(Ferries()).Interpret(message);

    /// <summary>A ferry operator's IT catalog: its booking, sailing and finance systems' access, the password reset and the new starter.</summary>
    private JsonFileCatalog Ferries() =>
        TestCatalogs.Write(_folder, "ferries.json", """
            { "items": [
              {"id": "booking-system-access", "name": "Booking system access", "category": "Passenger systems", "description": "An account on the passenger booking system: cabins, vehicles, fares and manifests.", "synonyms": ["booking system login"], "keywords": ["booking system", "cabins", "bookings", "manifest", "fares"]},
              {"id": "sailing-system-access", "name": "Tidewater sailing system access", "category": "Marine systems", "description": "An account on Tidewater, the sailing plan and crew log system.", "synonyms": ["Tidewater login"], "keywords": ["tidewater", "sailing plan", "crew log", "sailings"]},
              {"id": "finance-system-access", "name": "Finance system access", "category": "Office systems", "description": "Access to the finance system: purchase ledger, invoices and payments.", "synonyms": ["ledger access"], "keywords": ["finance system", "invoices", "purchase ledger", "payments"]},
              {"id": "laptop", "name": "Laptop", "category": "Devices", "description": "A work laptop.", "keywords": ["laptop", "notebook", "computer"]},
              {"id": "password-reset", "name": "Password reset", "category": "Accounts", "description": "A new password for your computer, email or the booking and sailing systems when you forgot it or it is locked.", "keywords": ["password", "reset password", "forgot password", "unlock"]},
              {"id": "new-starter", "name": "New starter setup", "category": "Accounts", "description": "Everything a new colleague needs on the first day: an account, email and the systems of their role.", "synonyms": ["onboarding"], "keywords": ["new starter", "new hire", "new colleague", "first day"]}
            ] }
            """);
}
