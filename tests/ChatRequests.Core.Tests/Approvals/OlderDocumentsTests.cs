using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests.Approvals;

/// <summary>Requests stored before approval policies (no stage mode, approvals so far, fallbacks, pre-authorisation) load and finish.</summary>
public class OlderDocumentsTests
{
    // A two-stage request waiting for its manager, as documents were written before: every stage decided by any one.
    private const string Stored = """
        {"id":"REQ-000007","version":3,"submissionKey":"form-7","requester":{"id":"u-rita","name":"Rita Requester"},
         "catalogItemId":"laptop","itemName":"Laptop","category":"Hardware","costText":"1,299.00 EUR","justification":"Old one broke.",
         "priority":{"level":4,"impact":"Low","urgency":"Medium","label":"P4","reason":"P4: impact low x urgency medium"},
         "teamId":"team-hw","teamName":"Hardware","state":"AwaitingApproval","currentStage":0,
         "submittedAt":"2026-11-02T09:00:00+00:00","dueAt":"2026-11-04T01:00:00+00:00","updatedAt":"2026-11-02T09:00:00+00:00",
         "fields":{},"approvals":[
           {"name":"Manager","approvers":[{"id":"u-mark","name":"Mark Manager"}],"decision":null,"requestedAt":"2026-11-02T09:00:00+00:00"},
           {"name":"IT security","approvers":[{"id":"u-sam","name":"Sam Security"},{"id":"u-sue","name":"Sue Security"}],"decision":null}],
         "history":[],"outbox":[]}
        """;

    [Fact]
    public void OldDocument_PendingApproval_LoadsAndIsDecidedToTheEnd()
    {
        var request = JsonSerializer.Deserialize<ServiceRequest>(Stored, RequestJson.Options)!;
        var at = new DateTimeOffset(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

        Assert.All(request.Approvals, s => Assert.Equal(ApprovalMode.Any, s.Mode));
        Assert.Equal(["u-mark"], request.PendingStage!.Awaiting.Select(a => a.Id));
        request.Decide(new PersonRef("u-mark", "Mark Manager"), approve: true, null, 0, at);
        request.Decide(new PersonRef("u-sue", "Sue Security"), approve: true, null, 1, at.AddHours(1));

        Assert.Equal(RequestState.Approved, request.State);
        Assert.Null(request.PreAuthorisation);
    }

    [Fact]
    public void RequestWithDefaultStages_IsWrittenWithoutTheNewFields_SoOlderVersionsReadItAsBefore()
    {
        var request = JsonSerializer.Deserialize<ServiceRequest>(Stored, RequestJson.Options)!;

        var written = JsonNode.Parse(JsonSerializer.Serialize(request, RequestJson.Options))!.AsObject();

        Assert.False(written.ContainsKey("preAuthorisation"));
        Assert.All(written["approvals"]!.AsArray(), stage =>
            Assert.Equal(["name", "approvers", "decision", "requestedAt", "remindedAt"], stage!.AsObject().Select(p => p.Key)));
    }
}
