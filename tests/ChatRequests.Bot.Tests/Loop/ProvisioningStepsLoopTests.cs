using System.Text.Json.Nodes;
using Azure.Core;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// An item whose provisioning has several steps, over HTTP: with Microsoft Graph (loopback) every step runs and the
/// request is fulfilled without an agent; on the embedded default the webhook runs and the Graph steps are left to the team.
/// </summary>
public sealed class ProvisioningStepsLoopTests : IAsyncLifetime
{
    private const string Secret = "finance-reporting-secret-32-chars-long";
    private const string FinanceReaders = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11";
    private const string Contractors = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e12";
    private const string E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";

    private readonly ReferenceDataCopies _copies = new();
    private LoopbackWebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LoopbackWebhookReceiver.StartAsync(Secret);

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _copies.Dispose();
    }

    [Fact]
    public async Task WithGraph_ApprovedFinanceReports_EveryStepRunsOnceInOrder_AndMeganIsAskedToConfirm()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        var settings = GraphOrganisation.Serve(graph);
        graph.Groups[Contractors] = [("#microsoft.graph.user", Persona.Megan.AadObjectId)];
        graph.FreeLicences[E3] = 3;
        ProvisionFinanceReports(
            Step("addToGroup", ("groupId", FinanceReaders), ("groupName", "Finance share readers")),
            Step("removeFromGroup", ("groupId", Contractors), ("groupName", "Contractors")),
            Step("assignLicence", ("skuId", E3), ("skuName", "Microsoft 365 E3")),
            Webhook());
        await using var bot = await StartAsync(settings, services => services.AddSingleton<TokenCredential>(new StaticTokenCredential()));
        var (teams, connector) = (bot.Teams, bot.Connector);

        var requestId = await RequestFinanceReportsAsync(teams, connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Welcome to Controlling" });

        var resolved = await NoticeAsync(connector, Persona.Megan, requestId, "resolved",
            "Added you to Finance share readers; removed you from Contractors; assigned you the Microsoft 365 E3 licence; "
            + "sent the request to Finance reporting (automatic)");
        Assert.Contains("requester.confirm", CardReader.Verbs(resolved));
        var (_, teamCard) = await TeamCardAsync(connector, Persona.IdentityChannel, requestId,
            until: text => text.Contains("all 4 steps done automatically", StringComparison.Ordinal));
        var cardText = CardReader.AllText(teamCard);
        Assert.Contains("3. Done: Megan Bowen assigned the Microsoft 365 E3 licence.", cardText);
        Assert.Contains("Resolved automatically", cardText);

        Assert.Single(graph.MembersAdded);
        Assert.Equal([new FakeGraphServer.MemberRemoved(Contractors, Persona.Megan.AadObjectId)], graph.MembersRemoved);
        Assert.Equal((Persona.Megan.AadObjectId, E3), Assert.Single(graph.LicencesAssigned) is var l ? (l.UserId, l.SkuId) : default);
        var post = Assert.Single(_receiver.Posts);
        Assert.True(post.SignatureValid);
        Assert.Equal($"{requestId}-step-4", post.IdempotencyKey);
        Assert.Equal(Persona.Megan.AadObjectId, post.Body!["requester"]!["id"]!.GetValue<string>());
        Assert.Equal("Marketing", post.Body["fields"]!["department"]!.GetValue<string>());

        var store = bot.Services.GetRequiredService<IRequestStore>();
        var request = await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "every event handled");
        Assert.Equal(RequestState.Fulfilled, request.State);
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(ProvisioningStatus.Done, request.StepProgress(i).Status));
        Assert.Equal(4, request.History.Count(h => h.Actor == PersonRef.System));
    }

    [Fact]
    public async Task EmbeddedDefault_TheWebhookRuns_TheGroupStepAfterItIsLeftToTheTeam()
    {
        ProvisionFinanceReports(Webhook(), Step("addToGroup", ("groupId", FinanceReaders), ("groupName", "Finance share readers")));
        await using var bot = await StartAsync([]);
        var (teams, connector) = (bot.Teams, bot.Connector);
        Assert.Null(bot.Services.GetService<IProvisioner>());

        var requestId = await RequestFinanceReportsAsync(teams, connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject());

        var store = bot.Services.GetRequiredService<IRequestStore>();
        var request = await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0 && r.NextProvisioningStep == 1, "the webhook done");
        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal([$"{requestId}-step-1"], _receiver.Done);
        var (_, teamCard) = await TeamCardAsync(connector, Persona.IdentityChannel, requestId,
            until: text => text.Contains("2. To do:", StringComparison.Ordinal));
        var cardText = CardReader.AllText(teamCard);
        Assert.Contains("2. To do: add Megan Bowen to Finance share readers — automatic with Microsoft Graph.", cardText);
        Assert.Contains("agent.assign", CardReader.Verbs(teamCard));
    }

    [Fact]
    public async Task EmbeddedDefault_AFlaggedGrant_IsCheckedByTheTeamBeforeMeganConfirms_AndHerSilenceIsRemindedLikeAnAgentsResolution()
    {
        ProvisionFinanceReports(Webhook());
        _copies.EditCatalog(catalog => catalog["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "finance-share-read")!["qualityCheck"] = true);
        _copies.EditOrganisation(organisation => organisation["closure"] = new JsonObject { ["autoCloseAfterWorkingDays"] = 5, ["reminderAfterWorkingDays"] = 3 });
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var bot = await StartAsync(new() { ["Directory:Path"] = _copies.Organisation }, services =>
        {
            services.AddSingleton<TimeProvider>(clock);
            EmbeddedTimers.Remove(services); // the test sweeps when it moves the clock
        });
        var (teams, connector) = (bot.Teams, bot.Connector);
        var store = bot.Services.GetRequiredService<IRequestStore>();

        var requestId = await RequestFinanceReportsAsync(teams, connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject());

        // Granted automatically, and checked by a person before Megan is asked anything.
        await StoredWhenAsync(store, requestId, r => r.State == RequestState.InReview && r.Outbox.Count == 0, "granted and waiting for the check");
        var (thread, inReview) = await TeamCardAsync(connector, Persona.IdentityChannel, requestId, text => text.Contains("granted automatically", StringComparison.Ordinal));
        Assert.Contains("agent.reviewpass", CardReader.Verbs(inReview));
        Assert.DoesNotContain(connector.ActivitiesIn(Persona.Megan.PersonalChatId), a => FakeTeamsConnector.CardOf(a) is { } c
            && CardReader.AllText(c).Contains("Resolved: is it working?", StringComparison.Ordinal));

        var passed = await teams.ClickOnCardAsync(Persona.Christie, thread, inReview, "agent.reviewpass");
        Assert.Contains("Resolved automatically, verified by Christie Cline", passed.CardText);
        var resolved = await NoticeAsync(connector, Persona.Megan, requestId, "Resolved: is it working?", "Finance reporting");
        Assert.Contains("requester.confirm", CardReader.Verbs(resolved));

        // Megan says nothing: reminded after 3 working days (Identity has no calendar: whole days), as after an agent's resolution.
        var fulfilled = await StoredWhenAsync(store, requestId, r => r.State == RequestState.Fulfilled && r.Outbox.Count == 0, "fulfilled and told");
        Assert.Equal(fulfilled.Closing!.RemindAt, fulfilled.SlaCheckAt);
        clock.AdjustTime(fulfilled.Closing.RemindAt.AddMinutes(1));
        Assert.Equal(1, (await bot.Services.GetRequiredService<SlaSweep>().SweepAsync()).ConfirmationReminders);
        bot.Services.GetRequiredService<IRelaySignal>().Wake();
        await NoticeAsync(connector, Persona.Megan, requestId, "Still waiting for your answer");
    }

    private Task<BotApp> StartAsync(Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    {
        settings["Catalog:Path"] = _copies.Catalog;
        settings["Provisioning:Webhooks:Secrets:reports"] = Secret;
        settings["Provisioning:Webhooks:FirstRetryDelay"] = "00:00:00.050";
        return BotApp.StartAsync(settings, services);
    }

    private JsonObject Webhook() =>
        Step("webhook", ("url", _receiver.Url), ("secret", "reports"), ("name", "Finance reporting"));

    private static JsonObject Step(string kind, params (string Key, string Value)[] properties)
    {
        var step = new JsonObject { ["kind"] = kind };
        foreach (var (key, value) in properties)
        {
            step[key] = value;
        }

        return step;
    }

    private void ProvisionFinanceReports(params JsonObject[] steps) =>
        _copies.EditCatalog(catalog =>
        {
            var item = catalog["items"]!.AsArray().Single(i => i!["id"]!.GetValue<string>() == "finance-share-read")!;
            item["provisioning"] = new JsonObject { ["steps"] = new JsonArray(steps) };
        });
}
