using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Messaging.ServiceBus;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Relay;

namespace ChatRequests.Testing;

/// <summary>
/// The invocation payloads the Functions host posts to a custom handler: <c>{ "Data": {...}, "Metadata": {...} }</c>
/// (learn.microsoft.com/azure/azure-functions/functions-custom-handlers, "Request payload"). Binding values are encoded
/// as the host encodes them (azure-functions-host, ScriptInvocationContextExtensions.GetHttpScriptInvocationContextValue):
/// an object as JSON, anything else (a list of documents, a message body string) serialised to a JSON string.
/// </summary>
public static class HostPayloads
{
    /// <summary>RelayOutbox: the Cosmos DB trigger's changed documents, as the host's JSON string of the list.</summary>
    public static JsonObject ChangedDocuments(params JsonObject[] documents) => new()
    {
        ["Data"] = new JsonObject { [RelayOutboxFunction.DocumentsBinding] = new JsonArray([.. documents.Select(d => d.DeepClone())]).ToJsonString() },
        ["Metadata"] = new JsonObject { ["sys"] = Sys(RelayOutboxFunction.Name) },
    };

    /// <summary>RelayOutbox with the documents as a plain JSON array (accepted too).</summary>
    public static JsonObject ChangedDocumentsAsArray(params JsonObject[] documents) => new()
    {
        ["Data"] = new JsonObject { [RelayOutboxFunction.DocumentsBinding] = new JsonArray([.. documents.Select(d => d.DeepClone())]) },
        ["Metadata"] = new JsonObject { ["sys"] = Sys(RelayOutboxFunction.Name) },
    };

    /// <summary>RunFulfilmentStep: a fulfilment queue message whose body is what RelayOutbox emitted.</summary>
    public static JsonObject QueueMessage(JsonNode relayed, string messageId, int deliveryCount = 1) =>
        QueueMessageWithBody(relayed.ToJsonString(), messageId, deliveryCount);

    /// <summary>
    /// RunFulfilmentStep: a message the sender double recorded (sent or scheduled), delivered as the host delivers it:
    /// its MessageId, and its application properties in the trigger metadata's <c>ApplicationProperties</c>.
    /// </summary>
    public static JsonObject QueueMessage(ServiceBusMessage message, int deliveryCount = 1)
    {
        var payload = QueueMessageWithBody(message.Body.ToString(), message.MessageId, deliveryCount);
        payload["Metadata"]!["ApplicationProperties"] = JsonSerializer.SerializeToNode(message.ApplicationProperties);
        return payload;
    }

    /// <summary>The body of a recorded message, as JSON.</summary>
    public static JsonObject BodyOf(ServiceBusMessage message) => JsonNode.Parse(message.Body.ToString())!.AsObject();

    public static JsonObject QueueMessage(string requestId, string eventId, string eventType, int deliveryCount = 1) =>
        QueueMessage(JsonSerializer.SerializeToNode(new FulfilmentMessage(requestId, eventId, eventType), RequestJson.Options)!, Guid.NewGuid().ToString("N"), deliveryCount);

    /// <summary>A Service Bus message with this body text: the host passes the string JSON-serialised once more.</summary>
    public static JsonObject QueueMessageWithBody(string body, string messageId, int deliveryCount = 1) => new()
    {
        ["Data"] = new JsonObject { ["message"] = JsonSerializer.Serialize(body) },
        ["Metadata"] = new JsonObject
        {
            ["MessageId"] = messageId,
            ["DeliveryCount"] = deliveryCount,
            ["EnqueuedTimeUtc"] = DateTimeOffset.UtcNow.ToString("o"),
            ["sys"] = Sys("RunFulfilmentStep"),
        },
    };

    /// <summary>SweepSlas: the timer trigger's TimerInfo object.</summary>
    public static JsonObject TimerTick() => new()
    {
        ["Data"] = new JsonObject
        {
            ["timer"] = new JsonObject
            {
                ["Schedule"] = new JsonObject { ["AdjustForDST"] = true },
                ["ScheduleStatus"] = new JsonObject
                {
                    ["Last"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("o"),
                    ["Next"] = DateTimeOffset.UtcNow.AddMinutes(5).ToString("o"),
                    ["LastUpdated"] = DateTimeOffset.UtcNow.ToString("o"),
                },
                ["IsPastDue"] = false,
            },
        },
        ["Metadata"] = new JsonObject { ["sys"] = Sys("SweepSlas") },
    };

    private static JsonObject Sys(string methodName) => new()
    {
        ["MethodName"] = methodName,
        ["UtcNow"] = DateTimeOffset.UtcNow.ToString("o"),
        ["RandGuid"] = Guid.NewGuid().ToString(),
    };
}
