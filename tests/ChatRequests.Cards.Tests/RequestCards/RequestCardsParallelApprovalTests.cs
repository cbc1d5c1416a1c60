using ChatRequests.Cards.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>Stages put to several people at once, and requests that needed no approval because they were pre-authorised.</summary>
public class RequestCardsParallelApprovalTests
{
    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    [Fact]
    public void Approval_AnyStage_SaysWhoElseIsAskedAndThatOneDecides()
    {
        var r = NeedingTwoApprovals();
        r.Decide(Manager, true, null, 0, Start.AddHours(1));

        var text = CardQuery.Text(_cards.Approval(r, 1, SecurityGroup[1]).Card);

        Assert.Contains($"Any one of {SecurityGroup.Count} decides: {SecurityGroup[0].Name}, you, ", text);
    }

    [Fact]
    public void Approval_AllStage_SaysAllAreNeeded_AndAfterOneApprovedShowsItToEach()
    {
        var r = NeedingAllOfSecurity();
        var (first, second) = (SecurityGroup[0], SecurityGroup[1]);
        Assert.Contains($"All of 2 must approve: you and {second.Name}", CardQuery.Text(_cards.Approval(r, 0, first).Card));

        r.Decide(first, true, "Fine.", 0, Start.AddHours(1));

        var mine = _cards.Approval(r, 0, first);
        CardAssert.Valid(mine);
        Assert.Contains($"Approved by you; still waiting for {second.Name}", CardQuery.Text(mine.Card));
        Assert.Empty(CardQuery.Executes(mine.Card));
        var theirs = _cards.Approval(r, 0, second);
        Assert.Contains($"All of 2 must approve: {first.Name} and you (approved so far: {first.Name})", CardQuery.Text(theirs.Card));
        Assert.Equal(3, CardQuery.Executes(theirs.Card).Count());
        Assert.Contains($"Waiting for {second.Name} (approved by {first.Name})", CardQuery.Text(_cards.RequestDetail(r, Requester).Card));
    }

    [Fact]
    public void ApprovalList_LeavesOutWhatTheViewerAlreadyApproved()
    {
        var r = NeedingAllOfSecurity();
        r.Decide(SecurityGroup[0], true, null, 0, Start.AddHours(1));

        Assert.Contains("Nothing waits for your approval", CardQuery.Text(_cards.ApprovalList([r], SecurityGroup[0]).Card));
        Assert.Contains("Waiting for your approval (1)", CardQuery.Text(_cards.ApprovalList([r], SecurityGroup[1]).Card));
    }

    [Fact]
    public void PreAuthorisedRequest_SaysWhyOnTheRequestersCards()
    {
        var r = PreAuthorised();

        var submitted = _cards.Submitted(r);
        var detail = _cards.RequestDetail(r, Requester);

        CardAssert.Valid(submitted);
        Assert.Contains("No approval needed (pre-authorised: Engineering gets Developer laptop)", CardQuery.Text(submitted.Card));
        Assert.Contains("Not needed: pre-authorised: Engineering gets Developer laptop", CardQuery.Text(detail.Card));
    }
}
