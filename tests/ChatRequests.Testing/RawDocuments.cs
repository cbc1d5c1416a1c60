using System.Text.Json.Nodes;
using Microsoft.Azure.Cosmos;

namespace ChatRequests.Testing;

/// <summary>Documents read as raw JSON, system properties included: what the change feed delivers, not what a store maps.</summary>
public static class RawDocuments
{
    public static async Task<IReadOnlyList<JsonObject>> ReadAllAsync(Container container, CancellationToken cancellationToken = default)
    {
        var documents = new List<JsonObject>();
        using var iterator = container.GetItemQueryStreamIterator("SELECT * FROM c");
        while (iterator.HasMoreResults)
        {
            using var page = await iterator.ReadNextAsync(cancellationToken);
            page.EnsureSuccessStatusCode();
            var body = (await JsonNode.ParseAsync(page.Content, cancellationToken: cancellationToken))!.AsObject();
            documents.AddRange(body["Documents"]!.AsArray().Select(d => d!.AsObject()));
        }

        return documents;
    }
}
