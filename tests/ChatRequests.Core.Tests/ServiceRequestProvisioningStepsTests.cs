using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.Core.Tests.ProvisioningStepsSamples;

namespace ChatRequests.Core.Tests;

/// <summary>A provisioning of several steps, as the request document tracks it step by step.</summary>
public class ServiceRequestProvisioningStepsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Submit_WithSteps_EveryStepPendingAndTheFirstIsNext()
    {
        var request = Submit(JoinerPlan, Start);

        Assert.Equal(4, request.ProvisioningStepList.Count);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(ProvisioningStatus.Pending, request.StepProgress(i).Status));
        Assert.Equal(0, request.NextProvisioningStep);
        Assert.Null(request.ProvisioningSteps);
    }

    [Fact]
    public void CompleteProvisioningStep_NotTheLast_WritesItsHistoryLineAndMovesToTheNext()
    {
        var request = Submit(JoinerPlan, Start);
        var at = Start.AddMinutes(5);

        Assert.True(request.CompleteProvisioningStep(0, at));

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal(ProvisioningStatus.Pending, request.ProvisioningStatus);
        Assert.Equal(new ProvisioningStepProgress(ProvisioningStatus.Done, at), request.StepProgress(0));
        Assert.Equal(1, request.NextProvisioningStep);
        var line = request.History[^1];
        Assert.Equal((AuditAction.ProvisioningDone, PersonRef.System), (line.Action, line.Actor));
        Assert.Equal("Added Megan Bowen to Finance share readers (automatic, step 1 of 4)", line.Comment);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.Resolved);
    }

    [Fact]
    public void CompleteProvisioningStep_AllInOrder_OneLinePerStepAndFulfilledWithEverythingDone()
    {
        var request = Submit(JoinerPlan, Start);

        for (var step = 0; step < 4; step++)
        {
            request.CompleteProvisioningStep(step, Start.AddMinutes(step + 1));
        }

        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.Equal(ProvisioningStatus.Done, request.ProvisioningStatus);
        Assert.Null(request.NextProvisioningStep);
        const string notes = "Added you to Finance share readers; removed you from Contractors; assigned you the Microsoft 365 E3 licence; "
            + "sent the request to Procurement (automatic)";
        Assert.Equal(notes, request.ResolutionNotes);
        Assert.Equal(
            [
                "Added Megan Bowen to Finance share readers (automatic, step 1 of 4)",
                "Removed Megan Bowen from Contractors (automatic, step 2 of 4)",
                "Assigned Megan Bowen the Microsoft 365 E3 licence (automatic, step 3 of 4)",
                notes,
            ],
            request.History.Where(h => h.Actor == PersonRef.System).Select(h => h.Comment));
        Assert.Equal((AuditAction.CompleteProvisioning, RequestState.Fulfilled), (request.History[^1].Action, request.History[^1].To));
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.Resolved);
    }

    [Fact]
    public void CompleteProvisioningStep_DoneAlready_ChangesNothing()
    {
        var request = Submit(JoinerPlan, Start);
        request.CompleteProvisioningStep(0, Start.AddMinutes(1));
        var (history, version) = (request.History.Count, request.StepProgress(0));

        Assert.False(request.CompleteProvisioningStep(0, Start.AddMinutes(2)));

        Assert.Equal((history, version), (request.History.Count, request.StepProgress(0)));
    }

    [Fact]
    public void CompleteProvisioningStep_AheadOfTheNext_Throws()
    {
        var request = Submit(JoinerPlan, Start);

        var error = Assert.Throws<InvalidOperationException>(() => request.CompleteProvisioningStep(2, Start.AddMinutes(1)));

        Assert.Contains("step 3", error.Message);
        Assert.Equal(0, request.NextProvisioningStep);
    }

    [Fact]
    public void FailProvisioningStep_StopsTheRest_AndTheNoteNamesTheStepAndWhatIsLeftByHand()
    {
        var request = Submit(JoinerPlan, Start);
        request.CompleteProvisioningStep(0, Start.AddMinutes(1));
        request.CompleteProvisioningStep(1, Start.AddMinutes(2));

        Assert.True(request.FailProvisioningStep(2, "Microsoft Graph refused to assign the licence (400 Request_BadRequest).", Start.AddMinutes(3)));

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal(ProvisioningStatus.Failed, request.ProvisioningStatus);
        Assert.Null(request.NextProvisioningStep);
        Assert.Equal(ProvisioningStatus.Failed, request.StepProgress(2).Status);
        Assert.Equal("Microsoft Graph refused to assign the licence (400 Request_BadRequest)", request.StepProgress(2).Reason);
        Assert.Equal(ProvisioningStatus.Pending, request.StepProgress(3).Status);
        const string note = "Automatic provisioning failed at step 3 of 4 (assign Megan Bowen the Microsoft 365 E3 licence): "
            + "Microsoft Graph refused to assign the licence (400 Request_BadRequest). "
            + "Please assign Megan Bowen the Microsoft 365 E3 licence and send the request to Procurement by hand.";
        Assert.Equal(note, request.StatusNote);
        Assert.Equal((AuditAction.ProvisioningFailed, note), (request.History[^1].Action, request.History[^1].Comment));
        Assert.Single(request.Outbox, e => e.Type == RequestEventType.ProvisioningFailed);
        Assert.False(request.CompleteProvisioningStep(3, Start.AddMinutes(4)));
        Assert.False(request.FailProvisioningStep(2, "again", Start.AddMinutes(4)));
    }

    [Fact]
    public void StepProgress_SurvivesTheStoredJson()
    {
        var request = Submit(JoinerPlan, Start);
        request.CompleteProvisioningStep(0, Start.AddMinutes(1));
        request.FailProvisioningStep(1, "Forbidden", Start.AddMinutes(2));

        var json = JsonSerializer.Serialize(request, RequestJson.Options);
        var read = JsonSerializer.Deserialize<ServiceRequest>(json, RequestJson.Options)!;

        Assert.Equal([ProvisioningStatus.Done, ProvisioningStatus.Failed, ProvisioningStatus.Pending, ProvisioningStatus.Pending],
            Enumerable.Range(0, 4).Select(i => read.StepProgress(i).Status));
        Assert.Equal("Forbidden", read.StepProgress(1).Reason);
        Assert.Equal(JoinerPlan.Steps!.Select(s => s.Kind), read.ProvisioningStepList.Select(s => s.Kind));
        Assert.Equal("Procurement", read.ProvisioningStepList[3].Name);
        Assert.Contains("\"kind\":\"AssignLicence\"", json);
    }

    [Theory]
    [InlineData(null, ProvisioningStatus.Pending, 0)]
    [InlineData("Done", ProvisioningStatus.Done, null)]
    [InlineData("Failed", ProvisioningStatus.Failed, null)]
    public void OldDocument_OnePlanWithoutStepProgress_ReadsAsOneAddToGroupStep(string? storedStatus, ProvisioningStatus expected, int? next)
    {
        var json = JsonNode.Parse(JsonSerializer.Serialize(Submit(ServiceRequestProvisioningTests.FinanceReaders, Start), RequestJson.Options))!.AsObject();
        Assert.False(json.ContainsKey("provisioningSteps"));
        Assert.False(json["provisioning"]!.AsObject().ContainsKey("steps"));
        if (storedStatus is not null)
        {
            json["provisioningStatus"] = storedStatus;
        }

        var read = json.Deserialize<ServiceRequest>(RequestJson.Options)!;

        var step = Assert.Single(read.ProvisioningStepList);
        Assert.Equal((ProvisioningStepKind.AddToGroup, ServiceRequestProvisioningTests.FinanceReaders.GroupId, "Finance share readers"),
            (step.Kind, step.GroupId, step.GroupName));
        Assert.Equal(expected, read.StepProgress(0).Status);
        Assert.Equal(next, read.NextProvisioningStep);
    }
}
