using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>While the clock is paused the cards say so instead of counting down to (or past) the target.</summary>
public class RequestCardsPausedClockTests
{
    private readonly FakeTimeProvider _clock = new(Start.AddHours(1));
    private readonly Cards.RequestCards _cards;

    public RequestCardsPausedClockTests() => _cards = new Cards.RequestCards(_clock);

    [Fact]
    public void TeamCard_WaitingForTheRequester_SaysPausedSinceWhen_NotOverdueOrAtRisk()
    {
        var r = InState(RequestState.AwaitingRequester);
        _clock.SetUtcNow(r.DueAt.AddDays(3));

        var message = _cards.TeamCard(r);
        var text = CardQuery.Text(message.Card);

        CardAssert.Valid(message);
        Assert.Contains($"Target clock paused since {CardQuery.Moment(r.PausedSince!.Value)}: waiting for {Requester.Name}'s answer.", text);
        Assert.Contains($"Paused since {CardQuery.Moment(r.PausedSince.Value)} (waiting for {Requester.Name}'s answer)", text);
        Assert.DoesNotContain("Overdue", text);
        Assert.DoesNotContain("At risk", text);
        Assert.DoesNotContain(CardQuery.Moment(r.DueAt), text);
    }

    [Fact]
    public void Details_AwaitingParts_TellTheRequesterTheTargetIsPaused()
    {
        var r = InState(RequestState.AwaitingParts);
        _clock.SetUtcNow(r.DueAt.AddDays(3));

        var text = CardQuery.Text(_cards.RequestDetail(r, Requester).Card);

        Assert.Contains($"Paused since {CardQuery.Moment(r.PausedSince!.Value)} (waiting for parts)", text);
        Assert.DoesNotContain("(overdue)", text);
        Assert.DoesNotContain("Past its target date", CardQuery.Text(_cards.RequestList([r], "Your requests", "None", Requester).Card));
    }

    [Fact]
    public void Details_QuestionAnswered_ShowTheMovedTargetAgain()
    {
        var r = InState(RequestState.AwaitingRequester);
        r.Answer(Requester, "Thunderbolt 4", r.PausedSince!.Value.AddHours(5));

        var message = _cards.RequestDetail(r, Requester);
        var text = CardQuery.Text(message.Card);

        Assert.Contains(CardQuery.Moment(r.DueAt), text);
        Assert.DoesNotContain("Paused since", text);
        Assert.Contains("Target clock resumed", text);
        Assert.DoesNotContain("paused since", CardQuery.Text(_cards.TeamCard(r).Card), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Details_WaitingForTheRequester_SpeakToThemAsYou()
    {
        var r = InState(RequestState.AwaitingRequester);

        Assert.Contains("(waiting for your answer)", CardQuery.Text(_cards.RequestDetail(r, Requester).Card));
        Assert.Contains($"(waiting for {Requester.Name}'s answer)", CardQuery.Text(_cards.RequestDetail(r, Agent).Card));
    }
}
