using Azure.Core;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// With the Graph directory and the app's catalog id, over HTTP: an approver who never opened the bot (Teams refuses to
/// open a chat with them, 403) gets the app installed through Graph and the card in the chat of that installation; when
/// Graph refuses the installation too, the stage goes on to their manager at once.
/// </summary>
public sealed class ProactiveInstallationLoopTests : IAsyncLifetime
{
    private const string CatalogId = "e3d1a5b4-0000-4000-8000-00000000c0de";

    private FakeGraphServer _graph = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.RetryAfter = TimeSpan.Zero;
        var settings = GraphOrganisation.Serve(_graph);
        settings["Teams:AppCatalogId"] = CatalogId;
        settings["Fulfilment:FirstRetryDelay"] = "00:10:00"; // a retry would time the test out
        _bot = await BotApp.StartAsync(settings, services => services.AddSingleton<TokenCredential>(new StaticTokenCredential()));
        // Teams will not open a chat with Alex: the app is not installed for him.
        _bot.Connector.FailNext(new FakeFailure(403, Count: 1)
        {
            ErrorCode = "Forbidden",
            When = r => r.Parameters?.Members?.Any(m => m.Id == Persona.Alex.AadObjectId) == true,
        });
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task ApproverWithoutTheApp_GetsItInstalled_AndTheCardInThatChat()
    {
        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        var alexChat = FakeGraphServer.ChatIdOf(Persona.Alex.AadObjectId);
        await _bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(alexChat).Any(a => CardReader.AllText(FakeTeamsConnector.CardOf(a)).Contains(requestId, StringComparison.Ordinal)),
            description: "the approval card in the chat of the installation");
        Assert.Equal(
            (Persona.Alex.AadObjectId, $"https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/{CatalogId}"), Assert.Single(_graph.Installations));
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the outbox drained");
        Assert.Equal([Persona.Alex.AadObjectId], stored.PendingStage!.Approvers.Select(a => a.Id));
        Assert.DoesNotContain(stored.History, h => h.Action == AuditAction.Reroute);
    }

    [Fact]
    public async Task InstallationRefused_StageGoesToTheApproversManagerAtOnce()
    {
        _graph.RefusedInstallations[Persona.Alex.AadObjectId] = true;

        var requestId = await RequestLaptopAsync(_bot.Teams, _bot.Connector, Persona.Megan);

        await ApprovalCardAsync(_bot.Connector, Persona.Miriam, requestId);
        await NoticeAsync(_bot.Connector, Persona.Megan, requestId, "Your approval could not reach Alex Wilber; it went to Miriam Graham.");
        var stored = await StoredWhenAsync(Store, requestId, r => r.Outbox.Count == 0, "the outbox drained");
        Assert.Equal(
            "Alex Wilber could not be reached (Teams app installation refused: 403 Forbidden): Manager goes to Miriam Graham (Alex Wilber's manager)",
            stored.History.Single(h => h.Action == AuditAction.Reroute).Comment);
    }

    private IRequestStore Store => _bot.Services.GetRequiredService<IRequestStore>();
}
