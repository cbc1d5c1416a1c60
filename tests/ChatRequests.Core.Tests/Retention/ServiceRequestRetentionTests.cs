using System.Text.Json;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Core.Tests.Retention;

public sealed class ServiceRequestRetentionTests
{
    private static readonly RetentionSettings ThirtyDays = new() { AnonymiseClosedAfterDays = 30, KeepAuditYears = 7 };
    private static readonly DateTimeOffset ClosedAt = Start.AddHours(8);

    [Fact]
    public void FinalRequest_UnderARule_IsDueForAnonymisationTheRulesDaysAfterItClosed()
    {
        var request = Closed(ThirtyDays);

        Assert.Equal(ClosedAt, request.FinalAt);
        Assert.Equal(ClosedAt.AddDays(30), request.AnonymiseDueAt);
        Assert.Equal(ClosedAt.AddDays(30), request.SlaCheckAt);
        Assert.Null(request.DeleteDueAt);
    }

    [Fact]
    public void FinalRequest_WithoutARule_HasNothingDue()
    {
        var request = Closed(settings: null);

        Assert.Null(request.AnonymiseDueAt);
        Assert.Null(request.SlaCheckAt);
    }

    [Fact]
    public void OpenRequest_UnderARule_IsNotDueForAnonymisation()
    {
        var request = Submit("REQ-000001");
        request.AdoptRetention(ThirtyDays);

        Assert.Null(request.FinalAt);
        Assert.Null(request.AnonymiseDueAt);
        Assert.Throws<RequestRuleException>(() => request.Anonymise(PersonRef.System, "test", Start));
    }

    [Fact]
    public void CheckSla_BeforeTheDay_ChangesNothing_AtItAnonymisesOnce()
    {
        var request = Closed(ThirtyDays);
        var due = ClosedAt.AddDays(30);

        Assert.False(request.CheckSla(due.AddTicks(-1)).DidAnything);
        Assert.Equal(Alice.Id, request.Requester.Id);

        Assert.True(request.CheckSla(due).Anonymised);
        Assert.Equal(ServiceRequest.FormerEmployeeName, request.Requester.Name);
        Assert.False(request.CheckSla(due.AddDays(1)).DidAnything);
        Assert.Single(request.History, h => h.Action == AuditAction.Anonymise);
    }

    [Fact]
    public void Anonymise_RemovesEveryPersonalValue_AndKeepsTheFigures()
    {
        var request = Closed(ThirtyDays);
        var before = Figures(request);

        request.CheckSla(ClosedAt.AddDays(31));

        var json = JsonSerializer.Serialize(request, RequestJson.Options);
        foreach (var personal in new[]
                 {
                     Alice.Id, Alice.Name, "battery is gone", "14-inch", "Ünïcödé", "Fine by me", "Waiting for the docking station",
                     "Which keyboard layout?", "German, please", "Delivered to desk 4.12", "Thanks!",
                 })
        {
            Assert.DoesNotContain(JsonSerializer.Serialize(personal, RequestJson.Options).Trim('"'), json);
        }

        Assert.Equal(before, Figures(request));
        Assert.StartsWith("former-", request.Requester.Id);
        Assert.Equal(5, request.Feedback!.Rating);
        Assert.Null(request.Feedback.Comment);
        Assert.Equal(Bob.Id, request.Approvals[0].Decision!.ById);
        Assert.Equal(Erin.Id, request.Assignee!.Id);
        Assert.Empty(request.Fields);
        Assert.Equal("", request.Justification);
        var note = request.History[^1];
        Assert.Equal(AuditAction.Anonymise, note.Action);
        Assert.Equal(PersonRef.System, note.Actor);
        Assert.Contains("anonymised 30 days after closing, audit kept 7 years", note.Comment);
    }

    [Fact]
    public void Anonymise_RedactsTheHistoryThroughTheChain_WhichStillVerifies()
    {
        var request = Closed(ThirtyDays);
        var lines = request.History.Count;
        Assert.True(HistoryChain.Verify(request).IsIntact);

        request.CheckSla(ClosedAt.AddDays(30));

        Assert.True(HistoryChain.Verify(request).IsIntact);
        var redacted = request.History.Take(lines).Where(h => h.Redacted).ToList();
        Assert.NotEmpty(redacted);
        Assert.All(redacted, h => Assert.Equal(AuditEntry.RedactedActor, h.Actor));
        Assert.All(request.History.Take(lines).Where(h => !h.Redacted), h => Assert.Null(h.Comment));
        Assert.DoesNotContain(request.History, h => h.Actor.Id == Alice.Id);
        Assert.Equal([AuditAction.Redact, AuditAction.Anonymise], request.History.Skip(lines).Select(h => h.Action));
    }

    [Fact]
    public void Anonymise_TwoRequestsOfOnePerson_GetIdsThatDoNotNameThem()
    {
        var first = Closed(ThirtyDays, "REQ-000001");
        var second = Closed(ThirtyDays, "REQ-000002");

        first.CheckSla(ClosedAt.AddDays(30));
        second.CheckSla(ClosedAt.AddDays(30));

        Assert.NotEqual(first.Requester.Id, second.Requester.Id);
        Assert.DoesNotContain(Alice.Id, first.Requester.Id);
    }

    [Fact]
    public void AnonymisedRequest_IsDueForDeletionTheRulesYearsAfterItClosed()
    {
        var request = Closed(ThirtyDays);
        request.CheckSla(ClosedAt.AddDays(30));

        Assert.Equal(ClosedAt.AddYears(7), request.DeleteDueAt);
        Assert.Equal(ClosedAt.AddYears(7), request.SlaCheckAt);
        Assert.False(request.CheckSla(ClosedAt.AddYears(7).AddTicks(-1)).Expired);
        Assert.True(request.CheckSla(ClosedAt.AddYears(7)).Expired);
    }

    [Fact]
    public void AdoptRetention_SameSettings_ChangesNothing_OtherSettings_ChangeTheDay()
    {
        var request = Closed(ThirtyDays);

        Assert.False(request.AdoptRetention(ThirtyDays with { }));
        Assert.True(request.AdoptRetention(new RetentionSettings { AnonymiseClosedAfterDays = 10 }));
        Assert.Equal(ClosedAt.AddDays(10), request.AnonymiseDueAt);
        Assert.True(request.AdoptRetention(new RetentionSettings()));
        Assert.Null(request.Retention);
    }

    [Fact]
    public void AnonymisedRequest_RoundTripsThroughJson()
    {
        var request = Closed(ThirtyDays);
        request.CheckSla(ClosedAt.AddDays(30));

        var loaded = JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(request, RequestJson.Options), RequestJson.Options)!;

        Assert.Equal(request.Anonymised, loaded.Anonymised);
        Assert.Equal(request.Retention, loaded.Retention);
        Assert.Equal(request.DeleteDueAt, loaded.DeleteDueAt);
    }

    private static ServiceRequest Closed(RetentionSettings? settings, string id = "REQ-000042")
    {
        var request = FullLifecycle(id);
        request.AdoptRetention(settings);
        return request;
    }

    private static string Figures(ServiceRequest r) =>
        string.Join("|", r.Id, r.State, r.SubmittedAt, r.DueAt, r.UpdatedAt <= r.SubmittedAt, r.CatalogItemId, r.ItemName, r.Category, r.TeamId,
            r.Priority, r.Feedback?.Rating, r.SlaEscalatedAt, r.Approvals.Count, string.Join(",", r.History.Take(10).Select(h => (h.At, h.Action, h.From, h.To))));
}
