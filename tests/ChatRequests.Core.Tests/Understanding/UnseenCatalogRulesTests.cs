using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// Rules of language found on a catalog no tuning had seen (the retail one), checked here on another made up for the
/// test, a bakery chain's: a word that is a stop word elsewhere names a thing here ("the till"), a place's word inside a
/// name, supplies of a device, counts and units, misspelt names, asides, questions about the bot. None of these
/// sentences is in the evaluation set.
/// </summary>
public class UnseenCatalogRulesTests
{
    private static readonly string[] Branches = ["Harbour Street", "Market Square", "Warehouse"];

    private static readonly MiniCatalog Bakery = new(
        Item("till", "Till", "Shop", "A till point with its cash drawer and customer display.", ["till", "cash register", "point of sale"],
            [Choice("branch", "Branch", Branches)]),
        Item("receipt-printer", "Receipt printer", "Shop", "A thermal printer for a till, with a first box of paper rolls.", ["receipt printer", "receipt roll printer"],
            [Choice("branch", "Branch", Branches)]),
        Item("warehouse-access", "Warehouse system access", "Systems", "An account on the warehouse system to book flour and packaging in and out.",
            ["warehouse system", "stock system"], [Choice("branch", "Branch", Branches), Choice("role", "Role", ["Picker", "Shift lead"])]),
        Item("design-licence", "Menu design licence", "Software", "A licence of a design tool for menus and price boards.", ["menu design"],
            [Choice("product", "Product", ["Affinity Publisher", "Canva Pro"]), Number("seats", "Seats")]),
        Item("supplier-portal", "Supplier portal account", "Systems", "A login for a supplier to see our purchase orders and book deliveries.",
            ["supplier portal", "purchase orders"]),
        Item("mouse", "Mouse", "Office", "A wired or wireless mouse.", ["mouse"]),
        Item("keyboard", "Keyboard", "Office", "A keyboard in your layout.", ["keyboard"], [Choice("layout", "Keyboard layout", ["UK", "French (AZERTY)"])]),
        Item("headset", "Headset", "Office", "A headset with a microphone for calls.", ["headset"], [Choice("reason", "Reason", ["First headset", "Replacement"])]),
        Item("wifi", "Bakery Wi-Fi coverage", "Network", "More access points where the staff Wi-Fi is weak.", ["wifi", "coverage", "signal"]),
        Item("mfa-reset", "Authenticator reset", "Accounts", "A new phone or a hardware key for sign-in approvals.", ["authenticator", "mfa"],
            [Choice("method", "Method", ["App", "Hardware key"])]),
        Item("recipe-access", "Recipe portal access", "Systems", "Read or edit recipes and allergens on the recipe portal.", ["recipe portal"],
            [Choice("access", "Access", ["Read only", "Edit"])]),
        Item("course-page", "Training course page", "Training", "A new page for a training course on the learning portal.", ["course page", "learning portal"]),
        Item("course-enrolment", "Add staff to a training course", "Training", "Gives a colleague a place on an existing training course.",
            ["add to course", "enrol", "add colleague"]));

    [Theory]
    [InlineData("a new till for Harbour Street please", "till")]
    [InlineData("the till at Market Square got knocked off the counter, need a replacement", "till")]
    [InlineData("need a receipt printer for the till", "receipt-printer")]
    public void Till_IsTheShopsTill_WhenItSaysNoTime(string text, string item)
    {
        AssertForm(item, Bakery.Read(text));
    }

    [Theory]
    [InlineData("can I keep the headset till Friday")]
    [InlineData("I need a mouse till mine is back")]
    public void Till_BeforeATime_IsUntil(string text)
    {
        var meaning = Bakery.Read(text);

        Assert.DoesNotContain(meaning.Items, m => m.Item.Id == "till");
    }

    [Fact]
    public void APlacesWord_InsideAnItemsName_NamesTheItem()
    {
        AssertForm("warehouse-access", Bakery.Read("I'm shift lead now, please give me a login for the warehouse system"));
        Assert.Equal("Warehouse", Bakery.Read("a new till for the warehouse").Items[0].Slots["branch"]);
    }

    [Theory]
    [InlineData("need more paper rolls for the receipt printer")]
    [InlineData("toner refill for the receipt printer")]
    public void SuppliesOfADevice_AreNoFormForTheDevice(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Bakery.Read(text).Kind);
    }

    [Theory]
    [InlineData("two canva seats for our new designers", "design-licence")]
    [InlineData("need Affinity for a menu design of the winter specials, around 3 weeks", "design-licence")]
    public void ACountOrAProductOfTheItem_SaidFirst_IsAskedFor(string text, string item)
    {
        AssertForm(item, Bakery.Read(text));
    }

    [Theory]
    [InlineData("moust pls", "mouse")]
    [InlineData("Keybord with the UK layout please, half the letters have worn off mine", "keyboard")]
    [InlineData("need a french keyboard, azerty, i keep typing q instead of a", "keyboard")]
    [InlineData("first week here and I have nothing to take calls with, a headset with a mic?", "headset")]
    [InlineData("could I see the recipes on the recipe portal? read only is enough", "recipe-access")]
    public void MisspeltNames_AnswersAndOrdinals_MakeNoOtherThing(string text, string item)
    {
        AssertForm(item, Bakery.Read(text));
    }

    [Fact]
    public void AFaultAsAnAside_AfterALongerAsk_IsNoFaultReport()
    {
        var aside = Bakery.Read("we open a pop-up at the market next week and need a new till and a receipt printer there, also the mouse in the office is playing up again");

        Assert.NotEqual(MeaningKind.Incident, aside.Kind);
        Assert.Equal(MeaningKind.Incident, Bakery.Read("the mouse in the office is playing up again").Kind);
    }

    [Fact]
    public void AskingForItBetter_IsARequest_NotAFault()
    {
        var meaning = Bakery.Read("the tablets drop off the wifi in the cold room, can we get better coverage back there");

        Assert.NotEqual(MeaningKind.Incident, meaning.Kind);
        Assert.Equal("wifi", meaning.Items[0].Item.Id);
        Assert.Equal(MeaningKind.Incident, Bakery.Read("the tablets drop off the wifi in the cold room").Kind);
    }

    [Theory]
    [InlineData("Help - how does this work for bakery staff?")]
    [InlineData("how this bot is working?")]
    [InlineData("explain what you do please")]
    public void QuestionsAboutTheBot_AreHelp_OverAChoiceOfItems(string text)
    {
        var meaning = Bakery.Read(text);

        Assert.Equal(MeaningKind.Command, meaning.Kind);
        Assert.Equal(ChatCommand.Help, meaning.Command);
    }

    [Theory]
    [InlineData("our flour supplier needs a login to see our purchase orders", "supplier-portal")]
    [InlineData("lost my phone so i can't approve sign-ins anymore, can i switch to a hardware key", "mfa-reset")]
    [InlineData("read only access to the recipe portal to check my team's allergens", "recipe-access")]
    public void ACatalogThing_AfterACommandWord_IsNoCommand(string text, string item)
    {
        var meaning = Bakery.Read(text);

        Assert.NotEqual(MeaningKind.Command, meaning.Kind);
        Assert.Contains(meaning.Items, m => m.Item.Id == item);
    }

    [Fact]
    public void WhereSomeoneIsAdded_SaysWhatFor_NotWhatIsAskedFor()
    {
        AssertForm("course-enrolment", Bakery.Read("add my colleague to the course page"));
        Assert.Equal("course-page", Bakery.Read("a course page for the new sourdough training").Items[0].Item.Id);
    }

    private static void AssertForm(string item, Meaning meaning)
    {
        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }
}
