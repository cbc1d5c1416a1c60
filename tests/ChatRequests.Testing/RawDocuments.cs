using System.Text.Json.Nodes;
using ChatRequests.Azure.Storage;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChatRequests.Testing;

/// <summary>Documents read as raw JSON, system properties included: what the change feed delivers, not what a store maps.</summary>
public static class RawDocuments
{
    /// <summary>The requests container of a host running on the Cosmos DB store, through the host's own client.</summary>
    public static Container RequestsContainer(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<CosmosOptions>>().Value;
        return services.GetRequiredService<CosmosClient>().GetContainer(options.Database, options.RequestsContainer);
    }

    public static async Task<JsonObject> ReadAsync(Container container, string id, CancellationToken cancellationToken = default)
    {
        using var response = await container.ReadItemStreamAsync(id, new PartitionKey(id), cancellationToken: cancellationToken);
        response.EnsureSuccessStatusCode();
        return (await JsonNode.ParseAsync(response.Content, cancellationToken: cancellationToken))!.AsObject();
    }

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
