using System.Globalization;
using System.Text.Json.Nodes;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop.Delegation;

/// <summary>
/// Delegation through the whole bot: Alex Wilber (Megan Bowen's manager) hands his approvals to someone in chat, and the
/// laptop Megan asks for is put to them on his behalf.
/// </summary>
public sealed class DelegationLoopTests : LoopBench
{
    private static readonly string Until = DateTime.UtcNow.AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task SetShowAndOff_InChat()
    {
        await using var bot = await StartAsync();

        var set = await SayAsync(bot, Persona.Alex, $"delegate approvals to Diego Siciliani until {Until}", "Delegation on");
        Assert.Contains("go to Diego Siciliani, who decides on your behalf", set, StringComparison.Ordinal);
        Assert.Contains("Approvals already sent to you stay with you", set, StringComparison.Ordinal);

        Assert.Contains("Diego Siciliani approves for you", await SayAsync(bot, Persona.Alex, "who approves for me?", "Your delegation"), StringComparison.Ordinal);
        Assert.Contains("no longer approves for you", await SayAsync(bot, Persona.Alex, "delegation off", "Delegation off"), StringComparison.Ordinal);
        await SayAsync(bot, Persona.Alex, "delegation", "No delegation");
    }

    [Theory]
    [InlineData("delegate approvals to Diego Siciliani", "Until when?")]
    [InlineData("delegate approvals to Diego Siciliani until 2020-01-01", "That day has passed")]
    [InlineData("delegate approvals to Alex Wilber until friday", "You can't delegate your approvals to yourself")]
    [InlineData("delegate approvals to Zebedee Quux until friday", "I found nobody of that name")]
    public async Task ASettingThatCannotBe_SaysWhatIsWrong_AndSetsNothing(string words, string answer)
    {
        await using var bot = await StartAsync();

        (await bot.Teams.SayAsync(Persona.Alex, words)).EnsureSuccessStatusCode();

        Assert.Contains(bot.Connector.ActivitiesIn(Persona.Alex.PersonalChatId), a => a.Text?.Contains(answer, StringComparison.Ordinal) == true);
        await SayAsync(bot, Persona.Alex, "delegation", "No delegation");
    }

