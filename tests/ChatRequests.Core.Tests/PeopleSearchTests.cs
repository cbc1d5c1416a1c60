using ChatRequests.Core.Organisation;

namespace ChatRequests.Core.Tests;

public sealed class PeopleSearchTests
{
    private static Person P(string id, string name) => new() { Id = id, Name = name };

    [Theory]
    [InlineData("tomas ortega")]
    [InlineData("Tomás")]
    [InlineData("ORTÉGA t")]
    public void Rank_IgnoresCaseAndAccents(string typed)
    {
        Assert.Equal(["t"], PeopleSearch.Rank([P("t", "Tomás Ortega"), P("r", "Rita Requester")], typed).Select(p => p.Id));
    }

    [Fact]
    public void Rank_SomeoneWithTheWholeName_ComesAlone()
    {
        var found = PeopleSearch.Rank([P("z", "Grace Liuzzi"), P("g", "Grace Liu")], "grace liu");

        Assert.Equal(["g"], found.Select(p => p.Id));
    }

    [Fact]
    public void Rank_NobodyWithTheWholeName_WordPrefixesByName()
    {
        var found = PeopleSearch.Rank([P("z", "Grace Liuzzi"), P("g", "Grace Liu"), P("r", "Rita Requester")], "g liu");

        Assert.Equal(["g", "z"], found.Select(p => p.Id));
    }

    [Fact]
    public void Rank_HyphenatedName_IsFoundByEitherPart()
    {
        Assert.Single(PeopleSearch.Rank([P("j", "Jean-Luc Picard")], "luc"));
    }

    [Fact]
    public void Rank_ManyMatches_ReturnsAtMostTen()
    {
        var people = Enumerable.Range(0, 15).Select(i => P($"p{i:00}", $"Sam Person{i:00}"));

        var found = PeopleSearch.Rank(people, "sam");

        Assert.Equal(PeopleSearch.MaxResults, found.Count);
        Assert.Equal("p00", found[0].Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" - ")]
    public void Rank_NoWords_FindsNobody(string typed)
    {
        Assert.Empty(PeopleSearch.Rank([P("r", "Rita Requester")], typed));
    }
}
