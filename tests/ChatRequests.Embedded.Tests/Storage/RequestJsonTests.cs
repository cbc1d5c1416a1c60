using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Embedded.Tests.Storage;

public sealed class RequestJsonTests
{
    [Fact]
    public void Deserialize_SerializedFullRequest_GivesBackTheSameRequest()
    {
        var request = FullLifecycle("REQ-000042");
        request.Version = 7;
        var json = JsonSerializer.Serialize(request, RequestJson.Options);

        var copy = JsonSerializer.Deserialize<ServiceRequest>(json, RequestJson.Options)!;

        // Every property is written, so equal JSON means every private setter was restored too.
        Assert.Equal(json, JsonSerializer.Serialize(copy, RequestJson.Options));
        Assert.Equal(7, copy.Version);
        Assert.Equal(RequestState.Closed, copy.State);
        Assert.Equal(Erin, copy.Assignee);
        Assert.Equal(request.Priority, copy.Priority);
        Assert.Equal("Ünïcödé ✓ \"quoted\" | with a bar and a\nnew line", copy.Fields["note"]);
        Assert.Equal([Carol, Dave], copy.Approvals[1].Approvers);
        Assert.Equal(request.Approvals[1].Decision, copy.Approvals[1].Decision);
        Assert.Equal(request.Question, copy.Question);
        Assert.Equal(request.Feedback, copy.Feedback);
        Assert.Equal(request.History, copy.History);
        Assert.Equal(request.SubmittedAt, copy.SubmittedAt);
        Assert.Equal(request.DueAt, copy.DueAt);
        Assert.Equal(request.Outbox[1].ParkedAt, copy.Outbox[1].ParkedAt);
        Assert.True(copy.Outbox[1].IsParked);
    }

    [Fact]
    public void Serialize_WritesCamelCaseNamesAndEnumsAsNames()
    {
        var json = JsonSerializer.Serialize(Submit("REQ-000001", stages: [ManagerStage()]), RequestJson.Options);

        Assert.Contains("\"submissionKey\":\"form-REQ-000001\"", json);
        Assert.Contains("\"state\":\"AwaitingApproval\"", json);
        Assert.Contains("\"impact\":\"Low\"", json);
    }
}
