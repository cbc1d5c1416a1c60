using System.Collections.Concurrent;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Embedded.Tests.Fulfilment;

/// <summary>
/// A busy, throttled or hung chat delays no other chat's cards (ADR 0036): the relay with its 4 workers on a real SQLite
/// store, each request's team card posted by the real connector client (limits, retries, timeouts as the bot composes
/// them) to the loopback Teams connector, into a chat of the test's choosing; all on one <c>FakeTimeProvider</c>, moved
/// by hand, and only once the relay has done all it can at the clock's moment (<see cref="QuietAsync"/>: a condition, not
/// a time). What is asserted is which cards Teams has, in which order, at which moment of that clock.
/// </summary>
public sealed class RelayLanesTests : IAsyncLifetime
{
    private const string Busy = "a:busy";

    private readonly RelayRig _rig = new();
    private readonly ConcurrentDictionary<string, string> _chatOf = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string RequestId, TimeSpan At)> _posted = new();
    private Func<string, bool> _mayStayInHand = _ => false;
    private FakeTeamsConnector _teams = null!;
    private ServiceProvider _connector = null!;
    private IConnectorClient _client = null!;

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_rig.Clock);
        // The limiter counts Teams' windows on the wall clock in the bot; here on the test's clock, moved by hand.
        services.AddSingleton(sp => new ConnectorRateLimiter(sp.GetRequiredService<IOptions<ConnectorOptions>>(), _rig.Clock));
        services.AddBotConnector();
        _connector = services.BuildServiceProvider();
        _client = _connector.GetRequiredService<IConnectorClient>();
        _rig.Notifier.Deliver = async (requestId, cancellationToken) =>
        {
            await PostAsync(_chatOf[requestId], requestId, cancellationToken);
            _posted.Enqueue((requestId, Elapsed));
        };
    }

    public async Task DisposeAsync()
    {
        await _rig.Relay.StopAsync(CancellationToken.None);
        await _connector.DisposeAsync();
        await _teams.DisposeAsync();
        _rig.Dispose();
    }

    [Fact]
    public async Task ThirtyNoticesToOneChat_WaitInTheRelaysMemoryForTheirTurns_AndGoAtTeamsPace_InOrder_OnceEach()
    {
        var burst = await SubmitAsync(1, 30, _ => Busy);

        await _rig.Relay.StartAsync(CancellationToken.None);

        // 7 go at once; the other 23 are held by the relay, in memory, for their turns: no attempt counted, nothing written
        // (still due in the store, so a crash loses none of them).
        await _teams.WaitForAsync(_ => Texts(Busy).Count == 7, Patience, "7 posts in the chat");
        await QuietAsync();
        Assert.Equal(burst.Where(id => !Delivered(id)).Order(), _rig.Relay.Held.Order());
        var waiting = (await Task.WhenAll(burst.Where(id => !Delivered(id)).Select(async id => (await _rig.Store.GetAsync(id))!.Outbox))).Select(Assert.Single).ToList();
        Assert.Equal(23, waiting.Count);
        Assert.All(waiting, e => Assert.Equal(0, e.Attempts));
        Assert.All(waiting, e => Assert.True(e.NextAttemptAt <= Start));

        await RunUntilAsync(() => burst.All(Delivered), TimeSpan.FromSeconds(1));

        // At Teams' pace for one chat, 7, 1, 7, 1, 7, 1, 6 a second apart (7 per second and 8 per 2 s), never faster.
        AssertOnceEach(burst, Texts(Busy));
        Assert.Equal([7, 1, 7, 1, 7, 1, 6], Bunches(_posted.Select(p => p.At)));
        AssertWithinTheChatsLimits(_posted.Select(p => p.At));
        Assert.Equal(30, _teams.Requests.Count(r => r.ConversationId == Busy)); // nothing sent only to be refused
    }

    [Fact]
    public async Task NoticesToOneChat_SentAwayBehindACallUnderWay_GoWhenItEnds_WithoutTheClockMoving()
    {
        // Teams holds the chat's posts until the test lets them go. The clock moves once, by the lane wait (250 ms): the
        // chat's other notices, waiting behind the call under way, go back to the relay, held in memory for their turn.
        var burst = await SubmitAsync(1, 5, _ => Busy);
        var hold = _teams.Hold(r => r.ConversationId == Busy);
        _mayStayInHand = id => id == burst[0] && !hold.IsReleased;

        await _rig.Relay.StartAsync(CancellationToken.None);
        await _teams.WaitForAsync(_ => hold.Waiting == 1, Patience, "the first post held");
        _rig.Clock.Advance(TimeSpan.FromMilliseconds(250));
        await QuietAsync();
        Assert.Equal(burst.Skip(1), _rig.Relay.Held.Order());

        // Their turns come when the call under way ends, not on the clock (it never moves again): one after another, in order.
        hold.Release();
        await _teams.WaitForAsync(_ => burst.All(Delivered), Patience, "the chat's five posts");

        AssertOnceEach(burst, Texts(Busy));
        Assert.Equal(TimeSpan.FromMilliseconds(250), Elapsed);
        Assert.Equal(5, _teams.Requests.Count(r => r.ConversationId == Busy));
    }

    [Fact]
    public async Task FiveHundredNoticesToOneChat_AmongFiftyOtherChats_WakeTheRelayAtTheirTurns_AndGoInOrder_WhileTheOthersAndATurnGoAtOnce()
    {
        // 550 notices written one after another, every 11th for a chat of its own; the relay is never woken by hand and
        // its poll is an hour: whatever moves it, moves it on its own (a put-off moves it on, a turn's moment wakes it).
        _rig.Settings.PollInterval = TimeSpan.FromHours(1);
        var all = await SubmitAsync(1, 550, i => i % 11 == 0 ? $"a:other-{i}" : Busy);
        var burst = all.Where(id => _chatOf[id] == Busy).ToArray();
        var others = all.Except(burst).ToArray();

        await _rig.Relay.StartAsync(CancellationToken.None);

        // Before the clock moves, the tenant's 50 posts of a second went: 7 to the busy chat (its limit), 43 to the other
        // chats, though 490 of the busy chat's notices were listed before the last of them. The other 7 go as the clock
        // reaches the next second. (In real time: 550 handler runs and 500 put-offs, a minute at most on a loaded machine.)
        await _teams.WaitForAsync(_ => _teams.Requests.Count == 50, Patience, "the tenant's 50 posts of a second");
        Assert.Equal(7, Texts(Busy).Count);
        await RunQuietlyUntilAsync(() => others.All(Delivered), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(1), Elapsed);

        // A turn's reply to the busy chat a minute in stands in no line: it is the next post there.
        await RunQuietlyUntilAsync(() => Elapsed >= TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(1));
        var before = Texts(Busy).Count;
        var reply = PostAsync(Busy, "turn", CancellationToken.None);
        await RunQuietlyUntilAsync(() => reply.IsCompleted, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
        await reply;
        Assert.Equal(before, Texts(Busy).IndexOf("turn"));

        await RunQuietlyUntilAsync(() => burst.All(Delivered), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));

        // In the order they were written, once each, never refused by Teams, none parked or tried as a failure; at the
        // pace of the chat's 60 per 30 s (the 500th within its ninth window).
        Assert.Equal(burst, Texts(Busy).Where(t => t != "turn"));
        Assert.Equal(others.Length, others.Sum(id => Texts(_chatOf[id]).Count));
        Assert.Equal(0, _teams.Requests.Count(r => !r.Succeeded));
        Assert.InRange(_posted.Max(p => p.At), TimeSpan.FromSeconds(240), TimeSpan.FromSeconds(255));
    }

    [Fact]
    public async Task AChatWhosePostsHang_HoldsOneWorkerUntilTheClientsTimeout_AndTheOtherChatsGetTheirCardsMeanwhile()
    {
        var hung = await SubmitAsync(1, 5, _ => "a:hung");
        var others = await SubmitAsync(6, 20, i => $"a:other-{i}");
        // Teams takes what reaches that chat in the first 15 s of the clock and never answers.
        var hold = _teams.Hold(r => r.ConversationId == "a:hung" && Elapsed < TimeSpan.FromSeconds(15));
        _mayStayInHand = id => _chatOf[id] == "a:hung" && hold.Waiting > 0;

        await _rig.Relay.StartAsync(CancellationToken.None);
        await _teams.WaitForAsync(_ => hold.Waiting == 1, Patience, "the first post to the hung chat held");

        // The hung chat's next events wait for it at most the lane wait (250 ms) and go back to the outbox: by the time
        // the clock has moved half a second, every other chat has its card, and Teams got one post for the hung chat only.
        for (var i = 0; i < 2; i++)
        {
            _rig.Clock.Advance(TimeSpan.FromMilliseconds(250));
            _rig.Signal.Wake();
        }

        await _teams.WaitForAsync(_ => others.All(Delivered), Patience, "a card in each of the other chats");
        Assert.Equal(1, hold.Held);

        // The hung post is given up at the client's attempt timeout (15 s; a post is not retried at once: Teams may have
        // it), its event retried later; meanwhile nothing else went to that chat. Then the chat's five cards arrive,
        // once each (the one that hung after the others: its try failed, and it came back to the end of the line).
        await RunUntilAsync(() => Elapsed >= TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(1));
        await _teams.WaitForAsync(_ => hold.Waiting == 0, Patience, "the hung post given up by the client");
        Assert.Equal(1, hold.Held);
        await RunUntilAsync(() => hung.All(Delivered), TimeSpan.FromSeconds(1));
        Assert.Equal(hung, Texts("a:hung").Order());
        Assert.Equal(1, hold.Held);
        Assert.Equal(others.Length, others.Sum(id => Texts(_chatOf[id]).Count));
    }

    [Fact]
    public async Task AChatAnswering429ForAMinute_IsLeftAloneThatMinute_WhileTheOtherChatsGetTheirCards_ThenGetsAllOfItsOwnOnceEach()
    {
        const string Throttled = "a:throttled";
        var throttling = true;
        _teams.FailNext(new FakeFailure(429, int.MaxValue) { RetryAfter = "60", When = r => Volatile.Read(ref throttling) && r.ConversationId == Throttled });
        var throttled = await SubmitAsync(1, 10, _ => Throttled);
        var others = await SubmitAsync(11, 20, i => $"a:other-{i}");

        await _rig.Relay.StartAsync(CancellationToken.None);

        // One post reached Teams and was told to wait a minute: the chat's other events wait in the outbox for the pause
        // to end (no worker held, no attempt counted), every other chat has its card before the clock moves.
        await _teams.WaitForAsync(_ => others.All(Delivered), Patience, "a card in each of the other chats");
        await QuietAsync();
        Assert.Equal(1, _teams.Requests.Count(r => r.ConversationId == Throttled));
        Assert.Equal(throttled.Order(), _rig.Relay.Held.Order());
        var waiting = (await Task.WhenAll(throttled.Select(async id => (await _rig.Store.GetAsync(id))!.Outbox))).Select(Assert.Single).ToList();
        Assert.All(waiting, e => Assert.Equal(0, e.Attempts));

        // Nothing more goes to that chat within the minute; then Teams takes posts again and all ten arrive, in order, once each.
        await RunUntilAsync(() => Elapsed >= TimeSpan.FromSeconds(59), TimeSpan.FromSeconds(1));
        Assert.Equal(1, _teams.Requests.Count(r => r.ConversationId == Throttled));
        Volatile.Write(ref throttling, false);
        await RunUntilAsync(() => throttled.All(Delivered), TimeSpan.FromSeconds(1));
        AssertOnceEach(throttled, Texts(Throttled));
        Assert.Equal(1, _teams.Requests.Count(r => r.StatusCode == 429));
    }

    /// <summary>How long, in real time, a wait for the relay or Teams may take on a loaded machine before the test fails (a last resort).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private TimeSpan Elapsed => _rig.Clock.GetUtcNow() - Start;

    private Task<ResourceResponse> PostAsync(string chat, string text, CancellationToken cancellationToken)
    {
        var activity = new Activity { Type = ActivityTypes.Message, Text = text, Conversation = new ConversationAccount { Id = chat, TenantId = _teams.TenantId } };
        return _client.SendToConversationAsync(_teams.ServiceUrl, chat, activity, cancellationToken);
    }

    /// <summary>Stores <paramref name="count"/> submitted requests from number <paramref name="first"/> on, each due a moment after the one before, their cards for the chat given.</summary>
    private async Task<string[]> SubmitAsync(int first, int count, Func<int, string> chat)
    {
        var ids = new List<string>();
        for (var i = first; i < first + count; i++)
        {
            var id = $"REQ-{i:D6}";
            _chatOf[id] = chat(i);
            await _rig.Store.CreateAsync(Submit(id, Start.AddSeconds(-100).AddMilliseconds(i)));
            ids.Add(id);
        }

        return [.. ids];
    }

    /// <summary>What Teams has and what the outboxes hold, for a failure's message.</summary>
    private async Task<string> StateAsync(IEnumerable<string> requestIds)
    {
        var outboxes = new List<string>();
        foreach (var id in requestIds.Order())
        {
            var events = (await _rig.Store.GetAsync(id))!.Outbox.Select(e => $"{e.Attempts} attempts, due {(e.NextAttemptAt - Start).TotalSeconds:0.###} s, {e.LastError}");
            outboxes.Add($"{id}: {string.Join("; ", events)}");
        }

        return $"at {Elapsed.TotalSeconds:0.###} s Teams has {_teams.Requests.Count} requests ({_teams.Requests.Count(r => !r.Succeeded)} failed); outboxes: {string.Join(" | ", outboxes)}";
    }

    /// <summary>Every notice once, in the order its event was written.</summary>
    private static void AssertOnceEach(IReadOnlyList<string> requestIds, IReadOnlyList<string> posted) =>
        Assert.Equal(requestIds, posted);

    /// <summary>How many moments fall in each bunch, in time order; a bunch ends where the next moment is half a second or more later.</summary>
    private static List<int> Bunches(IEnumerable<TimeSpan> moments)
    {
        var bunches = new List<int>();
        TimeSpan? last = null;
        foreach (var moment in moments.Order())
        {
            if (last is null || moment - last >= TimeSpan.FromSeconds(0.5))
            {
                bunches.Add(0);
            }

            bunches[^1]++;
            last = moment;
        }

        return bunches;
    }

    private bool Delivered(string requestId) => Texts(_chatOf[requestId]).Contains(requestId);

    private List<string> Texts(string chat) => [.. _teams.ActivitiesIn(chat).Select(a => a.Text ?? "")];

    /// <summary>No more than Teams' limits for one conversation in any of its windows.</summary>
    private static void AssertWithinTheChatsLimits(IEnumerable<TimeSpan> moments)
    {
        var all = moments.Order().ToList();
        foreach (var (_, window) in new ConnectorOptions().ConversationWindows())
        {
            foreach (var from in all)
            {
                Assert.True(all.Count(m => m >= from && m < from + window.Window) <= window.PermitLimit, $"more than {window.PermitLimit} posts in {window.Window} from {from}");
            }
        }
    }

    /// <summary>
    /// Moves the clock a step at a time, never waking the relay by hand, letting it settle after each (<see cref="QuietAsync"/>),
    /// until <paramref name="done"/> (at most 5 minutes of the clock unless told).
    /// </summary>
    private Task RunQuietlyUntilAsync(Func<bool> done, TimeSpan step, TimeSpan? atMost = null) => RunAsync(done, step, atMost, wake: false);

    /// <summary>Moves the clock a step at a time, waking the relay and letting it settle after each, until <paramref name="done"/> (at most 5 minutes of the clock unless told).</summary>
    private Task RunUntilAsync(Func<bool> done, TimeSpan step, TimeSpan? atMost = null) => RunAsync(done, step, atMost, wake: true);

    private async Task RunAsync(Func<bool> done, TimeSpan step, TimeSpan? atMost, bool wake)
    {
        var until = _rig.Clock.GetUtcNow() + (atMost ?? TimeSpan.FromMinutes(5));
        while (!done())
        {
            Assert.True(_rig.Clock.GetUtcNow() < until, $"not done in time; {await StateAsync(_chatOf.Keys.Where(id => !Delivered(id)).Take(20))}");
            _rig.Clock.Advance(step);
            if (wake)
            {
                _rig.Signal.Wake();
            }

            await QuietAsync();
        }
    }

    /// <summary>
    /// Waits until the relay did all it can at the clock's moment: no worker holds a request (but those allowed to stay in
    /// hand), and every event due in the store is held by the relay for its turn, not called yet. A relay that was not
    /// woken when it should have been fails here. Real time only bounds the wait (two minutes: a last resort on a loaded
    /// machine), it is never what the test waits for.
    /// </summary>
    private async Task QuietAsync()
    {
        var deadline = DateTimeOffset.UtcNow + Patience;
        while (!await IsQuietAsync())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"the relay left due events; {await StateAsync(_chatOf.Keys.Where(id => !Delivered(id)).Take(20))}");
            await Task.Delay(10);
        }
    }

    private async Task<bool> IsQuietAsync()
    {
        if (!_rig.Relay.InHand.All(_mayStayInHand))
        {
            return false;
        }

        var held = _rig.Relay.Held.ToHashSet(StringComparer.Ordinal);
        var due = await _rig.Store.ListIdsWithDueEventsAsync(_rig.Clock.GetUtcNow(), 10_000);
        return due.All(id => held.Contains(id) || _mayStayInHand(id)) && _rig.Relay.InHand.All(_mayStayInHand);
    }
}
