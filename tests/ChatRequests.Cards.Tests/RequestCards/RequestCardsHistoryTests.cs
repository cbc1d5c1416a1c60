using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Requests;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

public class RequestCardsHistoryTests
{
    private readonly Cards.RequestCards _cards = new();

    [Fact]
    public void History_ShortHistory_OnePageInWords_WithoutPageButtons()
    {
        var request = NeedingTwoApprovals("REQ-000001");
        request.Decide(Manager, approve: true, "Fine by me", 0, Start.AddHours(1));

        var card = _cards.History(RequestHistory.Page(request, readerId: null, readsInternal: false, page: null), Requester);

        CardAssert.Valid(card);
        var text = CardQuery.Text(card.Card);
        Assert.Contains($"History of REQ-000001: {request.ItemName}", text, StringComparison.Ordinal);
        Assert.Contains($"Entries 1-{request.History.Count} of {request.History.Count}, oldest first", text, StringComparison.Ordinal);
        Assert.Contains("Approved a stage", text, StringComparison.Ordinal);
        Assert.Contains(Manager.Name, text, StringComparison.Ordinal);
        Assert.Contains("\"Fine by me\"", text, StringComparison.Ordinal);
        Assert.Empty(CardQuery.Verbs(card.Card));
    }

    [Fact]
    public void History_LongHistory_TheNewestPageOffersOlderEntries_WithTheRequestAndPageOnly()
    {
        var request = WithoutApproval("REQ-000001");
        request.Assign(Agent, Agent, Start.AddMinutes(1));
        for (var i = 0; i < 20; i++)
        {
            request.SetStatus(Agent, i % 2 == 0 ? RequestState.InProgress : RequestState.Scheduled, $"step {i}", Start.AddMinutes(2 + i));
        }

        var newest = _cards.History(RequestHistory.Page(request, readerId: null, readsInternal: true, page: null), Agent);
        var oldest = _cards.History(RequestHistory.Page(request, readerId: null, readsInternal: true, page: 0), Agent);

        var older = Assert.Single(CardQuery.Executes(newest.Card, CardVerbs.HistoryPage));
        Assert.Equal("Older entries", (string?)older["title"]);
        Assert.Equal("""{"requestId":"REQ-000001","page":"0"}""", older["data"]!.ToJsonString());
        var newer = Assert.Single(CardQuery.Executes(oldest.Card, CardVerbs.HistoryPage));
        Assert.Equal(("Newer entries", "1"), ((string?)newer["title"], (string?)newer["data"]!["page"]));
    }

    [Fact]
    public void Verified_SaysIntactOrWhereItBroke()
    {
        var intact = _cards.Verified("REQ-000001", ChainVerdict.Intact(12, 0));
        var broken = _cards.Verified("REQ-000001", ChainVerdict.Broken(12, 3, ChainBreak.Reordered));

        Assert.Contains("The history of REQ-000001 is intact: 12 entries, chain verified.", CardQuery.Text(intact.Card), StringComparison.Ordinal);
        Assert.Contains("is broken at entry 4 of 12: it was moved", CardQuery.Text(broken.Card), StringComparison.Ordinal);
    }
}
