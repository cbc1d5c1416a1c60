using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests;

/// <summary>The quality check and work notes on the request: review before the requester, segregation, pass and fail.</summary>
public sealed class ServiceRequestQualityTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly PersonRef Colleague = new("u-carl", "Carl Colleague");
    private static readonly ResolutionRules Checked = new(QualityCheck: true, WorkNoteRequired: true, Closing: null);

    [Fact]
    public void Resolve_WithAQualityCheck_GoesToReviewNotToTheRequester_AndKeepsTheWorkNoteAsAnInternalLine()
    {
        var request = Working();

        request.Resolve(Agent, "Laptop ready at the desk.", Start.AddHours(2), "Imaged with the 2026 build; BitLocker on.", Checked);

        Assert.Equal(RequestState.InReview, request.State);
        Assert.Equal("Laptop ready at the desk.", request.ResolutionNotes);
        Assert.Equal("Imaged with the 2026 build; BitLocker on.", request.WorkNote);
        Assert.Equal(new QualityReview(Agent, Start.AddHours(2)), request.Review);
        Assert.Equal([AuditAction.SubmitForReview, AuditAction.WorkNote], request.History.TakeLast(2).Select(h => h.Action));
        Assert.True(request.History[^1].Action.IsInternal);
        Assert.Equal(RequestEventType.ReviewRequested, request.Outbox[^1].Type);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.Resolved);
    }

    [Fact]
    public void Resolve_WorkNoteRequiredButMissing_IsRefusedAndChangesNothing()
    {
        var request = Working();
        var history = request.History.Count;

        var refusal = Assert.Throws<RequestRuleException>(() => request.Resolve(Agent, "Done.", Start.AddHours(2), "  ", Checked));

        Assert.Contains("work note", refusal.Message);
        Assert.Equal(RequestState.InProgress, request.State);
        Assert.Equal(history, request.History.Count);
    }

    [Fact]
    public void Resolve_WithoutAQualityCheck_IsFulfilledAsBefore_WithAnOptionalWorkNote()
    {
        var request = Working();

        request.Resolve(Agent, "Done.", Start.AddHours(2), "Swapped the dock.");

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Null(request.Review);
        Assert.Equal(RequestEventType.Resolved, request.Outbox[^1].Type);
        Assert.Equal(AuditAction.WorkNote, request.History[^1].Action);
    }

    [Fact]
    public void PassReview_ByAColleague_FulfilsIt_TellsTheRequesterInTheAgentsName_AndRecordsWhoVerified()
    {
        var request = InReview();

        request.PassReview(Colleague, Start.AddHours(3));

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal(Colleague, request.VerifiedBy);
        var line = request.History[^1];
        Assert.Equal((AuditAction.PassReview, Colleague, RequestState.InReview, RequestState.Fulfilled), (line.Action, line.Actor, line.From, line.To));
        Assert.Contains("verified by Carl Colleague", line.Comment);
        var resolved = request.Outbox[^1];
        Assert.Equal((RequestEventType.Resolved, Agent, "Laptop ready at the desk."), (resolved.Type, resolved.Actor, resolved.Comment));
    }

    [Fact]
    public void PassReview_ByWhoDidTheWork_IsRefused()
    {
        var request = InReview();

        Assert.Throws<NotPermittedException>(() => request.PassReview(Agent, Start.AddHours(3)));
        Assert.Throws<NotPermittedException>(() => request.FailReview(Agent, "Looks wrong", Start.AddHours(3)));
        Assert.Equal(RequestState.InReview, request.State);
    }

    [Fact]
    public void PassReview_ByTheRequester_IsRefused()
    {
        var request = InReview();

        Assert.Throws<NotPermittedException>(() => request.PassReview(Requester, Start.AddHours(3)));
    }

    [Fact]
    public void FailReview_NeedsAReason_ThenGoesBackToTheAssigneeInProgress_WithTheReasonForTheTeamOnly()
    {
        var request = InReview();
        Assert.Throws<RequestRuleException>(() => request.FailReview(Colleague, " ", Start.AddHours(3)));

        request.FailReview(Colleague, "The old laptop was not wiped.", Start.AddHours(3));

        Assert.Equal(RequestState.InProgress, request.State);
        Assert.Equal(Agent, request.Assignee);
        Assert.Null(request.ResolutionNotes);
        Assert.Null(request.StatusNote); // the requester's cards show the status note; the reason is the team's
        Assert.Equal((false, "The old laptop was not wiped.", Colleague), (request.Review!.Passed, request.Review.Reason, request.Review.Reviewer));
        Assert.True(request.History[^1].Action.IsInternal);
        var failed = request.Outbox[^1];
        Assert.Equal((RequestEventType.ReviewFailed, Colleague, "The old laptop was not wiped."), (failed.Type, failed.Actor, failed.Comment));
    }

    [Fact]
    public void AfterAFailedCheck_TheNextResolutionIsCheckedAgain_AndCanPass()
    {
        var request = InReview();
        request.FailReview(Colleague, "Not wiped.", Start.AddHours(3));

        request.Resolve(Agent, "Laptop ready; old one wiped.", Start.AddHours(4), "Wiped BER-2291 with the NIST tool.", Checked);
        request.PassReview(Colleague, Start.AddHours(5));

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal("Wiped BER-2291 with the NIST tool.", request.WorkNote);
        Assert.Equal(Colleague, request.VerifiedBy);
    }

    [Fact]
    public void PassOrFail_WhenNotInReview_IsATransitionError()
    {
        var request = Working();

        Assert.Throws<RequestTransitionException>(() => request.PassReview(Colleague, Start.AddHours(3)));
        Assert.Throws<RequestTransitionException>(() => request.FailReview(Colleague, "No", Start.AddHours(3)));
    }

    [Fact]
    public void InReview_IsStillInFulfilment_SoItsTargetCounts_AndTheRequesterCannotConfirmYet()
    {
        var request = InReview();

        Assert.True(RequestState.InReview.IsInFulfilment());
        Assert.NotNull(request.SlaCheckAt);
        Assert.Throws<RequestTransitionException>(() => request.Confirm(Requester, 5, null, Start.AddHours(3)));
    }

    internal static ServiceRequest Working()
    {
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "laptop-standard", "Standard laptop", "Hardware", null, "Old laptop.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                Start.AddHours(40), []),
            Start);
        request.Assign(Agent, Agent, Start.AddMinutes(10));
        request.SetStatus(Agent, RequestState.InProgress, null, Start.AddMinutes(20));
        return request;
    }

    private static ServiceRequest InReview()
    {
        var request = Working();
        request.Resolve(Agent, "Laptop ready at the desk.", Start.AddHours(2), "Imaged.", Checked);
        return request;
    }
}
