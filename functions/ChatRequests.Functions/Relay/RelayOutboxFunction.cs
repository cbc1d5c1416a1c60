using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Invocation;

namespace ChatRequests.Functions.Relay;

/// <summary>
/// RelayOutbox: the Cosmos DB change feed delivers changed request documents; every pending (not parked) outbox
/// event becomes one message on the fulfilment queue through the Service Bus output binding. A document changes
/// again when an event completes, so a still-pending event is relayed more than once: the step is idempotent.
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
        foreach (var document in documents.EnumerateArray())
        {
            if (Read(document) is not { } request)
            {
                // A document that is not a request can never be relayed; say so rather than drop it silently.
                logger.LogError("RelayOutbox skipped a changed document that is not a service request");
                logs.Add("Skipped a changed document that is not a service request.");
                continue;
            }

            foreach (var e in request.Outbox.Where(e => !e.IsParked))
            {
                messages.Add(new FulfilmentMessage(request.Id, e.Id, e.Type.ToString()));
            }
        }

        logger.LogInformation("Relayed {MessageCount} outbox events from {DocumentCount} changed requests",
            messages.Count, documents.GetArrayLength());
        logs.Add($"Relayed {messages.Count} outbox events from {documents.GetArrayLength()} changed requests.");
        return new InvocationResult
        {
            // An array fans out into one message per element (azure-functions-host, FunctionBinding.ReadAsEnumerable).
            Outputs = { [MessagesBinding] = messages.Select(m => JsonSerializer.SerializeToElement(m, RequestJson.Options)).ToList() },
            Logs = logs,
            ReturnValue = messages.Count,
        }.ToHttpResult();
    }

    private static ServiceRequest? Read(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        try
        {
            var request = document.Deserialize<ServiceRequest>(RequestJson.Options);
            // Other documents of the container (and junk) deserialise too, without a requester.
            return request is { Id.Length: > 0, Requester: not null } ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
