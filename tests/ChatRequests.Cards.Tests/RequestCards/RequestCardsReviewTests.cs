using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>The quality check and closing on cards: the team card's review, the assignee's notice, the requester's reminder and closing.</summary>
public class RequestCardsReviewTests
{
    private static readonly PersonRef Reviewer = new("u-rev", "Bartholomew Okonkwo-Fitzgerald");
    private static readonly ClosingTerms Daily = new(new ClosureSettings { ReminderAfterWorkingDays = 1, AutoCloseAfterWorkingDays = 2 }, WorkingCalendar.AlwaysOpen);

    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start.AddHours(1)));

    [Fact]
    public void TeamCard_InReview_ShowsWhoResolvedIt_TheWorkNote_AndPassAndFailWithARequiredReason()
    {
        var r = InState(RequestState.InReview);

        var card = _cards.TeamCard(r).Card;
        var text = CardQuery.Text(card);

        Assert.Contains($"Quality check: {Agent.Name} resolved it", text);
        Assert.Contains("Imaged with the 2026 build", text);
        Assert.Contains("Work note (team only)", text);
        Assert.Equal([CardVerbs.AgentReviewPass], CardQuery.Executes(card, CardVerbs.AgentReviewPass).Select(a => (string)a["verb"]!));
        var reason = CardQuery.Input(CardQuery.ShowCard(card, "Fail check"), CardInputs.ReviewReason);
        Assert.True((bool)reason["isRequired"]!);
        Assert.Contains(CardVerbs.AgentReviewFail, CardQuery.Verbs(card));
    }

    [Fact]
    public void TeamCard_AfterAFailedCheck_ShowsTheReasonUntilResolvedAgain()
    {
        var r = InState(RequestState.InReview);
        r.FailReview(Reviewer, "The old disk was not wiped.", Start.AddHours(9));

        var text = CardQuery.Text(_cards.TeamCard(r).Card);

        Assert.Contains($"Quality check failed: {Reviewer.Name} sent it back to {Agent.Name}", text);
        Assert.Contains("The old disk was not wiped.", text);
    }

    [Fact]
    public void TeamCard_PassedCheck_SaysWhoVerified()
    {
        var r = InState(RequestState.InReview);
        r.PassReview(Reviewer, Start.AddHours(9));

        Assert.Contains($"verified by {Reviewer.Name}", CardQuery.Text(_cards.TeamCard(r).Card));
    }

    [Fact]
    public void TheRequestersCards_NeverShowTheWorkNoteOrTheFailReason()
    {
        var r = InState(RequestState.InReview);
        r.FailReview(Reviewer, "The old disk was not wiped.", Start.AddHours(9));

        var detail = CardQuery.Text(_cards.RequestDetail(r, Requester).Card);

        Assert.DoesNotContain("Imaged with the 2026 build", detail);
        Assert.DoesNotContain("not wiped", detail);
        Assert.Contains("Quality check failed", detail); // that it happened is no secret
    }

    [Fact]
    public void TheRequestersDetail_InReview_HoldsTheResolutionBackUntilTheCheckPasses()
    {
        var r = InState(RequestState.InReview);

        Assert.DoesNotContain("desk 3.14", CardQuery.Text(_cards.RequestDetail(r, Requester).Card));
        Assert.Contains("desk 3.14", CardQuery.Text(_cards.RequestDetail(r, Agent).Card));
    }

    [Fact]
    public void ReviewFailed_TellsTheAssigneeWhoSentItBackAndWhy()
    {
        var r = InState(RequestState.InReview);
        r.FailReview(Reviewer, "The old disk was not wiped.", Start.AddHours(9));

        var message = _cards.ReviewFailed(r, r.Outbox[^1]);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"{Reviewer.Name} checked your work and sent it back", text);
        Assert.Contains("The old disk was not wiped.", text);
        Assert.Contains("The old disk was not wiped.", message.FallbackText);
    }

    [Fact]
    public void ConfirmationReminder_OffersConfirmAndReopen_AndSaysWhenItClosesByItself()
    {
        var r = Fulfilled();
        r.CheckSla(r.Closing!.RemindAt);

        var message = _cards.Notice(r, NoticeKind.ConfirmationReminder, r.Outbox[^1]);

        CardAssert.Valid(message);
        Assert.Equal(["Yes, it's fixed", "Not fixed: reopen", "Details"], CardQuery.RootActions(message.Card).Select(a => (string?)a["title"]));
        Assert.Contains("Closes by itself", CardQuery.Text(message.Card));
    }

    [Fact]
    public void AutoClosed_OffersReopenOnly_AndSaysUntilWhen()
    {
        var r = Fulfilled();
        r.CheckSla(r.Closing!.AutoCloseAt);

        var message = _cards.Notice(r, NoticeKind.AutoClosed, r.Outbox[^1]);

        CardAssert.Valid(message);
        Assert.Equal(["Not fixed: reopen", "Details"], CardQuery.RootActions(message.Card).Select(a => (string?)a["title"]));
        var text = CardQuery.Text(message.Card);
        Assert.Contains("We did not hear back from you in 2 working days", text);
        Assert.Contains("Reopen until", text);
        Assert.Contains("Closed automatically: no answer from", CardQuery.Text(_cards.TeamCard(r).Card));
    }

    [Fact]
    public void AutoClosed_AfterTheRequesterReopened_NoLongerOffersReopen()
    {
        var r = Fulfilled();
        r.CheckSla(r.Closing!.AutoCloseAt);
        var closed = r.Outbox[^1];
        r.Reopen(Requester, "Still broken", r.Closing.AutoCloseAt.AddHours(1));

        var message = _cards.Notice(r, NoticeKind.AutoClosed, closed);

        Assert.Equal(["Details"], CardQuery.RootActions(message.Card).Select(a => (string?)a["title"]));
    }

    private static ServiceRequest Fulfilled()
    {
        var r = InState(RequestState.Assigned);
        r.Resolve(Agent, "Laptop ready at desk 3.14.", Start.AddHours(8), rules: new ResolutionRules(false, false, Daily));
        return r;
    }
}
