using ChatRequests.Core.Understanding;
using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

public class AvailabilityWordsTests
{
    private static readonly MiniCatalog Catalog = new(
        Item("monitor", "4K monitor", keywords: ["monitor", "4k monitor"]),
        Item("laptop", "Laptop", keywords: ["laptop"]),
        Item("vacation", "Holiday request", "HR", keywords: ["holiday", "vacation", "leave"]));

    [Theory]
    [InlineData("unavailable")]
    [InlineData("I'm off today")]
    [InlineData("I’m off today.")]
    [InlineData("im off")]
    [InlineData("not available")]
    [InlineData("I am unavailable for the rest of the day")]
    [InlineData("out of office")]
    [InlineData("set me unavailable")]
    [InlineData("mark me as away")]
    [InlineData("off sick today")]
    [InlineData("no new assignments for me today")]
    public void UnavailablePhrasings_AreTheAvailabilityCommand(string text)
    {
        var meaning = Catalog.Read(text);

        Assert.Equal((MeaningKind.Command, ChatCommand.Availability, false), (meaning.Kind, meaning.Command, meaning.Available));
    }

    [Theory]
    [InlineData("away until Monday", "Monday")]
    [InlineData("unavailable until 2026-12-10", "2026-12-10")]
    [InlineData("I'm out of office till 10 December.", "10 December")]
    [InlineData("off until tomorrow", "tomorrow")]
    [InlineData("unavailable", null)]
    [InlineData("I'm off today", null)]
    public void Unavailable_UntilADay_CarriesTheDayAsTyped(string text, string? until)
    {
        var meaning = Catalog.Read(text);

        Assert.Equal((ChatCommand.Availability, false, until), (meaning.Command, meaning.Available, meaning.UnavailableUntil));
    }

    [Theory]
    [InlineData("available")]
    [InlineData("back at work")]
    [InlineData("I'm back")]
    [InlineData("available again!")]
    [InlineData("mark me available")]
    [InlineData("back in the office")]
    public void AvailablePhrasings_AreTheAvailabilityCommand(string text)
    {
        var meaning = Catalog.Read(text);

        Assert.Equal((MeaningKind.Command, ChatCommand.Availability, true), (meaning.Kind, meaning.Command, meaning.Available));
    }

    [Theory]
    [InlineData("is the 4k monitor available")]
    [InlineData("I'm off today, please send the laptop to Berlin")]
    [InlineData("I need a new laptop")]
    [InlineData("request vacation leave")]
    [InlineData("what is available")]
    [InlineData("I'm away until my laptop is fixed")]
    public void WordsThatMerelyContainThem_AreNotTheCommand(string text)
    {
        Assert.NotEqual(ChatCommand.Availability, Catalog.Read(text).Command);
    }
}
