using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>The daily digest's lists are bounded like every list on a card (ADR 0031): a page, how many in all, where the rest are.</summary>
public class RequestCardsDigestTests
{
    private static readonly DateOnly Day = new(2026, 3, 3);

    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start));

    [Fact]
    public void Digest_ManyOverdue_ShowsTheTwentyMostOverdueAndSaysHowManyAndWhereTheRestAre()
    {
        var overdue = Assigned(1, 137);
        var dueToday = Assigned(501, 3);

        var message = _cards.Digest(Agent, Day, new AgentDigest(overdue, dueToday, TimeZoneInfo.Utc));

        CardAssert.Valid(message);
        var opened = CardQuery.Executes(message.Card, CardVerbs.RequestsShow).Select(a => a["data"]!["requestId"]!.GetValue<string>()).ToList();
        Assert.Equal([.. overdue.Take(20).Select(r => r.Id), .. dueToday.Select(r => r.Id)], opened);
        var text = CardQuery.Text(message.Card);
        Assert.Contains($"Showing the 20 most overdue of 137. {Cards.RequestCards.SeeTheQueue}", text);
        Assert.DoesNotContain("soonest due", text); // three due today: the whole list, no note
        Assert.Contains("137 overdue, 3 due today", message.FallbackText);
    }

    [Fact]
    public void Digest_ManyDueToday_BoundsThatListToo()
    {
        var message = _cards.Digest(Agent, Day, new AgentDigest([], Assigned(1, 21), TimeZoneInfo.Utc));

        CardAssert.Valid(message);
        Assert.Equal(20, CardQuery.Executes(message.Card, CardVerbs.AgentOpen).Count());
        var text = CardQuery.Text(message.Card);
        Assert.Contains("Showing the 20 soonest due of 21.", text);
        Assert.DoesNotContain("Overdue", text);
    }

    [Fact]
    public void Digest_TwentyOverdue_IsTheWholeListWithoutANote()
    {
        var message = _cards.Digest(Agent, Day, new AgentDigest(Assigned(1, 20), [], TimeZoneInfo.Utc));

        CardAssert.Valid(message);
        Assert.Equal(20, CardQuery.Executes(message.Card, CardVerbs.RequestsShow).Count());
        Assert.DoesNotContain("Showing", CardQuery.Text(message.Card));
    }

    /// <summary>Requests assigned to <see cref="Agent"/>, in the digest's order (most overdue or soonest due first).</summary>
    private static List<ServiceRequest> Assigned(int first, int count) =>
        [.. Enumerable.Range(first, count).Select(i => InState(RequestState.InProgress, $"REQ-{i:D6}"))];
}
