using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

public class RequestCardsTeamTests
{
    private readonly FakeTimeProvider _clock = new(Start.AddHours(1));
    private readonly Cards.RequestCards _cards;

    public RequestCardsTeamTests() => _cards = new Cards.RequestCards(_clock);

    public static TheoryData<RequestState, string[]> ButtonsByState() => new()
    {
        { RequestState.Submitted, [] },
        { RequestState.AwaitingApproval, [] },
        { RequestState.Approved, ["Assign to me"] },
        { RequestState.Rejected, [] },
        // The laptop is delivered, so "Out for delivery" is offered wherever the team works it.
        { RequestState.Assigned, ["Set status", "Ask requester", "Out for delivery", "Resolve"] },
        { RequestState.InProgress, ["Set status", "Ask requester", "Out for delivery", "Resolve"] },
        { RequestState.AwaitingParts, ["Set status", "Ask requester", "Out for delivery", "Resolve"] },
        { RequestState.Scheduled, ["Set status", "Ask requester", "Out for delivery", "Resolve"] },
        // A question is already open, so asking another is not allowed by the transition table.
        { RequestState.AwaitingRequester, ["Set status", "Out for delivery", "Resolve"] },
        { RequestState.Fulfilled, [] },
        { RequestState.Closed, [] },
        { RequestState.Cancelled, [] },
        // Back with the team: the assignee carries on at once, or a colleague takes it over.
        { RequestState.Reopened, ["Assign to me", "Set status", "Ask requester", "Out for delivery", "Resolve"] },
        // Sent again with another carrier or tracking reference when the first delivery failed.
        { RequestState.OutForDelivery, ["Set status", "Ask requester", "Out for delivery", "Resolve"] },
        // Resolved, waiting for a colleague's quality check.
        { RequestState.InReview, ["Pass check", "Fail check"] },
    };

    [Theory]
    [MemberData(nameof(ButtonsByState))]
    public void TeamCard_EveryState_IsValidAndOffersTheActionsTheStateAllows(RequestState state, string[] buttons)
    {
        var r = InState(state);

        var message = _cards.TeamCard(r);

        CardAssert.Valid(message);
        Assert.Equal(buttons, CardQuery.RootActions(message.Card).Select(a => (string?)a["title"]));
        Assert.Contains(r.Id, message.FallbackText);
    }

    [Fact]
    public void TeamCard_CancelledWithAReasonEndingInAFullStop_EndsWithOneFullStop()
    {
        var r = NeedingTwoApprovals();
        r.Cancel(Requester, "Ordered one myself.", Start.AddMinutes(5));

        var text = CardQuery.Text(_cards.TeamCard(r).Card);

        Assert.Contains("Ordered one myself.", text);
        Assert.DoesNotContain("..", text);
    }

    [Fact]
    public void TeamCard_ShowsTheRequestPriorityTargetAndFields()
    {
        var message = _cards.TeamCard(InState(RequestState.Approved));

        var text = CardQuery.Text(message.Card);
        Assert.Contains($"REQ-000042 · {Laptop.Name}", text);
        Assert.Contains(Requester.Name, text);
        Assert.Contains("P2: impact medium (a team) x urgency high (work is blocked now)", text);
        Assert.Contains($"Target date\n{CardQuery.Moment(Start.AddHours(40))}", text);
        Assert.Contains("Nobody yet", text);
        Assert.Contains("Operating system", text);
        Assert.Contains("Ubuntu 24.04", text);
        Assert.Contains(LongJustification, text);
        Assert.Equal("good", (string?)message.Card["body"]![0]!["style"]);
    }

    [Fact]
    public void TeamCard_AssignButton_CarriesOnlyTheRequestId()
    {
        var message = _cards.TeamCard(InState(RequestState.Approved));

        var assign = Assert.Single(CardQuery.Executes(message.Card));
        Assert.Equal(CardVerbs.AgentAssign, (string?)assign["verb"]);
        Assert.Equal("""{"requestId":"REQ-000042"}""", assign["data"]!.ToJsonString());
    }

