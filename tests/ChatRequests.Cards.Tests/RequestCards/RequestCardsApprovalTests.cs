using ChatRequests.Cards.Actions;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

public class RequestCardsApprovalTests
{
    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    [Fact]
    public void Approval_Pending_ShowsTheRequestACommentAndApproveReject()
    {
        var r = NeedingTwoApprovals();

        var message = _cards.Approval(r, 0, Manager);

        CardAssert.Valid(message);
        var card = message.Card;
        var text = CardQuery.Text(card);
        Assert.Contains($"{Requester.Name} asks for {Laptop.Name}", text);
        Assert.Contains(LongJustification, text);
        Assert.Contains("2,849.90 EUR", text);
        Assert.Contains(r.Priority.Reason, text);
        Assert.Contains("Step 1 of 2: Manager approval", text);
        Assert.Contains($"Target date\n{CardQuery.Moment(Start.AddHours(40))}", text);
        Assert.Contains("Cost centre", text);
        Assert.Contains("CC-4711", text);
        Assert.Contains("Keyboard layout", text);
        Assert.Contains("required to reject", (string?)CardQuery.Input(card, CardInputs.Comment)["label"]);
        Assert.Equal([CardVerbs.ApprovalApprove, CardVerbs.ApprovalReject, CardVerbs.ApprovalAskElse], CardQuery.Verbs(card));
        Assert.All(CardQuery.Executes(card), a => Assert.Equal("""{"requestId":"REQ-000042","stage":0}""", a["data"]!.ToJsonString()));
        Assert.Contains(Requester.Name, message.FallbackText);
    }

    [Fact]
    public void Approval_SecondStage_CarriesItsStageAndTheEarlierDecision()
    {
        var r = NeedingTwoApprovals();
        r.Decide(Manager, true, "ok", 0, Start.AddHours(1));

        var message = _cards.Approval(r, 1, SecurityGroup[3]);

        CardAssert.Valid(message);
        Assert.Contains("Step 2 of 2: IT security approval", CardQuery.Text(message.Card));
        Assert.Contains($"Approved by {Manager.Name} at {CardQuery.Moment(Start.AddHours(1))}", CardQuery.Text(message.Card));
        Assert.All(CardQuery.Executes(message.Card), a => Assert.Equal(1, a["data"]!["stage"]!.GetValue<int>()));
    }

    [Fact]
    public void Approval_DecidedByTheViewer_SaysYouAndHasNoButtonsOrInputs()
    {
        var r = NeedingTwoApprovals();
        r.Decide(Manager, true, "Fine by me.", 0, Start.AddHours(1));

        var message = _cards.Approval(r, 0, Manager);

        CardAssert.Valid(message);
        Assert.Contains($"Approved by you at {CardQuery.Moment(Start.AddHours(1))}", CardQuery.Text(message.Card));
        Assert.Contains("Fine by me.", CardQuery.Text(message.Card));
        Assert.Empty(CardQuery.Executes(message.Card));
        Assert.Empty(CardQuery.Inputs(message.Card));
    }

    [Fact]
    public void Approval_RejectedBySomeoneElse_NamesThemWithTheComment()
    {
        var r = InState(RequestState.Rejected);

        var message = _cards.Approval(r, 1, SecurityGroup[2]);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Rejected by {SecurityLead.Name} at", text);
        Assert.Contains("hardened image", text);
        Assert.Contains($"Rejected by {SecurityLead.Name}", message.FallbackText);
        Assert.Equal("attention", (string?)message.Card["body"]![0]!["style"]);
        Assert.Empty(CardQuery.Executes(message.Card));
    }

    [Fact]
    public void Approval_CancelledWhilePending_SaysSoWithoutButtons()
    {
        var message = _cards.Approval(InState(RequestState.Cancelled), 0, Manager);

        CardAssert.Valid(message);
        Assert.Contains("Cancelled by the requester", CardQuery.Text(message.Card));
        Assert.Empty(CardQuery.Executes(message.Card));
    }

    [Theory]
    [MemberData(nameof(AllStates), MemberType = typeof(Support.Requests))]
    public void Approval_EveryStateAndStage_IsAValidCardWithButtonsOnlyWhenPending(RequestState state)
    {
        var r = InState(state);
        for (var stage = 0; stage < r.Approvals.Count; stage++)
        {
            foreach (var viewer in new[] { Manager, SecurityLead })
            {
                var message = _cards.Approval(r, stage, viewer);

                CardAssert.Valid(message);
                // Only an approver of the stage is offered the decision.
                var pending = state == RequestState.AwaitingApproval && stage == r.CurrentStage && r.Approvals[stage].IsApprover(viewer.Id);
                Assert.Equal(pending ? 3 : 0, CardQuery.Executes(message.Card).Count());
            }
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Approval_StageOutOfRange_Throws(int stage)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _cards.Approval(NeedingTwoApprovals(), stage, Manager));
    }

