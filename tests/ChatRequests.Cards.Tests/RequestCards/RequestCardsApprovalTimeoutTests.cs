using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>A stage that timed out: the card of the approver it was taken from stops asking them and says where it went.</summary>
public class RequestCardsApprovalTimeoutTests
{
    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    [Fact]
    public void Approval_OfTheApproverWhoDidNotAnswer_SaysWhereItWent_WithoutButtons()
    {
        var r = TimedOut();

        var late = _cards.Approval(r, 0, Manager);
        var next = _cards.Approval(r, 0, SecurityLead);

        CardAssert.Valid(late);
        Assert.Contains($"Not answered in 48 hours, so it went to {SecurityLead.Name}", CardQuery.Text(late.Card));
        Assert.Empty(CardQuery.Executes(late.Card));
        Assert.Equal(3, CardQuery.Executes(next.Card).Count());
    }

    [Fact]
    public void ApprovalAndDetail_BeforeTheTimeout_ShowWhenTheApprovalIsDue_AndAfterItNoLonger()
    {
        var r = ServiceRequest.Submit(Draft("REQ-000047", Laptop, [Stage()]), Start);

        var approval = CardQuery.Text(_cards.Approval(r, 0, Manager).Card);
        var detail = CardQuery.Text(_cards.RequestDetail(r, Requester).Card);

        Assert.Contains("Approval due", approval);
        Assert.Contains("(then it goes to someone else)", approval);
        Assert.Contains("Approval due", detail);
        Assert.DoesNotContain("Approval due", CardQuery.Text(_cards.RequestDetail(TimedOut(), Requester).Card));
        Assert.DoesNotContain("Approval due", CardQuery.Text(_cards.RequestDetail(NeedingTwoApprovals(), Requester).Card));
    }

    [Fact]
    public void RequestDetailAndList_BeforeTheTimeout_SayInNextWhoHasItAndWhenItGoesToWhom_InTheReadersTime()
    {
        var r = ServiceRequest.Submit(Draft("REQ-000048", Laptop, [Stage()]), Start);
        var due = CardQuery.Moment(Start.AddHours(48));

        var detail = CardQuery.Text(_cards.RequestDetail(r, Requester).Card);
        var list = CardQuery.Text(_cards.RequestList([r], "My requests", "None", Requester).Card);

        var next = $"Next\n{Manager.Name} to approve or reject, due {due}, then it goes to {SecurityLead.Name} (the approver group), or their stand-in if they have one by then.";
        Assert.Contains(next, detail);
        Assert.Contains(next, list);
    }

    [Fact]
    public void RequestDetail_AfterTheTimeout_NextNoLongerNamesADueTime()
    {
        var detail = CardQuery.Text(_cards.RequestDetail(TimedOut(), Requester).Card);

        Assert.Contains($"Next\n{SecurityLead.Name} to approve or reject; then", detail);
        Assert.DoesNotContain(", due ", detail);
    }

    [Fact]
    public void ApprovalTimedOut_TellsTheLateApproverWhereItWentAndThatTheyNeedNotDecide()
    {
        var notice = _cards.ApprovalTimedOut(TimedOut(), 0);

        CardAssert.Valid(notice);
        Assert.Contains(
            $"REQ-000046 ({Laptop.Name} for {Requester.Name}) went to {SecurityLead.Name} because it waited 48 hours; you no longer need to decide it.",
            CardQuery.Text(notice.Card));
        Assert.Empty(CardQuery.Executes(notice.Card));
    }

    private static ApprovalStage Stage() => new("Manager approval", [Manager])
    {
        TimeoutHours = 48, Fallbacks = [new StageRoute("the approver group", [SecurityLead])],
    };

    private static ServiceRequest TimedOut()
    {
        var r = ServiceRequest.Submit(Draft("REQ-000046", Laptop, [Stage()]), Start);
        r.CheckSla(Start.AddHours(24));
        r.CheckSla(Start.AddHours(48));
        return r;
    }
}
