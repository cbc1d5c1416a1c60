using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// The quality check and the automatic closing through the whole bot: the mouse is flagged for a check (or not), the
/// organisation closes resolved requests after 5 working days (reminder after 3, reopen within 14 days); Hardware Service
/// has no calendar, so its working days are whole days.
/// </summary>
public sealed class QualityCheckLoopTests : LoopBench
{
    public QualityCheckLoopTests() => Files.EditOrganisation(organisation =>
        organisation["closure"] = new JsonObject { ["autoCloseAfterWorkingDays"] = 5, ["reminderAfterWorkingDays"] = 3, ["reopenWithinDays"] = 14 });

    [Fact]
    public async Task FlaggedItem_IsCheckedByAColleague_FailedWithAReason_FixedAndPassed_ThenConfirmedByTheRequester()
    {
        await using var bot = await StartAsync(mouseChecked: true);
        var (teams, connector) = (bot.Teams, bot.Connector);
        var (requestId, _) = await RequestMouseAsync(teams, connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        card = (await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign")).Card;

        // Resolving a flagged item needs a work note; then it goes to review, and Megan hears nothing yet.
        var refused = await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.resolve", new JsonObject { ["resolution"] = "Mouse on your desk" });
        Assert.Contains("Please add a work note", refused.CardText);
        var inReview = await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.resolve",
            new JsonObject { ["resolution"] = "Mouse on your desk", ["workNote"] = "Took the last MX from the London cupboard" });
        Assert.Contains("In quality check", inReview.CardText);
        Assert.Contains("Took the last MX from the London cupboard", inReview.CardText);
        Assert.Contains("agent.reviewpass", CardReader.Verbs(inReview.Card));

        // Adele cannot pass her own work.
        var own = await teams.ClickOnCardAsync(Persona.Adele, thread, inReview.Card, "agent.reviewpass");
        Assert.Contains("You did this work", own.CardText);

        // Lidia fails it with a reason: Adele is told in chat, the channel card shows it, the request is in progress again.
        var failed = await teams.ClickOnCardAsync(Persona.Lidia, thread, inReview.Card, "agent.reviewfail",
            new JsonObject { ["reviewReason"] = "Megan is left-handed: the MX is right-handed only" });
        Assert.Contains("In progress", failed.CardText);
        Assert.Contains("Quality check failed: Lidia Holloway sent it back to Adele Vance", failed.CardText);
        var told = await connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Adele.AadObjectId).FirstOrDefault(x => CardReader.AllText(x).Contains("Quality check failed")),
            description: "the failed check in Adele's chat");
        Assert.Contains("left-handed", CardReader.AllText(told));

        // Adele fixes it and resolves again; Grady (the lead) could check, Lidia does: it passes.
        var again = await teams.ClickOnCardAsync(Persona.Adele, thread, failed.Card, "agent.resolve",
            new JsonObject { ["resolution"] = "Left-handed mouse on your desk", ["workNote"] = "Ordered a left-handed MX; swapped it today" });
        var passed = await teams.ClickOnCardAsync(Persona.Lidia, thread, again.Card, "agent.reviewpass");
        Assert.Contains("verified by Lidia Holloway", passed.CardText);

