using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Cards;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Understanding;
using ChatRequests.Core.Workflow;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Intake.WardBot;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Intake;

/// <summary>
/// What the bot answers to each kind of meaning, over /api/messages against a loopback Teams, on a hospital ward's
/// catalog and organisation (not the samples).
/// </summary>
public sealed class IntakeConversationTests : IAsyncLifetime
{
    private const string ChoiceWords = "a bleep thing for ICU asap, mine fell in the sink";
    private const string SuggestionWords = "something to print with";
    private const string IncidentWords = "the EPR keeps crashing when I open a chart";
    private const string UnknownWords = "a flux capacitor";
    private const string AskThroughAFaultWords = "my bleep died again on ICU, it is no use to me like this";
    private const string PagerWords = "I need a pager for Ward 1";

    private static readonly Dictionary<string, Func<ICatalog, Meaning>> Script = new()
    {
        [ChoiceWords] = c => Choice(c, Urgency.High, ("pager", new() { ["ward"] = "ICU" }), ("dictation-headset", new())),
        [SuggestionWords] = c => One(MeaningKind.Suggestion, c, "label-printer"),
        [IncidentWords] = _ => new Meaning { Kind = MeaningKind.Incident },
        [UnknownWords] = _ => new Meaning { Kind = MeaningKind.Unknown },
        [AskThroughAFaultWords] = c => Choice(c, null, ("pager", new() { ["ward"] = "ICU" }), ("dictation-headset", new())) with { Kind = MeaningKind.Incident },
        [PagerWords] = c => One(MeaningKind.Item, c, "pager", new() { ["ward"] = "Ward 1" }),
        ["it has USB-C"] = _ => new Meaning { Kind = MeaningKind.Unknown },
        ["where is my pager request"] = _ => new Meaning { Kind = MeaningKind.Command, Command = ChatCommand.ShowRequest },
        ["forget it"] = _ => new Meaning { Kind = MeaningKind.Command, Command = ChatCommand.Cancel },
    };

    private BotApp _bot = null!;

    private FakeTeamsConnector Connector => _bot.Connector;

    private TeamsDriver Teams => _bot.Teams;

