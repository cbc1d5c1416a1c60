using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests;

public class AuditActionTests
{
    // The strings stored documents hold: changing one makes old histories read as unknown actions.
    public static TheoryData<string, string> StoredNames => new()
    {
        { nameof(AuditAction.Submitted), "Submitted" },
        { nameof(AuditAction.RequestApproval), "RequestApproval" },
        { nameof(AuditAction.SkipApproval), "SkipApproval" },
        { nameof(AuditAction.ApproveStage), "ApproveStage" },
        { nameof(AuditAction.ApprovePart), "ApprovePart" },
        { nameof(AuditAction.Approve), "Approve" },
        { nameof(AuditAction.Reject), "Reject" },
        { nameof(AuditAction.Assign), "Assign" },
        { nameof(AuditAction.StartWork), "StartWork" },
        { nameof(AuditAction.AwaitParts), "AwaitParts" },
        { nameof(AuditAction.Schedule), "Schedule" },
        { nameof(AuditAction.AskRequester), "AskRequester" },
        { nameof(AuditAction.Answer), "Answer" },
        { nameof(AuditAction.Resolve), "Resolve" },
        { nameof(AuditAction.Confirm), "Confirm" },
        { nameof(AuditAction.Reopen), "Reopen" },
        { nameof(AuditAction.Cancel), "Cancel" },
        { nameof(AuditAction.CompleteProvisioning), "CompleteProvisioning" },
        { nameof(AuditAction.RemindApprovers), "RemindApprovers" },
        { nameof(AuditAction.SlaAtRisk), "SlaAtRisk" },
        { nameof(AuditAction.Escalate), "Escalate" },
        { nameof(AuditAction.ProvisioningDone), "ProvisioningDone" },
        { nameof(AuditAction.ProvisioningFailed), "ProvisioningFailed" },
        { nameof(AuditAction.Reroute), "Reroute" },
        { nameof(AuditAction.ClockPaused), "ClockPaused" },
        { nameof(AuditAction.ClockResumed), "ClockResumed" },
        { nameof(AuditAction.OfferAlternatives), "OfferAlternatives" },
        { nameof(AuditAction.ChangeItem), "ChangeItem" },
        { nameof(AuditAction.RequestReapproval), "RequestReapproval" },
        { nameof(AuditAction.SendForDelivery), "SendForDelivery" },
        { nameof(AuditAction.AcknowledgeReceipt), "AcknowledgeReceipt" },
        { nameof(AuditAction.KeepWaiting), "KeepWaiting" },
        { nameof(AuditAction.SupplierOverdue), "SupplierOverdue" },
        { nameof(AuditAction.Reassign), "Reassign" },
        { nameof(AuditAction.NotAssigned), "NotAssigned" },
        { nameof(AuditAction.Reannounce), "Reannounce" },
        { nameof(AuditAction.Deescalate), "Deescalate" },
        { nameof(AuditAction.SubmitForReview), "SubmitForReview" },
        { nameof(AuditAction.PassReview), "PassReview" },
        { nameof(AuditAction.FailReview), "FailReview" },
        { nameof(AuditAction.AutoClose), "AutoClose" },
        { nameof(AuditAction.WorkNote), "WorkNote" },
        { nameof(AuditAction.RemindRequester), "RemindRequester" },
        { nameof(AuditAction.Edit), "Edit" },
        { nameof(AuditAction.ReleaseForDelivery), "ReleaseForDelivery" },
        { nameof(AuditAction.SubmitProvisioningForReview), "SubmitProvisioningForReview" },
        { nameof(AuditAction.RemindReceipt), "RemindReceipt" },
        { nameof(AuditAction.ReceiptOverdue), "ReceiptOverdue" },
        { nameof(AuditAction.RemindReviewers), "RemindReviewers" },
        { nameof(AuditAction.SealHistory), "SealHistory" },
        { nameof(AuditAction.Redact), "Redact" },
        { nameof(AuditAction.Anonymise), "Anonymise" },
        { nameof(AuditAction.AccessKept), "AccessKept" },
        { nameof(AuditAction.AccessRemoved), "AccessRemoved" },
        { nameof(AuditAction.AccessRemovalFailed), "AccessRemovalFailed" },
        { nameof(AuditAction.DataExported), "DataExported" },
        { nameof(AuditAction.EventParked), "EventParked" },
        { nameof(AuditAction.EventRetried), "EventRetried" },
        { nameof(AuditAction.EventDismissed), "EventDismissed" },
    };

    [Theory]
    [MemberData(nameof(StoredNames))]
    public void EveryAction_IsStoredAsTheStringDocumentsHold_AndReadsBack(string member, string stored)
    {
        var action = (AuditAction)typeof(AuditAction).GetField(member)!.GetValue(null)!;

        Assert.Equal($"\"{stored}\"", JsonSerializer.Serialize(action, RequestJson.Options));
        Assert.Equal(action, JsonSerializer.Deserialize<AuditAction>($"\"{stored}\"", RequestJson.Options));
    }

    [Fact]
    public void All_ListsEveryActionOnce_AndTheTableAbovePinsEachOne()
    {
        Assert.Equal(AuditAction.All.Count, AuditAction.All.Distinct().Count());
        Assert.Equal(StoredNames.Select(row => (string)row[1]).Order(), AuditAction.All.Select(a => a.Name).Order());
    }

    [Fact]
    public void EveryCommand_WritesAnActionOfItsOwn()
    {
        var actions = Enum.GetValues<RequestCommand>().Select(AuditAction.Of).ToList();

        Assert.Equal(actions.Count, actions.Distinct().Count());
        Assert.All(actions, a => Assert.Contains(a, AuditAction.All));
    }

    [Fact]
    public void AnActionThisVersionDoesNotKnow_LoadsAndIsWrittenBackUnchanged()
    {
        var entry = JsonSerializer.Deserialize<AuditEntry>(
            """{"at":"2026-12-01T09:00:00+00:00","actor":{"id":"system","name":"ChatRequests"},"action":"Archive","from":"Closed","to":"Closed","comment":null}""",
            RequestJson.Options)!;

        Assert.Equal("Archive", entry.Action.Name);
        Assert.DoesNotContain(entry.Action, AuditAction.All);
        Assert.Contains("\"action\":\"Archive\"", JsonSerializer.Serialize(entry, RequestJson.Options));
    }

    [Fact]
    public void AnActionThatIsNotAString_IsRefused()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AuditAction>("42", RequestJson.Options));
    }

    [Theory]
    [InlineData("ApproveStage", true)]
    [InlineData("Approve", true)]
    [InlineData("Reject", true)]
    [InlineData("Resolve", false)]
    [InlineData("Submitted", false)]
    public void IsDecision_OnlyForAnApproversDecision(string stored, bool expected)
    {
        Assert.Equal(expected, JsonSerializer.Deserialize<AuditAction>($"\"{stored}\"", RequestJson.Options).IsDecision);
    }
}
