using ChatRequests.Testing;

namespace ChatRequests.Bot.Tests.AzurePath;

/// <summary>The shared Cosmos DB stand-in (ChatRequests.Testing), started once for the Cosmos test classes here.</summary>
public sealed class CosmosServerFixture : CosmosServer, IAsyncLifetime;

[CollectionDefinition(Name)]
public sealed class CosmosCollection : ICollectionFixture<CosmosServerFixture>
{
    public const string Name = "Cosmos DB server";
}
