using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Routing;

namespace ChatRequests.Core.Tests;

public class TeamRouterTests
{
    private static readonly IReadOnlyList<Team> Teams = SampleData.Organisation.Teams;

    [Theory]
    [InlineData("laptop-standard", "Hardware Service")]
    [InlineData("headset", "Hardware Service")]
    [InlineData("software-licence", "Software & Licensing")]
    [InlineData("shared-folder-access", "Identity & Access")]
    [InlineData("password-reset", "Identity & Access")]
    public void Route_GoesToTheTeamOwningTheCategory(string itemId, string teamName)
    {
        var team = TeamRouter.Route(SampleData.Item(itemId), Teams);

        Assert.Equal(teamName, team.Name);
    }

    [Fact]
    public void Route_MatchesTheCategoryIgnoringCase()
    {
        var team = TeamRouter.Route(Item("hARDware"), Teams);

        Assert.Equal("team-hardware", team.Id);
    }

    [Fact]
    public void Route_PrefersTheItemsOwnerTeamOverTheCategory()
    {
        var team = TeamRouter.Route(Item("Hardware") with { OwnerTeamId = "team-identity" }, Teams);

        Assert.Equal("team-identity", team.Id);
    }

    [Fact]
    public void Route_WithAnUnknownOwnerTeam_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TeamRouter.Route(Item("Hardware") with { OwnerTeamId = "team-gone" }, Teams));

        Assert.Contains("team-gone", error.Message);
    }

    [Fact]
    public void Route_WithACategoryNoTeamOwns_ThrowsNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TeamRouter.Route(Item("Facilities"), Teams));

        Assert.Contains("'Facilities'", error.Message);
    }

    private static CatalogItem Item(string category) => new() { Id = "item", Name = "Item", Category = category };
}
