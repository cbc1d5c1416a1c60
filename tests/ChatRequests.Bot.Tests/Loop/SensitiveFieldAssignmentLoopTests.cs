using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// A mouse whose delivery location the catalog marks sensitive, on a Hardware Service that assigns round robin: each
/// assignee reads it on the card that tells them in chat; once it was given to someone else, the former assignee reads
/// "(masked)".
/// </summary>
public sealed class SensitiveFieldAssignmentLoopTests : LoopBench
{
    private const string Location = "London office";

    public SensitiveFieldAssignmentLoopTests()
    {
        Files.EditCatalog(catalog =>
        {
            var mouse = catalog["items"]!.AsArray().Single(i => (string?)i!["id"] == "mouse")!;
            mouse["fields"]!.AsArray().Single(f => (string?)f!["id"] == "deliveryLocation")!["sensitive"] = true;
        });
        Files.EditOrganisation(organisation =>
        {
            var hardware = organisation["teams"]!.AsArray().Single(t => (string?)t!["id"] == "team-hardware")!;
            hardware["assignment"] = new JsonObject { ["mode"] = "roundRobin" };
        });
    }

    [Fact]
    public async Task EachAssignee_ReadsTheLocationWhenTold_AndTheFormerOneNoLonger()
    {
        await using var bot = await StartAsync();
        var (requestId, _) = await RequestMouseAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (thread, card) = await TeamCardAsync(bot.Connector, Persona.HardwareChannel, requestId, text => text.Contains("Adele Vance"));
        Assert.DoesNotContain(Location, card.ToJsonString(), StringComparison.Ordinal);

        var adeleTold = await bot.Connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Adele.AadObjectId).FirstOrDefault(x => CardReader.AllText(x).Contains("assigned to you automatically")),
            description: "Adele told in chat");
        Assert.Contains($"Delivery location\n{Location}", CardReader.AllText(adeleTold), StringComparison.Ordinal);

        var reassigned = await bot.Teams.ClickOnCardAsync(
            Persona.Adele, thread, card, "agent.reassign", new JsonObject { ["assignee"] = Persona.Lidia.AadObjectId });
        Assert.DoesNotContain(Location, reassigned.Card.ToJsonString(), StringComparison.Ordinal);
        var lidiaTold = await bot.Connector.WaitForAsync(
            c => c.CardsSentTo(Persona.Lidia.AadObjectId).FirstOrDefault(x => CardReader.AllText(x).Contains($"Adele Vance gave {requestId} to you")),
            description: "Lidia told in chat");
        Assert.Contains($"Delivery location\n{Location}", CardReader.AllText(lidiaTold), StringComparison.Ordinal);

        await StoredWhenAsync(bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the reassignment delivered");
        var before = bot.Connector.ActivitiesIn(Persona.Adele.PersonalChatId).Count;
        (await bot.Teams.SayAsync(Persona.Adele, requestId)).EnsureSuccessStatusCode();
        var details = await bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(Persona.Adele.PersonalChatId).Skip(before).Select(FakeTeamsConnector.CardOf).LastOrDefault(x => x is not null),
            description: "Adele's details");
        Assert.Contains($"Delivery location\n{SensitiveFields.Masked}", CardReader.AllText(details), StringComparison.Ordinal);
        Assert.DoesNotContain(Location, details.ToJsonString(), StringComparison.Ordinal);
    }
}