    [Fact]
    public void ApprovalList_GivesEachRequestApproveRejectAndDetailsWithOneSharedComment()
    {
        var first = NeedingTwoApprovals("REQ-000101", Start);
        var second = NeedingTwoApprovals("REQ-000102", Start.AddHours(1));
        second.Decide(Manager, true, null, 0, Start.AddHours(2));

        var message = _cards.ApprovalList([second, first], Manager);

        CardAssert.Valid(message);
        var card = message.Card;
        Assert.Contains("Waiting for your approval (2)", CardQuery.Text(card));
        Assert.Equal(CardInputs.Comment, (string?)Assert.Single(CardQuery.Inputs(card))["id"]);
        Assert.Equal(
            ["""{"requestId":"REQ-000101","stage":0,"source":"list"}""", """{"requestId":"REQ-000102","stage":1,"source":"list"}"""],
            CardQuery.Executes(card, CardVerbs.ApprovalApprove).Select(a => a["data"]!.ToJsonString()));
        Assert.Equal(2, CardQuery.Executes(card, CardVerbs.ApprovalReject).Count());
        Assert.Equal(2, CardQuery.Executes(card, CardVerbs.RequestsShow).Count());
        Assert.Contains("REQ-000101", message.FallbackText);
    }

    [Fact]
    public void ApprovalList_LeavesOutRequestsNoLongerWaitingAndCapsTheList()
    {
        var waiting = Enumerable.Range(1, 24).Select(i => NeedingTwoApprovals($"REQ-{i:D6}", Start.AddMinutes(i))).ToList();
        var decided = InState(RequestState.Approved, "REQ-000999");

        var message = _cards.ApprovalList([decided, .. waiting], Manager);

        CardAssert.Valid(message);
        Assert.Equal(20, CardQuery.Executes(message.Card, CardVerbs.ApprovalApprove).Count());
        Assert.DoesNotContain("REQ-000999", message.Card.ToJsonString());
        Assert.Contains("Showing the 20 oldest of 24", CardQuery.Text(message.Card));
    }

    [Fact]
    public void ApprovalList_FirstPageOfALongList_SaysHowManyInAll_AndItsNextButtonStartsAfterTheLastShown()
    {
        var page = Enumerable.Range(1, 20).Select(i => NeedingTwoApprovals($"REQ-{i:D6}", Start.AddMinutes(i))).ToList();

        var message = _cards.ApprovalList(page, Manager, new ListPart(5000, 0, PagedList.Approvals));

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Waiting for your approval (5,000)", text);
        Assert.Contains("Showing the 20 oldest of 5,000.", text);
        var next = Assert.Single(CardQuery.Executes(message.Card, CardVerbs.ListNext));
        Assert.Equal("Next 20", (string)next["title"]!);
        var data = Assert.IsType<ListPageData>(CardActionData.Parse(CardVerbs.ListNext, next["data"]!.AsObject()));
        Assert.Equal(new ListPageData(PagedList.Approvals, new ListPosition(Start.AddMinutes(20), "REQ-000020"), 20), data);
    }

    [Fact]
    public void ApprovalList_LastPage_SaysWhichOnesItShows_AndHasNoNext()
    {
        var page = Enumerable.Range(41, 3).Select(i => NeedingTwoApprovals($"REQ-{i:D6}", Start.AddMinutes(i))).ToList();

        var message = _cards.ApprovalList(page, Manager, new ListPart(43, 40, PagedList.Approvals));

        CardAssert.Valid(message);
        Assert.Contains("Showing 41–43 of 43.", CardQuery.Text(message.Card));
        Assert.Empty(CardQuery.Executes(message.Card, CardVerbs.ListNext));
    }

    [Fact]
    public void ApprovalList_Empty_SaysNothingWaits()
    {
        var message = _cards.ApprovalList([], Manager);

        CardAssert.Valid(message);
        Assert.Contains("Nothing waits for your approval", CardQuery.Text(message.Card));
        Assert.Empty(CardQuery.Inputs(message.Card));
        Assert.Empty(CardQuery.Executes(message.Card));
    }
}
