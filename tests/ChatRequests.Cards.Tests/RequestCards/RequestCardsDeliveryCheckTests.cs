using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>
/// What the cards say where the quality check meets delivery: who received it (not who resolved it), the reminder to
/// acknowledge, the word to the team when nobody did, and the lead's message about a check that waits.
/// </summary>
public class RequestCardsDeliveryCheckTests
{
    private const string Markup = "**JD** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z, SHORT)}}";
    private static readonly PersonRef Colleague = new("u-col", "Carl Colleague");

    private static readonly ClosingTerms Terms = new(
        new ClosureSettings { ReceiptReminderAfterWorkingDays = 1, ReceiptAlertAfterWorkingDays = 2 }, WorkingCalendar.AlwaysOpen);

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void TeamCard_AfterTheReceipt_SaysWhoReceivedItAndWhen_AlsoOnceTheConfirmationReminderWasWritten()
    {
        var r = InState(RequestState.InProgress);
        r.SendForDelivery(Agent, "DHL", Markup, Start.AddHours(3), rules: new ResolutionRules(false, false, Terms));
        r.AcknowledgeReceipt(Requester, new DateTimeOffset(2026, 3, 4, 9, 30, 0, TimeSpan.Zero), new ResolutionRules(false, false, Terms));
        var cards = new Cards.RequestCards(_clock);

        Assert.Contains($"Received by {Requester.Name}, Wed 4 Mar 09:30 UTC; waiting for {Requester.Name} to confirm.", CardQuery.Text(cards.TeamCard(r).Card));

        // A line written while it waits (the reminder to confirm) is not what fulfilled it.
        r.CheckSla(r.Closing!.RemindAt);
        var text = CardQuery.Text(cards.TeamCard(r).Card);
        Assert.Contains($"Received by {Requester.Name}", text);
        Assert.DoesNotContain($"Resolved by {Agent.Name}", text);
    }

    [Fact]
    public void ReceiptReminder_OffersIReceivedIt_WhileOnItsWay_WithTheTrackingAsTypedText()
    {
        var r = InState(RequestState.InProgress);
        r.SendForDelivery(Agent, "DHL", Markup, Start.AddHours(3), rules: new ResolutionRules(false, false, Terms));
        r.CheckSla(r.Delivery!.FollowUp!.RemindAt!.Value);
        var cause = r.Outbox[^1];
        var cards = new Cards.RequestCards(_clock);

        var reminder = cards.Notice(r, NoticeKind.ReceiptReminder, cause);
        r.AcknowledgeReceipt(Requester, Start.AddDays(2));

        Assert.Contains("Did it arrive?", CardQuery.Text(reminder.Card));
        Assert.Contains("requester.received", CardQuery.Verbs(reminder.Card));
        Assert.Contains(Markup, CardQuery.Text(reminder.Card));
        Assert.DoesNotContain("requester.received", CardQuery.Verbs(cards.Notice(r, NoticeKind.ReceiptReminder, cause).Card));
        CardAssert.Valid(reminder);
    }

    [Fact]
    public void ReceiptOverdue_NamesTheAssigneeAndTheTracking_AndReviewWaiting_WhoMayNotCheck()
    {
        var sent = InState(RequestState.InProgress);
        sent.SendForDelivery(Agent, "DHL", Markup, Start.AddHours(3), rules: new ResolutionRules(false, false, Terms));
        var inReview = InState(RequestState.InProgress, "REQ-000043");
        inReview.Resolve(Agent, "Done.", Start.AddHours(3), "Imaged.", new ResolutionRules(true, true, null));
        var cards = new Cards.RequestCards(_clock);

        var overdue = cards.ReceiptOverdue(sent);
        var waiting = cards.ReviewWaiting(inReview);

        Assert.Contains($"{Agent.Name}: please check with the carrier", CardQuery.Text(overdue.Card));
        Assert.Contains(Markup, CardQuery.Text(overdue.Card));
        Assert.Contains($"(not {Agent.Name})", CardQuery.Text(waiting.Card));
        CardAssert.Valid(overdue);
        CardAssert.Valid(waiting);
    }

    [Fact]
    public void TeamCard_OfAHeldDelivery_SaysItGoesOutAfterTheCheck_AndOffersTheCheckToOthers()
    {
        var r = InState(RequestState.InProgress);
        r.SendForDelivery(Agent, "DHL", "JD0123", Start.AddHours(3), rules: new ResolutionRules(true, true, Terms));
        var cards = new Cards.RequestCards(_clock);

        var text = CardQuery.Text(cards.TeamCard(r).Card);

        Assert.Contains("goes out once the quality check passes", text);
        Assert.DoesNotContain("Not yet: waiting for", text);
        Assert.Contains("agent.reviewpass", CardQuery.Verbs(cards.TeamCard(r).Card));
        r.PassReview(Colleague, Start.AddHours(4), Terms);
        Assert.Contains("Not yet: waiting for", CardQuery.Text(cards.TeamCard(r).Card));
    }
}