    [Fact]
    public void TeamCard_WorkingState_PutsStatusAskAndResolveInputsInShowCards()
    {
        var message = _cards.TeamCard(InState(RequestState.AwaitingParts));
        var card = message.Card;

        var status = CardQuery.ShowCard(card, "Set status");
        var choice = CardQuery.Input(status, CardInputs.Status);
        Assert.Equal(["InProgress", "AwaitingParts", "Scheduled"], choice["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Equal(["In progress", "Awaiting parts", "Scheduled"], choice["choices"]!.AsArray().Select(c => (string?)c!["title"]));
        Assert.Equal("AwaitingParts", (string?)choice["value"]);
        CardQuery.Input(status, CardInputs.Note);
        Assert.Equal([CardVerbs.AgentStatus], CardQuery.Verbs(status));

        var ask = CardQuery.ShowCard(card, "Ask requester");
        Assert.True(CardQuery.Input(ask, CardInputs.Question)["isRequired"]!.GetValue<bool>());
        Assert.Equal([CardVerbs.AgentAsk], CardQuery.Verbs(ask));

        var resolve = CardQuery.ShowCard(card, "Resolve");
        Assert.True(CardQuery.Input(resolve, CardInputs.Resolution)["isRequired"]!.GetValue<bool>());
        Assert.Equal([CardVerbs.AgentResolve], CardQuery.Verbs(resolve));

        Assert.All(CardQuery.Executes(card), a => Assert.Equal("""{"requestId":"REQ-000042"}""", a["data"]!.ToJsonString()));
        var text = CardQuery.Text(card);
        Assert.Contains(Agent.Name, text);
        Assert.Contains("Ordered from the supplier", text);
    }

    [Fact]
    public void TeamCard_AwaitingRequester_ShowsTheOpenQuestion()
    {
        var text = CardQuery.Text(_cards.TeamCard(InState(RequestState.AwaitingRequester)).Card);

        Assert.Contains("Which of the two docking stations", text);
        Assert.Contains($"Waiting for {Requester.Name} to answer.", text);
        Assert.Contains("Waiting for the requester", text);
        Assert.DoesNotContain("your answer", text);
    }

    [Fact]
    public void AnswerReply_IsASmallCardWithTheQuestionAndTheAnswer()
    {
        var r = InState(RequestState.AwaitingRequester);

        var message = _cards.AnswerReply(r, "Thunderbolt 4, please.");

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"{Requester.Name} answered on {r.Id}", text);
        Assert.Contains("\"Which of the two docking stations", text);
        Assert.Contains("Thunderbolt 4, please.", text);
        Assert.Contains("Thunderbolt 4, please.", message.FallbackText);
    }

    [Fact]
    public void TeamCard_Closed_ShowsTheOutcomeAnswerResolutionAndRating()
    {
        var text = CardQuery.Text(_cards.TeamCard(InState(RequestState.Closed)).Card);

        Assert.Contains($"Closed: {Requester.Name} confirmed it is done.", text);
        Assert.Contains("Thunderbolt 4, please.", text);
        Assert.Contains("Laptop imaged", text);
        Assert.Contains("★★★★☆ 4/5", text);
        Assert.Contains("Quick and friendly", text);
    }

    [Fact]
    public void TeamCard_Cancelled_SaysWhoCancelledAndWhy()
    {
        var text = CardQuery.Text(_cards.TeamCard(InState(RequestState.Cancelled)).Card);

        Assert.Contains($"Cancelled by {Requester.Name}: Found a spare one in the office.", text);
    }

    [Fact]
    public void TeamCard_PastTheTarget_IsFlaggedOverdueUntilFulfilled()
    {
        _clock.SetUtcNow(Start.AddDays(3));

        Assert.Contains("Overdue", CardQuery.Text(_cards.TeamCard(InState(RequestState.InProgress)).Card));
        Assert.DoesNotContain("Overdue", CardQuery.Text(_cards.TeamCard(InState(RequestState.Fulfilled)).Card));
    }

    [Fact]
    public void TeamCard_OneInstanceUsedByManyThreads_BuildsTheSameCards()
    {
        var requests = Enum.GetValues<RequestState>().Select(s => InState(s)).ToList();
        var expected = requests.Select(r => _cards.TeamCard(r).Card.ToJsonString()).ToList();

        var results = new string[requests.Count * 20];
        Parallel.For(0, results.Length, i => results[i] = _cards.TeamCard(requests[i % requests.Count]).Card.ToJsonString());

        Assert.All(results.Select((json, i) => (json, i)), x => Assert.Equal(expected[x.i % requests.Count], x.json));
    }
}
