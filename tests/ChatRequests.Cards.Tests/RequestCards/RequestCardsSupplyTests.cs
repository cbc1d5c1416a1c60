using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests.RequestCards;

/// <summary>What the team card and the requester's cards show of suppliers, stock and delivery; typed text stays inert.</summary>
public class RequestCardsSupplyTests
{
    private const string Markup = "**Dell** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z, SHORT)}}";

    private readonly FakeTimeProvider _clock = new(Start);

    [Fact]
    public void TeamCard_ShowsSupplierOrderAndDay_AndWarnsOnceTheDayHasPassed_AsTypedText()
    {
        var r = InState(RequestState.InProgress);
        r.AwaitSupplier(Agent, Markup, "PO-1", DateOnly.FromDateTime(Start.UtcDateTime).AddDays(3), null, Start.AddHours(3), TimeZoneInfo.Utc);
        var cards = new Cards.RequestCards(_clock);

        _clock.SetUtcNow(Start.AddHours(4));
        var before = CardQuery.Text(cards.TeamCard(r).Card);
        _clock.SetUtcNow(Start.AddDays(5));
        var after = cards.TeamCard(r);

        Assert.Contains($"{Markup}, order PO-1, expected ", before);
        Assert.DoesNotContain("Supplier late", before);
        Assert.Contains("Supplier late: " + Markup, CardQuery.Text(after.Card));
        CardAssert.Valid(after);
    }

    [Fact]
    public void Alternatives_ListNameCostAndDescription_WithAButtonEach_UntilAnswered()
    {
        var r = InState(RequestState.InProgress);
        r.OfferAlternatives(Agent, [new OfferedItem("a", Markup, "900.00 EUR", Markup), new OfferedItem("b", "Monitor", null, "")], Markup, Start.AddHours(3));
        var cards = new Cards.RequestCards(_clock);
        var cause = r.Outbox[^1];

        var message = cards.Notice(r, NoticeKind.AlternativesOffered, cause);
        var open = message.Card;
        r.KeepWaiting(Requester, Start.AddHours(4));
        var answered = cards.Notice(r, NoticeKind.AlternativesOffered, cause).Card;

        Assert.Equal(["requester.choose", "requester.choose", "requester.keepwaiting", "requests.show"], CardQuery.Verbs(open));
        Assert.Contains("900.00 EUR", CardQuery.Text(open));
        Assert.Contains("No charge", CardQuery.Text(open));
        Assert.Equal(["requests.show"], CardQuery.Verbs(answered));
        Assert.Contains("keeps waiting", CardQuery.Text(answered));
        CardAssert.Valid(message);
    }

    [Fact]
    public void TeamCard_OffersOutOfStock_OnlyWithACatalogHoldingAlternatives()
    {
        var r = InState(RequestState.InProgress);
        var other = Laptop with { Id = "hw-laptop-std", Name = "Standard laptop" };

        var without = new Cards.RequestCards(_clock).TeamCard(r).Card;
        var withCatalog = new Cards.RequestCards(_clock, new Catalog([Laptop, other, PasswordReset])).TeamCard(r);

        Assert.DoesNotContain("agent.outofstock", CardQuery.Verbs(without));
        Assert.Contains("agent.outofstock", CardQuery.Verbs(withCatalog.Card));
        CardAssert.Valid(withCatalog);
    }

    [Fact]
    public void DeliveryNotice_OffersIReceivedIt_UntilReceived_ThenTheTeamCardShowsTheSignature()
    {
        var r = InState(RequestState.InProgress);
        r.SendForDelivery(Agent, "DHL", Markup, Start.AddHours(3));
        var cards = new Cards.RequestCards(_clock);
        var cause = r.Outbox[^1];

        var sent = cards.Notice(r, NoticeKind.OutForDelivery, cause);
        var notice = sent.Card;
        r.AcknowledgeReceipt(Requester, Start.AddHours(30));

        Assert.Contains("requester.received", CardQuery.Verbs(notice));
        Assert.Contains(Markup, CardQuery.Text(notice));
        Assert.DoesNotContain("requester.received", CardQuery.Verbs(cards.Notice(r, NoticeKind.OutForDelivery, cause).Card));
        Assert.Contains($"Signed for by {Requester.Name} at ", CardQuery.Text(cards.TeamCard(r).Card));
        Assert.Contains("requester.confirm", CardQuery.Verbs(cards.ReceiptAcknowledged(r).Card));
        CardAssert.Valid(sent);
    }

    private sealed class Catalog(IReadOnlyList<CatalogItem> items) : ICatalog
    {
        public IReadOnlyList<CatalogItem> Items => items;

        public CatalogItem? Find(string itemId) => items.FirstOrDefault(i => i.Id == itemId);
    }
}
