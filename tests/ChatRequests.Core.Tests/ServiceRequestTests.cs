using System.Text.Json;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests;

public class ServiceRequestTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Manager = new("u-mark", "Mark Manager");
    private static readonly PersonRef Security1 = new("u-sam", "Sam Security");
    private static readonly PersonRef Security2 = new("u-sue", "Sue Security");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly PersonRef OtherAgent = new("u-otto", "Otto Agent");

    private static readonly ApprovalStage ManagerStage = new("Manager", [Manager]);
    private static readonly ApprovalStage SecurityStage = new("IT Security", [Security1, Security2]);

    [Fact]
    public void Submit_WithoutApprovals_GoesStraightToApproved()
    {
        var request = Submit();

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Null(request.PendingStage);
        Assert.Collection(
            request.History,
            h => AssertEntry(h, "Submitted", RequestState.Submitted, RequestState.Submitted, Requester, null),
            h => AssertEntry(h, "SkipApproval", RequestState.Submitted, RequestState.Approved, Requester, "No approval needed for this item"));
        var e = Assert.Single(request.Outbox);
        Assert.Equal(RequestEventType.Approved, e.Type);
        Assert.Equal(Requester, e.Actor);
        Assert.Equal(Start, e.CreatedAt);
        Assert.Equal(Start, e.NextAttemptAt);
    }

    [Fact]
    public void Submit_WithApprovals_AwaitsTheFirstStage()
    {
        var request = Submit(ManagerStage, SecurityStage);

        Assert.Equal(RequestState.AwaitingApproval, request.State);
        Assert.Equal(0, request.CurrentStage);
        Assert.Equal(ManagerStage with { RequestedAt = Start }, request.PendingStage);
        Assert.Equal([AuditAction.Submitted, AuditAction.RequestApproval], request.History.Select(h => h.Action));
        Assert.Equal([RequestEventType.ApprovalRequested], request.Outbox.Select(e => e.Type));
        Assert.Equal(Start, request.SubmittedAt);
        Assert.Equal(Start.AddHours(40), request.DueAt);
    }

    [Fact]
    public void Decide_TwoStages_ApprovesStageByStage()
    {
        var request = Submit(ManagerStage, SecurityStage);

        request.Decide(Manager, approve: true, "Fine by me", 0, Start.AddMinutes(5));

        Assert.Equal(RequestState.AwaitingApproval, request.State);
        Assert.Equal(1, request.CurrentStage);
        Assert.Equal("IT Security", request.PendingStage?.Name);
        Assert.Equal(new ApprovalDecision(true, Manager.Id, Manager.Name, Start.AddMinutes(5), "Fine by me"), request.Approvals[0].Decision);
        AssertEntry(request.History[^1], "ApproveStage", RequestState.AwaitingApproval, RequestState.AwaitingApproval, Manager, "Fine by me");
        Assert.Equal(
            [RequestEventType.ApprovalRequested, RequestEventType.StageApproved, RequestEventType.ApprovalRequested],
            request.Outbox.Select(e => e.Type));

        request.Decide(Security2, approve: true, null, 1, Start.AddMinutes(9));

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Null(request.PendingStage);
        Assert.Equal(Security2.Id, request.Approvals[1].Decision?.ById);
        AssertEntry(request.History[^1], "Approve", RequestState.AwaitingApproval, RequestState.Approved, Security2, null);
        Assert.Equal(RequestEventType.Approved, request.Outbox[^1].Type);
        Assert.Equal(Start.AddMinutes(9), request.UpdatedAt);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Decide_RejectWithoutComment_IsRefusedAndChangesNothing(string? comment)
    {
        var request = Submit(ManagerStage);

        var error = Assert.Throws<RequestRuleException>(() => request.Decide(Manager, approve: false, comment, 0, Start));

        Assert.Equal("Please give a reason when you reject a request.", error.Message);
        Assert.Equal(RequestState.AwaitingApproval, request.State);
        Assert.Null(request.Approvals[0].Decision);
        Assert.Single(request.Outbox);
    }

    [Fact]
    public void Decide_RejectWithComment_EndsTheRequest()
    {
        var request = Submit(ManagerStage, SecurityStage);

        request.Decide(Manager, approve: false, "  Budget is frozen until January.  ", 0, Start.AddHours(1));

        Assert.Equal(RequestState.Rejected, request.State);
        Assert.True(request.State.IsFinal());
        Assert.False(request.Approvals[0].Decision?.Approved);
        AssertEntry(request.History[^1], "Reject", RequestState.AwaitingApproval, RequestState.Rejected, Manager, "Budget is frozen until January.");
        var rejected = request.Outbox[^1];
        Assert.Equal(RequestEventType.Rejected, rejected.Type);
        Assert.Equal("Budget is frozen until January.", rejected.Comment);
        Assert.Null(request.Approvals[1].Decision);
    }

    [Fact]
    public void Decide_ByAnApproverOfAnotherStage_IsNotPermitted()
    {
        var request = Submit(ManagerStage, SecurityStage);

        Assert.Throws<NotPermittedException>(() => request.Decide(Security1, approve: true, null, 0, Start));
        Assert.Null(request.Approvals[0].Decision);
    }

    [Fact]
    public void Decide_BySomeoneWhoIsNoApprover_IsNotPermitted()
    {
        var request = Submit(ManagerStage);

        var error = Assert.Throws<NotPermittedException>(() => request.Decide(Agent, approve: true, null, 0, Start));

        Assert.Equal("You are not an approver of this request.", error.Message);
    }

    [Fact]
    public void Decide_ByTheRequester_IsNotPermittedEvenIfListedAsApprover()
    {
        var request = Submit(new ApprovalStage("Manager", [Requester, Manager]));

        var error = Assert.Throws<NotPermittedException>(() => request.Decide(Requester, approve: true, null, 0, Start));

        Assert.Equal("You cannot approve or reject your own request.", error.Message);
        Assert.Equal(RequestState.AwaitingApproval, request.State);
    }

    [Fact]
    public void Decide_SecondDecision_IsToldWhoDecidedAndWhen()
    {
        var request = Submit(SecurityStage);
        var decidedAt = new DateTimeOffset(2026, 11, 23, 10, 5, 0, TimeSpan.FromHours(1));
        request.Decide(Security1, approve: true, null, 0, decidedAt);

        var error = Assert.Throws<AlreadyDecidedException>(() => request.Decide(Security2, approve: false, "No", 0, decidedAt.AddMinutes(1)));

        Assert.Equal("Already approved by Sam Security 1 minute ago.", error.Message);
        Assert.Equal(Security1.Id, error.Decision.ById);
        Assert.Equal(RequestState.Approved, request.State);
    }

    [Fact]
    public void Decide_ClickOnAnOldStageCard_IsToldItWasAlreadyDecided()
    {
        var request = Submit(ManagerStage, SecurityStage);
        request.Decide(Manager, approve: true, null, 0, Start);

        var error = Assert.Throws<AlreadyDecidedException>(() => request.Decide(Manager, approve: false, "Changed my mind", 0, Start.AddMinutes(1)));

        Assert.StartsWith("Already approved by Mark Manager", error.Message);
        Assert.Equal(1, request.CurrentStage);
        Assert.Null(request.Approvals[1].Decision);
    }

    [Fact]
    public void Decide_OnALaterStageBeforeItsTurn_IsRefused()
    {
        var request = Submit(ManagerStage, SecurityStage);

        Assert.Throws<RequestTransitionException>(() => request.Decide(Security1, approve: true, null, 1, Start));
        Assert.Equal(0, request.CurrentStage);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Decide_OnAStageTheRequestDoesNotHave_IsRefused(int stage)
    {
        var request = Submit(ManagerStage, SecurityStage);

        var error = Assert.Throws<RequestRuleException>(() => request.Decide(Manager, approve: true, null, stage, Start));

        Assert.Equal("That approval does not belong to this request.", error.Message);
    }

    [Fact]
    public void Decide_AfterTheRequesterCancelled_IsRefused()
    {
        var request = Submit(ManagerStage);
        request.Cancel(Requester, "Found a spare one", Start);

        var error = Assert.Throws<RequestTransitionException>(() => request.Decide(Manager, approve: true, null, 0, Start));

        Assert.Equal(RequestState.Cancelled, error.From);
    }

    [Fact]
    public void Assign_SetsTheAssigneeAndAllowsReassignment()
    {
        var request = Submit();

        request.Assign(Agent, Agent, Start.AddHours(1));

        Assert.Equal(RequestState.Assigned, request.State);
        Assert.Equal(Agent, request.Assignee);
        AssertEntry(request.History[^1], "Assign", RequestState.Approved, RequestState.Assigned, Agent, "Assigned to Ann Agent");
        Assert.Equal(RequestEventType.Assigned, request.Outbox[^1].Type);

        var again = Assert.Throws<RequestRuleException>(() => request.Assign(Agent, Agent, Start.AddHours(2)));
        Assert.Contains("already assigned to Ann Agent", again.Message);

        request.Assign(Agent, OtherAgent, Start.AddHours(2));
        Assert.Equal(OtherAgent, request.Assignee);
    }

    [Fact]
    public void Assign_WhileAwaitingApproval_IsRefused()
    {
        var request = Submit(ManagerStage);

        var error = Assert.Throws<RequestTransitionException>(() => request.Assign(Agent, Agent, Start));

        Assert.Equal("This request is awaiting approval, so it cannot be assigned now.", error.Message);
    }

    [Theory]
    [InlineData(RequestState.InProgress, "StartWork")]
    [InlineData(RequestState.AwaitingParts, "AwaitParts")]
    [InlineData(RequestState.Scheduled, "Schedule")]
    public void SetStatus_MovesTheWorkOnWithANote(RequestState status, string action)
    {
        var request = Assigned();

        request.SetStatus(Agent, status, "  Delivery on Friday ", Start.AddHours(3));

        Assert.Equal(status, request.State);
        Assert.Equal("Delivery on Friday", request.StatusNote);
        // Awaiting parts stops the target clock: the system writes that after the agent's line.
        var line = request.History[status == RequestState.AwaitingParts ? ^2 : ^1];
        Assert.Equal(action, line.Action.Name);
        Assert.Equal("Delivery on Friday", line.Comment);
        Assert.Equal(status == RequestState.AwaitingParts ? AuditAction.ClockPaused : line.Action, request.History[^1].Action);
        Assert.Equal(RequestEventType.StatusChanged, request.Outbox[^1].Type);
    }

    [Theory]
    [InlineData(RequestState.Fulfilled)]
    [InlineData(RequestState.Closed)]
    [InlineData(RequestState.Assigned)]
    public void SetStatus_ToAStateThatIsNoWorkStatus_IsRefused(RequestState status)
    {
        var request = Assigned();

        var error = Assert.Throws<RequestRuleException>(() => request.SetStatus(Agent, status, null, Start));

        Assert.Equal("Choose a status: in progress, awaiting parts or scheduled.", error.Message);
    }

    [Fact]
    public void SetStatus_BeforeAssignment_IsRefused()
    {
        var request = Submit();

        Assert.Throws<RequestTransitionException>(() => request.SetStatus(Agent, RequestState.InProgress, null, Start));
    }

    [Fact]
    public void AskAndAnswer_WaitForTheRequesterThenResumeWork()
    {
        var request = Assigned();

        request.AskRequester(Agent, "Which office should we deliver to?", Start.AddHours(1));

        Assert.Equal(RequestState.AwaitingRequester, request.State);
        Assert.Equal(new RequesterQuestion(Agent, "Which office should we deliver to?", Start.AddHours(1)), request.Question);
        Assert.Equal(RequestEventType.QuestionAsked, request.Outbox[^1].Type);

        request.Answer(Requester, "Berlin, 3rd floor", Start.AddHours(2));

        Assert.Equal(RequestState.InProgress, request.State);
        Assert.Equal("Berlin, 3rd floor", request.Question?.Answer);
        Assert.Equal(Start.AddHours(2), request.Question?.AnsweredAt);
        AssertEntry(request.History[^2], "Answer", RequestState.AwaitingRequester, RequestState.InProgress, Requester, "Berlin, 3rd floor");
        Assert.Equal((AuditAction.ClockResumed, PersonRef.System), (request.History[^1].Action, request.History[^1].Actor));
        Assert.Equal(RequestEventType.QuestionAnswered, request.Outbox[^1].Type);
    }

    [Fact]
    public void AskRequester_WithoutAQuestion_IsRefused()
    {
        var request = Assigned();

        Assert.Throws<RequestRuleException>(() => request.AskRequester(Agent, "  ", Start));
        Assert.Equal(RequestState.Assigned, request.State);
    }

    [Fact]
    public void Answer_BySomeoneElse_IsNotPermitted()
    {
        var request = Assigned();
        request.AskRequester(Agent, "Which office?", Start);

        var error = Assert.Throws<NotPermittedException>(() => request.Answer(Agent, "Berlin", Start));

        Assert.Contains("Only Rita Requester", error.Message);
        Assert.Equal(RequestState.AwaitingRequester, request.State);
    }

    [Fact]
    public void Resolve_RequiresNotesAndMarksFulfilled()
    {
        var request = Assigned();

        Assert.Throws<RequestRuleException>(() => request.Resolve(Agent, " ", Start));

        request.Resolve(Agent, "Laptop handed over at the service desk.", Start.AddDays(1));

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal("Laptop handed over at the service desk.", request.ResolutionNotes);
        Assert.Equal(RequestEventType.Resolved, request.Outbox[^1].Type);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-3)]
    public void Confirm_WithARatingOutsideOneToFive_IsRefused(int rating)
    {
        var request = Fulfilled();

        var error = Assert.Throws<RequestRuleException>(() => request.Confirm(Requester, rating, null, Start));

        Assert.Equal("Please rate from 1 to 5.", error.Message);
        Assert.Equal(RequestState.Fulfilled, request.State);
    }

    [Theory]
    [InlineData(1, null, "Rated 1/5")]
    [InlineData(5, " Quick, thanks! ", "Rated 5/5: Quick, thanks!")]
    public void Confirm_ClosesWithTheRating(int rating, string? comment, string auditComment)
    {
        var request = Fulfilled();

        request.Confirm(Requester, rating, comment, Start.AddDays(2));

        Assert.Equal(RequestState.Closed, request.State);
        Assert.Equal(new Feedback(rating, comment?.Trim(), Start.AddDays(2)), request.Feedback);
        AssertEntry(request.History[^1], "Confirm", RequestState.Fulfilled, RequestState.Closed, Requester, auditComment);
        Assert.Equal(RequestEventType.Closed, request.Outbox[^1].Type);
    }

    [Fact]
    public void Confirm_BySomeoneElse_IsNotPermitted()
    {
        var request = Fulfilled();

        Assert.Throws<NotPermittedException>(() => request.Confirm(Agent, 5, null, Start));
        Assert.Null(request.Feedback);
    }

    [Fact]
    public void Reopen_SendsTheRequestBackToTheTeam()
    {
        var request = Fulfilled();

        request.Reopen(Requester, "The docking station is missing", Start.AddDays(1));

        Assert.Equal(RequestState.Reopened, request.State);
        Assert.Null(request.ResolutionNotes);
        Assert.Equal("The docking station is missing", request.StatusNote);
        Assert.Equal(RequestEventType.Reopened, request.Outbox[^1].Type);

        request.Assign(Agent, Agent, Start.AddDays(1).AddHours(1));
        Assert.Equal(RequestState.Assigned, request.State);
    }

    [Fact]
    public void Reopen_TheAssigneeCarriesOnAtOnce_AndTheEarlierResolutionStaysInTheHistory()
    {
        var request = Fulfilled();
        request.Reopen(Requester, "The docking station is missing", Start.AddDays(1));

        request.SetStatus(Agent, RequestState.AwaitingParts, "Dock ordered", Start.AddDays(1).AddHours(1));
        request.Resolve(Agent, "Dock delivered", Start.AddDays(2));

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal(Agent, request.Assignee);
        Assert.Equal("Dock delivered", request.ResolutionNotes);
        Assert.Equal(["Done", "Dock delivered"], request.History.Where(h => h.Action == AuditAction.Resolve).Select(h => h.Comment));
    }

    [Theory]
    [InlineData(0.5, "just now")]
    [InlineData(1, "1 minute ago")]
    [InlineData(59, "59 minutes ago")]
    [InlineData(60, "1 hour ago")]
    [InlineData(47 * 60, "47 hours ago")]
    [InlineData(3 * 24 * 60 + 5, "3 days ago")]
    public void Decide_AfterTheDecision_SaysHowLongAgoInWords(double minutesLater, string ago)
    {
        var request = Submit(SecurityStage);
        request.Decide(Security1, approve: false, "Not now", 0, Start);

        var error = Assert.Throws<AlreadyDecidedException>(() => request.Decide(Security2, approve: true, null, 0, Start.AddMinutes(minutesLater)));

        Assert.Equal($"Already rejected by Sam Security {ago}.", error.Message);
    }

    [Fact]
    public void Reopen_BySomeoneElse_IsNotPermitted()
    {
        var request = Fulfilled();

        Assert.Throws<NotPermittedException>(() => request.Reopen(Agent, null, Start));
        Assert.Equal(RequestState.Fulfilled, request.State);
    }

    [Fact]
    public void Cancel_ByTheRequester_CancelsWithTheReason()
    {
        var request = Assigned();

        request.Cancel(Requester, "Not needed any more", Start.AddHours(4));

        Assert.Equal(RequestState.Cancelled, request.State);
        AssertEntry(request.History[^1], "Cancel", RequestState.Assigned, RequestState.Cancelled, Requester, "Not needed any more");
        Assert.Equal(RequestEventType.Cancelled, request.Outbox[^1].Type);
    }

    [Fact]
    public void Cancel_BySomeoneElse_IsNotPermitted()
    {
        var request = Submit(ManagerStage);

        var error = Assert.Throws<NotPermittedException>(() => request.Cancel(Manager, null, Start));

        Assert.Contains("can cancel it", error.Message);
        Assert.Equal(RequestState.AwaitingApproval, request.State);
    }

    [Fact]
    public void Cancel_AfterClosing_IsRefused()
    {
        var request = Fulfilled();
        request.Confirm(Requester, 4, null, Start);

        Assert.Throws<RequestTransitionException>(() => request.Cancel(Requester, null, Start));
    }

    [Fact]
    public void Lifecycle_RecordsEveryChangeWithActorAndCommentAndRaisesOneEventPerChange()
    {
        var request = FullLifecycle();

        Assert.Equal(
            [
                ("Submitted", Requester.Id, null),
                ("RequestApproval", Requester.Id, null),
                ("ApproveStage", Manager.Id, "OK"),
                ("Approve", Security1.Id, null),
                ("Assign", Agent.Id, "Assigned to Ann Agent"),
                ("StartWork", Agent.Id, "Ordering"),
                ("AskRequester", Agent.Id, "Which office?"),
                ("ClockPaused", PersonRef.System.Id, "Waiting for the requester's answer"),
                ("Answer", Requester.Id, "Berlin"),
                ("ClockResumed", PersonRef.System.Id, "The target moves 10 min of working time later"),
                ("Resolve", Agent.Id, "Delivered"),
                ("Reopen", Requester.Id, "Wrong keyboard layout"),
                ("Assign", Agent.Id, "Assigned to Otto Agent"),
                ("Resolve", OtherAgent.Id, "Swapped the keyboard"),
                ("Confirm", Requester.Id, "Rated 4/5: Thanks"),
            ],
            request.History.Select(h => (h.Action.Name, h.Actor.Id, h.Comment)));
        Assert.All(request.History.Skip(1), (h, i) => Assert.Equal(request.History[i].To, h.From));
        Assert.Equal(
            [
                RequestEventType.ApprovalRequested, RequestEventType.StageApproved, RequestEventType.ApprovalRequested,
                RequestEventType.Approved, RequestEventType.Assigned, RequestEventType.StatusChanged,
                RequestEventType.QuestionAsked, RequestEventType.QuestionAnswered, RequestEventType.Resolved,
                RequestEventType.Reopened, RequestEventType.Assigned, RequestEventType.Resolved, RequestEventType.Closed,
            ],
            request.Outbox.Select(e => e.Type));
        Assert.Equal(request.Outbox.Count, request.Outbox.Select(e => e.Id).Distinct().Count());
    }

    [Fact]
    public void FailEvent_RetriesWithBackoffThenParks()
    {
        var request = Submit();
        var id = request.Outbox[0].Id;

        request.FailEvent(id, "HttpRequestException: 502", Start.AddMinutes(1), TimeSpan.FromSeconds(30), maxAttempts: 2);

        var failed = Assert.Single(request.Outbox);
        Assert.Equal(1, failed.Attempts);
        Assert.Equal("HttpRequestException: 502", failed.LastError);
        Assert.Equal(Start.AddMinutes(1).AddSeconds(30), failed.NextAttemptAt);
        Assert.False(failed.IsParked);

        request.FailEvent(id, "HttpRequestException: 504", Start.AddMinutes(2), TimeSpan.FromMinutes(1), maxAttempts: 2);

        // The team is told with a notice of its own (ADR 0024).
        var parked = Assert.Single(request.Outbox, e => e.Id == id);
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.ParkedNotice);
        Assert.Equal(2, parked.Attempts);
        Assert.Equal(Start.AddMinutes(2), parked.ParkedAt);
        Assert.True(parked.IsParked);
        Assert.Equal("HttpRequestException: 504", parked.LastError);
    }

    [Fact]
    public void CompleteEvent_RemovesOnlyThatEvent()
    {
        var request = Submit(ManagerStage, SecurityStage);
        request.Decide(Manager, approve: true, null, 0, Start);
        var first = request.Outbox[0].Id;

        Assert.True(request.CompleteEvent(first));
        Assert.False(request.CompleteEvent(first));
        Assert.False(request.CompleteEvent("unknown"));
        request.FailEvent("unknown", "ignored", Start, TimeSpan.Zero, 1);

        Assert.Equal([RequestEventType.StageApproved, RequestEventType.ApprovalRequested], request.Outbox.Select(e => e.Type));
    }

    [Fact]
    public void JsonRoundTrip_KeepsEverything()
    {
        var request = FullLifecycle();
        request.FailEvent(request.Outbox[0].Id, "TimeoutException: slow", Start.AddDays(3), TimeSpan.FromMinutes(5), maxAttempts: 8);
        request.Version = 17;

        var json = JsonSerializer.Serialize(request, SampleData.Json);
        var copy = JsonSerializer.Deserialize<ServiceRequest>(json, SampleData.Json)!;

        Assert.Equal(json, JsonSerializer.Serialize(copy, SampleData.Json));
        Assert.Contains("\"state\":\"Closed\"", json);
        Assert.Equal(17, copy.Version);
        Assert.Equal(request.Id, copy.Id);
        Assert.Equal(request.SubmissionKey, copy.SubmissionKey);
        Assert.Equal(Requester, copy.Requester);
        Assert.Equal(RequestState.Closed, copy.State);
        Assert.Equal(request.Priority, copy.Priority);
        Assert.Equal(request.Fields, copy.Fields);
        Assert.Equal(request.Approvals, copy.Approvals, ApprovalStageEquals);
        Assert.Equal(request.History, copy.History);
        Assert.Equal(request.Outbox, copy.Outbox);
        Assert.Equal(request.Question, copy.Question);
        Assert.Equal(request.Feedback, copy.Feedback);
        Assert.Equal(OtherAgent, copy.Assignee);
        Assert.Equal(request.DueAt, copy.DueAt);
        Assert.Equal(request.UpdatedAt, copy.UpdatedAt);
        Assert.Equal("1,450.00 EUR", copy.CostText);
    }

    [Fact]
    public void JsonRoundTrip_KeepsTheRequestWorkable()
    {
        var request = Submit(ManagerStage, SecurityStage);

        var copy = JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(request, SampleData.Json), SampleData.Json)!;
        copy.Decide(Manager, approve: true, null, 0, Start);

        Assert.Equal(1, copy.CurrentStage);
        Assert.Equal(3, copy.Outbox.Count);
        Assert.Single(request.Outbox);
    }

    private static bool ApprovalStageEquals(ApprovalStage a, ApprovalStage b) =>
        a.Name == b.Name && a.Approvers.SequenceEqual(b.Approvers) && a.Decision == b.Decision;

    private static ServiceRequest FullLifecycle()
    {
        var request = Submit(ManagerStage, SecurityStage);
        var at = Start;
        request.Decide(Manager, approve: true, "OK", 0, at = at.AddMinutes(10));
        request.Decide(Security1, approve: true, null, 1, at = at.AddMinutes(10));
        request.Assign(Agent, Agent, at = at.AddMinutes(10));
        request.SetStatus(Agent, RequestState.InProgress, "Ordering", at = at.AddMinutes(10));
        request.AskRequester(Agent, "Which office?", at = at.AddMinutes(10));
        request.Answer(Requester, "Berlin", at = at.AddMinutes(10));
        request.Resolve(Agent, "Delivered", at = at.AddMinutes(10));
        request.Reopen(Requester, "Wrong keyboard layout", at = at.AddMinutes(10));
        request.Assign(Agent, OtherAgent, at = at.AddMinutes(10));
        request.Resolve(OtherAgent, "Swapped the keyboard", at = at.AddMinutes(10));
        request.Confirm(Requester, 4, "Thanks", at.AddMinutes(10));
        return request;
    }

    private static ServiceRequest Assigned()
    {
        var request = Submit();
        request.Assign(Agent, Agent, Start);
        return request;
    }

    private static ServiceRequest Fulfilled()
    {
        var request = Assigned();
        request.Resolve(Agent, "Done", Start);
        return request;
    }

    private static ServiceRequest Submit(params ApprovalStage[] stages) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042",
                "submission-1",
                Requester,
                "laptop-standard",
                "Standard laptop",
                "Hardware",
                "1,450.00 EUR",
                "My laptop is five years old.",
                new Dictionary<string, string> { ["costCentre"] = "CC-1234", ["deliveryLocation"] = "Berlin office" },
                PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                "team-hardware",
                "Hardware Service",
                Start.AddHours(40),
                stages),
            Start);

    private static void AssertEntry(AuditEntry entry, string action, RequestState from, RequestState to, PersonRef actor, string? comment)
    {
        Assert.Equal(action, entry.Action.Name);
        Assert.Equal(from, entry.From);
        Assert.Equal(to, entry.To);
        Assert.Equal(actor, entry.Actor);
        Assert.Equal(comment, entry.Comment);
    }
}
