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
        var opened = await OpenEveryCopyAsync(bot, requested.Select(r => r.RequestId));
        output.WriteLine($"{Requests} requests, {bot.Kills.Count} kills, {bot.ReadInterrupted("")} interrupted attempts made again, " +
                         $"{repeats.Count} repeated posts: (a) in flight {repeats.Count(r => r.Cause == 'a')}, " +
                         $"(b) answered, not recorded {repeats.Count(r => r.Cause == 'b')}, (c) unguarded {repeats.Count(r => r.Cause == 'c')}, " +
                         $"(d) cut off by a timeout, known to the ledger {repeats.Count(r => r.Cause == 'd')}; " +
                         $"{stale} earlier copies still offer a decision that was taken until looked at; " +
                         $"{opened} copies looked at (their refresh), each showing the request as it is now");
        foreach (var repeat in repeats)
        {
            output.WriteLine($"  {repeat}");
        }

        Assert.All(repeats, r => Assert.NotEqual('c', r.Cause));
    }

    [Fact]
    public async Task AnApprovalCardPostedAgainAfterACrash_ShowsTheDecisionTakenOnTheOther_AsSoonAsItIsLookedAt()
    {
        await using var bot = new KilledBot(_connector, Files.Database);
        await bot.StartAsync();
        // Teams takes the approval card, but its answer is slow: the bot is killed before it hears that it was posted.
        _connector.FailNext(new FakeFailure(0)
        {
            AnswerDelay = TimeSpan.FromMinutes(2),
            When = r => r.Route == FakeConnectorRoute.SendToConversation && r.Body?.ToJsonString().Contains("Approval needed") == true,
        });
        var requestId = await RequestLaptopAsync(bot.Driver(), _connector, Persona.Megan);
        await _connector.WaitForAsync(c => ApprovalCopies(requestId).Count == 1, description: "the first approval card, posted");
        await bot.KillAsync();
        await bot.RestartAsync();

        // The outbox posts it again after the restart: two copies in Alex's chat, the second one recorded.
        await _connector.WaitForAsync(c => ApprovalCopies(requestId).Count == 2, description: "the approval card, posted again");
        var (chat, _) = await ApprovalCardAsync(_connector, Persona.Alex, requestId);
        var copies = ApprovalCopies(requestId);
        // The bot records the second copy's id once Teams' answer is read, a moment after Teams has it.
        var recorded = await _connector.WaitForAsync(
            _ => bot.ReadRecordedActivities($"approval:{requestId}:") is { Count: > 0 } ids ? ids : null,
            description: "the second approval card recorded by the bot");
        var first = Assert.Single(copies, a => !recorded.Contains(a.Id!));
        var second = Assert.Single(copies, a => recorded.Contains(a.Id!));
        await bot.Driver().ClickOnCardAsync(Persona.Alex, chat, FakeTeamsConnector.CardOf(second)!, "approval.approve");
        await bot.WaitForOutboxDrainedAsync();

        var stale = FakeTeamsConnector.CardOf(ApprovalCopies(requestId).Single(a => a.Id == first.Id))!;
        var opened = await RefreshAsync(bot.Driver(), Persona.Alex, chat, stale);
        var clicked = await bot.Driver().ClickOnCardAsync(Persona.Alex, chat, stale, "approval.approve");

        // The copy whose answer was lost is never updated in place: it still asks, until Alex looks at it.
        Assert.Contains("approval.approve", CardReader.Verbs(stale));
        Assert.Contains("Approved by you", opened.CardText);
        Assert.DoesNotContain("approval.approve", CardReader.Verbs(opened.Card));
        // A click on it is answered from the request, which was decided once.
        Assert.Contains("Approved by you", clicked.CardText);
        Assert.Equal(1L, bot.ReadInterrupted($"approval:{requestId}:"));
    }

    /// <summary>The approval cards of the request in Alex's chat, each as it shows now.</summary>
    private IReadOnlyList<Activity> ApprovalCopies(string requestId) =>
        _connector.PersonalChatWith(Persona.Alex.AadObjectId) is { } chat ? [.. ProactiveCards(chat, requestId)] : [];

    /// <summary>
    /// Every copy of each request's approval card and team card, the recorded one and any repeat, looked at by its
    /// approver or an agent: Teams sends the card's refresh (ADR 0027), and the answer shows the request as it is now:
    /// the decision taken, no Approve; the team card as the recorded copy, updated in place, shows it. Returns the count.
    /// </summary>
    private async Task<int> OpenEveryCopyAsync(KilledBot bot, IEnumerable<string> requestIds)
    {
        var driver = bot.Driver();
        var opened = 0;
        var approvalChat = _connector.PersonalChatWith(Persona.Alex.AadObjectId)!;
        foreach (var requestId in requestIds)
        {
            foreach (var copy in ProactiveCards(approvalChat, requestId))
            {
                var answer = await RefreshAsync(driver, Persona.Alex, approvalChat, FakeTeamsConnector.CardOf(copy)!);
                Assert.Contains("Approved by you", answer.CardText);
                Assert.DoesNotContain("approval.approve", CardReader.Verbs(answer.Card));
                opened++;
            }

            var threads = TeamThreadsWithIds(requestId).ToList();
            var recordedIds = bot.ReadRecordedActivities($"team:{requestId}");
            var recorded = FakeTeamsConnector.CardOf(threads.Single(t => recordedIds.Contains(t.Root.Id!)).Root);
            foreach (var (thread, root) in threads)
            {
                var answer = await RefreshAsync(driver, Persona.Adele, thread, FakeTeamsConnector.CardOf(root)!);
                Assert.Equal(CardReader.AllText(recorded), answer.CardText);
                opened++;
            }
        }

        return opened;
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
    private IEnumerable<Activity> TeamThreads(string requestId) => TeamThreadsWithIds(requestId).Select(t => t.Root);

    /// <summary>The channel threads about the request, and their root posts as they show now (updates applied).</summary>
    private IEnumerable<(string Thread, Activity Root)> TeamThreadsWithIds(string requestId) =>
        _connector.Conversations
            .Where(c => c.Id.StartsWith(Persona.HardwareChannel + ";", StringComparison.Ordinal))
            .Select(c => (c.Id, c.Activities[0]))
            .Where(t => Says(t.Item2, requestId));

    /// <summary>What Teams sends by itself when the person looks at the card: the card's refresh action.</summary>
    private static Task<InvokeResult> RefreshAsync(TeamsDriver driver, Persona who, string conversationId, JsonObject card)
    {
        var action = card["refresh"]?["action"] ?? throw new InvalidOperationException($"No refresh on {card.ToJsonString()}");
        return driver.ClickAsync(who, conversationId, action["verb"]!.GetValue<string>(), action["data"]!.DeepClone().AsObject(), trigger: "automatic");
    }

    private static bool Says(Activity activity, string words) =>
        FakeTeamsConnector.CardOf(activity) is JsonObject card && CardReader.AllText(card).Contains(words, StringComparison.OrdinalIgnoreCase);

    private sealed record Repeat(string Key, string What, char Cause, TimeSpan? BeforeKill, bool LeftStale)
    {
        public override string ToString() =>
            $"({Cause}) {What} {Key}: answered {(BeforeKill is { } t ? $"{t.TotalMilliseconds:0} ms before a kill" : "with no kill after it")}" +
            (LeftStale ? "; the earlier copy still asks for a decision" : "");
    }
}
