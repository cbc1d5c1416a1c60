using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// Suppliers, stock and delivery: parts awaited from a supplier (and late), alternatives for an item out of stock, a delivery signed for.
internal sealed partial class CardGallery
{
    private static readonly ClosingTerms ReceiptFollowUps = new(
        new ClosureSettings { ReceiptReminderAfterWorkingDays = 2, ReceiptAlertAfterWorkingDays = 4 }, WorkingCalendar.AlwaysOpen);

    private async Task AddSupplyAsync()
    {
        // The team card offers "Out of stock" only with a catalog to take the alternatives from.
        var cards = new RequestCards(_clock, _organisation.Catalog);

        var parts = await WorkedAsync();
        parts.AwaitSupplier(_story.Agent, "Dell Technologies", "PO-2026-0381", new DateOnly(2026, 3, 5),
            "The German keyboard variant is back-ordered.", LaptopStory.At(3, 11, 0), TimeZoneInfo.Utc);
        Show("team-awaiting-supplier", parts, cards.TeamCard);
        Show("notice-awaiting-supplier", parts, x => cards.Notice(x, NoticeKind.StatusChanged, x.Outbox.Last(e => e.Type == RequestEventType.StatusChanged)));
        var late = LaptopStory.At(6, 1, 0);
        parts.CheckSla(late);
        Show("team-supplier-late", parts, cards.TeamCard);
        Show("supplier-late", parts, x => cards.SupplierLate(x, late));

        var stock = await WorkedAsync();
        stock.OfferAlternatives(
            _story.Agent,
            [.. new[] { "laptop-standard", "mobile-phone" }.Select(id => _organisation.Item(id)).Select(i => new OfferedItem(i.Id, i.Name, i.CostText, i.Description))],
            "The developer model is back in stock in April.",
            LaptopStory.At(3, 9, 30));
        Show("team-alternatives-offered", stock, cards.TeamCard);
        Show("alternatives", stock, x => cards.Alternatives(x, x.Outbox.Last(e => e.Type == RequestEventType.AlternativesOffered)));

        var delivered = await WorkedAsync();
        delivered.SendForDelivery(_story.Agent, "DHL Express", "JD014600003828", LaptopStory.At(4, 10, 0));
        Show("notice-out-for-delivery", delivered, x => cards.Notice(x, NoticeKind.OutForDelivery, x.Outbox.Last(e => e.Type == RequestEventType.OutForDelivery)));
        delivered.AcknowledgeReceipt(_story.Requester, LaptopStory.At(5, 9, 30));
        Show("receipt-acknowledged", delivered, cards.ReceiptAcknowledged);
        Show("team-delivered", delivered, cards.TeamCard);

        // A flagged item held for the check before it goes out; and one nobody signs for: Megan reminded, then Adele told.
        var held = await WorkedAsync();
        held.SendForDelivery(_story.Agent, "DHL Express", "JD014600003828", LaptopStory.At(4, 10, 0), rules: Checked);
        Show("team-held-for-check", held, cards.TeamCard);
        var followed = await WorkedAsync();
        followed.SendForDelivery(_story.Agent, "DHL Express", "JD014600003828", LaptopStory.At(4, 10, 0), rules: new ResolutionRules(false, false, ReceiptFollowUps));
        followed.CheckSla(followed.Delivery!.FollowUp!.RemindAt!.Value);
        Notice("notice-receipt-reminder", followed, NoticeKind.ReceiptReminder, RequestEventType.ReceiptReminder);
        followed.CheckSla(followed.Delivery!.FollowUp!.AlertAt!.Value);
        Show("receipt-overdue", followed, cards.ReceiptOverdue);
    }

    /// <summary>The laptop approved by both stages and taken by the agent.</summary>
    private async Task<ServiceRequest> WorkedAsync()
    {
        var r = await _story.SubmitAsync();
        _story.ManagerApproves(r);
        _story.FinanceApproves(r);
        _story.AgentTakesIt(r);
        return r;
    }
}
