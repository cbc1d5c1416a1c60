using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequests.Functions.Invocation;

/// <summary>
/// What the handler answers the Functions host: <c>{ "Outputs": { binding name: value }, "Logs": [...], "ReturnValue": ... }</c>
/// (learn.microsoft.com/azure/azure-functions/functions-custom-handlers, "Response payload"). The host reads the
/// outputs only from a success status; any other status fails the invocation (azure-functions-host,
/// DefaultHttpWorkerService: EnsureSuccessStatusCode), which for a Service Bus trigger means the message is abandoned,
/// delivered again and dead-lettered after the queue's max delivery count.
/// </summary>
public sealed record InvocationResult
{
    [JsonPropertyName("Outputs")]
    public Dictionary<string, object?> Outputs { get; init; } = [];

    /// <summary>Lines the host writes to the invocation log (Application Insights in Azure). No payloads, no free text.</summary>
    [JsonPropertyName("Logs")]
    public List<string> Logs { get; init; } = [];

    [JsonPropertyName("ReturnValue")]
    public object? ReturnValue { get; init; }

    /// <summary>PascalCase keys exactly as documented; binding names are kept as written in function.json.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        DictionaryKeyPolicy = null,
    };

    public IResult ToHttpResult(int statusCode = StatusCodes.Status200OK) => Results.Json(this, JsonOptions, statusCode: statusCode);
}
