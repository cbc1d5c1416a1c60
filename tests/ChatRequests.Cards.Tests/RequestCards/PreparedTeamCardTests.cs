using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>
/// The channel card prepared from its inputs (<see cref="PreparedCard"/>): built, it is the card bound as before with
/// its refresh as the last property; its fingerprint is the same for the same inputs and differs when any input does.
/// </summary>
public class PreparedTeamCardTests
{
    private static readonly CardRefresh TeamOfThree = CardRefresh.ForGroup(3, ["29:a", "29:b"]);

    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start.AddHours(1)));

    [Theory]
    [InlineData(RequestState.Approved)]
    [InlineData(RequestState.InProgress)]
    [InlineData(RequestState.Fulfilled)]
    [InlineData(RequestState.Closed)]
    public void Built_IsTheBoundChannelCard_WithTheRefreshAddedLast_WhileTheRequestIsOpen(RequestState state)
    {
        var r = InState(state);

        var built = _cards.PrepareTeamCard(r, [Agent], TeamOfThree).Build();
        var bound = _cards.TeamCard(r, [Agent]);

        var card = built.Card.DeepClone().AsObject();
        if (state.IsOpen())
        {
            Assert.Equal("refresh", card.Last().Key);
            card.Remove("refresh");
        }
        else
        {
            Assert.Null(card["refresh"]);
        }

        Assert.Equal(bound.Card.ToJsonString(), card.ToJsonString());
        Assert.Equal(bound.FallbackText, built.FallbackText);
    }

    [Fact]
    public void Build_TwiceOrFromTheSameInputsAgain_GivesEqualCards_EachItsOwnObject()
    {
        var prepared = _cards.PrepareTeamCard(InState(RequestState.InProgress), [Agent], TeamOfThree);
        var again = _cards.PrepareTeamCard(InState(RequestState.InProgress), [Agent], TeamOfThree);

        var first = prepared.Build();
        var second = prepared.Build();

        Assert.NotSame(first.Card, second.Card);
        Assert.Equal(first.Card.ToJsonString(), second.Card.ToJsonString());
        Assert.Equal(first.Card.ToJsonString(), again.Build().Card.ToJsonString());
        Assert.Equal(prepared.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public void Fingerprint_DiffersWhenTheRequestTheTeamOrTheRefreshDiffers()
    {
        var fingerprint = _cards.PrepareTeamCard(InState(RequestState.InProgress), [Agent], TeamOfThree).Fingerprint;

        Assert.NotNull(fingerprint);
        Assert.NotEqual(fingerprint, _cards.PrepareTeamCard(InState(RequestState.Fulfilled), [Agent], TeamOfThree).Fingerprint);
        Assert.NotEqual(fingerprint, _cards.PrepareTeamCard(InState(RequestState.InProgress), [Agent, Manager], TeamOfThree).Fingerprint);
        Assert.NotEqual(fingerprint, _cards.PrepareTeamCard(InState(RequestState.InProgress), [Agent], CardRefresh.ForGroup(3, ["29:a"])).Fingerprint);
        Assert.NotEqual(fingerprint, _cards.PrepareTeamCard(InState(RequestState.InProgress, "REQ-000044"), [Agent], TeamOfThree).Fingerprint);
    }

    [Fact]
    public void ACardAlreadyBound_HasNoFingerprint_AndIsSentAsItIs()
    {
        var bound = _cards.TeamCard(InState(RequestState.Approved), [Agent]);

        var prepared = PreparedCard.Of(bound);

        Assert.Null(prepared.Fingerprint);
        Assert.Same(bound, prepared.Build());
    }
}