        // Only now is Megan asked to confirm, in Adele's name; her cards never show the work note or the reason.
        var resolved = await NoticeAsync(connector, Persona.Megan, requestId, "Left-handed mouse on your desk");
        Assert.Contains("Adele Vance resolved your request", CardReader.AllText(resolved));
        Assert.DoesNotContain(connector.ActivitiesIn(Persona.Megan.PersonalChatId), a => FakeTeamsConnector.CardOf(a) is { } c
            && (CardReader.AllText(c).Contains("cupboard", StringComparison.Ordinal) || CardReader.AllText(c).Contains("right-handed", StringComparison.Ordinal)));
        Assert.Single(connector.ActivitiesIn(Persona.Megan.PersonalChatId), a => FakeTeamsConnector.CardOf(a) is { } c
            && CardReader.AllText(c).Contains("Resolved: is it working?", StringComparison.Ordinal));
        await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, resolved, "requester.confirm", new JsonObject { ["rating"] = "5" });

        var request = await StoredWhenAsync(bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.State == RequestState.Closed, "closed");
        Assert.Equal(
            [AuditAction.SubmitForReview, AuditAction.FailReview, AuditAction.SubmitForReview, AuditAction.PassReview, AuditAction.Confirm],
            request.History.Where(h => h.From != h.To).Select(h => h.Action).SkipWhile(a => a != AuditAction.SubmitForReview));
        Assert.Equal(Persona.Lidia.Name, request.VerifiedBy?.Name);
        await TeamCardAsync(connector, Persona.HardwareChannel, requestId, text => text.Contains("Closed: Megan Bowen confirmed"));
    }

    [Fact]
    public async Task NoAnswerFromTheRequester_RemindedThenClosedAfterARestart_OnceEach_AndReopenedWithinTheWindow()
    {
        string requestId;
        await using (var first = await StartAsync(mouseChecked: false))
        {
            (requestId, _) = await RequestMouseAsync(first.Teams, first.Connector, Persona.Megan);
            var (thread, card) = await TeamCardAsync(first.Connector, Persona.HardwareChannel, requestId);
            card = (await first.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign")).Card;
            await first.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.resolve", new JsonObject { ["resolution"] = "Mouse on your desk" });
            var fulfilled = await StoredWhenAsync(
                first.Services.GetRequiredService<IRequestStore>(), requestId, r => r.State == RequestState.Fulfilled && r.Outbox.Count == 0, "resolved and told");
            Assert.Equal(fulfilled.Closing!.RemindAt, fulfilled.SlaCheckAt);
        }

        // The reminder was pending when the bot stopped; the next run sends it, then closes the request, each once.
        await using var bot = await StartAsync(mouseChecked: false);
        var store = bot.Services.GetRequiredService<IRequestStore>();
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await SweepAndDeliverAsync(bot, requestId)).ConfirmationReminders);
        Assert.Equal(0, (await SweepAndDeliverAsync(bot, requestId)).Events);
        var reminder = await NoticeAsync(bot.Connector, Persona.Megan, requestId, "Still waiting for your answer");
        Assert.Contains("requester.confirm", CardReader.Verbs(reminder));
        Assert.Contains("requester.reopen", CardReader.Verbs(reminder));

        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromDays(2));
        Assert.Equal(1, (await SweepAndDeliverAsync(bot, requestId)).AutoClosed);
        Assert.Equal(0, (await SweepAndDeliverAsync(bot, requestId)).Events);
        var closed = await NoticeAsync(bot.Connector, Persona.Megan, requestId, "Closed automatically");
        Assert.Contains("We did not hear back from you in 5 working days", CardReader.AllText(closed));
        await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId, text => text.Contains("Closed automatically: no answer from Megan Bowen in 5 working days"));
        Assert.Single(bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId), a => FakeTeamsConnector.CardOf(a) is { } c
            && CardReader.AllText(c).Contains("Still waiting for your answer", StringComparison.Ordinal));
        var request = (await store.GetAsync(requestId))!;
        Assert.Single(request.History, h => h.Action == AuditAction.AutoClose && h.Comment == "closed automatically: no answer in 5 working days");

        // A week later Megan finds it still broken: the window is open, so the closed notice's Reopen works.
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromDays(7));
        var reopened = await bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, closed, "requester.reopen");
        Assert.Contains("reopened", reopened.CardText);
        await StoredWhenAsync(store, requestId, r => r.State == RequestState.Reopened, "reopened");
        await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId, text => text.Contains("Reopened"));
    }

    [Fact]
    public async Task ReopenAfterTheWindow_IsRefusedWithAClearMessage()
    {
        await using var bot = await StartAsync(mouseChecked: false);
        var (requestId, _) = await RequestMouseAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId);
        card = (await bot.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign")).Card;
        await bot.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.resolve", new JsonObject { ["resolution"] = "Mouse on your desk" });
        await StoredWhenAsync(bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "resolved and told");
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromDays(6));
        Assert.Equal(1, (await SweepAndDeliverAsync(bot, requestId)).AutoClosed);
        var closed = await NoticeAsync(bot.Connector, Persona.Megan, requestId, "Closed automatically");

        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromDays(15));
        var refused = await bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, closed, "requester.reopen");

        Assert.Contains("closed automatically and could be reopened until", refused.Message);
        Assert.Contains("that time has passed", refused.Message);
        Assert.Equal(RequestState.Closed, (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!.State);
    }

    [Fact]
    public async Task FlaggedDelivery_IsCheckedBeforeItGoesOut_ThenSignedFor_AndTheTeamCardSaysWhoReceivedIt()
    {
        await using var bot = await StartAsync(mouseChecked: true);
        var (teams, connector) = (bot.Teams, bot.Connector);
        var (requestId, _) = await RequestMouseAsync(teams, connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId);
        card = (await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign")).Card;

        // Adele packs it for DHL: it waits for the check, and Megan is not told it is on its way.
        var held = await teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.deliver", new JsonObject { ["carrier"] = "DHL", ["tracking"] = "JD0999" });
        Assert.Contains("In quality check", held.CardText);
        Assert.Contains("goes out to Megan Bowen once the check passes", held.CardText);
        Assert.Contains("agent.reviewpass", CardReader.Verbs(held.Card));
        var store = bot.Services.GetRequiredService<IRequestStore>();
        await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "the check announced");
        Assert.DoesNotContain(connector.ActivitiesIn(Persona.Megan.PersonalChatId), a => FakeTeamsConnector.CardOf(a) is { } c
            && CardReader.AllText(c).Contains("On its way", StringComparison.Ordinal));

        // Lidia checks the mouse: now it goes out, and Megan gets the tracking reference and "I received it".
        var passed = await teams.ClickOnCardAsync(Persona.Lidia, thread, held.Card, "agent.reviewpass");
        Assert.Contains("Out for delivery", passed.CardText);
        var onItsWay = await NoticeAsync(connector, Persona.Megan, requestId, "On its way", "JD0999");
        Assert.Contains("requester.received", CardReader.Verbs(onItsWay));

        var received = await teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, onItsWay, "requester.received");
        Assert.Contains("requester.confirm", CardReader.Verbs(received.Card));
        var (_, signed) = await TeamCardAsync(connector, Persona.HardwareChannel, requestId, text => text.Contains("Received by Megan Bowen"));
        Assert.DoesNotContain("Resolved by", CardReader.AllText(signed));
        var request = await StoredWhenAsync(store, requestId, r => r.State == RequestState.Fulfilled, "fulfilled");
        Assert.Equal(
            [AuditAction.SubmitForReview, AuditAction.ReleaseForDelivery, AuditAction.AcknowledgeReceipt],
            request.History.Where(h => h.From != h.To).Select(h => h.Action).SkipWhile(a => a != AuditAction.SubmitForReview));
        Assert.Equal(Persona.Lidia.Name, request.VerifiedBy?.Name);
        Assert.NotNull(request.Closing);
    }

    [Fact]
    public async Task AReceiptNobodyGives_RemindsTheRequester_ThenTellsTheTeamThread_OnceEach_AcrossARestart()
    {
        Files.EditOrganisation(ReceiptFollowUps);
        string requestId;
        string thread;
        await using (var first = await StartAsync(mouseChecked: false))
        {
            (requestId, _) = await RequestMouseAsync(first.Teams, first.Connector, Persona.Megan);
            (thread, var card) = await TeamCardAsync(first.Connector, Persona.HardwareChannel, requestId);
            card = (await first.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign")).Card;
            await first.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.deliver", new JsonObject { ["carrier"] = "DHL", ["tracking"] = "JD0777" });
            var sent = await StoredWhenAsync(first.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "sent and told");
            Assert.Equal(sent.Delivery!.SentAt.AddDays(2), sent.Delivery.FollowUp!.RemindAt);
        }

        // The reminder was pending when the bot stopped (Hardware has no calendar: a working day is a whole day).
        await using var bot = await StartAsync(mouseChecked: false);
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromDays(2) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await SweepAndDeliverAsync(bot, requestId)).ReceiptFollowUps);
        Assert.Equal(0, (await SweepAndDeliverAsync(bot, requestId)).ReceiptFollowUps);
        var reminder = await NoticeAsync(bot.Connector, Persona.Megan, requestId, "Did it arrive?", "JD0777");
        Assert.Contains("requester.received", CardReader.Verbs(reminder));

        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromDays(2));
        Assert.Equal(1, (await SweepAndDeliverAsync(bot, requestId)).ReceiptFollowUps);
        Assert.Equal(0, (await SweepAndDeliverAsync(bot, requestId)).ReceiptFollowUps);
        var told = await bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(thread).Select(FakeTeamsConnector.CardOf).FirstOrDefault(x => x is not null && CardReader.AllText(x).Contains("delivery not acknowledged", StringComparison.Ordinal)),
            description: "the word to Adele in the team thread");
        Assert.Contains("Adele Vance: please check with the carrier", CardReader.AllText(told));
        Assert.Single(bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId), a => FakeTeamsConnector.CardOf(a) is { } c
            && CardReader.AllText(c).Contains("Did it arrive?", StringComparison.Ordinal));

        // Megan answers the reminder at last: received, and the team card says so.
        var received = await bot.Teams.ClickOnCardAsync(Persona.Megan, Persona.Megan.PersonalChatId, reminder, "requester.received");
        Assert.Contains("Received: thank you", received.CardText);
        await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId, text => text.Contains("Received by Megan Bowen"));
        var request = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        Assert.Equal([AuditAction.RemindReceipt, AuditAction.ReceiptOverdue], request.History.Where(h => h.Action == AuditAction.RemindReceipt || h.Action == AuditAction.ReceiptOverdue).Select(h => h.Action));
    }

    [Fact]
    public async Task ACheckThatWaits_TellsTheLeadOnce_AcrossARestart()
    {
        Files.EditOrganisation(ReviewReminderAfterFourHours);
        string requestId;
        await using (var first = await StartAsync(mouseChecked: true))
        {
            (requestId, _) = await RequestMouseAsync(first.Teams, first.Connector, Persona.Megan);
            var (thread, card) = await TeamCardAsync(first.Connector, Persona.HardwareChannel, requestId);
            card = (await first.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.assign")).Card;
            await first.Teams.ClickOnCardAsync(Persona.Adele, thread, card, "agent.resolve",
                new JsonObject { ["resolution"] = "Mouse on your desk", ["workNote"] = "From the London cupboard" });
            var inReview = await StoredWhenAsync(first.Services.GetRequiredService<IRequestStore>(), requestId, r => r.State == RequestState.InReview && r.Outbox.Count == 0, "in review");
            Assert.Equal(inReview.Review!.RequestedAt.AddHours(4), inReview.Review.RemindAt);
        }

        await using var bot = await StartAsync(mouseChecked: true);
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, (await SweepAndDeliverAsync(bot, requestId)).ReviewReminders);
        Assert.Equal(0, (await SweepAndDeliverAsync(bot, requestId)).ReviewReminders);
        var toGrady = await bot.Connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Grady.AadObjectId).FirstOrDefault(x => CardReader.AllText(x).Contains("quality check waiting", StringComparison.Ordinal)),
            description: "the waiting check in Grady's chat");
        Assert.Contains("not Adele Vance", CardReader.AllText(toGrady));
        Assert.Single(bot.Connector.CardsSentTo(Persona.Grady.AadObjectId), x => CardReader.AllText(x).Contains("quality check waiting", StringComparison.Ordinal));
    }

    // The organisation follows up deliveries: the requester after 2 working days, the assignee after 4.
    private static void ReceiptFollowUps(JsonObject organisation)
    {
        organisation["closure"]!["receiptReminderAfterWorkingDays"] = 2;
        organisation["closure"]!["receiptAlertAfterWorkingDays"] = 4;
    }

    // Hardware tells its lead when a check has waited 4 working hours.
    private static void ReviewReminderAfterFourHours(JsonObject organisation) =>
        organisation["teams"]!.AsArray().Single(t => (string?)t!["id"] == "team-hardware")!["qualityCheckReminderAfterHours"] = 4;

    /// <summary>A run of the bot on the bench, with the mouse flagged for a quality check or not.</summary>
    private Task<BotApp> StartAsync(bool mouseChecked)
    {
        Files.EditCatalog(catalog => catalog["items"]!.AsArray().Single(i => (string?)i!["id"] == "mouse")!["qualityCheck"] = mouseChecked);
        return StartAsync();
    }
}