    public async Task InitializeAsync() => _bot = await StartAsync(Script);

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Welcome_OffersTheLoadedCatalogsCategoriesAndItems_NotTheSamples()
    {
        await Teams.InstallAsync(Nia);

        var welcome = await NoticeAsync(Connector, Nia, "Hi Nia!");

        Assert.Equal(["Clinical systems", "Devices"], BrowseCategories(welcome));
        var text = CardReader.AllText(welcome);
        Assert.Contains("\"Pager\"", text);
        Assert.Contains("\"EPR access\"", text);
        Assert.DoesNotContain("Hardware", text);
        Assert.DoesNotContain("laptop", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Help_ListsTheCatalogAndTheConfiguredPersonToAsk()
    {
        var help = await SayAndWaitAsync("help", "What you can type");

        Assert.Equal(["Clinical systems", "Devices"], BrowseCategories(help));
        Assert.Contains(HelpDeskText, CardReader.AllText(help));
        Assert.Contains(HelpDeskLink, help.ToJsonString());
    }

    [Fact]
    public async Task NothingClose_OffersTheCategoriesAndAPersonToAsk()
    {
        var card = await SayAndWaitAsync(UnknownWords, "couldn't match");

        Assert.Contains("a flux capacitor", CardReader.AllText(card));
        Assert.Equal(["Clinical systems", "Devices"], BrowseCategories(card));
        Assert.Contains(HelpDeskText, CardReader.AllText(card));
        Assert.DoesNotContain(CardVerbs.IntakeSubmit, CardReader.Verbs(card));
    }

    [Fact]
    public async Task ClearWinner_GetsItsFormFilledWithTheWordsAndTheNamedValues()
    {
        var form = await SayAndWaitAsync(PagerWords, "Request: Pager");

        var values = CardReader.InputValues(form);
        Assert.Equal(PagerWords, values["justification"]);
        Assert.Equal("Ward 1", values["field.ward"]);
        Assert.Equal("Medium", values["urgency"]);
    }

    [Fact]
    public async Task DidYouMean_KeepsTheWordsUrgencyAndValues_ThroughToTheLoggedRequest()
    {
        var choice = await SayAndWaitAsync(ChoiceWords, "Which one do you need?");
        Assert.Equal(2, CardReader.Verbs(choice).Count(v => v == CardVerbs.IntakePick));

        var form = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, choice, CardVerbs.IntakePick);

        Assert.Contains("Request: Pager", form.CardText);
        var values = CardReader.InputValues(form.Card);
        Assert.Equal(ChoiceWords, values["justification"]);
        Assert.Equal("High", values["urgency"]);
        Assert.Equal("ICU", values["field.ward"]);

        // Submit as the form stands: the required "Why" is already the person's words.
        var submitted = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, form.Card, CardVerbs.IntakeSubmit);
        var requestId = RequestNumberIn(submitted.CardText)!;
        var stored = await _bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId);
        Assert.Equal(ChoiceWords, stored!.Justification);
        Assert.Equal("ICU", stored.Fields["ward"]);
        Assert.Equal(Urgency.High, stored.Priority.Urgency);
    }

    [Fact]
    public async Task WeakMatch_IsAskedAsAQuestion_YesOpensTheFormWithTheWords_SomethingElseOffersTheCatalog()
    {
        var question = await SayAndWaitAsync(SuggestionWords, "Did you mean Label printer?");
        Assert.DoesNotContain(CardVerbs.IntakeSubmit, CardReader.Verbs(question));
        Assert.Empty(CardReader.InputValues(question));

        var yes = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, question, CardVerbs.IntakePick);
        Assert.Contains("Request: Label printer", yes.CardText);
        Assert.Equal(SuggestionWords, CardReader.InputValues(yes.Card)["justification"]);

        var other = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, question, CardVerbs.IntakeElse);
        Assert.Equal(["Clinical systems", "Devices"], BrowseCategories(other.Card));
        Assert.Contains(HelpDeskText, other.CardText);
    }

    [Fact]
    public async Task FaultReport_IsToldItIsAnIncident_WithoutAForm_AndMaySayItIsARequest()
    {
        var card = await SayAndWaitAsync(IncidentWords, "(an incident)");

        Assert.Contains(IncidentText, CardReader.AllText(card));
        Assert.Contains(IncidentLink, card.ToJsonString());
        Assert.DoesNotContain(CardVerbs.IntakeSubmit, CardReader.Verbs(card));

        var isRequest = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, card, CardVerbs.IntakeIsRequest);
        Assert.Contains(CardVerbs.IntakeBrowse, CardReader.Verbs(isRequest.Card));
        Assert.DoesNotContain(CardVerbs.IntakeSubmit, CardReader.Verbs(isRequest.Card));
    }

    [Fact]
    public async Task FaultReport_ShowsTheItemsItWasNear_AndOneClickGivesTheFormWithTheWords()
    {
        var card = await SayAndWaitAsync(AskThroughAFaultWords, "(an incident)");

        Assert.Contains(IncidentText, CardReader.AllText(card));
        Assert.Contains("If you were asking for something, pick it:", CardReader.AllText(card));
        Assert.Equal(2, CardReader.Verbs(card).Count(v => v == CardVerbs.IntakePick));
        Assert.DoesNotContain(CardVerbs.IntakeIsRequest, CardReader.Verbs(card));
        Assert.DoesNotContain(CardVerbs.IntakeSubmit, CardReader.Verbs(card));

        var form = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, card, CardVerbs.IntakePick);

        Assert.Contains("Request: Pager", form.CardText);
        var values = CardReader.InputValues(form.Card);
        Assert.Equal(AskThroughAFaultWords, values["justification"]);
        Assert.Equal("ICU", values["field.ward"]);
        var other = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, card, CardVerbs.IntakeElse);
        Assert.Contains(CardVerbs.IntakeBrowse, CardReader.Verbs(other.Card));
    }

    [Fact]
    public async Task WordsTypedWhileAnAgentsQuestionWaits_AreOfferedAsTheAnswer_AndSentOnlyOnTheClick()
    {
        var requestId = await AskedAsync("Does the charger port say USB-C or micro-USB?");

        var offer = await SayAndWaitAsync("it has USB-C", "Send this as your answer");
        Assert.Contains($"Omar Haddad's question on {requestId}", CardReader.AllText(offer));
        Assert.Contains("micro-USB", CardReader.AllText(offer));
        Assert.Null((await StoreAsync(requestId)).Question!.Answer);

        var sent = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, offer, CardVerbs.IntakeAnswer);

        Assert.Equal(200, sent.StatusCode);
        Assert.Contains("Answer sent", sent.CardText);
        // Read once the relay has delivered the answer's events: it saves the request too, which is not the click's doing.
        var answered = await StoredWhenAsync(
            _bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the relay delivered the answer");
        Assert.Equal("it has USB-C", answered.Question!.Answer);
        Assert.Equal(RequestState.InProgress, answered.State);

        // The same offer clicked again changes nothing and keeps its card.
        var again = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, offer, CardVerbs.IntakeAnswer);
        Assert.Contains(requestId, again.Message);
        Assert.Equal(answered.Version, (await StoreAsync(requestId)).Version);
    }

    [Fact]
    public async Task CommandsWhileAnAgentsQuestionWaits_AreStillCommands()
    {
        var requestId = await AskedAsync("Which ward is it for?");

        var list = await SayAndWaitAsync("my requests", "Your requests");

        Assert.Contains(requestId, CardReader.AllText(list));
        Assert.DoesNotContain(Connector.ActivitiesIn(Nia.PersonalChatId).Select(FakeTeamsConnector.CardOf),
            card => card is not null && CardReader.AllText(card).Contains("Send this as your answer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NotAnAnswer_IsUnderstoodAsAnyMessage_AndTheQuestionStillWaits()
    {
        var requestId = await AskedAsync("Which ward is it for?");

        var offer = await SayAndWaitAsync(PagerWords, "Send this as your answer");
        var answer = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, offer, CardVerbs.IntakeNotAnswer);

        Assert.Contains("Request: Pager", answer.CardText);
        Assert.Equal(PagerWords, CardReader.InputValues(answer.Card)["justification"]);
        var stored = await StoreAsync(requestId);
        Assert.Equal(RequestState.AwaitingRequester, stored.State);
        Assert.Null(stored.Question!.Answer);
    }

    [Fact]
    public async Task Cancel_WhileAFormIsOpen_ClosesIt_ThenAsksWhichRequest()
    {
        await SayAndWaitAsync(PagerWords, "Request: Pager");
        var formId = Connector.ActivitiesIn(Nia.PersonalChatId).Last(a => FakeTeamsConnector.CardOf(a) is not null).Id!;

        (await Teams.SayAsync(Nia, "cancel")).EnsureSuccessStatusCode();

        var closed = await Connector.WaitForAsync(c => c.Updates(formId).LastOrDefault(), description: "the form closed");
        var closedText = CardReader.AllText(FakeTeamsConnector.CardOf(closed));
        Assert.Contains("You closed this form; nothing was logged", closedText);
        Assert.DoesNotContain(CardVerbs.IntakeSubmit, CardReader.Verbs(FakeTeamsConnector.CardOf(closed)));
        await Connector.WaitForAsync(c => c.ActivitiesIn(Nia.PersonalChatId).Any(a => a.Text?.Contains("I closed the Pager form; nothing was logged") == true),
            description: "the bot saying it closed the form");

        var which = await SayAndWaitAsync("cancel", "Which request?");
        Assert.Contains("cancel REQ-000042", CardReader.AllText(which));
        Assert.Single(Connector.Updates(formId));
    }

    [Fact]
    public async Task ARequestAskedAboutWithoutItsNumber_ListsTheirRequests()
    {
        var form = await SayAndWaitAsync(PagerWords, "Request: Pager");
        var requestId = RequestNumberIn((await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, form, CardVerbs.IntakeSubmit)).CardText)!;

        var list = await SayAndWaitAsync("where is my pager request", "Your requests");

        Assert.Contains(requestId, CardReader.AllText(list));
    }

    [Fact]
    public async Task CancelInOtherWords_ClosesTheFormThePickOpened()
    {
        var choice = await SayAndWaitAsync(ChoiceWords, "Which one do you need?");
        var choiceId = Connector.ActivitiesIn(Nia.PersonalChatId).Last(a => FakeTeamsConnector.CardOf(a) is not null).Id!;
        await Teams.ClickAsync(Nia, Nia.PersonalChatId, CardVerbs.IntakePick,
            CardReader.FindAction(choice, CardVerbs.IntakePick)!["data"]!.DeepClone().AsObject(), replyToId: choiceId);

        (await Teams.SayAsync(Nia, "forget it")).EnsureSuccessStatusCode();

        var closed = await Connector.WaitForAsync(c => c.Updates(choiceId).LastOrDefault(), description: "the picked form closed");
        Assert.Contains("You closed this form; nothing was logged", CardReader.AllText(FakeTeamsConnector.CardOf(closed)));
    }

    [Fact]
    public async Task Cancel_AfterTheFormWasSubmitted_AsksWhichRequest()
    {
        var form = await SayAndWaitAsync(PagerWords, "Request: Pager");
        await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, form, CardVerbs.IntakeSubmit);

        await SayAndWaitAsync("cancel", "Which request?");

        Assert.DoesNotContain(Connector.RequestsTo(FakeConnectorRoute.UpdateActivity), r => r.ConversationId == Nia.PersonalChatId);
    }

    /// <summary>Nia asks for a pager (no approval: straight to Clinical IT); Omar takes it and asks her a question. Returns the number.</summary>
    private async Task<string> AskedAsync(string question)
    {
        var form = await SayAndWaitAsync(PagerWords, "Request: Pager");
        var submitted = await Teams.ClickOnCardAsync(Nia, Nia.PersonalChatId, form, CardVerbs.IntakeSubmit);
        var requestId = RequestNumberIn(submitted.CardText)!;
        var workflow = _bot.Services.GetRequiredService<RequestWorkflow>();
        var omar = new PersonRef(Omar.AadObjectId, Omar.Name);
        await workflow.AssignToSelfAsync(requestId, omar);
        await workflow.AskRequesterAsync(requestId, omar, question);
        return requestId;
    }

    private async Task<ServiceRequest> StoreAsync(string requestId) =>
        (await _bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;

    private async Task<JsonObject> SayAndWaitAsync(string text, string expected)
    {
        var before = Connector.ActivitiesIn(Nia.PersonalChatId).Count;
        (await Teams.SayAsync(Nia, text)).EnsureSuccessStatusCode();
        return await Connector.WaitForAsync(
            c => c.ActivitiesIn(Nia.PersonalChatId).Skip(before).Select(FakeTeamsConnector.CardOf)
                .LastOrDefault(card => card is not null && CardReader.AllText(card).Contains(expected, StringComparison.Ordinal)),
            description: $"a card saying \"{expected}\"");
    }

    private static List<string?> BrowseCategories(JsonObject card) =>
        [.. Actions(card).Where(a => (string?)a["verb"] == CardVerbs.IntakeBrowse).Select(a => (string?)a["data"]!["category"])];

    private static IEnumerable<JsonObject> Actions(JsonNode? node) => node switch
    {
        JsonObject o when (string?)o["type"] == "Action.Execute" => [o],
        JsonObject o => o.SelectMany(p => Actions(p.Value)),
        JsonArray a => a.SelectMany(Actions),
        _ => [],
    };
}
