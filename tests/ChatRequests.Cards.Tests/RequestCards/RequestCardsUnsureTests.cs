using System.Text.Json.Nodes;
using ChatRequests.Cards.Actions;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Understanding;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>The cards for words that do not settle it: a short choice, a question, an incident, an answer typed in chat.</summary>
public class RequestCardsUnsureTests
{
    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    private static readonly IReadOnlyDictionary<string, string> NoSlots = new Dictionary<string, string>();

    private static readonly CatalogItem Monitor = Laptop with { Id = "monitor", Name = "Monitor" };

    private static readonly CatalogItem Vpn = PasswordReset with { Id = "vpn-access", Name = "VPN access" };

    [Fact]
    public void Choice_EachPickCarriesTheWordsTheUrgencyAndTheValuesNamedForThatItem()
    {
        var words = new KeptWords("need a laptop for the Berlin office asap", Urgency.High);
        ItemMatch[] matches =
        [
            new(Laptop, 2, new Dictionary<string, string> { ["deliveryLocation"] = "Berlin office" }),
            new(PasswordReset, 1, NoSlots),
        ];

        var message = _cards.Choice(matches, words);

        CardAssert.Valid(message);
        var picks = CardQuery.Executes(message.Card, CardVerbs.IntakePick).Select(a => (PickItemData)CardActionData.Parse(CardVerbs.IntakePick, a["data"]!.AsObject())).ToList();
        Assert.Equal([Laptop.Id, PasswordReset.Id], picks.Select(p => p.ItemId));
        Assert.All(picks, p => Assert.Equal(words.Text, p.Words));
        Assert.All(picks, p => Assert.Equal("High", p.Urgency));
        Assert.Equal(new Dictionary<string, string> { ["deliveryLocation"] = "Berlin office" }, picks[0].Fields);
        Assert.Empty(picks[1].Fields);
        Assert.Contains("need a laptop for the Berlin office asap", CardQuery.Text(message.Card));
    }

    [Fact]
    public void Choice_OffersSomethingElse_ACategorysListDoesNot()
    {
        var choice = _cards.Choice([new ItemMatch(Laptop, 1, NoSlots), new ItemMatch(PasswordReset, 1, NoSlots)], new KeptWords("a bigger desk", urgency: null));
        var category = _cards.Catalog([Laptop], "Hardware: pick what you need");

        CardAssert.Valid(choice);
        CardAssert.Valid(category);
        Assert.Single(CardQuery.Executes(choice.Card, CardVerbs.IntakeElse));
        Assert.Empty(CardQuery.Executes(category.Card, CardVerbs.IntakeElse));
    }

    [Fact]
    public void Choice_ShowsAtMostFive()
    {
        var matches = Enumerable.Range(1, 8).Select(i => new ItemMatch(Laptop with { Id = $"l-{i}", Name = $"Laptop {i}" }, 1, NoSlots)).ToList();

        var message = _cards.Choice(matches, new KeptWords("laptop", urgency: null));

        CardAssert.Valid(message);
        Assert.Equal(5, CardQuery.Executes(message.Card, CardVerbs.IntakePick).Count());
        Assert.All(CardQuery.Executes(message.Card, CardVerbs.IntakePick), a => Assert.Null(a["data"]![CardInputs.Urgency]));
    }

    [Fact]
    public void KeptWords_AreCutAtTheJustificationMaximum()
    {
        Assert.Equal(2000, new KeptWords(new string('x', 2500), urgency: null).Text.Length);
        Assert.Equal("short", new KeptWords("short", urgency: null).Text);
    }

    [Fact]
    public void Suggestion_AsksAQuestion_YesOpensTheFormWithTheWords_SomethingElseOffersMore()
    {
        var charger = Laptop with { Id = "laptop-charger", Name = "Laptop charger", Description = "A spare 65 W USB-C charger." };

        var message = _cards.Suggestion(new ItemMatch(charger, 0.3, NoSlots), new KeptWords("I need a new laptop", urgency: null));

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Did you mean Laptop charger?", text);
        Assert.Contains("A spare 65 W USB-C charger.", text);
        Assert.Contains("I need a new laptop", text);
        Assert.Empty(CardQuery.Inputs(message.Card));
        Assert.DoesNotContain(CardVerbs.IntakeSubmit, CardQuery.Verbs(message.Card));
        var yes = Assert.Single(CardQuery.Executes(message.Card, CardVerbs.IntakePick));
        Assert.Equal("Yes, Laptop charger", (string?)yes["title"]);
        Assert.Equal("I need a new laptop", (string?)yes["data"]![CardInputs.Words]);
        Assert.Equal("Something else", (string?)Assert.Single(CardQuery.Executes(message.Card, CardVerbs.IntakeElse))["title"]);
        Assert.Contains("Did you mean Laptop charger?", message.FallbackText);
    }

