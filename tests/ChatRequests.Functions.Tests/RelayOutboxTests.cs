using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Fulfilment;
using ChatRequests.Functions.Relay;
using ChatRequests.Testing;

namespace ChatRequests.Functions.Tests;

/// <summary>
/// RelayOutbox on the Cosmos DB store (the only store with a change feed): requests are written by the real
/// CosmosRequestStore into the Cosmos DB stand-in and handed to the function as the raw documents the change feed
/// delivers, system properties included.
/// </summary>
[Collection(CosmosServer.Collection)]
public sealed class RelayOutboxTests(CosmosServer cosmos) : IAsyncLifetime
{
    private FunctionsApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await FunctionsApp.StartAsync(overrides: cosmos.HostSettings("relay-" + Guid.NewGuid().ToString("N")));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task EmitsOneMessagePerPendingEventAndNoneForParkedOnes()
    {
        var pending = await _app.SubmitAsync();
        var parked = await _app.SubmitAsync();
        await _app.Store.UpdateAsync(parked.Id, r => r.FailEvent(r.Outbox[0].Id, "broken", DateTimeOffset.UtcNow, TimeSpan.Zero, maxAttempts: 1));

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name,
            HostPayloads.ChangedDocuments(await _app.DocumentAsync(pending.Id), await _app.DocumentAsync(parked.Id)));

