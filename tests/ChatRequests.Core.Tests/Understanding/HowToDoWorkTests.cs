using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// How to do a piece of one's work, asked ("how do I merge two records", "show me how to export the report", "the quickest
/// way to print a label"), names a system or thing the person has already (ADR 0096): a question, never a form. Asked how to
/// get, join or reach the same system, in the same frame, it is the item's form.
/// </summary>
public class HowToDoWorkTests
{
    // A public library service's catalog: access to the library system, a label printer, the loans report.
    private static readonly MiniCatalog Library = new(
        Item("lms", "Library system access", "Access", description: "An account on the library management system.", keywords: ["library system", "lms"]),
        Item("labels", "Spine label printer", keywords: ["label printer", "spine labels"]),
        Item("mobile", "Mobile library tablet", keywords: ["mobile library tablet"]));

    [Theory]
    [InlineData("how do i merge two borrower records in the library system")]
    [InlineData("show me how to export the overdue list from the lms")]
    [InlineData("whats the quickest way to print spine labels on the label printer")]
    [InlineData("how do you check a mobile library tablet back in at the end of the day")]
    public void HowToDoWorkWithTheItemsThing_IsNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Library.Read(text).Kind);
    }

    [Theory]
    [InlineData("how do i get access to the library system", "lms")]
    [InlineData("show me how to get onto the library system, i started today", "lms")]
    [InlineData("how do i order a label printer for the branch", "labels")]
    public void HowToGetTheItem_IsItsForm(string text, string item)
    {
        var meaning = Library.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("who is the lms administrator for the east branches")]
    [InlineData("when does the library system go down for the upgrade")]
    [InlineData("how many spine labels have we printed this month")]
    public void AQuestionForAFactNamingTheItemsThing_IsNoForm(string text)
    {
        Assert.NotEqual(MeaningKind.Item, Library.Read(text).Kind);
    }

    [Theory]
    [InlineData("who do i ask for access to the library system", "lms")]
    [InlineData("a label printer for the new branch please, who do i ask", "labels")]
    public void AskingWhoToAskForTheItem_IsItsForm(string text, string item)
    {
        var meaning = Library.Read(text);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Equal(item, meaning.Items[0].Item.Id);
    }
}
