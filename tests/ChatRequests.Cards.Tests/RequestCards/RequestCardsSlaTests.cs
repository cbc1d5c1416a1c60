using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>The cards of the SLA sweep: reminders, escalations, the requester's notice and the team card's SLA lines.</summary>
public class RequestCardsSlaTests
{
    // The laptop's target: 40 hours after Start.
    private static readonly DateTimeOffset Due = Start.AddHours(40);
    private static readonly PersonRef Lead = new("u-lead", "Grady Archie");

    private readonly FakeTimeProvider _clock = new(Start.AddHours(1));
    private readonly Cards.RequestCards _cards;

    public RequestCardsSlaTests() => _cards = new Cards.RequestCards(_clock);

    [Fact]
    public void ApprovalReminder_SaysWhoseRequestWhatHowLongAndWhereToDecide()
    {
        var r = NeedingTwoApprovals();
        r.CheckSla(Start.AddHours(24));

        var message = _cards.ApprovalReminder(r, 0, Manager, Start.AddHours(24));

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Reminder: {r.Id} waits for your approval", text);
        Assert.Contains($"{Requester.Name} has been waiting 24 hours for your decision on {Laptop.Name}", text);
        Assert.Contains("approval card above", text);
        Assert.Contains("**approvals**", text);
        Assert.Empty(CardQuery.Executes(message.Card));
        Assert.Contains("24 hours", message.FallbackText);
    }

    [Fact]
    public void Escalation_ToTheLead_CarriesEverythingTheLeadNeeds()
    {
        var r = InState(RequestState.InProgress);
        _clock.SetUtcNow(Due.AddHours(3));
        // A team without a supervisor: level 2 goes to its lead.
        r.CheckSla(_clock.GetUtcNow(), escalations: new EscalationContacts(Lead, null, []));

        var message = _cards.Escalation(r, r.Escalations[^1]);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Escalation: {r.Id} missed its target date", text);
        Assert.Contains(Laptop.Name, text);
        Assert.Contains(Requester.Name, text);
        Assert.Contains(r.Priority.Reason, text);
        Assert.Contains("In progress", text);
        Assert.Contains(Agent.Name, text);
        Assert.Contains($"Target date\n{CardQuery.Moment(Due)}", text);
        Assert.Contains("3 hours", text);
        Assert.Contains("escalated to you as the team lead", text);
        Assert.Contains($"Escalated to\n{Lead.Name} (team lead)", text);
        Assert.Empty(CardQuery.Executes(message.Card));
    }

    [Fact]
    public void Escalation_InTheTeamThread_SaysTheTeamHasNoLead()
    {
        var r = InState(RequestState.Approved);
        _clock.SetUtcNow(Due.AddDays(2));

        var message = _cards.Escalation(r, new Escalation(Escalation.Supervisor, Due.AddTicks(1), "target date missed", []), inThread: true);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("nobody in the directory to escalate", text);
        Assert.Contains("Nobody yet", text);
        Assert.Contains("2 days", text);
    }

    [Fact]
    public void AtRiskReply_IsASmallCardSayingWhenItIsDueAndWhoHasIt()
    {
        var assigned = InState(RequestState.Assigned);
        var unassigned = InState(RequestState.Approved);

        var message = _cards.AtRiskReply(assigned, Start.AddHours(30));

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"At risk: {assigned.Id} may miss its target date", text);
        Assert.Contains($"{Laptop.Name} for {Requester.Name}", text);
        Assert.Contains($"Due in 10 hours, at {CardQuery.Moment(Due)}; assigned to {Agent.Name}.", text);
        Assert.Equal($"{assigned.Id} is at risk of missing its target: due in 10 hours; assigned to {Agent.Name}.", message.FallbackText);
        Assert.Contains("due in 45 minutes; unassigned.", _cards.AtRiskReply(unassigned, Due.AddMinutes(-45)).FallbackText);
    }

    [Fact]
    public void TeamCard_AtRisk_ShowsTheWarningLine()
    {
        var r = InState(RequestState.InProgress);
        r.CheckSla(Start.AddHours(30));
        _clock.SetUtcNow(Start.AddHours(31));

        var message = _cards.TeamCard(r);

        CardAssert.Valid(message);
        Assert.Contains($"At risk: due {CardQuery.Moment(Due)}", CardQuery.Text(message.Card));
        Assert.DoesNotContain("Overdue", CardQuery.Text(message.Card));
    }

    [Fact]
    public void TeamCard_Escalated_ShowsOverdueAndEscalated()
    {
        var r = InState(RequestState.InProgress);
        r.CheckSla(Start.AddHours(30));
        _clock.SetUtcNow(Due.AddHours(2));
        r.CheckSla(_clock.GetUtcNow());

        var message = _cards.TeamCard(r);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Overdue: the target was {CardQuery.Moment(Due)}", text);
        Assert.Contains("Escalation level 2: the team's channel (supervisor)", text);
        Assert.Contains($"Target date missed · since {CardQuery.Moment(Due.AddHours(2))}", text);
        Assert.DoesNotContain("At risk", text);
    }

    [Fact]
    public void Notice_SlaBreached_TellsTheRequesterTheLeadWasAlerted()
    {
        var r = InState(RequestState.Assigned);
        _clock.SetUtcNow(Due.AddHours(1));
        r.CheckSla(_clock.GetUtcNow());

        var message = _cards.Notice(r, NoticeKind.SlaBreached, r.Outbox[^1]);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Past its target date", text);
        Assert.Contains("Your request missed its target date.", text);
        Assert.Contains($"Target date\n{CardQuery.Moment(Due)}", text);
        Assert.Contains("lead of", text);
    }

    [Fact]
    public void RequestDetail_HistoryNamesTheSweepsActionsInWords()
    {
        var r = InState(RequestState.InProgress);
        r.CheckSla(Start.AddHours(30));
        r.CheckSla(Due.AddHours(1));
        _clock.SetUtcNow(Due.AddHours(2));

        var message = _cards.RequestDetail(r, Agent);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Target date at risk", text);
        Assert.Contains("Escalated\nto level 2: the team's channel (supervisor)", text);
        Assert.Contains("Escalated to level 2, the team's channel (supervisor): target date missed", text);
        Assert.Contains("ChatRequests", text);
    }
}
