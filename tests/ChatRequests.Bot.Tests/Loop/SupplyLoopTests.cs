using System.Globalization;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// Suppliers, stock and delivery through the whole bot: parts awaited from a supplier whose date passes (alerted once,
/// across a restart), and an item out of stock replaced by a dearer one, approved again, delivered and signed for.
/// </summary>
public sealed class SupplyLoopTests : LoopBench
{
    private static readonly Persona Isaiah = new("00000000-0000-0000-0000-0000000000d1", "Isaiah Langer"); // Finance approver group

    [Fact]
    public async Task AwaitingPartsFromASupplier_WhoseDayPasses_AlertsTheAssigneeOnce_AcrossARestart()
    {
        string requestId;
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var expected = today.AddDays(2);
        await using (var first = await StartAsync())
        {
            var store = first.Services.GetRequiredService<IRequestStore>();
            var (thread, assigned) = await ApprovedAndAssignedAsync(first, Persona.Megan);
            requestId = RequestNumberIn(CardReader.AllText(assigned))!;

            var past = await first.Teams.ClickOnCardAsync(Persona.Adele, thread, assigned, "agent.status", PartsInputs(today.AddDays(-1)));
            Assert.Contains("The expected date is in the past", past.CardText);

            var waiting = await first.Teams.ClickOnCardAsync(Persona.Adele, thread, assigned, "agent.status", PartsInputs(expected));
            Assert.Contains("Awaiting parts", waiting.CardText);
            Assert.Contains("Dell, order PO-981, expected ", waiting.CardText);
            // Megan reads the day (in her own date format: the card's DATE function), not the supplier's order.
            var notice = await NoticeAsync(first.Connector, Persona.Megan, requestId, "Waiting for parts, expected ");
            Assert.Contains($"{{{{DATE({expected:yyyy-MM-dd}T12:00:00Z, SHORT)}}}}", CardReader.AllText(notice));
            Assert.DoesNotContain("PO-981", CardReader.AllText(notice));

            // The day after the expected one, where the team works (UTC: the sample teams have no calendar).
            await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "the relay delivered the status change");
            _clock.AdjustTime(new DateTimeOffset(expected.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(1));
            Assert.Equal(1, (await first.Services.GetRequiredService<SlaSweep>().SweepAsync()).SupplierAlerts);
            first.Services.GetRequiredService<IRelaySignal>().Wake();
            var alert = await first.Connector.WaitForAsync(
                c => c.CardsSentTo(Persona.Adele.AadObjectId).FirstOrDefault(card => CardReader.AllText(card).Contains("supplier late")),
                description: "the supplier alert in Adele's chat");
            Assert.Contains("Dell was expected to deliver order PO-981", CardReader.AllText(alert));
            await TeamCardAsync(first.Connector, Persona.HardwareChannel, requestId, text => text.Contains("Supplier late: Dell expected to deliver by"));
            await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "the relay delivered the alert");
        }

