using Azure.Core;
using ChatRequests.Azure.Graph;
using ChatRequests.Core.Organisation;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Graph.Models.ODataErrors;
using static ChatRequests.Testing.FakeGraphServer;

namespace ChatRequests.Azure.Tests.Graph;

/// <summary>What the Graph directory's people search asks Graph and how it treats the answers (the contract covers the matching).</summary>
public sealed class GraphPeopleSearchTests : IAsyncLifetime
{
    private const string Grace = "4f1c9a1e-0000-4000-8000-000000000010";
    private const string GraceLeft = "4f1c9a1e-0000-4000-8000-000000000011";
    private const string Siobhan = "4f1c9a1e-0000-4000-8000-000000000012";
    private const string Sam = "4f1c9a1e-0000-4000-8000-000000000013";

    private FakeGraphServer _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.RetryAfter = TimeSpan.Zero;
        _graph.Users[Grace] = new GraphUser(Grace, "Grace Liu", "grace@contoso.example", "IT", "Service owner", Sam);
        _graph.Users[GraceLeft] = new GraphUser(GraceLeft, "Grace Liu", "grace.old@contoso.example") { AccountEnabled = false };
        _graph.Users[Siobhan] = new GraphUser(Siobhan, "Siobhán O'Brien", "siobhan@contoso.example");
        _graph.Users[Sam] = new GraphUser(Sam, "Sam Security", "sam@contoso.example");
        _services = BuildServices(_graph.BaseUrl);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    private IDirectory Directory => _services.GetRequiredService<IDirectory>();

    [Fact]
    public async Task FindPeopleByName_AsksForEnabledAccountsByNamePrefixes_WithTheirManager_InOneDefaultQuery()
    {
        var found = await Directory.FindPeopleByNameAsync("g liu");

        Assert.Equal(new Person
        {
            Id = Grace, Name = "Grace Liu", Email = "grace@contoso.example", Department = "IT", JobTitle = "Service owner", ManagerId = Sam,
        }, Assert.Single(found));
        var query = Assert.Single(_graph.UserSearches);
        Assert.Contains(
            "$filter=accountEnabled eq true and (startswith(displayName,'g') or startswith(givenName,'g') or startswith(surname,'g'))" +
            " and (startswith(displayName,'liu') or startswith(givenName,'liu') or startswith(surname,'liu'))", query);
        Assert.Contains("$select=id,displayName,mail,department,jobTitle", query);
        Assert.Contains("$expand=manager($select=id)", query);
        Assert.Contains("$top=25", query);
        // A default query: advanced ones ($count with ConsistencyLevel: eventual) lag behind new starters and refuse $expand.
        Assert.DoesNotContain("$count", query);
        Assert.Single(_graph.Requests); // the manager came with the people
    }

    [Fact]
    public async Task FindPeopleByName_DisabledAccountWithTheSameName_IsNotFound()
    {
        var found = await Directory.FindPeopleByNameAsync("Grace Liu");

        Assert.Equal([Grace], found.Select(p => p.Id));
    }

    [Theory]
    [InlineData("o'brien", "startswith(surname,'o''brien')")]
    [InlineData("x') or accountEnabled eq false or startswith(mail,'", "startswith(displayName,'x'')')")]
    public async Task FindPeopleByName_QuotesInWhatWasTyped_AreDoubledInsideTheLiteral(string typed, string expectedClause)
    {
        await Directory.FindPeopleByNameAsync(typed);

        Assert.Contains(expectedClause, Assert.Single(_graph.UserSearches));
    }

    [Fact]
    public async Task FindPeopleByName_ManyWords_FiltersOnTheFirstFour_AndRanksOnAll()
    {
        var found = await Directory.FindPeopleByNameAsync("grace liu a b c");

        Assert.Empty(found);
        Assert.Equal(4, Assert.Single(_graph.UserSearches).Split("startswith(displayName,").Length - 1);
    }

    [Fact]
    public async Task FindPeopleByName_NothingButSpacesOrPunctuation_AsksGraphNothing()
    {
        Assert.Empty(await Directory.FindPeopleByNameAsync("  "));
        Assert.Empty(await Directory.FindPeopleByNameAsync("' -"));
        Assert.Empty(_graph.Requests);
    }

    [Fact]
    public async Task FindPeopleByName_ThrottledOnce_RetriesAndFinds()
    {
        _graph.Throttle(1);

        var found = await Directory.FindPeopleByNameAsync("grace");

        Assert.Equal([Grace], found.Select(p => p.Id));
        Assert.Equal(2, _graph.Requests.Count); // the throttled one, then the answered one
    }

    [Fact]
    public async Task FindPeopleByName_ThrottledPastTheRetryLimit_ThrowsDirectoryUnavailable()
    {
        _graph.Throttle(10);

        var error = await Assert.ThrowsAsync<GraphDirectoryUnavailableException>(() => Directory.FindPeopleByNameAsync("grace"));

        Assert.Contains("the people search", error.Message);
    }

    [Fact]
    public async Task FindPeopleByName_Refused_Throws_RatherThanSayingNobodyHasTheName()
    {
        // As with the other reads: a missing permission is a configuration fault to surface, not an empty answer.
        _graph.RefuseUserSearch = true;

        var error = await Assert.ThrowsAsync<ODataError>(() => Directory.FindPeopleByNameAsync("grace"));

        Assert.Equal(403, error.ResponseStatusCode);
    }

    private static ServiceProvider BuildServices(string graphBaseUrl)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:GraphBaseUrl"] = graphBaseUrl + "/v1.0",
            ["Directory:MaxRetries"] = "2",
        }).Build());
        services.AddLogging();
        services.AddSingleton<TokenCredential>(new StaticTokenCredential());
        services.AddGraphDirectory();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
