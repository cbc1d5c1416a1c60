using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Azure.Storage;

/// <summary>What a document of the requests container is, as the Cosmos DB change feed delivers it.</summary>
public enum ChangedDocumentKind
{
    /// <summary>A request document: <see cref="ChangedDocument.Request"/> holds the request it stores.</summary>
    Request,

    /// <summary>One of the store's own bookkeeping documents (a submission-key claim, the request-number counter).</summary>
    Bookkeeping,

    /// <summary>Not a document this store writes, or a request document that cannot be read.</summary>
    Unknown,
}

/// <param name="Type">The document's <c>type</c> property, when it has one.</param>
public sealed record ChangedDocument(ChangedDocumentKind Kind, string? Id, string? Type, ServiceRequest? Request);

/// <summary>
/// Reads the documents of the requests container the way <see cref="CosmosRequestStore"/> writes them (the request
/// nested under <c>request</c>, beside its <c>type</c> and query properties), for a reader of the change feed.
/// </summary>
public static class RequestsChangeFeed
{
    public static ChangedDocument Read(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object)
        {
            return new ChangedDocument(ChangedDocumentKind.Unknown, null, null, null);
        }

        var id = Text(document, "id");
        var type = Text(document, "type");
        switch (type)
        {
            case RequestDocument.Kind:
                var request = ReadRequest(document);
                return new ChangedDocument(request is null ? ChangedDocumentKind.Unknown : ChangedDocumentKind.Request, id, type, request);
            case SubmissionClaim.Kind:
            case CounterDocument.Kind:
            case MarkDocument.Kind:
                return new ChangedDocument(ChangedDocumentKind.Bookkeeping, id, type, null);
            default:
                return new ChangedDocument(ChangedDocumentKind.Unknown, id, type, null);
        }
    }

    private static ServiceRequest? ReadRequest(JsonElement document)
    {
        try
        {
            var request = document.Deserialize<RequestDocument>(RequestJson.Options)?.ToRequest();
            return request is { Id.Length: > 0, Requester: not null } ? request : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException or NotSupportedException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement document, string property) =>
        document.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
