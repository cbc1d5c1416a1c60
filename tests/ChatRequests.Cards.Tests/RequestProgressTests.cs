using ChatRequests.Core.Requests;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests;

// RequestProgress lives in core; its tests sit here with the cards that show it.
public class RequestProgressTests
{
    private const string Team = "IT Hardware & Workplace Services (Munich)";

    public static TheoryData<RequestState, string, string> Expectations() => new()
    {
        { RequestState.Submitted, "The service desk", "It is being sent on for approval or fulfilment." },
        {
            RequestState.AwaitingApproval, Manager.Name,
            $"{Manager.Name} to approve or reject (step 1 of 2: Manager approval); then IT security approval, then {Team} fulfils it."
        },
        { RequestState.Approved, Team, $"{Team} will assign someone to fulfil it." },
        { RequestState.Rejected, "No one (finished)", $"Nothing: {SecurityLead.Name} rejected it." },
        { RequestState.Assigned, $"{Agent.Name} ({Team})", $"{Agent.Name} will start work on it." },
        { RequestState.InProgress, $"{Agent.Name} ({Team})", $"{Agent.Name} is working on it." },
        { RequestState.AwaitingParts, $"{Agent.Name} ({Team})", $"Waiting for parts; {Agent.Name} carries on when they arrive." },
        { RequestState.Scheduled, $"{Agent.Name} ({Team})", $"{Agent.Name} has scheduled the work" },
        { RequestState.AwaitingRequester, Requester.Name, $"{Requester.Name} needs to answer {Agent.Name}'s question" },
        { RequestState.Fulfilled, Requester.Name, $"{Requester.Name} needs to confirm it is done (and rate it), or reopen it" },
        { RequestState.Closed, "No one (finished)", "Nothing: it is closed." },
        { RequestState.Cancelled, "No one (finished)", "Nothing: it was cancelled." },
        { RequestState.Reopened, Team, $"Reopened: {Team} picks it up again (last handled by {Agent.Name})." },
        { RequestState.OutForDelivery, $"{Agent.Name} ({Team})", $"On its way with DHL Express" },
        { RequestState.InReview, $"{Team} (quality check)", $"A colleague in {Team} checks the work; then {Requester.Name} will be asked to confirm it." },
    };

    [Theory]
    [MemberData(nameof(Expectations))]
    public void HeldByAndNextStep_SayWhoActsAndWhatHappensForEveryState(RequestState state, string heldBy, string nextStep)
    {
        var r = InState(state);

        Assert.Equal(heldBy, RequestProgress.HeldBy(r));
        Assert.StartsWith(nextStep, RequestProgress.NextStep(r));
    }

    [Theory]
    [InlineData(RequestState.AwaitingRequester, "You need to answer Kristiina Järvenpää-Lindqvist's question; then the work goes on.")]
    [InlineData(RequestState.Fulfilled, "You need to confirm it is done (and rate it), or reopen it if it is not.")]
    public void HeldByAndNextStep_ReadByTheRequester_SayYou(RequestState state, string nextStep)
    {
        var r = InState(state);

        Assert.Equal("You", RequestProgress.HeldBy(r, Requester.Id));
        Assert.Equal(nextStep, RequestProgress.NextStep(r, Requester.Id));
        Assert.Equal(Requester.Name, RequestProgress.HeldBy(r, Agent.Id));
        Assert.StartsWith(Requester.Name, RequestProgress.NextStep(r, Agent.Id));
    }

    [Fact]
    public void NextStep_Rejected_DoesNotRepeatTheReasonTheCardsShowWithTheDecision()
    {
        var r = InState(RequestState.Rejected);

        Assert.DoesNotContain("hardened image", RequestProgress.NextStep(r));
    }

    [Fact]
    public void Expectations_CoverEveryState()
    {
        Assert.Equal(Enum.GetValues<RequestState>(), Expectations().Select(row => (RequestState)row[0]));
    }

    [Fact]
    public void HeldBy_GroupStage_NamesAFewApproversAndCountsTheRest()
    {
        var r = NeedingTwoApprovals();
        r.Decide(Manager, true, null, 0, Start.AddHours(1));

        Assert.Equal($"{SecurityGroup[0].Name}, {SecurityGroup[1].Name}, {SecurityGroup[2].Name} or 4 others", RequestProgress.HeldBy(r));
        Assert.EndsWith($"(step 2 of 2: IT security approval); then {Team} fulfils it.", RequestProgress.NextStep(r));
    }

    [Fact]
    public void NextStep_SingleStage_DoesNotCountSteps()
    {
        var r = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000050", "k", Requester, "sw", "Jira access", "Access", null, "For the project", new Dictionary<string, string>(),
                Core.Priority.PriorityMatrix.Assess(Core.Priority.Impact.Low, Core.Priority.Urgency.Low), "t", "Access Team",
                Start.AddDays(2), [new ApprovalStage("Manager approval", [Manager])]),
            Start);

        Assert.Equal($"{Manager.Name} to approve or reject; then Access Team fulfils it.", RequestProgress.NextStep(r));
    }

    [Fact]
    public void NextStep_StageWithATimeout_SaysWhenItIsDueInUtc_AndWhoItGoesToThen()
    {
        var stage = new ApprovalStage("Manager approval", [Manager])
        {
            TimeoutHours = 48, Fallbacks = [new StageRoute($"{Manager.Name}'s manager", [SecurityLead])],
        };
        var r = ServiceRequest.Submit(Draft("REQ-000051", Laptop, [stage, new ApprovalStage("IT security approval", SecurityGroup)]), Start);

        Assert.Equal(
            $"{Manager.Name} to approve or reject (step 1 of 2: Manager approval), due Wed 4 Mar 08:30 UTC, then it goes to "
            + $"{SecurityLead.Name} ({Manager.Name}'s manager), or their stand-in if they have one by then. Once approved: IT security approval, then {Team} fulfils it.",
            RequestProgress.NextStep(r, Requester.Id));
        Assert.Equal(Start.AddHours(48), RequestProgress.NextStepParts(r, Requester.Id).At);
    }

    [Fact]
    public void NextStep_TimeoutWithNobodyElseToGoTo_SaysSo()
    {
        var stage = new ApprovalStage("Manager approval", [Manager]) { TimeoutHours = 48, Fallbacks = [new StageRoute("the requester", [Requester])] };
        var r = ServiceRequest.Submit(Draft("REQ-000052", Laptop, [stage]), Start);

        Assert.Equal(
            $"{Manager.Name} to approve or reject, due Wed 4 Mar 08:30 UTC (nobody else can decide it). Once approved: {Team} fulfils it.",
            RequestProgress.NextStep(r));
    }
}
