using System.Collections.Concurrent;
using ChatRequests.PortContracts.Storage;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.Embedded.Tests.Fulfilment;

/// <summary>
/// A busy or hung chat delays no other chat's cards (ADR 0036): the relay with its 4 workers on a real SQLite
/// store, each request's team card posted by the real connector client (limits, retries, timeouts as the bot composes
/// them) to the loopback Teams connector, into a chat of the test's choosing; all on one <c>FakeTimeProvider</c>, moved
/// by hand. What is asserted is which cards Teams has, in which order, at which moment of that clock.
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

    public async Task InitializeAsync()
    {
        _teams = await FakeTeamsConnector.StartAsync();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(_rig.Clock);
        services.AddBotConnector();
        _connector = services.BuildServiceProvider();
        var client = _connector.GetRequiredService<IConnectorClient>();
        _rig.Notifier.Deliver = async (requestId, cancellationToken) =>
        {
            var activity = new Activity { Type = ActivityTypes.Message, Text = requestId, Conversation = new ConversationAccount { Id = _chatOf[requestId], TenantId = _teams.TenantId } };
            await client.SendToConversationAsync(_teams.ServiceUrl, _chatOf[requestId], activity, cancellationToken);
            _posted.Enqueue((requestId, _rig.Clock.GetUtcNow() - Start));
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
    public async Task ABurstToOneChat_WaitsInItsLane_WhileEveryOtherChatGetsItsCardAtOnce()
    {
        var burst = await SubmitAsync(1, 30, _ => Busy);
        var others = await SubmitAsync(31, 10, i => $"a:other-{i}");

        await _rig.Relay.StartAsync(CancellationToken.None);

        // The clock has not moved: every other chat has its card, the busy one the 7 a second allows, and the rest of
        // the burst waits in the outbox (no attempt counted) for the slots kept for it: one each, at Teams' pace (1, 7,
        // 1, 7, 1, 6 a second apart: 7 per second and 8 per 2 s), the last less than 6 s away.
        await _teams.WaitForAsync(_ => others.All(Delivered), description: "a card in each of the other chats");
        await SettledAsync(burst);
        Assert.True(Texts(Busy).Count == 7, await StateAsync(burst));
        var waiting = (await Task.WhenAll(burst.Where(id => !Delivered(id)).Select(async id => (await _rig.Store.GetAsync(id))!.Outbox))).Select(Assert.Single).ToList();
        Assert.All(waiting, e => Assert.Equal(0, e.Attempts));
        Assert.Equal([1, 7, 1, 7, 1, 6], Bunches(waiting.Select(e => e.NextAttemptAt - Start)));
        Assert.InRange(waiting.Max(e => e.NextAttemptAt) - Start, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
        Assert.Equal(7, _teams.Requests.Count(r => r.ConversationId == Busy)); // nothing sent only to be refused

        await RunUntilAsync(() => burst.All(Delivered), TimeSpan.FromSeconds(1));

        // All of it, once each, at Teams' pace for one chat: 7, 1, 7, 1, 7, 1, 6 a second apart.
        Assert.Equal(burst, Texts(Busy).Order());
        Assert.Equal([7, 1, 7, 1, 7, 1, 6], Bunches(_posted.Where(p => _chatOf[p.RequestId] == Busy).Select(p => p.At)));
        Assert.All(_teams.Requests, r => Assert.True(r.Succeeded));
    }

    [Fact]
    public async Task AChatWhosePostsHang_HoldsOneWorker_AndTheOtherChatsGetTheirCardsMeanwhile()
    {
        var hung = await SubmitAsync(1, 5, _ => "a:hung");
        var others = await SubmitAsync(6, 10, i => $"a:other-{i}");
        var hold = _teams.Hold(r => r.ConversationId == "a:hung");
        _mayStayInHand = id => _chatOf[id] == "a:hung" && hold.Waiting > 0;

        await _rig.Relay.StartAsync(CancellationToken.None);
        await _teams.WaitForAsync(_ => hold.Waiting == 1, description: "the first post to the hung chat held");

        // The hung chat's next events wait for it at most the lane wait each (250 ms), one worker at a time: by the time
        // the clock has moved half a second, every other chat has its card, and Teams got one post for the hung chat only.
        for (var i = 0; i < 2; i++)
        {
            _rig.Clock.Advance(TimeSpan.FromMilliseconds(250));
            _rig.Signal.Wake();
        }

        await _teams.WaitForAsync(_ => others.All(Delivered), description: "a card in each of the other chats");
        Assert.Equal(1, hold.Held);
        Assert.Equal(1, hold.Waiting);

        // The hung post times out (15 s, not retried: Teams may have it), the chat answers again, and its five cards arrive, once each.
        await RunUntilAsync(() => _rig.Clock.GetUtcNow() - Start >= TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));
        Assert.Equal(1, hold.Held);
        hold.Release();
        await RunUntilAsync(() => hung.All(Delivered), TimeSpan.FromSeconds(1));
        Assert.Equal(hung, Texts("a:hung").Order());
        Assert.Equal(others.Length, others.Sum(id => Texts(_chatOf[id]).Count));
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

        return $"at {(_rig.Clock.GetUtcNow() - Start).TotalSeconds:0.###} s Teams has {string.Join(", ", _teams.Requests.Select(r => $"{r.ConversationId} {r.StatusCode}"))}; outboxes: {string.Join(" | ", outboxes)}";
    }

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

    /// <summary>Waits until each request's card was posted or its event put off for later (nothing due now), or it is held at Teams.</summary>
    private Task SettledAsync(IEnumerable<string> requestIds) => Task.WhenAll(requestIds.Select(id => StoreWaits.StoredWhenAsync(
        _rig.Store,
        id,
        r => r.Outbox.All(e => e.NextAttemptAt > _rig.Clock.GetUtcNow()) || (_mayStayInHand(id) && _rig.Relay.InHand.Contains(id)),
        "its card posted or put off")));

    /// <summary>Moves the clock a step at a time, waking the relay and letting it settle after each, until <paramref name="done"/> (at most 5 minutes of the clock).</summary>
    private async Task RunUntilAsync(Func<bool> done, TimeSpan step)
    {
        var until = _rig.Clock.GetUtcNow() + TimeSpan.FromMinutes(5);
        while (!done())
        {
            Assert.True(_rig.Clock.GetUtcNow() < until, $"not done after 5 minutes of the clock; {await StateAsync(_chatOf.Keys)}");
            _rig.Clock.Advance(step);
            _rig.Signal.Wake();
            await SettledAsync(_chatOf.Keys.Where(id => !Delivered(id)));
        }
    }
}
