using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// "check if I can have the system" asks for the system itself, not a task done in it (ADR 0099); "check the dock schedule
/// in the system" or "book a dock slot" is still work in the system, no form for its access (ADR 0064).
/// </summary>
public class AskedWhetherAllowedTests
{
    // A shipyard's catalog, none of the evaluation's.
    private static readonly MiniCatalog Shipyard = new(
        Item("dock-planner", "Dry dock planner access", "Access", description: "Access to the dry dock planning system.", keywords: ["dock planner", "dry dock planner"]),
        Item("laptop", "Standard laptop", keywords: ["laptop", "notebook"]));

    [Theory]
    [InlineData("check if I can have the dry dock planner, I schedule the hull repairs")]
    [InlineData("check whether we could get the dock planner for the night shift")]
    public void AskedWhetherTheSystemMayBeHad_IsItsForm(string text)
    {
        var meaning = Shipyard.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal("dock-planner", meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("book a slot for the tanker in the dry dock planner")]
    [InlineData("check the dry dock planner for tomorrow's slots")]
    public void TaskOrderedInTheSystem_IsNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Shipyard.Read(text).Kind);
    }
}
