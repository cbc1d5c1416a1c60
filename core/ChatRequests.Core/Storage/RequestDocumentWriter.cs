using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Storage;

/// <summary>
/// Writes a request document (and its reporting facts) with the serializer's source-generated fast path: the same bytes as
/// <see cref="RequestJson.Options"/> writes (web defaults, enums as names; <c>StoredDocumentTests</c> holds them to it),
/// without the reflection-built metadata's per-property dispatch. Reading stays with <see cref="RequestJson.Options"/>.
/// </summary>
public static class RequestDocumentWriter
{
    /// <summary>The request's document as UTF-8 bytes, as <see cref="RequestJson.Options"/> would write it.</summary>
    public static byte[] ToUtf8Bytes(ServiceRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, RequestDocumentContext.Default.ServiceRequest);

    /// <summary>
    /// The request's document as a <see cref="JsonElement"/> (the Cosmos DB adapter's <c>request</c> member), holding the
    /// bytes <see cref="ToUtf8Bytes(ServiceRequest)"/> writes.
    /// </summary>
    public static JsonElement ToElement(ServiceRequest request) =>
        JsonSerializer.SerializeToElement(request, RequestDocumentContext.Default.ServiceRequest);

    /// <summary>The request's reporting facts (the projection written with each save) as UTF-8 bytes, as <see cref="RequestJson.Options"/> would write them.</summary>
    public static byte[] ToUtf8Bytes(RequestFacts facts) =>
        JsonSerializer.SerializeToUtf8Bytes(facts, RequestDocumentContext.Default.RequestFacts);
}

/// <summary>The generated writer of <see cref="RequestDocumentWriter"/> (serialization only).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, GenerationMode = JsonSourceGenerationMode.Serialization)]
[JsonSerializable(typeof(ServiceRequest))]
[JsonSerializable(typeof(RequestFacts))]
internal sealed partial class RequestDocumentContext : JsonSerializerContext;