        Assert.Equal(200, answer.StatusCode);
        // The parked request's own step is not sent; its notice to the team (ADR 0024) is.
        var notice = Assert.Single((await _app.Store.GetAsync(parked.Id))!.Outbox, e => e.Type == RequestEventType.ParkedNotice);
        Assert.Equal([pending.Outbox[0].Id, notice.Id], _app.Queue.Sent.Select(m => m.MessageId));
        var message = HostPayloads.BodyOf(_app.Queue.Sent[0]);
        Assert.Equal(pending.Id, message["requestId"]!.GetValue<string>());
        Assert.Equal(pending.Outbox[0].Id, message["eventId"]!.GetValue<string>());
        Assert.Equal(nameof(RequestEventType.ApprovalRequested), message["eventType"]!.GetValue<string>());
        Assert.Equal(2, answer.ReturnValue!.GetValue<int>());
        Assert.Contains(answer.Logs, l => l.Contains("Relayed 2 outbox events from 2 changed requests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmitsEveryPendingEventOfADocumentInOrder()
    {
        var request = await _app.SubmitAsync(needsApproval: false);
        await _app.Store.UpdateAsync(request.Id, r =>
            r.Assign(new PersonRef("agent", "Agent"), new PersonRef("agent", "Agent"), DateTimeOffset.UtcNow));
        var stored = (await _app.Store.GetAsync(request.Id))!;

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocumentsAsArray(await _app.DocumentAsync(request.Id)));

        Assert.Equal(200, answer.StatusCode);
        var messages = _app.Queue.Sent.Select(HostPayloads.BodyOf).ToList();
        Assert.Equal(stored.Outbox.Select(e => e.Id), messages.Select(m => m["eventId"]!.GetValue<string>()));
        Assert.Equal(stored.Outbox.Select(e => e.Id), _app.Queue.Sent.Select(m => m.MessageId));
        Assert.Equal(["Approved", "Assigned"], messages.Select(m => m["eventType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnswersAnEmptyMessageListForADocumentWithoutPendingEvents()
    {
        var request = await _app.SubmitAsync();
        await _app.Store.UpdateAsync(request.Id, r => r.CompleteEvent(r.Outbox[0].Id));

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocuments(await _app.DocumentAsync(request.Id)));

        Assert.Equal(200, answer.StatusCode);
        Assert.Empty(_app.Queue.Sent);
    }

    [Fact]
    public async Task TheWholeContainer_RelaysEachPendingEventOnce_AndPassesOverClaimsAndTheCounterQuietly()
    {
        var first = await _app.SubmitAsync();
        var second = await _app.SubmitAsync(needsApproval: false);
        var documents = await _app.AllDocumentsAsync();
        Assert.Contains(documents, d => d["type"]?.GetValue<string>() == "submissionClaim");
        Assert.Contains(documents, d => d["type"]?.GetValue<string>() == "counter");
        Assert.All(documents, d => Assert.NotNull(d["_etag"]));

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocuments([.. documents]));

        Assert.Equal(200, answer.StatusCode);
        var relayed = _app.Queue.Sent.Select(HostPayloads.BodyOf)
            .Select(m => (m["requestId"]!.GetValue<string>(), m["eventType"]!.GetValue<string>()))
            .Order()
            .ToList();
        Assert.Equal([(first.Id, "ApprovalRequested"), (second.Id, "Approved")], relayed);
        Assert.DoesNotContain(answer.Logs, l => l.StartsWith("Skipped", StringComparison.Ordinal));
        Assert.Contains(answer.Logs, l => l.Contains($"from 2 changed requests ({documents.Count} changed documents)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SkipsJunkABareRequestAndABrokenRequestDocumentWithAnErrorLogEach()
    {
        var request = await _app.SubmitAsync();
        // The shape RelayOutbox wrongly expected before: a ServiceRequest that is not wrapped in its store document.
        var bare = JsonSerializer.SerializeToNode(await _app.Store.GetAsync(request.Id), RequestJson.Options)!.AsObject();

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name,
            HostPayloads.ChangedDocuments(
                new JsonObject { ["id"] = "lease-or-junk", ["owner"] = "x" },
                bare,
                new JsonObject { ["id"] = "REQ-999999", ["type"] = "request", ["version"] = 1 },
                await _app.DocumentAsync(request.Id)));

        Assert.Equal(200, answer.StatusCode);
        Assert.Single(_app.Queue.Sent);
        Assert.Equal(3, answer.Logs.Count(l => l.Contains("not a service request document", StringComparison.Ordinal)));
        Assert.Contains(answer.Logs, l => l.Contains("lease-or-junk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RelayedMessage_RunByRunFulfilmentStep_PostsTheApprovalCardAndCompletesTheEvent()
    {
        var request = await _app.SubmitAsync();
        await _app.InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocuments(await _app.DocumentAsync(request.Id)));
        var message = Assert.Single(_app.Queue.Sent);

        var answer = await _app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(message));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("Handled", answer.ReturnValue!.GetValue<string>());
        Assert.Single(_app.Connector.CardsSentTo(Persona.Alex.AadObjectId));
        Assert.Empty((await _app.Store.GetAsync(request.Id))!.Outbox);
        var document = await _app.DocumentAsync(request.Id);
        Assert.Empty(document["request"]!["outbox"]!.AsArray());
    }

    [Fact]
    public async Task ManyEvents_AreSentInBatchesWithinTheLimit_InOrder_EachWithItsEventIdAsMessageId()
    {
        _app.Queue.MaxBatchCount = 2;
        var requests = new List<ServiceRequest>();
        for (var i = 0; i < 5; i++)
        {
            requests.Add(await _app.SubmitAsync());
        }

        var documents = new List<JsonObject>();
        foreach (var request in requests)
        {
            documents.Add(await _app.DocumentAsync(request.Id));
        }

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocuments([.. documents]));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal([2, 2, 1], _app.Queue.Batches.Select(b => b.Count));
        Assert.Equal(requests.Select(r => r.Outbox[0].Id), _app.Queue.Sent.Select(m => m.MessageId));
        Assert.All(_app.Queue.Sent, m => Assert.Equal("application/json", m.ContentType));
        Assert.All(_app.Queue.Sent, m => Assert.DoesNotContain("attempt", m.ApplicationProperties.Keys));
    }

    [Fact]
    public async Task AFailedSend_FailsTheInvocationForTheHostToRetry_AndTheRetrySendsTheSameMessageIds()
    {
        _app.Queue.MaxBatchCount = 1;
        var first = await _app.SubmitAsync();
        var second = await _app.SubmitAsync();
        var payload = HostPayloads.ChangedDocuments(await _app.DocumentAsync(first.Id), await _app.DocumentAsync(second.Id));
        _app.Queue.FailNext();

        var failed = await _app.InvokeAsync(RelayOutboxFunction.Name, payload);

        Assert.Equal(500, failed.StatusCode);
        Assert.Contains(failed.Logs, l => l.StartsWith("Transient failure: could not send 2 messages", StringComparison.Ordinal));
        Assert.Empty(_app.Queue.Sent);
        foreach (var request in new[] { first, second })
        {
            Assert.False(Assert.Single((await _app.Store.GetAsync(request.Id))!.Outbox).IsParked);
        }

        var retried = await _app.InvokeAsync(RelayOutboxFunction.Name, payload);

        Assert.Equal(200, retried.StatusCode);
        Assert.Equal([first.Outbox[0].Id, second.Outbox[0].Id], _app.Queue.Sent.Select(m => m.MessageId));
    }

    [Fact]
    public async Task AMessageThatDoesNotFitEvenAlone_ParksItsEventWithTheReason_AndTheOthersAreSent()
    {
        var fits = await _app.SubmitAsync(needsApproval: false);
        var tooLarge = await _app.SubmitAsync();
        // Request and event ids have the same length, so the bodies differ by the event type: Approved fits, ApprovalRequested not.
        _app.Queue.MaxBatchBytes = new FulfilmentMessage(fits.Id, fits.Outbox[0].Id, "Approved").ToQueueMessage().Body.ToMemory().Length;

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name,
            HostPayloads.ChangedDocuments(await _app.DocumentAsync(fits.Id), await _app.DocumentAsync(tooLarge.Id)));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal([fits.Outbox[0].Id], _app.Queue.Sent.Select(m => m.MessageId));
        var parked = Assert.Single((await _app.Store.GetAsync(tooLarge.Id))!.Outbox, e => e.Type == RequestEventType.ApprovalRequested);
        Assert.True(parked.IsParked);
        Assert.Contains("does not fit in a Service Bus batch even alone", parked.LastError, StringComparison.Ordinal);
        Assert.Contains(answer.Logs, l => l.StartsWith($"Parked event {parked.Id} of {tooLarge.Id}", StringComparison.Ordinal));
        Assert.Contains(answer.Logs, l => l.StartsWith("Relayed 1 outbox events from 2 changed requests", StringComparison.Ordinal));
    }
}
