using ChatRequests.Cards.Actions;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

public class RequestCardsRequesterTests
{
    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start.AddHours(1)));

    private static OutboxEvent Cause(ServiceRequest r, RequestEventType type) => r.Outbox.Last(e => e.Type == type);

    public static TheoryData<NoticeKind, RequestState, RequestEventType> Notices() => new()
    {
        { NoticeKind.StageApproved, RequestState.AwaitingApproval, RequestEventType.StageApproved },
        { NoticeKind.Approved, RequestState.Approved, RequestEventType.Approved },
        { NoticeKind.Rejected, RequestState.Rejected, RequestEventType.Rejected },
        { NoticeKind.Assigned, RequestState.Assigned, RequestEventType.Assigned },
        { NoticeKind.StatusChanged, RequestState.InProgress, RequestEventType.StatusChanged },
        { NoticeKind.StatusChanged, RequestState.AwaitingParts, RequestEventType.StatusChanged },
        { NoticeKind.StatusChanged, RequestState.Scheduled, RequestEventType.StatusChanged },
        { NoticeKind.QuestionAsked, RequestState.AwaitingRequester, RequestEventType.QuestionAsked },
        { NoticeKind.Resolved, RequestState.Fulfilled, RequestEventType.Resolved },
    };

    [Theory]
    [MemberData(nameof(Notices))]
    public void Notice_EveryKind_IsAValidCardWithDetails(NoticeKind kind, RequestState state, RequestEventType type)
    {
        var r = state == RequestState.AwaitingApproval ? StageApproved() : InState(state);

        var message = _cards.Notice(r, kind, Cause(r, type));

        CardAssert.Valid(message);
        Assert.Contains(CardVerbs.RequestsShow, CardQuery.Verbs(message.Card));
        Assert.Contains(RequestProgress.NextStep(r, Requester.Id), CardQuery.Text(message.Card));
        Assert.Contains("REQ-000042", message.FallbackText);
    }

    [Fact]
    public void Notice_StageApproved_SaysWhoApprovedAndWhoIsNext()
    {
        var r = StageApproved();

        var text = CardQuery.Text(_cards.Notice(r, NoticeKind.StageApproved, Cause(r, RequestEventType.StageApproved)).Card);

        Assert.Contains($"{Manager.Name} approved your request.", text);
        Assert.Contains("Looks reasonable.", text);
        Assert.Contains("IT security approval", text);
        Assert.Contains(SecurityGroup[0].Name, text);
    }

    [Fact]
    public void Notice_Approved_GivesTheApproversComment()
    {
        var r = StageApproved();
        r.Decide(SecurityLead, true, "Approved with the hardened image.", 1, Start.AddMinutes(9));

        var text = CardQuery.Text(_cards.Notice(r, NoticeKind.Approved, Cause(r, RequestEventType.Approved)).Card);

        Assert.Contains($"{SecurityLead.Name} approved your request.", text);
        Assert.Contains($"Comment from {SecurityLead.Name}", text);
        Assert.Contains("Approved with the hardened image.", text);
    }

    [Fact]
    public void Notice_Rejected_GivesTheReason()
    {
        var r = InState(RequestState.Rejected);

        var message = _cards.Notice(r, NoticeKind.Rejected, Cause(r, RequestEventType.Rejected));

        Assert.Contains("hardened image", CardQuery.Text(message.Card));
        Assert.Equal("attention", (string?)message.Card["body"]![0]!["style"]);
        Assert.Equal([CardVerbs.RequestsShow], CardQuery.Verbs(message.Card));
    }

    [Fact]
    public void Notice_Assigned_NamesTheAgent()
    {
        var r = InState(RequestState.Assigned);

        var text = CardQuery.Text(_cards.Notice(r, NoticeKind.Assigned, Cause(r, RequestEventType.Assigned)).Card);

        Assert.Contains($"{Agent.Name} from IT Hardware & Workplace Services (Munich) is handling your request.", text);
    }

    [Fact]
    public void Notice_StatusChanged_GivesTheStatusOfTheEventAndTheNote()
    {
        var r = InState(RequestState.AwaitingParts);
        var cause = Cause(r, RequestEventType.StatusChanged);
        r.SetStatus(Agent, RequestState.Scheduled, "Desk visit Friday", Start.AddDays(1));

        var text = CardQuery.Text(_cards.Notice(r, NoticeKind.StatusChanged, cause).Card);

        Assert.Contains("Status: Awaiting parts", text);
        Assert.Contains("Ordered from the supplier", text);
    }

    [Fact]
    public void Notice_QuestionAsked_AsksForTheAnswer()
    {
        var r = InState(RequestState.AwaitingRequester);

        var message = _cards.Notice(r, NoticeKind.QuestionAsked, Cause(r, RequestEventType.QuestionAsked));

        Assert.Contains("Which of the two docking stations", CardQuery.Text(message.Card));
        var answer = CardQuery.Input(message.Card, CardInputs.Answer);
        Assert.True(answer["isRequired"]!.GetValue<bool>());
        Assert.Equal([CardVerbs.RequesterAnswer, CardVerbs.RequestsShow], CardQuery.Verbs(message.Card));
        Assert.Equal("none", (string?)CardQuery.Executes(message.Card, CardVerbs.RequestsShow).Single()["associatedInputs"]);
    }

    [Fact]
    public void Notice_QuestionAlreadyAnswered_NoLongerAsks()
    {
        var r = InState(RequestState.AwaitingRequester);
        var cause = Cause(r, RequestEventType.QuestionAsked);
        r.Answer(Requester, "Thunderbolt", Start.AddDays(1));

        var message = _cards.Notice(r, NoticeKind.QuestionAsked, cause);

        CardAssert.Valid(message);
        Assert.Empty(CardQuery.Inputs(message.Card));
        Assert.Contains("Since then: in progress.", CardQuery.Text(message.Card));
    }

    [Fact]
    public void Notice_Resolved_OffersConfirmWithRatingAndReopen()
    {
        var r = InState(RequestState.Fulfilled);

        var message = _cards.Notice(r, NoticeKind.Resolved, Cause(r, RequestEventType.Resolved));
        var card = message.Card;

        Assert.Contains("Laptop imaged", CardQuery.Text(card));
        Assert.Equal(["Yes, it's fixed", "Not fixed: reopen", "Details"], CardQuery.RootActions(card).Select(a => (string?)a["title"]));
        var confirm = CardQuery.ShowCard(card, "Yes, it's fixed");
        var rating = CardQuery.Input(confirm, CardInputs.Rating);
        Assert.True(rating["isRequired"]!.GetValue<bool>());
        Assert.Equal(["5", "4", "3", "2", "1"], rating["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Equal("★★★★★ 5 - Excellent", (string?)rating["choices"]![0]!["title"]);
        Assert.Equal("★☆☆☆☆ 1 - Bad", (string?)rating["choices"]![4]!["title"]);
        Assert.Equal([CardVerbs.RequesterConfirm], CardQuery.Verbs(confirm));
        // The feedback box sits on the card itself, so both Confirm (in the show card) and Reopen send it.
        Assert.Contains(card["body"]!.AsArray(), e => (string?)e!["id"] == CardInputs.Feedback);
        Assert.Contains(CardVerbs.RequesterReopen, CardQuery.Verbs(card));
    }

    [Fact]
    public void Notice_ResolvedButAlreadyClosed_OffersNoConfirmation()
    {
        var r = InState(RequestState.Closed);

        var message = _cards.Notice(r, NoticeKind.Resolved, Cause(r, RequestEventType.Resolved));

        CardAssert.Valid(message);
        Assert.Equal([CardVerbs.RequestsShow], CardQuery.Verbs(message.Card));
        Assert.Contains("Since then: closed.", CardQuery.Text(message.Card));
    }

    [Fact]
    public void RequestList_EveryState_ShowsWhoHoldsItWhatIsNextAndCancelWhenAllowed()
    {
        var requests = Enum.GetValues<RequestState>()
            .Select((s, i) => InState(s, $"REQ-{i + 1:D6}"))
            .ToList();

        var message = _cards.RequestList(requests, "Your requests", "You have no requests.", Requester);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        foreach (var r in requests)
        {
            Assert.Contains(r.Id, text);
            Assert.Contains(RequestProgress.HeldBy(r, Requester.Id), text);
            Assert.Contains(RequestProgress.NextStep(r, Requester.Id), text);
        }

        Assert.Equal(requests.Count, CardQuery.Executes(message.Card, CardVerbs.RequestsShow).Count());
        Assert.Equal(
            requests.Where(r => RequestTransitions.IsAllowed(r.State, RequestCommand.Cancel)).Select(r => r.Id).Order(),
            CardQuery.Executes(message.Card, CardVerbs.RequesterCancel).Select(a => (string)a["data"]!["requestId"]!).Order());
        Assert.DoesNotContain(RequestState.Fulfilled.ToString(), CardQuery.Executes(message.Card, CardVerbs.RequesterCancel).Select(a => (string)a["data"]!["requestId"]!));
    }

    [Fact]
    public void RequestList_ForAnAgentsQueue_OffersNoCancel_ForOnlyTheRequesterCanCancel()
    {
        var requests = Enum.GetValues<RequestState>().Select((s, i) => InState(s, $"REQ-{i + 1:D6}")).ToList();

        var message = _cards.RequestList(requests, "Open requests for Hardware Service", "Nothing open.", Agent);

        CardAssert.Valid(message);
        Assert.Equal(requests.Count, CardQuery.Executes(message.Card, CardVerbs.RequestsShow).Count());
        Assert.Empty(CardQuery.Executes(message.Card, CardVerbs.RequesterCancel));
    }

    [Fact]
    public void AnswerSent_ShowsTheAnswerAsSent_AndOffersNoAnswerAgain()
    {
        var r = InState(RequestState.AwaitingRequester);
        r.Answer(Requester, "  **Home** office, [please](https://evil.example)  ", Start.AddHours(3));

        var message = _cards.AnswerSent(r);

        CardAssert.Valid(message);
        Assert.Contains("**Home** office, [please](https://evil.example)", CardQuery.Text(message.Card));
        Assert.Contains("Answer sent", CardQuery.Text(message.Card));
        Assert.Equal([CardVerbs.RequestsShow], CardQuery.Verbs(message.Card));
    }

    [Fact]
    public void RequestList_MoreThanTwenty_ShowsTheTwentyMostRecentWithANote()
    {
        var requests = Enumerable.Range(1, 27).Select(i => NeedingTwoApprovals($"REQ-{i:D6}", Start.AddHours(i))).ToList();

        var message = _cards.RequestList(requests, "Your requests", "None.", Requester);

        CardAssert.Valid(message);
        var shown = CardQuery.Executes(message.Card, CardVerbs.RequestsShow).Select(a => (string)a["data"]!["requestId"]!).ToList();
        Assert.Equal(20, shown.Count);
        Assert.Equal("REQ-000027", shown[0]);
        Assert.DoesNotContain("REQ-000007", shown);
        Assert.Contains("Showing the 20 most recent of 27.", CardQuery.Text(message.Card));
    }

    [Fact]
    public void RequestList_MyRequestsOfMoreThanItShows_SaysHowManyInAll_WithoutANextButton()
    {
        var requests = Enumerable.Range(1, 20).Select(i => NeedingTwoApprovals($"REQ-{i:D6}", Start.AddHours(i))).ToList();

        var message = _cards.RequestList(requests, "Your requests", "None.", Requester, new ListPart(312));

        Assert.Contains("Showing the 20 most recent of 312.", CardQuery.Text(message.Card));
        Assert.Empty(CardQuery.Executes(message.Card, CardVerbs.ListNext));
    }

    [Fact]
    public void RequestList_QueuePage_KeepsTheOldestFirstOrder_AndOffersTheNextPage()
    {
        var requests = Enumerable.Range(21, 20).Select(i => NeedingTwoApprovals($"REQ-{i:D6}", Start.AddHours(i))).ToList();

        var message = _cards.RequestList(requests, "Open requests for Hardware Service", "Nothing open.", Agent, new ListPart(45, 20, PagedList.Queue));

        CardAssert.Valid(message);
        var shown = CardQuery.Executes(message.Card, CardVerbs.RequestsShow).Select(a => (string)a["data"]!["requestId"]!).ToList();
        Assert.Equal(requests.Select(r => r.Id), shown);
        Assert.Contains("Showing 21–40 of 45.", CardQuery.Text(message.Card));
        var next = Assert.Single(CardQuery.Executes(message.Card, CardVerbs.ListNext));
        Assert.Equal("Next 5", (string)next["title"]!);
        Assert.Equal(new ListPageData(PagedList.Queue, new ListPosition(Start.AddHours(40), "REQ-000040"), 40), CardActionData.Parse(CardVerbs.ListNext, next["data"]!.AsObject()));
    }

    [Fact]
    public void RequestList_Empty_ShowsTheEmptyText()
    {
        var message = _cards.RequestList([], "Your requests", "You have no open requests. Type what you need to start one.", Requester);

        CardAssert.Valid(message);
        Assert.Contains("You have no open requests.", CardQuery.Text(message.Card));
        Assert.Empty(CardQuery.Executes(message.Card));
    }

    [Theory]
    [MemberData(nameof(AllStates), MemberType = typeof(Support.Requests))]
    public void RequestDetail_EveryState_IsValidWithTheLastTenHistoryLines(RequestState state)
    {
        var r = InState(state);

        var message = _cards.RequestDetail(r, Manager);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains(RequestProgress.HeldBy(r), text);
        var lines = CardQuery.Objects(message.Card).Count(o => CardQuery.ElementText(o)?.Contains(")}} · ", StringComparison.Ordinal) == true);
        Assert.Equal(Math.Min(10, r.History.Count), lines);
    }

    [Fact]
    public void RequestDetail_ShowsApprovalsQuestionResolutionFeedbackAndHistory()
    {
        var r = InState(RequestState.InProgress);
        var t = Start.AddDays(1);
        r.SetStatus(Agent, RequestState.AwaitingParts, "Dock on back order", t = t.AddHours(1));
        r.SetStatus(Agent, RequestState.Scheduled, "Friday 10:00", t = t.AddHours(1));
        r.AskRequester(Agent, "Thunderbolt 4 or USB-C dock?", t = t.AddHours(1));
        r.Answer(Requester, "Thunderbolt 4, please.", t = t.AddHours(1));
        r.Resolve(Agent, "Laptop imaged and set up.", t = t.AddHours(1));
        r.Confirm(Requester, 4, "Quick and friendly", t.AddHours(1));

        var text = CardQuery.Text(_cards.RequestDetail(r, Manager).Card);

        Assert.Contains($"Approved by {Manager.Name} at", text);
        Assert.Contains("Thunderbolt 4, please.", text);
        Assert.Contains("Laptop imaged", text);
        Assert.Contains("★★★★☆ 4/5", text);
        Assert.Contains("Confirmed and closed (closed)", text);
        Assert.Contains($"History (last 10 of {r.History.Count})", text);
        Assert.DoesNotContain("Sent for approval", text);
    }

    [Theory]
    [InlineData("default")]
    [InlineData("good")]
    [InlineData("attention")]
    [InlineData("warning")]
    [InlineData("accent")]
    [InlineData("emphasis")]
    public void Info_EveryStyle_IsAValidSmallCard(string style)
    {
        var message = _cards.Info("Thanks, request closed", "REQ-000042 is closed. Rated 5/5.", style);

        CardAssert.Valid(message);
        Assert.Equal(style, (string?)message.Card["body"]![0]!["style"]);
        Assert.Equal("Thanks, request closed: REQ-000042 is closed. Rated 5/5.", message.FallbackText);
    }

    [Fact]
    public void Info_UnknownStyle_Throws()
    {
        Assert.Throws<ArgumentException>(() => _cards.Info("t", "x", "purple"));
    }

    private static ServiceRequest StageApproved()
    {
        var r = NeedingTwoApprovals();
        r.Decide(Manager, true, "Looks reasonable.", 0, Start.AddMinutes(5));
        return r;
    }
}
