using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>The requester's change of a logged request on the cards: offered while it may be made, the form, what approvers see; typed text stays inert.</summary>
public class RequestCardsChangeTests
{
    private const string Markup = "**Dell** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z, SHORT)}}";

    private readonly FakeTimeProvider _clock = new(Start);

    [Theory]
    [MemberData(nameof(AllStates), MemberType = typeof(Requests))]
    public void Details_OfferChangeRequest_ToTheRequesterOnly_WhileNobodyWorksIt(RequestState state)
    {
        var r = InState(state);
        var cards = new Cards.RequestCards(_clock);

        var mine = CardQuery.Verbs(cards.RequestDetail(r, Requester).Card);
        var managers = CardQuery.Verbs(cards.RequestDetail(r, Manager).Card);

        Assert.Equal(state is RequestState.AwaitingApproval or RequestState.Approved, mine.Contains(CardVerbs.RequesterEdit));
        Assert.DoesNotContain(CardVerbs.RequesterEdit, managers);
    }

    [Fact]
    public void ChangeForm_IsTheItemsForm_FilledIn_WithoutUrgency_SavingToTheRequest()
    {
        var r = NeedingTwoApprovals();
        var cards = new Cards.RequestCards(_clock);

        var message = cards.ChangeForm(r, Laptop, new FormPrefill("change-1", r.Justification, null, r.Fields), errors: null);

        var save = Assert.Single(CardQuery.Executes(message.Card));
        Assert.Equal((CardVerbs.RequesterChange, "REQ-000042", "change-1"), ((string?)save["verb"], (string?)save["data"]!["requestId"], (string?)save["data"]!["submissionKey"]));
        Assert.DoesNotContain(CardQuery.Inputs(message.Card), i => (string?)i["id"] == CardInputs.Urgency);
        Assert.Equal("German", (string?)CardQuery.Input(message.Card, CardInputs.Field("keyboardLayout"))["value"]);
        Assert.Contains("cancel this request and make a new one", CardQuery.Text(message.Card));
        CardAssert.Valid(message);
    }

    [Fact]
    public void ApprovalCard_ShowsTheChange_AsTyped_AndAnOvertakenStepAsksNoMore()
    {
        var r = NeedingTwoApprovals();
        r.Decide(Manager, approve: true, null, 0, Start.AddHours(1));
        var change = new RequestChange("edit-1", Markup, new Dictionary<string, string>(r.Fields) { ["quantity"] = "3" });
        r.Edit(Requester, change, [new ApprovalStage("Manager approval", [Manager]), new ApprovalStage("IT security approval", SecurityGroup)], "the cost rose", Start.AddHours(2));
        var cards = new Cards.RequestCards(_clock);

        var again = cards.Approval(r, r.CurrentStage, Manager);
        var overtaken = CardQuery.Text(cards.Approval(r, 1, SecurityLead).Card);

        Assert.Contains(CardVerbs.ApprovalApprove, CardQuery.Verbs(again.Card));
        Assert.Contains("Quantity 1 → 3", CardQuery.Text(again.Card));
        Assert.Contains(Markup, CardQuery.Text(again.Card));
        Assert.Contains("asked again as a new step", overtaken);
        CardAssert.Valid(again);
    }

    [Fact]
    public void Changed_SaysWhetherItWentBackForApproval_AndWhy()
    {
        var r = NeedingTwoApprovals();
        r.Edit(Requester, new RequestChange("edit-1", r.Justification, new Dictionary<string, string>(r.Fields) { ["keyboardLayout"] = "UK" }), [], null, Start.AddHours(1));
        var cards = new Cards.RequestCards(_clock);

        var stands = CardQuery.Text(cards.Changed(r, null).Card);
        var back = cards.Changed(r, Markup);

        Assert.Contains("nothing is asked again", stands);
        Assert.Contains("Keyboard layout German → UK", stands);
        Assert.Contains($"It went back for approval: {Markup}.", CardQuery.Text(back.Card));
        CardAssert.Valid(back);
    }
}
