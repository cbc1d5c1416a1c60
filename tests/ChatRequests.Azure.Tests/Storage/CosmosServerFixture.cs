using ChatRequests.Testing;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>The shared Cosmos DB stand-in (ChatRequests.Testing), started once for all Cosmos test classes.</summary>
public sealed class CosmosServerFixture : CosmosServer, IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class CosmosCollection : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "Cosmos DB server";
}
