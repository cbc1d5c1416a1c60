using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Cards.Actions;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>
/// The Universal Actions refresh on the approval and team cards: whom Teams refreshes them for (at most 60 named), what
/// the refresh action carries (ids only, read back by its verb's record), and the views a refresh answers with.
/// </summary>
public class RequestCardsRefreshTests
{
    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start.AddHours(1)));

    [Fact]
    public void Approval_WithARefresh_NamesTheApproverAndCarriesOnlyTheRequestAndStage()
    {
        var r = NeedingTwoApprovals();

        var message = _cards.Approval(r, 0, Manager, CardRefresh.ForPerson("29:manager"));

        CardAssert.Valid(message);
        var refresh = Refresh(message);
        Assert.Equal(["29:manager"], UserIds(refresh));
        Assert.Equal(CardVerbs.ApprovalRefresh, (string?)refresh["action"]!["verb"]);
        Assert.Equal("""{"requestId":"REQ-000042","stage":0}""", refresh["action"]!["data"]!.ToJsonString());
        var data = Assert.IsType<ApprovalRefreshData>(CardActionData.Parse(CardVerbs.ApprovalRefresh, refresh["action"]!["data"]!.AsObject()));
        Assert.Equal(new ApprovalRefreshData("REQ-000042", 0), data);
        // The buttons are still there for the approver: the refresh is the card's own, not one of them.
        Assert.Contains(CardVerbs.ApprovalApprove, CardQuery.Verbs(message.Card));
    }

    [Fact]
    public void Approval_ForAnApproverWhoseTeamsIdIsNotKnownYet_RefreshesForTheChatWithoutNames()
    {
        var message = _cards.Approval(NeedingTwoApprovals(), 0, Manager, CardRefresh.ForPerson(null));

        CardAssert.Valid(message);
        var refresh = Refresh(message);
        // A personal chat has two members: Teams refreshes for everyone in a conversation of at most 60 when none are named.
        Assert.False(refresh.ContainsKey("userIds"));
        Assert.Equal(CardVerbs.ApprovalRefresh, (string?)refresh["action"]!["verb"]);
    }

    [Theory]
    [InlineData(RequestState.Closed)]
    [InlineData(RequestState.Rejected)]
    [InlineData(RequestState.Cancelled)]
    public void Approval_OfAFinalRequest_RefreshesNoMore(RequestState state)
    {
        var message = _cards.Approval(InState(state), 0, Manager, CardRefresh.ForPerson("29:manager"));

        CardAssert.Valid(message);
        Assert.Null(message.Card["refresh"]);
    }

    [Fact]
    public void Approval_WithoutARefresh_HasNone()
    {
        Assert.Null(_cards.Approval(NeedingTwoApprovals(), 0, Manager).Card["refresh"]);
    }

    [Fact]
    public void Approval_DecidedByAnotherApproverOfTheStage_ShowsWhoAndWhen_WithoutButtons()
    {
        var r = NeedingTwoApprovals();
        r.Decide(Manager, true, null, 0, Start.AddMinutes(5));
        r.Decide(SecurityGroup[2], true, "With the hardened image.", 1, Start.AddMinutes(30));

        var message = _cards.Approval(r, 1, SecurityGroup[0], CardRefresh.ForPerson("29:sec0"));

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Approved by {SecurityGroup[2].Name}", text);
        Assert.Contains(CardQuery.Moment(Start.AddMinutes(30)), text);
        // The only action left is the card's own refresh.
        Assert.Equal([CardVerbs.ApprovalRefresh], CardQuery.Verbs(message.Card));
    }

    [Fact]
    public void Approval_ForSomeoneTheStageIsNotPutTo_SaysWhomItWaitsFor_WithoutButtons()
    {
        var r = NeedingTwoApprovals();

        var message = _cards.Approval(r, 0, Requester);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Waiting for approval: REQ-000042", text);
        Assert.Contains($"Waiting for {Manager.Name}", text);
        Assert.Empty(CardQuery.Verbs(message.Card));
        Assert.Empty(CardQuery.Inputs(message.Card));
    }

    [Fact]
    public void TeamCard_WithARefresh_NamesTheTeamAndCarriesOnlyTheRequest()
    {
        var r = InState(RequestState.Approved);

        var message = _cards.TeamCard(r, [Agent], CardRefresh.ForGroup(3, ["29:a", "29:b", "29:a"]));

        CardAssert.Valid(message);
        var refresh = Refresh(message);
        Assert.Equal(["29:a", "29:b"], UserIds(refresh));
        Assert.Equal(CardVerbs.TeamRefresh, (string?)refresh["action"]!["verb"]);
        Assert.Equal("""{"requestId":"REQ-000042"}""", refresh["action"]!["data"]!.ToJsonString());
        Assert.Equal(new TeamRefreshData("REQ-000042"), CardActionData.Parse(CardVerbs.TeamRefresh, refresh["action"]!["data"]!.AsObject()));
    }

    [Fact]
    public void TeamCard_OfATeamOverSixty_RefreshesForNobodyByItself_ButOffersIt()
    {
        var known = Enumerable.Range(0, 61).Select(i => $"29:agent{i}").ToList();

        var message = _cards.TeamCard(InState(RequestState.Approved), null, CardRefresh.ForGroup(61, known));

        CardAssert.Valid(message);
        // An empty list: no automatic refresh, and Teams offers "Refresh card" on the message to whoever wants it.
        Assert.Empty(UserIds(Refresh(message)));
    }

    [Fact]
    public void TeamCard_OfSixty_NamesThemAll()
    {
        var known = Enumerable.Range(0, CardRefresh.MaxUsers).Select(i => $"29:agent{i}").ToList();

        var message = _cards.TeamCard(InState(RequestState.Approved), null, CardRefresh.ForGroup(CardRefresh.MaxUsers, known));

        CardAssert.Valid(message);
        Assert.Equal(known, UserIds(Refresh(message)));
    }

    [Theory]
    [InlineData(RequestState.Closed)]
    [InlineData(RequestState.Cancelled)]
    public void TeamCard_OfAFinalRequest_RefreshesNoMore(RequestState state)
    {
        Assert.Null(_cards.TeamCard(InState(state), null, CardRefresh.ForPerson("29:a")).Card["refresh"]);
    }

    [Theory]
    [InlineData(RequestState.Approved)]
    [InlineData(RequestState.InProgress)]
    [InlineData(RequestState.InReview)]
    [InlineData(RequestState.Reopened)]
    public void TeamCardToRead_IsTheChannelsCard_WithoutAnyButton(RequestState state)
    {
        var r = InState(state);

        var toRead = _cards.TeamCardToRead(r);
        var channel = _cards.TeamCard(r, [Agent]);

        CardAssert.Valid(toRead);
        Assert.Empty(CardQuery.Executes(toRead.Card));
        Assert.Empty(CardQuery.Inputs(toRead.Card));
        Assert.NotEmpty(CardQuery.Executes(channel.Card));
        // Nothing more than the channel shows: every line of it is a line of the channel's card.
        var channelLines = CardQuery.Text(channel.Card).Split('\n').ToHashSet();
        Assert.All(CardQuery.Text(toRead.Card).Split('\n'), line => Assert.Contains(line, channelLines));
        Assert.Contains(r.Id, CardQuery.Text(toRead.Card));
        Assert.Contains(r.Requester.Name, CardQuery.Text(toRead.Card));
    }

    [Fact]
    public void CannotShow_NamesNothing()
    {
        var message = _cards.CannotShow();

        CardAssert.Valid(message);
        var json = JsonSerializer.Serialize(message);
        Assert.DoesNotContain("REQ-", json);
        Assert.Empty(CardQuery.Executes(message.Card));
    }

    private static JsonObject Refresh(CardMessage message) =>
        message.Card["refresh"]?.AsObject() ?? throw new InvalidOperationException($"No refresh on {message.Card.ToJsonString()}");

    private static IReadOnlyList<string> UserIds(JsonObject refresh) =>
        [.. refresh["userIds"]!.AsArray().Select(id => id!.GetValue<string>())];
}
