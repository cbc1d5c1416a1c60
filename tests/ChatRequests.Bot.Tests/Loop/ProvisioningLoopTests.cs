using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// An item that provisions by group membership on the embedded default, where there is no Entra ID to change:
/// nothing is done automatically, and the team card tells the agents what to do by hand.
/// </summary>
public sealed class ProvisioningLoopTests : IAsyncLifetime
{
    private BotApp _bot = null!;

    public async Task InitializeAsync() => _bot = await BotApp.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task EmbeddedDefault_ApprovedFinanceReports_TeamCardAsksForItByHand_AndNothingPretendsItWasDone()
    {
        var (teams, connector) = (_bot.Teams, _bot.Connector);
        Assert.Null(_bot.Services.GetService<IProvisioner>());

        var requestId = await RequestFinanceReportsAsync(teams, connector, Persona.Megan);
        var (alexChat, approval) = await ApprovalCardAsync(connector, Persona.Alex, requestId);
        await teams.ClickOnCardAsync(Persona.Alex, alexChat, approval, "approval.approve", new JsonObject { ["comment"] = "Fine" });

        var (_, teamCard) = await TeamCardAsync(connector, Persona.IdentityChannel, requestId);
        Assert.Contains("Provisioning: add Megan Bowen to Finance share readers — automatic with Microsoft Graph.", CardReader.AllText(teamCard));
        Assert.Contains("agent.assign", CardReader.Verbs(teamCard));

        var store = _bot.Services.GetRequiredService<IRequestStore>();
        var request = await StoredWhenAsync(store, requestId, r => r.Outbox.Count == 0, "every event handled, ProvisioningRequested too");
        Assert.Equal(RequestState.Approved, request.State);
        Assert.Equal(ProvisioningStatus.Pending, request.ProvisioningStatus);
        Assert.Null(request.ResolutionNotes);
        Assert.DoesNotContain(request.History, h => h.Actor == PersonRef.System);
        await NoticeAsync(connector, Persona.Megan, requestId, "approved");
        Assert.DoesNotContain(connector.ActivitiesIn(Persona.Megan.PersonalChatId).Select(FakeTeamsConnector.CardOf),
            card => card is not null && CardReader.AllText(card).Contains("Resolved", StringComparison.Ordinal));
    }
}
