using ChatRequests.Bot.Conversations;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using ChatRequests.Testing;
using static ChatRequests.Bot.Tests.Intake.WardBot;

namespace ChatRequests.Bot.Tests.Intake;

/// <summary>Intake:HelpDesk and Intake:IncidentReport: the defaults point to the service desk; a link must be https.</summary>
public sealed class IntakeContactOptionsTests
{
    private static readonly Dictionary<string, Func<ICatalog, Meaning>> Script = new()
    {
        ["the EPR keeps crashing"] = _ => new Meaning { Kind = MeaningKind.Incident },
        ["a flux capacitor"] = _ => new Meaning { Kind = MeaningKind.Unknown },
    };

    [Fact]
    public async Task Unset_SendsPeopleToTheServiceDesk_WithoutALink()
    {
        await using var bot = await StartAsync(Script, configured: false);

        (await bot.Teams.SayAsync(Nia, "a flux capacitor")).EnsureSuccessStatusCode();
        (await bot.Teams.SayAsync(Nia, "the EPR keeps crashing")).EnsureSuccessStatusCode();

        var options = new IntakeContactOptions();
        var unknown = await Loop.LoopSteps.NoticeAsync(bot.Connector, Nia, "couldn't match");
        Assert.Contains(options.HelpDesk.Text!, CardReader.AllText(unknown));
        var incident = await Loop.LoopSteps.NoticeAsync(bot.Connector, Nia, "(an incident)");
        Assert.Contains(options.IncidentReport.Text!, CardReader.AllText(incident));
        Assert.DoesNotContain("Action.OpenUrl", unknown.ToJsonString() + incident.ToJsonString());
        Assert.Contains("service desk", options.HelpDesk.Text!);
        Assert.Contains("service desk", options.IncidentReport.Text!);
    }

    [Theory]
    [InlineData("http://desk.example.com/", null)]
    [InlineData("desk.example.com", null)]
    [InlineData(null, "")]
    public void Validation_RefusesALinkThatIsNotHttpsAndEmptyWords(string? link, string? text)
    {
        var signpost = new SignpostOptions { Text = text ?? "Call 1234.", Link = link };

        Assert.False(signpost.IsValid());
    }

    [Fact]
    public void Validation_TakesHttpsTeamsLinksAndWordsAlone()
    {
        Assert.True(new SignpostOptions { Text = "Ask in IT Help.", Link = HelpDeskLink }.IsValid());
        Assert.True(new SignpostOptions { Text = "Call 1234." }.IsValid());
        Assert.False(new SignpostOptions { Text = new string('x', IntakeContactOptions.MaxTextLength + 1) }.IsValid());
    }

    [Fact]
    public async Task ALinkThatIsNotHttps_StopsTheBotFromStarting_SayingWhichOnce()
    {
        var data = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);

        var exit = await HostRun.UntilExitAsync(RepositoryPaths.BotAssembly, "Development",
            [$"--Storage:SqlitePath={Path.Combine(data, "requests.db")}", "--Intake:IncidentReport:Link=http://desk.example.com/"]);

        Assert.Equal(1, exit.ExitCode);
        Assert.True(exit.CountOf("Intake:IncidentReport needs") == 1, exit.Output);
        Assert.False(exit.ShowsStackTrace, exit.Output);
    }
}
