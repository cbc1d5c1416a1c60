using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Relay;
using ChatRequests.Functions.Tests.Hosting;

namespace ChatRequests.Functions.Tests;

public sealed class RelayOutboxTests : IAsyncLifetime
{
    private FunctionsApp _app = null!;

    public async Task InitializeAsync() => _app = await FunctionsApp.StartAsync();

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
    public async Task SkipsADocumentThatIsNotARequestWithALog()
    {
        var request = await _app.SubmitAsync();

        var answer = await _app.InvokeAsync(RelayOutboxFunction.Name,
            HostPayloads.ChangedDocuments(new JsonObject { ["id"] = "lease-or-junk", ["owner"] = "x" }, await _app.DocumentAsync(request.Id)));

        Assert.Equal(200, answer.StatusCode);
        Assert.Single(answer.Outputs[RelayOutboxFunction.MessagesBinding]!.AsArray());
        Assert.Contains(answer.Logs, l => l.Contains("not a service request", StringComparison.Ordinal));
    }
}
