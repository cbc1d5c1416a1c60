using ChatRequests.Testing;

namespace ChatRequests.Bot.Tests.Hosting;

/// <summary>
/// The bot makes no more malloc arenas once its Main has run (<c>NativeHeap.LimitArenasAtStart</c>, ADR 0047): the bot as a child process, answering turns on
/// many threads at once, and the arenas counted in its memory map. glibc gives a thread that finds every arena locked a
/// new one, so concurrent turns are what would make more.
/// </summary>
public sealed class NativeHeapTests
{
    private const int ConcurrentTurns = 48;

    // glibc's arena_test on 64-bit: with no limit set it makes arenas freely up to this many, then fixes its own limit.
    private const int GlibcArenaTest = 8;

    [Fact]
    public async Task TheBot_KeepsToTheArenasItIsAllowed_WhileTurnsRunAtOnce()
    {
        await using var connector = await FakeTeamsConnector.StartAsync();
        var data = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));
        await using var bot = new BotProcess(Path.Combine(data, "requests.db"), connector.ServiceUrl);
        await bot.StartAsync();
        using var http = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var teams = new TeamsDriver(http, connector);
        Persona[] people = [Persona.Megan, Persona.Diego, Persona.Alex, Persona.Adele];

        var answers = await Task.WhenAll(Enumerable.Range(0, ConcurrentTurns).Select(i => teams.SayAsync(people[i % people.Length], "my requests")));

        Assert.All(answers, a => a.EnsureSuccessStatusCode());
        // The runtime's threads made some before Main (7 or 8 here) and they stay; the limit stops any more. Without it these
        // turns made 15. Past eight glibc fixes its own limit (eight per core) and no later call changes it.
        Assert.InRange(MallocArenas.Count(bot.ProcessId), 0, GlibcArenaTest);
    }
}
