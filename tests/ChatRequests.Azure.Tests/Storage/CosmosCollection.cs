using ChatRequests.Testing;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>The Cosmos test classes here share one <see cref="CosmosServer"/>.</summary>
[CollectionDefinition(CosmosServer.Collection)]
public sealed class CosmosCollection : ICollectionFixture<CosmosServer>;
