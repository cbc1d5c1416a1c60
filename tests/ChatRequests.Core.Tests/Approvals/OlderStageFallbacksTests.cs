using System.Text.Json;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static ChatRequests.Core.Tests.Approvals.PolicyOrganisation;

namespace ChatRequests.Core.Tests.Approvals;

/// <summary>
/// A request stored before approval fallbacks were kept: its stage has none, so an unreachable approver used to leave it
/// stuck. Its fallbacks are worked out when it is rerouted, from today's directory and the item's approver group.
/// </summary>
public sealed class OlderStageFallbacksTests
{
    // Waiting for Mark, as documents were written before fallbacks (and timeouts) were kept.
    private const string Stored = """
        {"id":"REQ-000011","version":2,"submissionKey":"form-11","requester":{"id":"u-rita","name":"Rita Requester"},
         "catalogItemId":"vpn-admin","itemName":"VPN admin access","category":"Access","costText":"500.00 EUR","justification":"Audit.",
         "priority":{"level":4,"impact":"Low","urgency":"Medium","label":"P4","reason":"P4: impact low x urgency medium"},
         "teamId":"team-access","teamName":"Access","state":"AwaitingApproval","currentStage":0,
         "submittedAt":"2026-11-02T09:00:00+00:00","dueAt":"2026-11-04T01:00:00+00:00","updatedAt":"2026-11-02T09:00:00+00:00",
         "fields":{},"approvals":[
           {"name":"Manager","approvers":[{"id":"u-mark","name":"Mark Manager"}],"decision":null,"requestedAt":"2026-11-02T09:00:00+00:00"}],
         "history":[],"outbox":[]}
        """;

    private readonly PolicyOrganisation _organisation = new();
    private readonly INotifier _notifier = Substitute.For<INotifier>();
    private readonly FakeTimeProvider _clock = new(SampleData.Start);

    public OlderStageFallbacksTests() =>
        _notifier.ShowApprovalCardAsync(Arg.Any<ServiceRequest>(), Arg.Is<PersonRef>(p => p.Id == Mark.Id), Arg.Any<int>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new RecipientUnreachableException(Mark.Id, "404 UserNotFound")));

    [Fact]
    public async Task OldStage_ApproverUnreachable_GoesToTheirManager_WorkedOutNow()
    {
        var request = await StoreOldDocumentAsync();
        var handler = new FulfilmentHandler(
            _notifier, _organisation.Store, _clock, approvers: new ApproverResolver(_organisation.Directory),
            catalog: new InMemoryCatalog([Item(ApprovalPolicy.Manager)]));

        await handler.HandleAsync(request, ApprovalRequested());

        var stored = (await _organisation.Store.GetAsync(request.Id))!;
        Assert.Equal([Bea.Id], stored.PendingStage!.Approvers.Select(a => a.Id));
        Assert.Equal(
            "Mark Manager could not be reached (404 UserNotFound): Manager goes to Bea Boss (Mark Manager's manager)", stored.History[^1].Comment);
        Assert.Equal(["Mark Manager's manager", "the approver group IT Security"], stored.PendingStage.Fallbacks.Select(f => f.Why));
    }

    [Fact]
    public async Task OldStage_WithoutAnyoneToWorkItOut_IsStuck_AsBefore()
    {
        var request = await StoreOldDocumentAsync();
        var handler = new FulfilmentHandler(_notifier, _organisation.Store, _clock);

        await Assert.ThrowsAsync<PermanentEventFailureException>(() => handler.HandleAsync(request, ApprovalRequested()));

        Assert.Single((await _organisation.Store.GetAsync(request.Id))!.Outbox, e => e.Type == RequestEventType.ApprovalStuck);
    }

    [Fact]
    public void KeepMissingFallbacks_NeverReplacesAStagesOwn()
    {
        var request = JsonSerializer.Deserialize<ServiceRequest>(Stored, RequestJson.Options)!;
        StageRoute[] first = [new("Mark Manager's manager", [new PersonRef(Bea.Id, Bea.Name)])];

        Assert.True(request.KeepMissingFallbacks(first));
        Assert.False(request.KeepMissingFallbacks([new StageRoute("someone else", [new PersonRef(Sam.Id, Sam.Name)])]));
        Assert.False(request.KeepMissingFallbacks([]));
        Assert.Equal(first, request.PendingStage!.Fallbacks);
    }

    private async Task<ServiceRequest> StoreOldDocumentAsync()
    {
        var request = JsonSerializer.Deserialize<ServiceRequest>(Stored, RequestJson.Options)!;
        Assert.Empty(request.PendingStage!.Fallbacks);
        // The store numbers versions from its first save.
        request.Version = 0;
        await _organisation.Store.CreateAsync(request);
        return (await _organisation.Store.GetAsync(request.Id))!;
    }

    private OutboxEvent ApprovalRequested() => new("e-old", RequestEventType.ApprovalRequested, _clock.GetUtcNow(), PersonRef.System, null);
}
