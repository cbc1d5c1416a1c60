using System.Text.Json.Nodes;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Xunit.Abstractions;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// The duplicates a kill -9 leaves, counted per message and classified by cause: (a) the post was in flight at the kill
/// (Teams answered less than <see cref="InFlight"/> before it: the bot could not have recorded it; the Bot Connector has
/// no idempotency key), (b) Teams had answered earlier but the ledger record was not written yet, (c) the message was
/// posted again although no attempt of it was interrupted (a step the ledger did not guard), (d) a post cut off by a
/// timeout (the connector's attempt timeout or Fulfilment:EventTimeout) after Teams had it: known to the ledger, counted.
/// </summary>
/// <remarks>
/// A requester, her manager, the Hardware team: per request an approval card, a team card (a new channel thread) and
/// an "approved" notice; the bot is killed at random moments while it posts them. A repeat is found by what people see
/// (cards about the request in the chat or channel), its cause by the message ledger in the database and the kill times.
/// </remarks>
public sealed class CrashDuplicatesTests(ITestOutputHelper output) : LoopBench
{
    /// <summary>Loopback round trip plus the bot reading the answer, on this loaded machine: closer to the kill is in flight.</summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromMilliseconds(20);

    /// <summary>Longer than the ledger write that follows an answer takes, even on this machine: a repeat answered longer
    /// before the next kill (or with none after it) was cut off by a timeout, not by the kill.</summary>
    private static readonly TimeSpan NotRecordedYet = TimeSpan.FromSeconds(1);

    private const int Requests = 24;

    [Fact]
    public async Task KilledWhilePosting_RepeatsOnlyPostsThatAKillInterrupted()
    {
        var random = new Random(20261205);
        var requested = new List<(string RequestId, Persona Requester)>();
        await using var bot = new KilledBot(_connector, Files.Database);
        await bot.StartAsync();

        // Each submit posts an approval card in the background: a kill soon after it lands while that card is posted.
        for (var i = 0; i < Requests; i++)
        {
            var requester = Persona.Megan;
            // The same words every time: numbers in them can make the intake ask "which one?" ("laptop number 11").
            requested.Add((await RequestLaptopAsync(bot.Driver(), _connector, requester), requester));

            if (random.Next(4) == 0)
            {
                await bot.KillSoonAsync(random.Next(0, 30));
                await bot.RestartAsync();
            }
        }

        // Each approval posts a notice and a team card and updates the approval card.
        await CrashRecoveryTests.ApproveAllAsync(bot, _connector, Persona.Alex, requested.Select(r => r.RequestId), random);
        foreach (var (requestId, requester) in requested)
        {
            await TeamCardAsync(_connector, Persona.HardwareChannel, requestId);
            await NoticeAsync(_connector, requester, requestId, "approved");
        }

        await bot.WaitForOutboxDrainedAsync();

        var repeats = new List<Repeat>();
        foreach (var (requestId, requester) in requested)
        {
            var approvalChat = _connector.PersonalChatWith(Persona.Alex.AadObjectId)!;
            repeats.AddRange(Classify(bot, $"approval:{requestId}:", "approval card", ProactiveCards(approvalChat, requestId)));
            repeats.AddRange(Classify(bot, $"team:{requestId}", "team card", TeamThreads(requestId)));
            repeats.AddRange(Classify(bot, $"notice:{requestId}:", "approved notice",
                ProactiveCards(requester.PersonalChatId, requestId).Where(a => Says(a, "approved"))));
        }

        var stale = repeats.Count(r => r.LeftStale);
        output.WriteLine($"{Requests} requests, {bot.Kills.Count} kills, {bot.ReadInterrupted("")} interrupted attempts made again, " +
                         $"{repeats.Count} repeated posts: (a) in flight {repeats.Count(r => r.Cause == 'a')}, " +
                         $"(b) answered, not recorded {repeats.Count(r => r.Cause == 'b')}, (c) unguarded {repeats.Count(r => r.Cause == 'c')}, " +
                         $"(d) cut off by a timeout, known to the ledger {repeats.Count(r => r.Cause == 'd')}; " +
                         $"{stale} earlier copies still offer a decision that was taken");
        foreach (var repeat in repeats)
        {
            output.WriteLine($"  {repeat}");
        }

        Assert.All(repeats, r => Assert.NotEqual('c', r.Cause));
    }

    /// <summary>The repeats among <paramref name="posted"/> (one message's posts): those the ledger does not hold.</summary>
    private static IEnumerable<Repeat> Classify(KilledBot bot, string key, string what, IEnumerable<Activity> posted)
    {
        var copies = posted.ToList();
        if (copies.Count <= 1)
        {
            yield break;
        }

        var recorded = bot.ReadRecordedActivities(key);
        var interrupted = bot.ReadInterrupted(key);
        foreach (var orphan in copies.Where(a => !recorded.Contains(a.Id!)))
        {
            var kill = bot.Kills.Where(k => k >= orphan.Timestamp).Cast<DateTimeOffset?>().FirstOrDefault();
            var before = kill - orphan.Timestamp;
            var cause = interrupted == 0 ? 'c' : before is null || before > NotRecordedYet ? 'd' : before < InFlight ? 'a' : 'b';
            var card = FakeTeamsConnector.CardOf(orphan);
            var leftStale = card is not null && CardReader.Verbs(card).Contains("approval.approve");
            yield return new Repeat(key, what, cause, before, leftStale);
        }
    }

    /// <summary>Cards the bot posted on its own (not answers in a turn) in the conversation that mention the request.</summary>
    private IEnumerable<Activity> ProactiveCards(string conversationId, string requestId) =>
        _connector.ActivitiesIn(conversationId).Where(a => a.ReplyToId is null && Says(a, requestId));

    /// <summary>The root posts of the channel threads about the request.</summary>
    private IEnumerable<Activity> TeamThreads(string requestId) =>
        _connector.Conversations
            .Where(c => c.Id.StartsWith(Persona.HardwareChannel + ";", StringComparison.Ordinal))
            .Select(c => c.Activities[0])
            .Where(root => Says(root, requestId));

    private static bool Says(Activity activity, string words) =>
        FakeTeamsConnector.CardOf(activity) is JsonObject card && CardReader.AllText(card).Contains(words, StringComparison.OrdinalIgnoreCase);

    private sealed record Repeat(string Key, string What, char Cause, TimeSpan? BeforeKill, bool LeftStale)
    {
        public override string ToString() =>
            $"({Cause}) {What} {Key}: answered {(BeforeKill is { } t ? $"{t.TotalMilliseconds:0} ms before a kill" : "with no kill after it")}" +
            (LeftStale ? "; the earlier copy still asks for a decision" : "");
    }
}
