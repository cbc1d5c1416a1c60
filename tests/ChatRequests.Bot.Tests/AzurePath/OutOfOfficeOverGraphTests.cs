using System.Globalization;
using Azure.Core;
using ChatRequests.Azure.Graph;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;
using static ChatRequests.Testing.FakeGraphServer;

namespace ChatRequests.Bot.Tests.AzurePath;

/// <summary>
/// Out of office through the whole bot on the Microsoft Graph directory (SQLite store): Alex Wilber's automatic replies,
/// as the loopback Graph serves them, decide who gets the approval of the laptop Megan Bowen asks for.
/// </summary>
public sealed class OutOfOfficeOverGraphTests
{
    [Fact]
    public async Task AnApproverWithAutomaticRepliesOn_HasTheirManagerDecideOnTheirBehalf()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        graph.AutomaticReplies[Persona.Alex.AadObjectId] = new AutoReplies("alwaysEnabled");
        await using var bot = await StartAsync(graph);
        Assert.IsType<GraphAbsenceCalendar>(bot.Services.GetRequiredService<IAbsenceCalendar>());

        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);

        var (_, card) = await ApprovalCardAsync(bot.Connector, Persona.Miriam, requestId);
        Assert.Contains("on behalf of Alex Wilber", CardReader.AllText(card), StringComparison.Ordinal);
        var request = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        Assert.Contains(request.History, h => h.Action == AuditAction.Reroute && h.Comment!.StartsWith("Alex Wilber is away", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Connector.CardsSentTo(Persona.Alex.AadObjectId), c => CardReader.AllText(c).Contains(requestId, StringComparison.Ordinal));
        Assert.Contains(graph.Requests, r => r.PathAndQuery == $"/v1.0/users/{Persona.Alex.AadObjectId}/mailboxSettings/automaticRepliesSetting");
    }

    [Fact]
    public async Task AnApproverAwayWhoSetADelegate_HasTheDelegateDecide_NotTheirManager()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        // Away from yesterday to next week, written in Berlin time as Outlook on a German desk would.
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("W. Europe Standard Time");
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, berlin).DateTime;
        graph.AutomaticReplies[Persona.Alex.AadObjectId] = new AutoReplies("scheduled",
            new ZonedTime(now.AddDays(-1).ToString("s", CultureInfo.InvariantCulture), "W. Europe Standard Time"),
            new ZonedTime(now.AddDays(7).ToString("s", CultureInfo.InvariantCulture), "W. Europe Standard Time"));
        await using var bot = await StartAsync(graph);

        // The delegate's name is found by the Graph directory's people search.
        var until = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        (await bot.Teams.SayAsync(Persona.Alex, $"delegate approvals to diego sic until {until}")).EnsureSuccessStatusCode();
        await NoticeAsync(bot.Connector, Persona.Alex, "Delegation on", "Diego Siciliani");
        Assert.Contains(graph.UserSearches, q => q.Contains("startswith(givenName,'diego')", StringComparison.Ordinal));
        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);

        var (_, card) = await ApprovalCardAsync(bot.Connector, Persona.Diego, requestId);
        Assert.Contains("on behalf of Alex Wilber", CardReader.AllText(card), StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Connector.CardsSentTo(Persona.Miriam.AadObjectId), c => CardReader.AllText(c).Contains(requestId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMailboxThatCannotBeRead_LeavesTheApprovalWithTheApprover()
    {
        await using var graph = await FakeGraphServer.StartAsync();
        graph.RefusedMailboxes[Persona.Alex.AadObjectId] = true;
        await using var bot = await StartAsync(graph);

        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);

        var (_, card) = await ApprovalCardAsync(bot.Connector, Persona.Alex, requestId);
        Assert.DoesNotContain("on behalf of", CardReader.AllText(card), StringComparison.Ordinal);
    }

    private static Task<BotApp> StartAsync(FakeGraphServer graph) =>
        BotApp.StartAsync(GraphOrganisation.Serve(graph), services => services.AddSingleton<TokenCredential>(new StaticTokenCredential()));
}
