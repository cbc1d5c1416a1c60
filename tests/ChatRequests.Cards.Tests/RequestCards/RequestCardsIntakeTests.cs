using System.Text.Json.Nodes;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

public class RequestCardsIntakeTests
{
    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    private static FormPrefill EmptyPrefill => new("sk-1", null, null, new Dictionary<string, string>());

    // A catalog that is not the sample's: the cards say what it holds, nothing else.
    private static readonly IntakeGuide Ward = new(
        ["Clinical systems", "Devices"],
        ["Pager", "EPR access"],
        new Signpost("Call the IT service desk on extension 4444.", new Uri("https://teams.microsoft.com/l/channel/19%3Ahelp%40thread.tacv2/Help")));

    [Fact]
    public void Welcome_GreetsByNameAndOffersTheCatalogsCategories()
    {
        var message = _cards.Welcome("Maximiliane", Ward);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Hi Maximiliane!", text);
        Assert.Contains("Hi Maximiliane!", message.FallbackText);
        var browse = CardQuery.Executes(message.Card, CardVerbs.IntakeBrowse).Select(a => (string?)a["data"]!["category"]);
        Assert.Equal(["Clinical systems", "Devices"], browse);
        Assert.DoesNotContain("Hardware", text);
    }

    [Fact]
    public void Welcome_WithoutAName_StillGreets()
    {
        var message = _cards.Welcome("  ", Ward);

        CardAssert.Valid(message);
        Assert.Contains("Hi there!", CardQuery.Text(message.Card));
    }