    [Fact]
    public async Task SeveralPeopleOfTheName_AreListed_AndThePickIsCheckedAgainstTheDirectory()
    {
        await using var bot = await StartAsync();
        (await bot.Teams.SayAsync(Persona.Alex, $"delegate approvals to jo until {Until}")).EnsureSuccessStatusCode();
        var choice = await NoticeAsync(bot.Connector, Persona.Alex, "Whom do you mean?");
        Assert.Contains("Johanna Lorenz", CardReader.AllText(choice), StringComparison.Ordinal);
        Assert.Contains("Joni Sherman", CardReader.AllText(choice), StringComparison.Ordinal);

        // A forged id (someone not in the directory) is refused; the listed one is taken.
        var forged = await bot.Teams.ClickAsync(Persona.Alex, Persona.Alex.PersonalChatId, "delegation.pick",
            new JsonObject { ["personId"] = Persona.Stranger.AadObjectId, ["until"] = Until });
        Assert.Contains("no longer in the directory", forged.Message, StringComparison.Ordinal);
        var picked = await bot.Teams.ClickOnCardAsync(Persona.Alex, Persona.Alex.PersonalChatId, choice, "delegation.pick");

        Assert.Contains("Johanna Lorenz, who decides on your behalf", picked.CardText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADelegatedApproval_EndToEnd_NamesBothPeople()
    {
        await using var bot = await StartAsync();
        await SayAsync(bot, Persona.Alex, $"delegate my approvals to Diego Siciliani until {Until}", "Delegation on");

        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        var (chatId, card) = await ApprovalCardAsync(bot.Connector, Persona.Diego, requestId);
        Assert.Contains("on behalf of Alex Wilber", CardReader.AllText(card), StringComparison.Ordinal);
        var status = await SayAsync(bot, Persona.Megan, requestId, requestId);
        Assert.Contains("Diego Siciliani on behalf of Alex Wilber", status, StringComparison.Ordinal);

        var approved = await bot.Teams.ClickOnCardAsync(Persona.Diego, chatId, card, "approval.approve");

        Assert.Contains("Approved by you on behalf of Alex Wilber", approved.CardText, StringComparison.Ordinal);
        await NoticeAsync(bot.Connector, Persona.Megan, "Diego Siciliani on behalf of Alex Wilber approved your request");
        var request = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        var decision = request.Approvals[0].Decision!;
        Assert.Equal((Persona.Diego.AadObjectId, Persona.Alex.AadObjectId), (decision.ById, decision.OnBehalfOf?.Id));
        Assert.DoesNotContain(bot.Connector.CardsSentTo(Persona.Alex.AadObjectId), c => CardReader.AllText(c).Contains(requestId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task DelegationDoesNotChain_AndADelegateNeverApprovesTheirOwnRequest()
    {
        await using var bot = await StartAsync();
        await SayAsync(bot, Persona.Alex, $"delegate approvals to Megan Bowen until {Until}", "Delegation on");
        await SayAsync(bot, Persona.Diego, $"delegate approvals to Megan Bowen until {Until}", "Delegation on");

        // Megan asks: Alex's delegate is Megan herself, so the stage goes down its fallbacks to Alex's manager.
        var own = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);
        await ApprovalCardAsync(bot.Connector, Persona.Miriam, own);

        // Diego asks, with Alex delegating to Megan and Megan (in turn) to no one: Megan decides, once, for Alex.
        await SayAsync(bot, Persona.Megan, $"delegate approvals to Grady Archie until {Until}", "Delegation on");
        var diegos = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Diego);
        await NoticeAsync(bot.Connector, Persona.Megan, "Approval needed: " + diegos, "on behalf of Alex Wilber");
        Assert.DoesNotContain(bot.Connector.CardsSentTo(Persona.Grady.AadObjectId), c => CardReader.AllText(c).Contains(diegos, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnApproverOutOfOffice_HasTheirManagerDecide_OnTheirBehalf()
    {
        await using var bot = await StartAsync(services => services.AddSingleton<IAbsenceCalendar>(new Away(Persona.Alex.AadObjectId)));

        var requestId = await RequestLaptopAsync(bot.Teams, bot.Connector, Persona.Megan);

        var (_, card) = await ApprovalCardAsync(bot.Connector, Persona.Miriam, requestId);
        Assert.Contains("on behalf of Alex Wilber", CardReader.AllText(card), StringComparison.Ordinal);
        var request = (await bot.Services.GetRequiredService<IRequestStore>().GetAsync(requestId))!;
        Assert.Contains(request.History, h => h.Action == AuditAction.Reroute && h.Comment!.StartsWith("Alex Wilber is away", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADelegation_SurvivesARestart()
    {
        await using (var first = await StartAsync())
        {
            await SayAsync(first, Persona.Alex, $"delegate approvals to Diego Siciliani until {Until}", "Delegation on");
        }

        await using var second = await StartAsync();
        var requestId = await RequestLaptopAsync(second.Teams, second.Connector, Persona.Megan);

        var (_, card) = await ApprovalCardAsync(second.Connector, Persona.Diego, requestId);
        Assert.Contains("on behalf of Alex Wilber", CardReader.AllText(card), StringComparison.Ordinal);
    }

    /// <summary>Says <paramref name="words"/> and returns the text of the card answered that contains <paramref name="expected"/>.</summary>
    private static async Task<string> SayAsync(BotApp bot, Persona who, string words, string expected)
    {
        var before = bot.Connector.ActivitiesIn(who.PersonalChatId).Count;
        (await bot.Teams.SayAsync(who, words)).EnsureSuccessStatusCode();
        var card = await bot.Connector.WaitForAsync(
            c => c.ActivitiesIn(who.PersonalChatId).Skip(before).Select(FakeTeamsConnector.CardOf)
                .FirstOrDefault(card => card is not null && CardReader.AllText(card).Contains(expected, StringComparison.Ordinal)),
            description: $"an answer to {who.Name} saying {expected}");
        return CardReader.AllText(card);
    }

    private sealed class Away(string personId) : IAbsenceCalendar
    {
        public Task<Absence?> FindAbsenceAsync(string id, DateTimeOffset at, CancellationToken cancellationToken = default) =>
            Task.FromResult(id == personId ? new Absence(null, null) : null);
    }
}
