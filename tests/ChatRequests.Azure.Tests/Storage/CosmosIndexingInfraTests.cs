using System.Text.RegularExpressions;
using ChatRequests.Azure.Storage;
using ChatRequests.Testing;

namespace ChatRequests.Azure.Tests.Storage;

/// <summary>
/// The requests container's indexing is declared twice: by the store (which creates the container in tests and
/// local runs) and by infra/modules/cosmos.bicep (which creates it on Azure, where the store does not change an
/// existing container). A query whose composite index is missing on Azure fails there only, so the two must agree.
/// </summary>
public sealed partial class CosmosIndexingInfraTests
{
    private static readonly string Bicep = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "infra", "modules", "cosmos.bicep"));

    [Fact]
    public void InfraCompositeIndexes_AreExactlyTheOnesTheStoreDeclares()
    {
        var store = CosmosContainers.RequestsProperties("requests").IndexingPolicy.CompositeIndexes
            .Select(index => string.Join(", ", index.Select(p => $"{p.Path} {p.Order.ToString().ToLowerInvariant()}")))
            .Order()
            .ToList();

        var block = Bicep[Bicep.IndexOf("compositeIndexes:", StringComparison.Ordinal)..];
        block = block[..block.IndexOf("\n  ]", StringComparison.Ordinal)];
        var infra = block.Split('\n')
            .Select(line => CompositePath().Matches(line))
            .Where(matches => matches.Count > 0)
            .Select(matches => string.Join(", ", matches.Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}")))
            .Order()
            .ToList();

        Assert.NotEmpty(store);
        Assert.Equal(store, infra);
    }

    [Fact]
    public void InfraExcludesTheRequestBodyFromIndexing_AsTheStoreDoes()
    {
        var excluded = CosmosContainers.RequestsProperties("requests").IndexingPolicy.ExcludedPaths.Select(p => p.Path);

        foreach (var path in excluded)
        {
            Assert.Contains($"{{ path: '{path}' }}", Bicep, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"path: '(/[^']+)', order: '(\w+)'")]
    private static partial Regex CompositePath();
}