    [Fact]
    public void Incident_SaysItIsNotARequest_HowToReportIt_AndOffersNoForm()
    {
        var report = new Signpost("Report it on the service portal.", new Uri("https://desk.example.com/incident"));

        var message = _cards.Incident([], new KeptWords("VPN keeps dropping", urgency: null), report);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("This sounds like a problem with something that stopped working (an incident), not a request.", text);
        Assert.Contains("Report it on the service portal.", text);
        Assert.Contains("VPN keeps dropping", text);
        Assert.DoesNotContain("If you were asking for something", text);
        Assert.Empty(CardQuery.Inputs(message.Card));
        var open = Assert.Single(CardQuery.Objects(message.Card), o => (string?)o["type"] == "Action.OpenUrl");
        Assert.Equal("https://desk.example.com/incident", (string?)open["url"]);
        var escape = Assert.Single(CardQuery.Executes(message.Card));
        Assert.Equal((CardVerbs.IntakeIsRequest, "It is a request"), ((string?)escape["verb"], (string?)escape["title"]));
        Assert.Equal(new IsRequestData("VPN keeps dropping"), CardActionData.Parse(CardVerbs.IntakeIsRequest, escape["data"]!.AsObject()));
        Assert.Contains("Report it on the service portal.", message.FallbackText);
    }

    [Fact]
    public void Incident_ShowsTheFirstItemsItWasNear_EachKeepingTheWords_AndSomethingElseInsteadOfTheEscape()
    {
        var words = new KeptWords("screen cracked on my laptop for the Berlin office, need a replacement asap", Urgency.High);
        ItemMatch[] near =
        [
            new(Laptop, 0.8, new Dictionary<string, string> { ["deliveryLocation"] = "Berlin office" }),
            new(Monitor, 0.6, NoSlots),
            new(PasswordReset, 0.5, NoSlots),
            new(Vpn, 0.4, NoSlots),
        ];

        var message = _cards.Incident(near, words, new Signpost("Call 1234.", null));

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("(an incident), not a request.", text);
        Assert.Contains("If you were asking for something, pick it:", text);
        Assert.DoesNotContain(Vpn.Name, text);
        Assert.Empty(CardQuery.Inputs(message.Card));
        var picks = CardQuery.Executes(message.Card, CardVerbs.IntakePick).Select(a => (PickItemData)CardActionData.Parse(CardVerbs.IntakePick, a["data"]!.AsObject())).ToList();
        Assert.Equal([Laptop.Id, Monitor.Id, PasswordReset.Id], picks.Select(p => p.ItemId));
        Assert.Equal(Meaning.ShownBesideAnIncident, picks.Count);
        Assert.All(picks, p => Assert.Equal(words.Text, p.Words));
        Assert.All(picks, p => Assert.Equal("High", p.Urgency));
        Assert.Equal(new Dictionary<string, string> { ["deliveryLocation"] = "Berlin office" }, picks[0].Fields);
        Assert.Empty(CardQuery.Executes(message.Card, CardVerbs.IntakeIsRequest));
        Assert.Single(CardQuery.Executes(message.Card, CardVerbs.IntakeElse));
        Assert.EndsWith($"If you were asking for something: {Laptop.Name}, {Monitor.Name}, {PasswordReset.Name}.", message.FallbackText);
    }

    [Fact]
    public void Incident_WithoutALink_HasOnlyTheEscape()
    {
        var message = _cards.Incident([], new KeptWords("Outlook crashes", urgency: null), new Signpost("Call 1234.", null));

        CardAssert.Valid(message);
        Assert.DoesNotContain(CardQuery.Objects(message.Card), o => (string?)o["type"] == "Action.OpenUrl");
    }

    [Fact]
    public void AnswerOffer_QuotesTheQuestionAndTheWords_AndSendsOnlyOnTheClick()
    {
        var r = InState(RequestState.AwaitingRequester);

        var message = _cards.AnswerOffer(r, "it has USB-C");

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Send this as your answer to {r.Question!.AskedBy.Name}'s question on {r.Id}?", text);
        Assert.Contains(r.Question.Text, text);
        Assert.Contains("it has USB-C", text);
        var send = Assert.Single(CardQuery.Executes(message.Card, CardVerbs.IntakeAnswer));
        Assert.Equal(new AnswerFromChatData(r.Id, "it has USB-C"), CardActionData.Parse(CardVerbs.IntakeAnswer, send["data"]!.AsObject()));
        var other = Assert.Single(CardQuery.Executes(message.Card, CardVerbs.IntakeNotAnswer));
        Assert.Equal("No, it is something else", (string?)other["title"]);
        Assert.Equal(new NotAnAnswerData("it has USB-C"), CardActionData.Parse(CardVerbs.IntakeNotAnswer, other["data"]!.AsObject()));
    }

    [Fact]
    public void Pick_DataSurvivesHostileWordsAsData()
    {
        var words = new KeptWords(Typed.Hostile, urgency: null);

        var message = _cards.Choice([new ItemMatch(Laptop, 1, NoSlots), new ItemMatch(PasswordReset, 1, NoSlots)], words);

        var data = CardQuery.Executes(message.Card, CardVerbs.IntakePick).First()["data"]!.AsObject();
        Assert.Equal(Typed.Hostile, (string?)data[CardInputs.Words]);
        Assert.IsAssignableFrom<JsonValue>(data[CardInputs.Words]);
    }
}
