using ChatRequests.Cards.Actions;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Privacy;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

public class RequestCardsPrivacyTests
{
    private static readonly PersonRef Megan = new("u-megan", "Megan **Bowen**");

    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    [Theory]
    [InlineData(false, "export")]
    [InlineData(true, "erase")]
    public void PrivacyChoice_ListsThePeopleAsText_WithAPickCarryingOnlyTheirIdAndWhatFor(bool erase, string kind)
    {
        var people = new[] { new Person { Id = "u-1", Name = "Megan **Bowen**", Department = "Sales" }, new Person { Id = "u-2", Name = "Megan Bowen" } };

        var message = _cards.PrivacyChoice(people, erase);

        CardAssert.Valid(message);
        Assert.Contains("Megan **Bowen**", CardQuery.Text(message.Card));
        Assert.Equal(
            [$$"""{"personId":"u-1","kind":"{{kind}}"}""", $$"""{"personId":"u-2","kind":"{{kind}}"}"""],
            CardQuery.Executes(message.Card).Select(a => a["data"]!.ToJsonString()));
        Assert.Equal(new PrivacyPickData("u-2", erase), CardActionData.Parse(CardVerbs.PrivacyPick, CardQuery.Executes(message.Card).Last()["data"]!.AsObject()));
    }

    [Fact]
    public void APickForSomethingElse_IsBadData()
    {
        Assert.Throws<InvalidCardDataException>(() => CardActionData.Parse(
            CardVerbs.PrivacyPick, new System.Text.Json.Nodes.JsonObject { ["personId"] = "u-1", ["kind"] = "delete" }));
    }

    [Fact]
    public void EraseConfirmation_NamesThePersonAsText_AndItsButtonCarriesOnlyTheirId()
    {
        var message = _cards.EraseConfirmation(Megan, null);

        CardAssert.Valid(message);
        Assert.Contains("Erase the data of Megan **Bowen**?", CardQuery.Text(message.Card));
        Assert.Equal(new EraseConfirmData("u-megan"), CardActionData.Parse(CardVerbs.PrivacyErase, CardQuery.Executes(message.Card).Single()["data"]!.AsObject()));
    }

    [Fact]
    public void Erased_SaysWhatWasAnonymised_AndListsTheOpenRequestsLeft_OrThatNothingWasLeft()
    {
        var done = CardQuery.Text(_cards.Erased(Megan, new ErasureResult(["REQ-000001"], ["REQ-000002"], true, false)).Card);
        var nothing = CardQuery.Text(_cards.Erased(Megan, new ErasureResult([], [], false, false)).Card);

        Assert.Contains("Anonymised 1 request (REQ-000001). Removed their approval delegation.", done);
        Assert.Contains("still open: REQ-000002", done);
        Assert.Contains("Nothing more to erase for Megan **Bowen**", nothing);
    }
}
