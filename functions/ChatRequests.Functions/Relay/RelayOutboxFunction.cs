using System.Text.Json;
using ChatRequests.Azure.Fulfilment;
using ChatRequests.Azure.Storage;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.Relay;

/// <summary>
/// RelayOutbox: the Cosmos DB change feed delivers the changed documents of the requests container as the Cosmos store
/// writes them (<see cref="RequestsChangeFeed"/>: the request nested under <c>request</c>); every pending (not parked)
/// outbox event of a request document becomes one message on the fulfilment queue, sent with the Service Bus SDK
/// (<see cref="FulfilmentQueue"/>) with MessageId = the event id, so that the queue's duplicate detection drops a re-send.
/// The store's bookkeeping documents (submission claims, the number counter) change too and are passed over.
/// A document changes again when an event completes, so a still-pending event is relayed more than once: the step is
/// idempotent, and within the detection window the queue drops the copy. A failed send fails the invocation, and the host
/// retries the whole batch of documents (RelayOutbox/function.json "retry"): nothing is lost.
/// </summary>
public sealed class RelayOutboxFunction(FulfilmentQueue queue, OutboxEventRunner runner, ILogger<RelayOutboxFunction> logger)
{
    public const string Name = "RelayOutbox";

    /// <summary>The trigger binding's name in RelayOutbox/function.json.</summary>
    public const string DocumentsBinding = "documents";

    public async Task<IResult> InvokeAsync(InvocationRequest invocation, CancellationToken cancellationToken)
    {
        if (!invocation.TryGetBinding(DocumentsBinding, out var documents) || documents.ValueKind != JsonValueKind.Array)
        {
            // The host always sends the binding; without it nothing can be relayed, and a retry cannot help.
            logger.LogError("RelayOutbox was invoked without a '{Binding}' document list", DocumentsBinding);
            return new InvocationResult
            {
                Logs = [$"Permanent failure: no '{DocumentsBinding}' document list in the invocation."],
                ReturnValue = "PermanentFailure",
            }.ToHttpResult();
        }

        var messages = new List<FulfilmentMessage>();
        var logs = new List<string>();
        var requests = 0;
        foreach (var document in documents.EnumerateArray())
        {
            var changed = RequestsChangeFeed.Read(document);
            switch (changed.Kind)
            {
                case ChangedDocumentKind.Request:
                    requests++;
                    var request = changed.Request!;
                    messages.AddRange(request.Outbox.Where(e => !e.IsParked)
                        .Select(e => new FulfilmentMessage(request.Id, e.Id, e.Type.ToString(), e.Retries)));
                    break;
                case ChangedDocumentKind.Bookkeeping:
                    logger.LogDebug("RelayOutbox passed over {DocumentType} document {DocumentId}: it holds no events", changed.Type, changed.Id);
                    break;
                default:
                    // A document that can never be relayed; say so rather than drop it silently. A retry cannot help.
                    logger.LogError("RelayOutbox skipped changed document {DocumentId} of type {DocumentType}: not a service request document",
                        changed.Id, changed.Type);
                    logs.Add($"Skipped changed document {changed.Id} of type {changed.Type ?? "(none)"}: not a service request document.");
                    break;
            }
        }

        IReadOnlyList<FulfilmentQueueMessage> tooLarge;
        try
        {
            tooLarge = await queue.SendAsync([.. messages.Select(m => m.ToQueueMessage())], cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The events stay in their outboxes; the host invokes again with the same documents (function.json "retry").
            logger.LogWarning(ex, "RelayOutbox could not send {MessageCount} messages to the fulfilment queue; the host retries the batch", messages.Count);
            return new InvocationResult
            {
                Logs = [$"Transient failure: could not send {messages.Count} messages to the fulfilment queue ({ex.GetType().Name})."],
            }.ToHttpResult(StatusCodes.Status500InternalServerError);
        }

        foreach (var message in tooLarge)
        {
            logs.Add(await ParkTooLargeAsync(message, cancellationToken));
        }

        var sent = messages.Count - tooLarge.Count;
        logger.LogInformation("Relayed {MessageCount} outbox events from {RequestCount} changed requests ({DocumentCount} changed documents)",
            sent, requests, documents.GetArrayLength());
        logs.Add($"Relayed {sent} outbox events from {requests} changed requests ({documents.GetArrayLength()} changed documents).");
        return new InvocationResult { Logs = logs, ReturnValue = sent }.ToHttpResult();
    }

    /// <summary>A message the queue cannot take even alone can never be relayed: its event is parked with the reason.</summary>
    private async Task<string> ParkTooLargeAsync(FulfilmentQueueMessage message, CancellationToken cancellationToken)
    {
        var body = message.Body.ToObjectFromJson<FulfilmentMessage>(RequestJson.Options)!;
        var reason = $"The fulfilment message ({message.Body.ToMemory().Length} bytes) does not fit in a Service Bus batch even alone.";
        await runner.ParkAsync(body.RequestId, body.EventId, reason, cancellationToken);
        logger.LogError("Parked event {EventId} of {RequestId}: {Reason}", body.EventId, body.RequestId, reason);
        return $"Parked event {body.EventId} of {body.RequestId}: {reason}";
    }
}
