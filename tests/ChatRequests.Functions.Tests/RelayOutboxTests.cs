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
        var messages = answer.Outputs[RelayOutboxFunction.MessagesBinding]!.AsArray();
        var message = Assert.Single(messages)!.AsObject();
        Assert.Equal(pending.Id, message["requestId"]!.GetValue<string>());
        Assert.Equal(pending.Outbox[0].Id, message["eventId"]!.GetValue<string>());
        Assert.Equal(nameof(RequestEventType.ApprovalRequested), message["eventType"]!.GetValue<string>());
        Assert.Equal(1, answer.ReturnValue!.GetValue<int>());
        Assert.Contains(answer.Logs, l => l.Contains("Relayed 1 outbox events from 2 changed requests", StringComparison.Ordinal));
    }

    [Fact]
    public async Task EmitsEveryPendingEventOfADocumentInOrder()
    {
        var request = await _app.SubmitAsync(needsApproval: false);
        await _app.Store.UpdateAsync(request.Id, r =>
            r.Assign(new PersonRef("agent", "Agent"), new PersonRef("agent", "Agent"), DateTimeOffset.UtcNow));
        var stored = (await _app.Store.GetAsync(request.Id))!;

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocumentsAsArray(await _app.DocumentAsync(request.Id)));

        var messages = answer.Outputs[RelayOutboxFunction.MessagesBinding]!.AsArray().Select(m => m!.AsObject()).ToList();
        Assert.Equal(stored.Outbox.Select(e => e.Id), messages.Select(m => m["eventId"]!.GetValue<string>()));
        Assert.Equal(["Approved", "Assigned"], messages.Select(m => m["eventType"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AnswersAnEmptyMessageListForADocumentWithoutPendingEvents()
    {
        var request = await _app.SubmitAsync();
        await _app.Store.UpdateAsync(request.Id, r => r.CompleteEvent(r.Outbox[0].Id));

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocuments(await _app.DocumentAsync(request.Id)));

        Assert.Equal(200, answer.StatusCode);
        Assert.Empty(answer.Outputs[RelayOutboxFunction.MessagesBinding]!.AsArray());
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
        var relayed = answer.Outputs[RelayOutboxFunction.MessagesBinding]!.AsArray()
            .Select(m => (m!["requestId"]!.GetValue<string>(), m["eventType"]!.GetValue<string>()))
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
        Assert.Single(answer.Outputs[RelayOutboxFunction.MessagesBinding]!.AsArray());
        Assert.Equal(3, answer.Logs.Count(l => l.Contains("not a service request document", StringComparison.Ordinal)));
        Assert.Contains(answer.Logs, l => l.Contains("lease-or-junk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RelayedMessage_RunByRunFulfilmentStep_PostsTheApprovalCardAndCompletesTheEvent()
    {
        var request = await _app.SubmitAsync();
        var relayed = await _app.InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocuments(await _app.DocumentAsync(request.Id)));
        var message = relayed.Outputs[RelayOutboxFunction.MessagesBinding]!.AsArray().Single()!;

        var answer = await _app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(message, messageId: "m-1"));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("Handled", answer.ReturnValue!.GetValue<string>());
        Assert.Single(_app.Connector.CardsSentTo(Persona.Alex.AadObjectId));
        Assert.Empty((await _app.Store.GetAsync(request.Id))!.Outbox);
        var document = await _app.DocumentAsync(request.Id);
        Assert.Empty(document["request"]!["outbox"]!.AsArray());
    }
}