    [Fact]
    public void Help_ListsTheCommandsTheCatalogsExamplesAndAPersonToAsk()
    {
        var message = _cards.Help(Ward);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        foreach (var command in new[] { "new request", "my requests", "status", "REQ-000042", "approvals", "cancel REQ-000042", "help" })
        {
            Assert.Contains(command, text);
        }

        Assert.Contains("\"Pager\"", text);
        Assert.Contains("\"EPR access\"", text);
        Assert.DoesNotContain("laptop", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("extension 4444", text);
        Assert.Contains("Pager", message.FallbackText);
        Assert.Equal("https://teams.microsoft.com/l/channel/19%3Ahelp%40thread.tacv2/Help", (string?)CardQuery.Objects(message.Card).Single(o => (string?)o["type"] == "Action.OpenUrl")["url"]);
        Assert.DoesNotContain("Hi ", text);
        Assert.Equal(2, CardQuery.Executes(message.Card, CardVerbs.IntakeBrowse).Count());
    }

    [Fact]
    public void Help_OfAnEmptyCatalog_HasNoExamplesOrCategoriesAndNoLinkWithoutOne()
    {
        var message = _cards.Help(new IntakeGuide([], [], new Signpost("Ask the service desk.", null)));

        CardAssert.Valid(message);
        Assert.DoesNotContain("For example", CardQuery.Text(message.Card));
        Assert.Empty(CardQuery.Executes(message.Card));
        Assert.DoesNotContain(CardQuery.Objects(message.Card), o => (string?)o["type"] == "Action.OpenUrl");
    }

    [Fact]
    public void IntakeGuide_For_TakesTheCategoriesInOrderAndTheFirstItemOfEachAsExamples()
    {
        var guide = IntakeGuide.For([Laptop, PasswordReset, Laptop with { Id = "x", Name = "Second laptop" }], new Signpost("Ask.", null));

        Assert.Equal(["Accounts", "Hardware"], guide.Categories);
        Assert.Equal([Laptop.Name, PasswordReset.Name], guide.Examples);
    }

    [Fact]
    public void Catalog_ShowsEachItemWithCostApprovalAndAPickButton()
    {
        var message = _cards.Catalog([Laptop, PasswordReset], "Did you mean one of these?");

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains(Laptop.Name, text);
        Assert.Contains("Hardware · 2,849.90 EUR · Needs approval", text);
        Assert.Contains("Accounts · No charge · No approval", text);
        Assert.Equal([Laptop.Id, PasswordReset.Id], CardQuery.Executes(message.Card, CardVerbs.IntakePick).Select(a => (string?)a["data"]!["itemId"]));
        Assert.Contains(Laptop.Name, message.FallbackText);
    }

    [Fact]
    public void Catalog_ManyItems_IsCappedWithANote()
    {
        var items = Enumerable.Range(1, 40).Select(i => Laptop with { Id = $"item-{i}", Name = $"{Laptop.Name} #{i}" }).ToList();

        var message = _cards.Catalog(items, "Hardware");

        CardAssert.Valid(message);
        Assert.Equal(25, CardQuery.Executes(message.Card, CardVerbs.IntakePick).Count());
        Assert.Contains("Showing 25 of 40", CardQuery.Text(message.Card));
    }

    [Fact]
    public void Catalog_Empty_SaysSo()
    {
        var message = _cards.Catalog([], "Software");

        CardAssert.Valid(message);
        Assert.Contains("Nothing to show", CardQuery.Text(message.Card));
        Assert.Empty(CardQuery.Executes(message.Card));
    }

    [Fact]
    public void Categories_SaysNothingMatchedAndOffersEachCategoryTheExamplesAndAPersonToAsk()
    {
        var message = _cards.Categories(Ward, "I found nothing for \"flux capacitor\".");

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("flux capacitor", text);
        Assert.Contains("\"Pager\"", text);
        Assert.Contains("Or ask a person:", text);
        Assert.Contains("extension 4444", text);
        Assert.Contains("extension 4444", message.FallbackText);
        Assert.Equal(["Clinical systems", "Devices"], CardQuery.Executes(message.Card, CardVerbs.IntakeBrowse).Select(a => (string?)a["data"]!["category"]));
        Assert.Single(CardQuery.Objects(message.Card), o => (string?)o["type"] == "Action.OpenUrl");
    }

    [Fact]
    public void RequestForm_HasOneInputPerFieldWithTheRightTypeAndTheSubmitContract()
    {
        var message = _cards.RequestForm(Laptop, EmptyPrefill, null);

        CardAssert.Valid(message);
        var card = message.Card;
        var ids = CardQuery.Inputs(card).Select(i => (string)i["id"]!).ToList();
        Assert.Equal(["justification", "urgency", .. Laptop.Fields.Select(f => "field." + f.Id)], ids);
        foreach (var field in Laptop.Fields)
        {
            var input = CardQuery.Input(card, CardInputs.Field(field.Id));
            var expectedType = field.Type switch
            {
                FieldType.Choice => "Input.ChoiceSet",
                FieldType.Number => "Input.Number",
                FieldType.Date => "Input.Date",
                _ => "Input.Text",
            };
            Assert.Equal(expectedType, (string?)input["type"]);
            Assert.Equal(field.Label, (string?)input["label"]);
            Assert.Equal(field.Required, input["isRequired"]!.GetValue<bool>());
            Assert.False(string.IsNullOrEmpty((string?)input["errorMessage"]));
            Assert.False(string.IsNullOrEmpty((string?)input["placeholder"]));
        }

        Assert.True(CardQuery.Input(card, "field.deliveryAddress")["isMultiline"]!.GetValue<bool>());
        Assert.Equal(500, CardQuery.Input(card, "field.deliveryAddress")["maxLength"]!.GetValue<int>());
        Assert.Equal(["ThinkPad X1 Carbon", "Dell XPS 15", "MacBook Pro 14\""], CardQuery.Input(card, "field.model")["choices"]!.AsArray().Select(c => (string?)c!["value"]));

        var justification = CardQuery.Input(card, "justification");
        Assert.True(justification["isMultiline"]!.GetValue<bool>());
        Assert.Equal(2000, justification["maxLength"]!.GetValue<int>());
        var urgency = CardQuery.Input(card, "urgency");
        Assert.Equal(["High", "Medium", "Low"], urgency["choices"]!.AsArray().Select(c => (string?)c!["value"]));

        var submit = Assert.Single(CardQuery.Executes(card));
        Assert.Equal(CardVerbs.IntakeSubmit, (string?)submit["verb"]);
        Assert.Equal("""{"itemId":"hw-laptop-dev","submissionKey":"sk-1"}""", submit["data"]!.ToJsonString());
    }

    [Fact]
    public void RequestForm_Prefill_FillsTheInputsWithTheirOwnTypes()
    {
        var prefill = new FormPrefill("sk-2", LongJustification, "medium", LaptopFields);

        var message = _cards.RequestForm(Laptop, prefill, null);

        CardAssert.Valid(message);
        var card = message.Card;
        Assert.Equal(LongJustification, (string?)CardQuery.Input(card, "justification")["value"]);
        Assert.Equal("Medium", (string?)CardQuery.Input(card, "urgency")["value"]);
        Assert.Equal("German", (string?)CardQuery.Input(card, "field.keyboardLayout")["value"]);
        Assert.Equal(1m, CardQuery.Input(card, "field.quantity")["value"]!.GetValue<decimal>());
        Assert.Equal("2026-03-16", (string?)CardQuery.Input(card, "field.neededBy")["value"]);
        Assert.Equal(LaptopFields["deliveryAddress"], (string?)CardQuery.Input(card, "field.deliveryAddress")["value"]);
    }

    [Fact]
    public void RequestForm_PrefillThatDoesNotFitTheInput_IsLeftOut()
    {
        var prefill = new FormPrefill("sk-3", null, "whenever", new Dictionary<string, string>
        {
            ["model"] = "Commodore 64",
            ["quantity"] = "a few",
            ["neededBy"] = "next Friday",
        });

        var message = _cards.RequestForm(Laptop, prefill, null);

        CardAssert.Valid(message);
        var card = message.Card;
        Assert.Equal("", (string?)CardQuery.Input(card, "urgency")["value"]);
        Assert.Equal("", (string?)CardQuery.Input(card, "field.model")["value"]);
        Assert.Null(CardQuery.Input(card, "field.quantity")["value"]);
        Assert.Equal("", (string?)CardQuery.Input(card, "field.neededBy")["value"]);
    }

    [Fact]
    public void RequestForm_Errors_AreSummarisedAtTheTopAndShownUnderTheirInputs()
    {
        var errors = new Dictionary<string, string>
        {
            ["quantity"] = "Quantity must be a number.",
            ["justification"] = "Tell us briefly why you need this (at least 5 characters).",
            ["urgency"] = "Choose how urgent it is: high, medium or low.",
            ["costCentre"] = "Like CC-1234",
        };

        var message = _cards.RequestForm(Laptop, EmptyPrefill, errors);

        CardAssert.Valid(message);
        var body = message.Card["body"]!.AsArray();
        var summary = body[1]!.AsObject();
        Assert.Equal("attention", (string?)summary["style"]);
        Assert.Equal(
            ["Please fix 4 problems:", "• " + errors["justification"], "• " + errors["urgency"], "• Quantity must be a number.", "• Like CC-1234"],
            summary["items"]!.AsArray().Select(CardQuery.ElementText));

        AssertErrorFollows(body, "justification", errors["justification"]);
        AssertErrorFollows(body, "urgency", errors["urgency"]);
        var quantity = FieldContainer(body, "field.quantity");
        Assert.Contains(quantity, i => CardQuery.ElementText(i) == errors["quantity"] && CardQuery.ElementColor(i) == "Attention");
        Assert.Contains(errors["justification"], message.FallbackText);
    }

    [Fact]
    public void RequestForm_WithoutErrors_HasNoSummary()
    {
        var message = _cards.RequestForm(Laptop, EmptyPrefill, new Dictionary<string, string>());

        Assert.DoesNotContain(CardQuery.Objects(message.Card), o => (string?)o["color"] == "Attention");
    }

    [Fact]
    public void RequestForm_ItemWithoutFields_HasJustificationAndUrgencyOnly()
    {
        var message = _cards.RequestForm(PasswordReset, EmptyPrefill, null);

        CardAssert.Valid(message);
        Assert.Equal(["justification", "urgency"], CardQuery.Inputs(message.Card).Select(i => (string?)i["id"]));
    }

    [Fact]
    public void Submitted_WithApprovals_NamesTheApproversOfEachStage()
    {
        var r = NeedingTwoApprovals();

        var message = _cards.Submitted(r);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Request logged: REQ-000042", text);
        Assert.Contains(r.Priority.Reason, text);
        Assert.Contains("Manager approval", text);
        Assert.Contains(Manager.Name, text);
        Assert.Contains($"{SecurityGroup[0].Name}, {SecurityGroup[1].Name}", text);
        Assert.Contains($"Target date\n{CardQuery.Moment(Start.AddHours(40))}", text);
        Assert.Equal([CardVerbs.RequestsShow, CardVerbs.RequesterEdit, CardVerbs.RequesterCancel], CardQuery.Verbs(message.Card));
        Assert.All(CardQuery.Executes(message.Card), a => Assert.Equal("""{"requestId":"REQ-000042"}""", a["data"]!.ToJsonString()));
    }

    [Fact]
    public void Submitted_ForTheRequester_RefreshesItselfForThemAlone_UntilTheRequestIsFinal()
    {
        var open = _cards.Submitted(NeedingTwoApprovals(), refreshFor: "29:requester");
        var closed = _cards.Submitted(InState(RequestState.Closed), refreshFor: "29:requester");

        CardAssert.Valid(open);
        var refresh = open.Card["refresh"]!.AsObject();
        Assert.Equal(["29:requester"], refresh["userIds"]!.AsArray().Select(u => (string?)u));
        Assert.Equal(CardVerbs.RequestsRefresh, (string?)refresh["action"]!["verb"]);
        Assert.Equal("""{"requestId":"REQ-000042"}""", refresh["action"]!["data"]!.ToJsonString());
        CardAssert.Valid(closed);
        Assert.Null(closed.Card["refresh"]);
        Assert.Equal([CardVerbs.RequestsShow], CardQuery.Verbs(closed.Card));
    }

    [Fact]
    public void Submitted_WithoutApproval_SaysItWentStraightToTheTeam()
    {
        var message = _cards.Submitted(WithoutApproval());

        CardAssert.Valid(message);
        Assert.Contains("No approval needed — sent straight to Identity & Accounts.", CardQuery.Text(message.Card));
        Assert.Contains("No approval needed", message.FallbackText);
    }

    private static void AssertErrorFollows(JsonArray body, string inputId, string error)
    {
        var index = body.Select((e, i) => (e, i)).Single(x => (string?)x.e!["id"] == inputId).i;
        Assert.Equal(error, CardQuery.ElementText(body[index + 1]));
        Assert.Equal("Attention", CardQuery.ElementColor(body[index + 1]));
    }

    private static IReadOnlyList<JsonObject> FieldContainer(JsonArray body, string inputId) =>
        body.OfType<JsonObject>()
            .Single(e => (string?)e["type"] == "Container" && e["items"]!.AsArray().Any(i => (string?)i!["id"] == inputId))["items"]!
            .AsArray().OfType<JsonObject>().ToList();
}
