using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>The team card and the requester's notice of a request whose item provisions automatically.</summary>
public class RequestCardsProvisioningTests
{
    private static readonly ProvisioningPlan Readers = new()
    {
        Action = ProvisioningAction.AddToGroup,
        GroupId = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11",
        GroupName = "Finance share readers (Frankfurt, Controlling and Group Reporting)",
    };

    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start.AddHours(1)));

    [Fact]
    public void TeamCard_ProvisioningPending_TellsAgentsWhatToDoAndThatGraphDoesItAutomatically()
    {
        var r = Approved();

        var message = _cards.TeamCard(r);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Provisioning: add {Requester.Name} to {Readers.GroupName} — automatic with Microsoft Graph.", text);
        Assert.Equal(["Assign to me"], CardQuery.RootActions(message.Card).Select(a => (string?)a["title"]));
    }

    [Fact]
    public void TeamCard_ProvisionedAutomatically_SaysItIsDoneAndResolvedAutomatically()
    {
        var r = Approved();
        r.CompleteProvisioningStep(0, Start.AddMinutes(2));

        var message = _cards.TeamCard(r);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Provisioning: {Requester.Name} added to {Readers.GroupName} automatically.", text);
        Assert.Contains($"Resolved automatically; waiting for {Requester.Name} to confirm.", text);
        Assert.Contains($"Added you to {Readers.GroupName} (automatic)", text);
        Assert.Empty(CardQuery.RootActions(message.Card));
    }

    [Fact]
    public void TeamCard_ProvisioningFailed_AsksForItByHandWithTheReason()
    {
        var r = Approved();
        r.FailProvisioningStep(0, "Microsoft Graph refused to add the member (403 Authorization_RequestDenied)", Start.AddMinutes(2));

        var message = _cards.TeamCard(r);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Provisioning failed: add {Requester.Name} to {Readers.GroupName} by hand.", text);
        Assert.Contains("Automatic provisioning failed: Microsoft Graph refused to add the member (403 Authorization_RequestDenied).", text);
        Assert.Equal(["Assign to me"], CardQuery.RootActions(message.Card).Select(a => (string?)a["title"]));
    }

    [Fact]
    public void TeamCard_ResolvedByAnAgentWhileProvisioningWasPending_DropsTheLine()
    {
        var r = Approved();
        r.Assign(Agent, Agent, Start.AddMinutes(3));
        r.Resolve(Agent, "Added to the group by hand.", Start.AddMinutes(4));

        var text = CardQuery.Text(_cards.TeamCard(r).Card);

        Assert.DoesNotContain("Provisioning", text);
        Assert.Contains($"Resolved by {Agent.Name}", text);
    }

    [Fact]
    public void TeamCard_ItemWithoutProvisioning_HasNoProvisioningLine()
    {
        Assert.DoesNotContain("Provisioning", CardQuery.Text(_cards.TeamCard(InState(RequestState.Approved)).Card));
    }

    [Fact]
    public void Notice_ResolvedByProvisioning_AsksToConfirmAndRate()
    {
        var r = Approved();
        r.CompleteProvisioningStep(0, Start.AddMinutes(2));

        var message = _cards.Notice(r, NoticeKind.Resolved, r.Outbox.Last(e => e.Type == RequestEventType.Resolved));

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Added you to {Readers.GroupName} (automatic)", text);
        Assert.Contains(CardVerbs.RequesterConfirm, CardQuery.Verbs(message.Card));
    }

    [Fact]
    public void RequestDetail_History_NamesTheAutomaticSteps()
    {
        var r = Approved();
        r.CompleteProvisioningStep(0, Start.AddMinutes(2));

        var message = _cards.RequestDetail(r, Agent);

        CardAssert.Valid(message);
        Assert.Contains("Access granted automatically", CardQuery.Text(message.Card));
    }

    private static readonly ProvisioningPlan JoinerSteps = new()
    {
        Steps =
        [
            new ProvisioningStep { Kind = ProvisioningStepKind.AddToGroup, GroupId = Readers.GroupId, GroupName = "Finance share readers" },
            new ProvisioningStep { Kind = ProvisioningStepKind.AssignLicence, SkuId = "05e9a617-0261-4cee-bb44-138d3ef5d965", SkuName = "Microsoft 365 E3" },
            new ProvisioningStep { Kind = ProvisioningStepKind.Webhook, Url = "https://procurement.contoso.example/hooks", Secret = "procurement", Name = "Procurement" },
        ],
    };

    [Fact]
    public void TeamCard_StepsPending_OneLineEachInOrderWithWhatRunsThem()
    {
        var message = _cards.TeamCard(Approved(JoinerSteps));

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Provisioning, 3 steps in this order:", text);
        Assert.Contains($"1. To do: add {Requester.Name} to Finance share readers — automatic with Microsoft Graph.", text);
        Assert.Contains($"2. To do: assign {Requester.Name} the Microsoft 365 E3 licence — automatic with Microsoft Graph.", text);
        Assert.Contains("3. To do: send the request to Procurement — automatic.", text);
    }

    [Fact]
    public void TeamCard_StepRefused_SaysWhatWasDoneWhatFailedAndWhatIsLeftByHand()
    {
        var r = Approved(JoinerSteps);
        r.CompleteProvisioningStep(0, Start.AddMinutes(2));
        r.FailProvisioningStep(1, "Microsoft Graph refused to assign the licence (400 Request_BadRequest)", Start.AddMinutes(3));

        var message = _cards.TeamCard(r);

        CardAssert.Valid(message);
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Provisioning failed: do the rest by hand.", text);
        Assert.Contains($"1. Done: {Requester.Name} added to Finance share readers.", text);
        Assert.Contains($"2. Failed: assign {Requester.Name} the Microsoft 365 E3 licence — by hand.", text);
        Assert.Contains("3. Not run: send the request to Procurement — by hand.", text);
        Assert.Contains("Automatic provisioning failed at step 2 of 3", text);
        Assert.Equal(["Assign to me"], CardQuery.RootActions(message.Card).Select(a => (string?)a["title"]));
    }

    [Fact]
    public void TeamCard_AllStepsDone_ResolvedAutomatically()
    {
        var r = Approved(JoinerSteps);
        for (var step = 0; step < 3; step++)
        {
            r.CompleteProvisioningStep(step, Start.AddMinutes(2 + step));
        }

        var text = CardQuery.Text(_cards.TeamCard(r).Card);

        Assert.Contains("Provisioning: all 3 steps done automatically.", text);
        Assert.Contains("3. Done: the request sent to Procurement.", text);
        Assert.Contains($"Resolved automatically; waiting for {Requester.Name} to confirm.", text);
    }

    private static ServiceRequest Approved(ProvisioningPlan? plan = null) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000077", "form-77", Requester, "finance-share-read", "Finance reports reader", "Access", null, LongJustification,
                new Dictionary<string, string> { ["department"] = "Controlling" }, PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                "team-accounts", "Identity & Accounts", Start.AddHours(8), [], plan ?? Readers),
            Start);
}
