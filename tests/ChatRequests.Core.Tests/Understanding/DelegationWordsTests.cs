using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

public class DelegationWordsTests
{
    // Saturday 5 December 2026.
    private static readonly DateOnly Today = new(2026, 12, 5);

    private static readonly MiniCatalog Catalog = new(
        Item("mailbox", "Shared mailbox access", "Access", keywords: ["shared mailbox", "delegate access", "mailbox"]),
        Item("laptop", "Laptop", keywords: ["laptop"]));

    [Theory]
    [InlineData("delegate approvals to Grace Liu until 2026-12-31", "Grace Liu", "2026-12-31")]
    [InlineData("delegate my approvals to grace until friday", "grace", "friday")]
    [InlineData("while I'm away send my approvals to Grace Liu till 31 Dec", "Grace Liu", "31 Dec")]
    [InlineData("Grace approves for me until the 3rd", "Grace", "the 3rd")]
    [InlineData("Delegate approvals to Grace Liu.", "Grace Liu", null)]
    [InlineData("please pass my approvals to Tomás Ortega through December 24th", "Tomás Ortega", "December 24th")]
    [InlineData("let Grace Liu approve for me until tomorrow", "Grace Liu", "tomorrow")]
    public void SetPhrasings_NameTheDelegateAndTheDay(string text, string name, string? until)
    {
        var meaning = Catalog.Read(text);

        Assert.Equal(ChatCommand.Delegation, meaning.Command);
        Assert.Equal(new DelegationAsk(DelegationAction.Set, name, until), meaning.Delegation);
    }

    [Theory]
    [InlineData("delegation off")]
    [InlineData("stop delegating")]
    [InlineData("Turn off my delegation")]
    [InlineData("cancel delegation")]
    public void OffPhrasings_EndIt(string text) =>
        Assert.Equal(DelegationAction.Off, Catalog.Read(text).Delegation?.Action);

    [Theory]
    [InlineData("delegation")]
    [InlineData("who approves for me?")]
    [InlineData("my delegation")]
    [InlineData("who is my delegate")]
    public void ShowPhrasings_ShowIt(string text) =>
        Assert.Equal(DelegationAction.Show, Catalog.Read(text).Delegation?.Action);

    [Theory]
    [InlineData("I need delegate access to the finance shared mailbox")]
    [InlineData("delegate access to a mailbox for Grace")]
    [InlineData("my laptop approval is taking ages")]
    [InlineData("send the laptop to Grace")]
    public void WordsThatAreNotAboutApproving_AreNotADelegation(string text) =>
        Assert.Null(Catalog.Read(text).Delegation);

    [Theory]
    [InlineData("2026-12-31", "2026-12-31")]
    [InlineData("31 Dec", "2026-12-31")]
    [InlineData("December 31st 2026", "2026-12-31")]
    [InlineData("the 3rd", "2027-01-03")]
    [InlineData("the 5th", "2026-12-05")]
    [InlineData("friday", "2026-12-11")]
    [InlineData("Saturday", "2026-12-05")]
    [InlineData("tomorrow", "2026-12-06")]
    [InlineData("3 Jan", "2027-01-03")]
    [InlineData("1 December", "2027-12-01")]
    [InlineData("end of the month", "2026-12-31")]
    public void Dates_AreTheNextSuchDay(string text, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DelegationDates.Read(text, Today));

    [Theory]
    [InlineData("soon")]
    [InlineData("31 Foo")]
    [InlineData("2026-02-30")]
    [InlineData("the 32nd")]
    public void NotADate_ReadsAsNone(string text) => Assert.Null(DelegationDates.Read(text, Today));
}