        // Another run on the same database, later still: nothing more to alert, however often it sweeps.
        await using var second = await StartAsync();
        _clock.AdjustTime(_clock.GetUtcNow().AddDays(1));
        var sweep = second.Services.GetRequiredService<SlaSweep>();
        Assert.Equal(0, (await sweep.SweepAsync()).SupplierAlerts);
        Assert.Equal(0, (await sweep.SweepAsync()).SupplierAlerts);
        var request = (await second.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        Assert.Single(request.History, h => h.Action == AuditAction.SupplierOverdue);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.SupplierOverdue);
    }

    [Fact]
    public async Task SupplierAlert_PendingAcrossARestart_FiresOnceAfterIt_EvenWithTwoSweepers()
    {
        string requestId;
        var expected = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(2);
        await using (var first = await StartAsync())
        {
            var (thread, assigned) = await ApprovedAndAssignedAsync(first, Persona.Megan);
            requestId = RequestNumberIn(CardReader.AllText(assigned))!;
            await first.Teams.ClickOnCardAsync(Persona.Adele, thread, assigned, "agent.status", PartsInputs(expected));
            var waiting = await StoredWhenAsync(
                first.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0 && r.SupplierAlertAt is not null, "awaiting parts");

            // The run stops with the alert still ahead: nothing is due before the expected day has passed.
            Assert.True(_clock.GetUtcNow() < waiting.SupplierAlertAt);
            Assert.Equal(0, (await first.Services.GetRequiredService<SlaSweep>().SweepAsync()).SupplierAlerts);
        }

        await using var second = await StartAsync();
        _clock.AdjustTime(new DateTimeOffset(expected.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(1));
        // Two sweepers at once, as two hosts run them: the alert is marked in the document, so only one of them raises it.
        SlaSweep[] sweepers = [second.Services.GetRequiredService<SlaSweep>(), ActivatorUtilities.CreateInstance<SlaSweep>(second.Services)];
        var swept = await Task.WhenAll(sweepers.Select(s => s.SweepAsync()));
        Assert.Equal(1, swept.Sum(s => s.SupplierAlerts));
        second.Services.GetRequiredService<IRelaySignal>().Wake();
        var store = second.Services.GetRequiredService<IRequestStore>();
        await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "the relay delivered the alert");
        Assert.Equal(0, (await sweepers[0].SweepAsync()).SupplierAlerts);

        var alert = Assert.Single(_connector.CardsSentTo(Persona.Adele.AadObjectId), card => CardReader.AllText(card).Contains("supplier late"));
        Assert.Contains("Dell was expected to deliver order PO-981", CardReader.AllText(alert));
        Assert.Single((await store.GetAsync(requestId))!.History, h => h.Action == AuditAction.SupplierOverdue);
    }

    [Fact]
    public async Task OutOfStock_TheRequesterPicksADearerItem_ApprovedAgain_Delivered_AndSignedFor()
    {
        await using var bot = await StartAsync();
        var (teams, connector) = (bot.Teams, bot.Connector);
        var store = bot.Services.GetRequiredService<IRequestStore>();
        var (thread, assigned) = await ApprovedAndAssignedAsync(bot, Persona.Megan);
        var requestId = RequestNumberIn(CardReader.AllText(assigned))!;

        // Adele: out of stock, two alternatives from the catalog.
        var offered = await teams.ClickOnCardAsync(Persona.Adele, thread, assigned, "agent.outofstock",
            new JsonObject { ["alternative1"] = "laptop-developer", ["alternative2"] = "monitor", ["offerNote"] = "The standard model is back in February" });
        Assert.Contains("Offered Developer laptop, Monitor; waiting for Megan Bowen to choose", offered.CardText);

        // Megan gets the alternatives and picks the dearer one; a second click (double click, redelivery) changes nothing.
        var choices = await NoticeAsync(connector, Persona.Megan, requestId, "Standard laptop is out of stock");
        Assert.Contains("2,890.00 EUR", CardReader.AllText(choices));
        Assert.Contains("The standard model is back in February", CardReader.AllText(choices));
        JsonObject Choose() => Data(requestId, ("itemId", "laptop-developer"));
        var forged = await teams.ClickAsync(Persona.Adele, Persona.Megan.PersonalChatId, "requester.choose", Choose());
        Assert.DoesNotContain("Developer laptop", (await store.GetAsync(requestId))!.ItemName);
        Assert.Contains("Only Megan Bowen", forged.Message);
        var chosen = await teams.ClickAsync(Persona.Megan, Persona.Megan.PersonalChatId, "requester.choose", Choose());
        Assert.Contains("You chose Developer laptop. It needs approval again (Developer laptop costs more than what was approved)", chosen.CardText);
        // The relay saves as it delivers the new round's events: the version to compare with is the one after it finished.
        var version = (await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "the relay delivered the new round")).Version;
        var again = await teams.ClickAsync(Persona.Megan, Persona.Megan.PersonalChatId, "requester.choose", Choose());
        Assert.Contains("You already chose Developer laptop", again.Message);
        Assert.Equal(version, (await store.GetAsync(requestId))!.Version);

        // A new round: Alex approves the dearer laptop, then Finance (the developer laptop's group).
        var alexCard = await connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Alex.AadObjectId).LastOrDefault(card => CardReader.AllText(card).Contains("Developer laptop") && CardReader.Verbs(card).Contains("approval.approve")),
            description: "Alex's approval card of the new item");
        await teams.ClickOnCardAsync(Persona.Alex, connector.PersonalChatWith(Persona.Alex.AadObjectId)!, alexCard, "approval.approve");
        var (isaiahChat, isaiahCard) = await ApprovalCardAsync(connector, Isaiah, requestId);
        await teams.ClickOnCardAsync(Isaiah, isaiahChat, isaiahCard, "approval.approve");
        await StoredWhenAsync(store, requestId, r => r.State == RequestState.Approved, "approved again");

        // Adele takes it again and sends it out; Megan signs for it in chat.
        var (_, approvedCard) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId, text => text.Contains("Approved") && text.Contains("Developer laptop"));
        var reassigned = await teams.ClickOnCardAsync(Persona.Adele, thread, approvedCard, "agent.assign");
        var sent = await teams.ClickOnCardAsync(Persona.Adele, thread, reassigned.Card, "agent.deliver",
            new JsonObject { ["carrier"] = "DHL", ["tracking"] = "JD014600003828" });
        Assert.Contains("Out for delivery", sent.CardText);
        // The notice with "I received it" (the assignment notice, rendered late, may also name the tracking reference).
        var onItsWay = await connector.WaitForAsync(
            c => c.ActivitiesIn(Persona.Megan.PersonalChatId).Select(FakeTeamsConnector.CardOf).LastOrDefault(card =>
                card is not null && CardReader.Verbs(card).Contains("requester.received") && CardReader.AllText(card).Contains("JD014600003828")),
            description: "Megan's 'On its way' notice");
        Assert.Contains("On its way", CardReader.AllText(onItsWay));
        var received = await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, onItsWay, "requester.received");
        Assert.Contains("Received: thank you", received.CardText);
        Assert.Contains("requester.confirm", CardReader.Verbs(received.Card));

        var signed = await TeamCardAsync(connector, Persona.HardwareChannel, requestId, text => text.Contains("Signed for by Megan Bowen"));
        Assert.Contains("Fulfilled", CardReader.AllText(signed.Card));
        var request = (await store.GetAsync(requestId))!;
        Assert.Contains(request.History, h => h.Comment == "Changed from Standard laptop to Developer laptop by the requester; approval needed again: Developer laptop costs more than what was approved");
        Assert.Equal((AuditAction.AcknowledgeReceipt, Persona.Megan.AadObjectId), (request.History[^1].Action, request.History[^1].Actor.Id));
    }

    /// <summary>Megan's laptop, approved by Alex and assigned to Adele on the Hardware channel card.</summary>
    private static async Task<(string Thread, JsonObject Card)> ApprovedAndAssignedAsync(BotApp bot, Persona requester)
    {
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, requester);
        var (alexChat, approval) = await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);
        await bot.Teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve");
        var (thread, teamCard) = await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId);
        var assigned = await bot.Teams.ClickOnCardAsync(Persona.Adele, thread, teamCard, "agent.assign");
        return (thread, assigned.Card);
    }

    private static JsonObject PartsInputs(DateOnly expected) => new()
    {
        ["status"] = "AwaitingParts",
        ["note"] = "Keyboard back-ordered",
        ["supplier"] = "Dell",
        ["orderRef"] = "PO-981",
        ["expectedOn"] = expected.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };
}
