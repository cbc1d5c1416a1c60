using ChatRequests.Cards.Actions;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

public class RequestCardsDelegationTests
{
    private static readonly PersonRef Delegate = new("u-del", "Grace Liu");

    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    [Fact]
    public void Approval_ToADelegate_SaysOnWhoseBehalf_AndTheDecisionNamesBoth()
    {
        var r = DelegatedByTheManager();

        var pending = _cards.Approval(r, 0, Delegate);
        CardAssert.Valid(pending);
        Assert.Contains($"Step 1 of 2: Manager approval, on behalf of {Manager.Name}", CardQuery.Text(pending.Card));

        r.Decide(Delegate, approve: true, "Fine", 0, Start.AddHours(1));
        Assert.Contains($"Approved by you on behalf of {Manager.Name}", CardQuery.Text(_cards.Approval(r, 0, Delegate).Card));
        Assert.Contains($"Approved by Grace Liu on behalf of {Manager.Name}", CardQuery.Text(_cards.RequestDetail(r, Requester).Card));
    }

    [Fact]
    public void ApprovalReminder_ToADelegate_SaysOnWhoseBehalf_OnTheCardAndInTheMessage()
    {
        var r = DelegatedByTheManager();
        r.CheckSla(Start.AddHours(24));

        var message = _cards.ApprovalReminder(r, 0, Delegate, Start.AddHours(24));

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"for your decision on {Laptop.Name}, on behalf of {Manager.Name}.", text);
        Assert.Contains($"Step 1 of 2: Manager approval, on behalf of {Manager.Name}", text);
        Assert.Contains($"({r.Id}), on behalf of {Manager.Name}.", message.FallbackText);
        Assert.DoesNotContain("on behalf of", CardQuery.Text(_cards.ApprovalReminder(r, 1, Delegate, Start.AddHours(24)).Card));
    }

    [Fact]
    public void DelegateChoice_ListsThePeople_AsText_WithAPickButtonCarryingOnlyTheirIdAndTheDay()
    {
        var people = new[]
        {
            new Person { Id = "u-1", Name = "Jo **Bold**", Department = "Finance" },
            new Person { Id = "u-2", Name = "Joanna Smith", JobTitle = "Nurse" },
        };

        var message = _cards.DelegateChoice(people, new DateOnly(2026, 12, 31));

        CardAssert.Valid(message);
        Assert.Contains("Jo **Bold**", CardQuery.Text(message.Card));
        Assert.Equal(
            ["""{"personId":"u-1","until":"2026-12-31"}""", """{"personId":"u-2","until":"2026-12-31"}"""],
            CardQuery.Executes(message.Card).Select(a => a["data"]!.ToJsonString()));
        Assert.Equal(new DelegationPickData("u-2", new DateOnly(2026, 12, 31)),
            CardActionData.Parse(CardVerbs.DelegationPick, CardQuery.Executes(message.Card).Last()["data"]!.AsObject()));
    }

    private static ServiceRequest DelegatedByTheManager() => ServiceRequest.Submit(
        Draft("REQ-000046", Laptop, [new("Manager approval", [Manager]), new("IT security approval", SecurityGroup)]) with
        {
            StandIns = new Dictionary<string, StandIn> { [Manager.Id] = new(Delegate, Manager, "delegated approvals until 31 Dec 2026") },
        },
        Start);
}
