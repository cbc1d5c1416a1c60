using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests;

/// <summary>The automatic provisioning of an approved request, as the request document records it.</summary>
public class ServiceRequestProvisioningTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-megan", "Megan Bowen");
    private static readonly PersonRef Manager = new("u-alex", "Alex Wilber");
    private static readonly PersonRef Agent = new("u-christie", "Christie Cline");
    private static readonly ApprovalStage ManagerStage = new("Manager", [Manager]);

    public static readonly ProvisioningPlan FinanceReaders = new()
    {
        Action = ProvisioningAction.AddToGroup,
        GroupId = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11",
        GroupName = "Finance share readers",
    };

    [Fact]
    public void Submit_WithoutApprovalsAndWithProvisioning_RaisesApprovedThenProvisioningRequested()
    {
        var request = Submit(FinanceReaders);

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal([RequestEventType.Approved, RequestEventType.ProvisioningRequested], request.Outbox.Select(e => e.Type));
        Assert.Equal(FinanceReaders, request.Provisioning);
        Assert.Equal(ProvisioningStatus.Pending, request.ProvisioningStatus);
    }

    [Fact]
    public void Submit_WithoutProvisioning_RaisesNoProvisioningEvent()
    {
        var request = Submit(null);

        Assert.Equal([RequestEventType.Approved], request.Outbox.Select(e => e.Type));
        Assert.Null(request.Provisioning);
        Assert.Null(request.ProvisioningStatus);
    }

    [Fact]
    public void Decide_FinalApprovalWithProvisioning_RaisesProvisioningRequestedAfterApproved()
    {
        var request = Submit(FinanceReaders, ManagerStage);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.ProvisioningRequested);

        request.Decide(Manager, approve: true, "Fine", 0, Start.AddHours(1));

        Assert.Equal(
            [RequestEventType.ApprovalRequested, RequestEventType.Approved, RequestEventType.ProvisioningRequested],
            request.Outbox.Select(e => e.Type));
        Assert.Equal(Manager, request.Outbox[^1].Actor);
    }

    [Fact]
    public void Decide_StageApprovalOrRejection_RaisesNoProvisioningEvent()
    {
        var staged = Submit(FinanceReaders, ManagerStage, new ApprovalStage("Finance", [Agent]));
        staged.Decide(Manager, approve: true, null, 0, Start.AddHours(1));
        var rejected = Submit(FinanceReaders, ManagerStage);
        rejected.Decide(Manager, approve: false, "Not needed", 0, Start.AddHours(1));

        Assert.DoesNotContain(staged.Outbox, e => e.Type == RequestEventType.ProvisioningRequested);
        Assert.DoesNotContain(rejected.Outbox, e => e.Type == RequestEventType.ProvisioningRequested);
    }

    [Fact]
    public void Decide_FinalApprovalWithoutProvisioning_RaisesNoProvisioningEvent()
    {
        var request = Submit(null, ManagerStage);

        request.Decide(Manager, approve: true, null, 0, Start.AddHours(1));

        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.ProvisioningRequested);
    }

    public static TheoryData<RequestState> WorkedStates() =>
        [RequestState.Approved, RequestState.Reopened, RequestState.Assigned, RequestState.InProgress, RequestState.AwaitingParts, RequestState.Scheduled];

    [Theory]
    [MemberData(nameof(WorkedStates))]
    public void CompleteProvisioning_WhileWorked_FulfilsTheRequestAsTheSystem(RequestState state)
    {
        var request = InState(state);
        var at = Start.AddHours(3);

        request.CompleteProvisioningStep(0, at);

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal(ProvisioningStatus.Done, request.ProvisioningStatus);
        Assert.Equal("Added you to Finance share readers (automatic)", request.ResolutionNotes);
        Assert.Null(request.StatusNote);
        var entry = request.History[^1];
        Assert.Equal((AuditAction.CompleteProvisioning, state, RequestState.Fulfilled), (entry.Action, entry.From, entry.To));
        Assert.Equal(PersonRef.System, entry.Actor);
        var resolved = request.Outbox[^1];
        Assert.Equal(RequestEventType.Resolved, resolved.Type);
        Assert.Equal(PersonRef.System, resolved.Actor);
        Assert.Equal(at, resolved.CreatedAt);
        Assert.Equal("Added you to Finance share readers (automatic)", resolved.Comment);
    }

    [Fact]
    public void CompleteProvisioning_AfterTheAgentResolved_OnlyAddsAnAuditLine()
    {
        var request = InState(RequestState.Assigned);
        request.Resolve(Agent, "Added by hand", Start.AddHours(2));
        var outbox = request.Outbox.Count;

        request.CompleteProvisioningStep(0, Start.AddHours(3));

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal("Added by hand", request.ResolutionNotes);
        Assert.Equal(outbox, request.Outbox.Count);
        Assert.Equal(ProvisioningStatus.Done, request.ProvisioningStatus);
        var entry = request.History[^1];
        Assert.Equal((AuditAction.ProvisioningDone, RequestState.Fulfilled, RequestState.Fulfilled), (entry.Action, entry.From, entry.To));
        Assert.Equal("Added Megan Bowen to Finance share readers (automatic)", entry.Comment);
    }

    [Fact]
    public void CompleteProvisioning_AfterCancellation_OnlyAddsAnAuditLine()
    {
        var request = Submit(FinanceReaders);
        request.Cancel(Requester, "Not needed any more", Start.AddMinutes(1));

        request.CompleteProvisioningStep(0, Start.AddHours(1));

        Assert.Equal(RequestState.Cancelled, request.State);
        Assert.Equal(AuditAction.ProvisioningDone, request.History[^1].Action);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.Resolved);
    }

    [Fact]
    public void CompleteProvisioning_Twice_CompletesOnce()
    {
        var request = Submit(FinanceReaders);
        request.CompleteProvisioningStep(0, Start.AddHours(1));
        var (history, outbox) = (request.History.Count, request.Outbox.Count);

        request.CompleteProvisioningStep(0, Start.AddHours(2));

        Assert.Equal((history, outbox), (request.History.Count, request.Outbox.Count));
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.Resolved);
    }

    [Fact]
    public void CompleteProvisioning_WithoutProvisioning_DoesNothing()
    {
        var request = Submit(null);
        var history = request.History.Count;

        request.CompleteProvisioningStep(0, Start.AddHours(1));

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal(history, request.History.Count);
    }

    [Fact]
    public void FailProvisioning_RecordsTheNoteForTheTeam_WithoutChangingTheState()
    {
        var request = Submit(FinanceReaders);
        var at = Start.AddHours(1);

        request.FailProvisioningStep(0, "Microsoft Graph refused: Forbidden.", at);

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal(ProvisioningStatus.Failed, request.ProvisioningStatus);
        const string note = "Automatic provisioning failed: Microsoft Graph refused: Forbidden. Please add Megan Bowen to Finance share readers by hand.";
        Assert.Equal(note, request.StatusNote);
        var entry = request.History[^1];
        Assert.Equal((AuditAction.ProvisioningFailed, RequestState.Approved, RequestState.Approved, note), (entry.Action, entry.From, entry.To, entry.Comment));
        Assert.Equal(PersonRef.System, entry.Actor);
        var failed = request.Outbox[^1];
        Assert.Equal((RequestEventType.ProvisioningFailed, PersonRef.System), (failed.Type, failed.Actor));
    }

    [Fact]
    public void FailProvisioning_Twice_RecordsOnce()
    {
        var request = Submit(FinanceReaders);
        request.FailProvisioningStep(0, "Forbidden", Start.AddHours(1));
        var (history, outbox) = (request.History.Count, request.Outbox.Count);

        request.FailProvisioningStep(0, "Forbidden", Start.AddHours(2));

        Assert.Equal((history, outbox), (request.History.Count, request.Outbox.Count));
    }

    [Fact]
    public void Provisioning_SurvivesTheStoredJson()
    {
        var request = Submit(FinanceReaders);
        request.FailProvisioningStep(0, "Forbidden", Start.AddHours(1));

        var read = JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(request, RequestJson.Options), RequestJson.Options)!;

        Assert.Equal(FinanceReaders, read.Provisioning);
        Assert.Equal(ProvisioningStatus.Failed, read.ProvisioningStatus);
        Assert.Contains("\"provisioningStatus\":\"Failed\"", JsonSerializer.Serialize(request, RequestJson.Options));
    }

    [Fact]
    public void Provisioning_OldDocumentWithoutIt_ReadsAsNone()
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Submit(null), RequestJson.Options))!.AsObject();
        json.Remove("provisioning");
        json.Remove("provisioningStatus");

        var read = json.Deserialize<ServiceRequest>(RequestJson.Options)!;
        read.CompleteProvisioningStep(0, Start.AddHours(1));

        Assert.Null(read.Provisioning);
        Assert.Null(read.ProvisioningStatus);
        Assert.Equal(RequestState.Approved, read.State);
    }

    private static ServiceRequest InState(RequestState state)
    {
        var request = Submit(FinanceReaders);
        var at = Start.AddMinutes(1);
        switch (state)
        {
            case RequestState.Approved:
                break;
            case RequestState.Reopened:
                request.Assign(Agent, Agent, at);
                request.Resolve(Agent, "Done", at);
                request.Reopen(Requester, "Still cannot open it", at);
                break;
            case RequestState.Assigned:
                request.Assign(Agent, Agent, at);
                break;
            default:
                request.Assign(Agent, Agent, at);
                request.SetStatus(Agent, state, null, at);
                break;
        }

        Assert.Equal(state, request.State);
        return request;
    }

    private static ServiceRequest Submit(ProvisioningPlan? provisioning, params ApprovalStage[] stages) =>
        ServiceRequest.Submit(
            new ServiceRequest.Draft(
                "REQ-000042", "form-42", Requester, "finance-share-read", "Finance share (read)", "Access", null,
                "I need the monthly reports.", new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
                "team-identity", "Identity & Access", Start.AddHours(8), stages, provisioning),
            Start);
}
