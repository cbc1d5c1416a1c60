using System.Text.Json;
using ChatRequests.Azure.Storage;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.Relay;

/// <summary>
/// RelayOutbox: the Cosmos DB change feed delivers the changed documents of the requests container as the Cosmos store
/// writes them (<see cref="RequestsChangeFeed"/>: the request nested under <c>request</c>); every pending (not parked)
/// outbox event of a request document becomes one message on the fulfilment queue through the Service Bus output
/// binding. The store's bookkeeping documents (submission claims, the number counter) change too and are passed over.
/// A document changes again when an event completes, so a still-pending event is relayed more than once: the step is
/// idempotent.
/// </summary>
public sealed class RelayOutboxFunction(ILogger<RelayOutboxFunction> logger)
{
    public const string Name = "RelayOutbox";

    /// <summary>The trigger binding's name in RelayOutbox/function.json.</summary>
    public const string DocumentsBinding = "documents";

    /// <summary>The Service Bus output binding's name in RelayOutbox/function.json.</summary>
    public const string MessagesBinding = "fulfilmentMessages";

    public IResult Invoke(InvocationRequest invocation)
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
                        .Select(e => new FulfilmentMessage(request.Id, e.Id, e.Type.ToString())));
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

        logger.LogInformation("Relayed {MessageCount} outbox events from {RequestCount} changed requests ({DocumentCount} changed documents)",
            messages.Count, requests, documents.GetArrayLength());
        logs.Add($"Relayed {messages.Count} outbox events from {requests} changed requests ({documents.GetArrayLength()} changed documents).");
        return new InvocationResult
        {
            // An array fans out into one message per element (azure-functions-host, FunctionBinding.ReadAsEnumerable).
            Outputs = { [MessagesBinding] = messages.Select(m => JsonSerializer.SerializeToElement(m, RequestJson.Options)).ToList() },
            Logs = logs,
            ReturnValue = messages.Count,
        }.ToHttpResult();
    }
}
