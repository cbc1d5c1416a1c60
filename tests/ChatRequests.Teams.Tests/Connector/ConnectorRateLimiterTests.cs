using ChatRequests.Core.Fulfilment;
using ChatRequests.Teams.Connector;
using ChatRequests.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Teams.Tests.Connector;

/// <summary>
/// The connector client's limiter on a <see cref="FakeTimeProvider"/>: which call it lets through when, to the
/// millisecond. Each test starts calls, lets each run for its duration once let through, and moves the clock 1 ms at a
/// time until every call has ended.
/// </summary>
public sealed class ConnectorRateLimiterTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);

    [Fact]
    public void ManyChatsOfOneTenant_GoAtExactlyTheTenantsPublishedLimit()
    {
        var calls = Enumerable.Range(0, 200).Select(i => new Call($"a:chat-{i}")).ToList();

        Run(new ConnectorOptions(), calls);

        // 50 a second, each second to the millisecond: the least time Teams' limits allow, and no call sooner.
        Assert.Equal([(0, 50), (1_000, 50), (2_000, 50), (3_000, 50)], LetThroughPerMillisecond(calls));
        Assert.Equal(TeamsRateLimits.Published.MinimumSpan(200, 200), calls.Max(c => c.LetThroughAt!.Value));
    }

    [Fact]
    public void OneChat_GoesAtTeamsPublishedPaceForAConversation_InTheOrderItsCallsCame()
    {
        var calls = Enumerable.Range(0, 30).Select(_ => new Call("a:chat")).ToList();

        Run(new ConnectorOptions(), calls);

        // 7 per second lets 7 go at once; 8 per 2 s then allows one more a second later, and so on.
        Assert.Equal([(0, 7), (1_000, 1), (2_000, 7), (3_000, 1), (4_000, 7), (5_000, 1), (6_000, 6)], LetThroughPerMillisecond(calls));
        Assert.Equal(TeamsRateLimits.Published.MinimumSpan(30, 1), calls.Max(c => c.LetThroughAt!.Value));
        Assert.Equal(calls.Select(c => c.LetThroughAt).Order(), calls.Select(c => c.LetThroughAt));
    }

    [Fact]
    public void AWindowCountsACall_UntilAWindowAfterItEnded()
    {
        var options = new ConnectorOptions { ConversationPerSecond = new RateLimitWindow { PermitLimit = 1, Window = TimeSpan.FromSeconds(1) } };
        var calls = new List<Call> { new("a:chat", duration: TimeSpan.FromMilliseconds(300)), new("a:chat") };

        Run(options, calls);

        // Teams may have counted the first call as late as its answer: the second goes a second after that.
        Assert.Equal(TimeSpan.FromMilliseconds(1_300), calls[1].LetThroughAt);
    }

    [Fact]
    public void ABurstToOneChat_DoesNotHoldUpTheTenantsOtherChats()
    {
        var burst = Enumerable.Range(0, 100).Select(_ => new Call("a:burst")).ToList();
        var others = Enumerable.Range(0, 40).Select(i => new Call($"a:other-{i}")).ToList();

        Run(new ConnectorOptions(), [.. burst, .. others]);

        Assert.All(others, c => Assert.Equal(TimeSpan.Zero, c.LetThroughAt));
        Assert.Equal(7, burst.Count(c => c.LetThroughAt == TimeSpan.Zero));
    }

    [Fact]
    public void Tenants_DoNotShareTheirBudgets()
    {
        var busy = Enumerable.Range(0, 120).Select(i => new Call($"a:busy-{i}", "tenant-busy")).ToList();
        var quiet = Enumerable.Range(0, 10).Select(i => new Call($"a:quiet-{i}", "tenant-quiet")).ToList();

        Run(new ConnectorOptions(), [.. busy, .. quiet]);

        Assert.All(quiet, c => Assert.Equal(TimeSpan.Zero, c.LetThroughAt));
        Assert.Equal([(0, 50), (1_000, 50), (2_000, 20)], LetThroughPerMillisecond(busy));
    }

    [Fact]
    public async Task ACallWithdrawn_GivesUpItsPlace_ToTheNextInItsChat()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions { ConversationPerSecond = new RateLimitWindow { PermitLimit = 1, Window = TimeSpan.FromSeconds(1) } }, clock);
        using var cancel = new CancellationTokenSource();
        (await limiter.AcquireAsync(Key("a:chat"), CancellationToken.None)).Dispose();
        var withdrawn = limiter.AcquireAsync(Key("a:chat"), cancel.Token).AsTask();
        var next = limiter.AcquireAsync(Key("a:chat"), CancellationToken.None).AsTask();

        await cancel.CancelAsync();
        clock.Advance(TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        Assert.True(next.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ACallThatWaitsLongerThanMaxPermitWait_FailsAsALocal429_AndIsNotCounted()
    {
        var clock = new FakeTimeProvider();
        var options = new ConnectorOptions
        {
            ConversationPerThirtySeconds = new RateLimitWindow { PermitLimit = 1, Window = TimeSpan.FromSeconds(30) },
            MaxPermitWait = TimeSpan.FromSeconds(5),
        };
        using var limiter = Limiter(options, clock);
        (await limiter.AcquireAsync(Key("a:chat"), CancellationToken.None)).Dispose();
        var waiting = limiter.AcquireAsync(Key("a:chat"), CancellationToken.None).AsTask();

        clock.Advance(TimeSpan.FromSeconds(5));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => waiting);
        Assert.Equal(ConnectorException.LocalRateLimit, error.ErrorCode);
        Assert.True(error.WasNotSent);
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.True(limiter.AcquireAsync(Key("a:chat"), CancellationToken.None).IsCompletedSuccessfully);
    }

    [Fact]
    public void CallsAtRandomMoments_NeverOverfillAWindow_AndAllGo()
    {
        var options = new ConnectorOptions
        {
            ConversationPerSecond = new RateLimitWindow { PermitLimit = 3, Window = TimeSpan.FromMilliseconds(500) },
            ConversationPerTwoSeconds = new RateLimitWindow { PermitLimit = 5, Window = TimeSpan.FromSeconds(2) },
            TenantPerSecond = new RateLimitWindow { PermitLimit = 8, Window = TimeSpan.FromSeconds(1) },
        };
        var random = new Random(15);
        var calls = Enumerable.Range(0, 300)
            .Select(_ => random.Next(12))
            .Select(chat => new Call(
                $"a:chat-{chat}", $"tenant-{chat % 2}", TimeSpan.FromMilliseconds(random.Next(200)), TimeSpan.FromMilliseconds(random.Next(20_000))))
            .OrderBy(c => c.ArrivesAt)
            .ToList();

        Run(options, calls);

        // Wherever in its span Teams counts each call, no window holds more than its limit: for every call, the calls
        // let through before it that had not ended a window earlier are fewer than the limit.
        foreach (var (partition, windows) in new (Func<Call, string> Of, RateLimitWindow[] Windows)[]
        {
            (c => c.Conversation, [options.ConversationPerSecond, options.ConversationPerTwoSeconds]),
            (c => c.Tenant, [options.TenantPerSecond]),
        })
        {
            foreach (var call in calls)
            {
                foreach (var window in windows)
                {
                    var counted = calls.Count(c => partition(c) == partition(call) && c.LetThroughAt <= call.LetThroughAt && c.EndedAt > call.LetThroughAt - window.Window);
                    Assert.True(counted <= window.PermitLimit, $"{counted} calls in a window of {window.PermitLimit} per {window.Window}");
                }
            }
        }

        Assert.All(calls.GroupBy(c => c.Conversation), chat => Assert.Equal(chat.Select(c => c.LetThroughAt).Order(), chat.Select(c => c.LetThroughAt)));
    }

    [Fact]
    public async Task ABackgroundCallWhoseChatIsFull_IsSentAwayAtOnceUnsent_ToItsTurnInLine_AndGoesWhenItComesBackThen()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        await FillAsync(limiter, "a:chat", 7);

        // The 8th may go a second later, the 9th to 15th two seconds later (8 per 2 s, 7 per second): each is told its own turn.
        var sentAway = new List<TimeSpan?>();
        for (var i = 0; i < 9; i++)
        {
            var error = await Assert.ThrowsAsync<ConnectorException>(() => BackgroundAsync(limiter, "a:chat", $"event-{i}").AsTask());
            Assert.True(error.WasNotSent);
            sentAway.Add(error.RetryAfter);
        }

        Assert.Equal([1, 2, 2, 2, 2, 2, 2, 2, 3], sentAway.Select(wait => wait!.Value.TotalSeconds));
        Assert.True(BackgroundAsync(limiter, "a:other", "event-other").IsCompletedSuccessfully);

        // Back at its turn, a background call goes at once.
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(BackgroundAsync(limiter, "a:chat", "event-0").IsCompletedSuccessfully);
    }

    [Fact]
    public async Task BackgroundCallsComingBackInAnyOrder_GoInTheOrderOfTheirPlacesInLine_HoweverLateTheFirstIsBack()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        await FillAsync(limiter, "a:chat", 7);
        var kept = new List<IKeptPlace>();
        for (var i = 0; i < 3; i++)
        {
            kept.Add((await SentAwayAsync(limiter, "a:chat", $"event-{i}")).Kept);
        }

        // Long after all three could have gone, the last of them is back first, then the second: each is sent away again at
        // once (no worker held), keeping its place, for the first is away; then the first is back and goes.
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(kept[0].Called.IsCompleted);
        Assert.False(kept[1].Called.IsCompleted);
        var third = await SentAwayAsync(limiter, "a:chat", "event-2");
        var second = await SentAwayAsync(limiter, "a:chat", "event-1");
        var first = BackgroundAsync(limiter, "a:chat", "event-0");
        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.Kept.Called.IsCompleted);

        // When its call ends, the second is called back (no clock involved), then the third after the second's.
        (await first).Dispose();
        Assert.True(second.Kept.Called.IsCompleted);
        Assert.False(third.Kept.Called.IsCompleted);
        var next = BackgroundAsync(limiter, "a:chat", "event-1");
        Assert.True(next.IsCompletedSuccessfully);
        (await next).Dispose();
        Assert.True(third.Kept.Called.IsCompleted);
        Assert.True(BackgroundAsync(limiter, "a:chat", "event-2").IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AKeptPlaceBehindACallUnderWay_IsCalledBackWhenThatCallEnds_OnAClockThatStandsStill()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        var underWay = await limiter.AcquireAsync(Key("a:chat"), CancellationToken.None);

        // Behind the call under way it waits its lane wait; past it, it is sent away with its place kept.
        var (_, kept) = await SentAwayBehindAsync(limiter, clock, "event-1");
        var behind = await SentAwayAsync(limiter, "a:chat", "event-2");

        // The clock does not move again: the call's end alone calls back the first place kept, and only it.
        Assert.False(kept.Called.IsCompleted);
        underWay.Dispose();
        Assert.True(kept.Called.IsCompleted);
        Assert.False(behind.Kept.Called.IsCompleted);
        var back = BackgroundAsync(limiter, "a:chat", "event-1");
        Assert.True(back.IsCompletedSuccessfully);
        (await back).Dispose();
        Assert.True(behind.Kept.Called.IsCompleted);
    }

    [Fact]
    public async Task AKeptPlaceGivenUp_LetsTheLineBehindItGo_AndAStaleHoldGivesUpNothing()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        var underWay = await limiter.AcquireAsync(Key("a:chat"), CancellationToken.None);
        var first = await SentAwayBehindAsync(limiter, clock, "event-1");
        var second = await SentAwayAsync(limiter, "a:chat", "event-2");
        underWay.Dispose();
        Assert.True(first.Kept.Called.IsCompleted);

        // Back, it finds a turn's call under way and is sent away again: the first hold is stale, giving it up changes nothing.
        var turn = await limiter.AcquireAsync(Key("a:chat"), CancellationToken.None);
        var again = await SentAwayBehindAsync(limiter, clock, "event-1");
        first.Kept.GiveUp();
        turn.Dispose();
        Assert.True(again.Kept.Called.IsCompleted);
        Assert.False(second.Kept.Called.IsCompleted);

        // Its event ended without the call: given up, the second is called back and goes.
        again.Kept.GiveUp();
        Assert.True(second.Kept.Called.IsCompleted);
        Assert.True(BackgroundAsync(limiter, "a:chat", "event-2").IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ManyKeptPlacesBackTogether_GoInLineOrder_NeverMoreThanTheChatsWindowsAllow()
    {
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        var held = new Dictionary<int, IKeptPlace>();
        var waiting = new Dictionary<int, Task<IDisposable>>();
        var went = new List<(int Event, TimeSpan At)>();
        var back = Enumerable.Range(0, 40).ToList();

        // Each event comes back when its place is called, and (as a relay at the limiter's guess would) every 3 s all of
        // them together, the last written first: they go in line order, at the chat's pace, never faster.
        while (went.Count < 40)
        {
            var now = clock.GetUtcNow() - start;
            Assert.True(now < TimeSpan.FromMinutes(2), $"{went.Count} of 40 went");
            foreach (var i in back)
            {
                held.Remove(i);
                using (ConversationWait.AtMost(TimeSpan.FromMilliseconds(250), $"event-{i}", start.AddMilliseconds(i)))
                {
                    waiting[i] = limiter.AcquireAsync(Key("a:chat"), CancellationToken.None).AsTask();
                }
            }

            foreach (var (i, permit) in waiting.Where(w => w.Value.IsCompleted).ToList())
            {
                waiting.Remove(i);
                if (permit.IsCompletedSuccessfully)
                {
                    went.Add((i, now));
                    (await permit).Dispose();
                }
                else
                {
                    held[i] = ((ConnectorException)permit.Exception!.InnerException!).Kept!;
                }
            }

            back = [.. held.Where(h => h.Value.Called.IsCompleted).Select(h => h.Key)];
            if (back.Count == 0 && waiting.All(w => !w.Value.IsCompleted))
            {
                clock.Advance(TimeSpan.FromMilliseconds(50));
                if ((clock.GetUtcNow() - start).Ticks % TimeSpan.FromSeconds(3).Ticks == 0)
                {
                    back = [.. held.Keys.OrderDescending()];
                }
            }
        }

        Assert.Equal(Enumerable.Range(0, 40), went.Select(w => w.Event));
        foreach (var (_, window) in new ConnectorOptions().ConversationWindows())
        {
            foreach (var (_, at) in went)
            {
                Assert.True(went.Count(w => w.At >= at && w.At < at + window.Window) <= window.PermitLimit, $"more than {window.PermitLimit} in {window.Window} from {at}");
            }
        }
    }

    [Fact]
    public async Task ATurnsCall_GoesAsSoonAsItsChatHasRoom_AheadOfTheBackgroundCallsInLine_WhichKeepTheirOrder()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        await FillAsync(limiter, "a:chat", 7);
        for (var i = 0; i < 9; i++)
        {
            await Assert.ThrowsAsync<ConnectorException>(() => BackgroundAsync(limiter, "a:chat", $"event-{i}").AsTask());
        }

        var turn = limiter.AcquireAsync(Key("a:chat"), CancellationToken.None).AsTask();
        Assert.False(turn.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(turn.IsCompletedSuccessfully); // at the first moment the chat has room, not after the 9 in line
        (await turn).Dispose();

        // The first in line, back at the turn it was told, finds it taken (8 per 2 s): it is told the next, keeping its place.
        var error = await Assert.ThrowsAsync<ConnectorException>(() => BackgroundAsync(limiter, "a:chat", "event-0").AsTask());
        Assert.Equal(TimeSpan.FromSeconds(1), error.RetryAfter);
        clock.Advance(TimeSpan.FromSeconds(1));
        await SentAwayAsync(limiter, "a:chat", "event-1"); // the first place is away: the second holds no worker meanwhile
        Assert.True(BackgroundAsync(limiter, "a:chat", "event-0").IsCompletedSuccessfully);
    }

    [Fact]
    public async Task ATeams429WithRetryAfter_PausesItsChatOnly_AndTheCallThatGotItKeepsTheFirstPlaceInLine()
    {
        var clock = new FakeTimeProvider();
        var written = clock.GetUtcNow();
        using var limiter = Limiter(new ConnectorOptions { MaxPermitWait = TimeSpan.FromMinutes(2) }, clock);
        (await BackgroundAsync(limiter, "a:chat", "event-0", written)).Dispose();
        limiter.Pause(Key("a:chat"), TimeSpan.FromMinutes(1));

        // The next background call, and the retry of the one that got the 429 (written before it), are sent away until the
        // minute is over; a turn's call waits for it; another chat of the tenant goes at once.
        var next = await Assert.ThrowsAsync<ConnectorException>(() => BackgroundAsync(limiter, "a:chat", "event-1", written.AddSeconds(1)).AsTask());
        var retry = await Assert.ThrowsAsync<ConnectorException>(() => BackgroundAsync(limiter, "a:chat", "event-0", written).AsTask());
        Assert.Equal(TimeSpan.FromMinutes(1), retry.RetryAfter);
        Assert.True(next.RetryAfter >= TimeSpan.FromMinutes(1));
        var turn = limiter.AcquireAsync(Key("a:chat"), CancellationToken.None).AsTask();
        Assert.True(BackgroundAsync(limiter, "a:other", "event-other").IsCompletedSuccessfully);

        clock.Advance(TimeSpan.FromMinutes(1) - Tick);
        Assert.False(turn.IsCompleted);
        clock.Advance(Tick);
        Assert.True(turn.IsCompletedSuccessfully);
        (await turn).Dispose();

        // The call that got the 429 is called back first, and goes before the one written after it, whichever is back first.
        Assert.True(retry.Kept!.Called.IsCompleted);
        Assert.False(next.Kept!.Called.IsCompleted);
        await SentAwayAsync(limiter, "a:chat", "event-1", written.AddSeconds(1));
        Assert.True(BackgroundAsync(limiter, "a:chat", "event-0", written).IsCompletedSuccessfully);
    }

    [Fact]
    public async Task OneChat_HasOneCallUnderWayAtATime_AndOtherChatsAreNotHeldByIt()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        var first = await limiter.AcquireAsync(Key("a:chat"), CancellationToken.None);

        var second = limiter.AcquireAsync(Key("a:chat"), CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        Assert.True(limiter.AcquireAsync(Key("a:other"), CancellationToken.None).IsCompletedSuccessfully);

        first.Dispose();
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AChatWhoseCallHangs_SendsItsBackgroundCallsAway_FirstAfterTheLaneWait_ThenAtOnceUntilTheAttemptTimesOut()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions { SlowCallAfter = TimeSpan.FromSeconds(5), AttemptTimeout = TimeSpan.FromSeconds(15) }, clock);
        using var hung = await limiter.AcquireAsync(Key("a:hung"), CancellationToken.None);
        using var lane = ConversationWait.AtMost(TimeSpan.FromMilliseconds(250), "event-1");

        // Under way for a moment: the next call waits for it, at most the lane wait.
        var waiting = limiter.AcquireAsync(Key("a:hung"), CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(250));
        var error = await Assert.ThrowsAsync<ConnectorException>(() => waiting);
        Assert.True(error.WasNotSent);

        // Under way for 5 s: taken for hung, its chat's next call goes back at once until the hung one has timed out.
        clock.Advance(TimeSpan.FromSeconds(4.75));
        error = await Assert.ThrowsAsync<ConnectorException>(() => limiter.AcquireAsync(Key("a:hung"), CancellationToken.None).AsTask());
        Assert.Equal(TimeSpan.FromSeconds(10), error.RetryAfter);
    }

    [Fact]
    public async Task BackgroundCallsSentAwayFromAFullChat_ComingBackAtTheRelaysPoll_AllGoOnceEach_AtTeamsPace_InOrder()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        // 30 events for one chat, handled like the relay does: each due one in the order it became due, then again at
        // the first poll (every second) after the moment it was sent away to.
        var dueAt = Enumerable.Repeat(TimeSpan.Zero, 30).ToArray();
        var letThrough = new List<(int Event, TimeSpan At)>();
        var sentAway = 0;
        var start = clock.GetUtcNow();
        for (var poll = TimeSpan.Zero; letThrough.Count < dueAt.Length; poll += TimeSpan.FromSeconds(1))
        {
            clock.Advance(poll - (clock.GetUtcNow() - start));
            var now = poll;
            Assert.True(now < TimeSpan.FromMinutes(1), $"after a minute {letThrough.Count} of 30 went, {sentAway} times sent away; due: {string.Join(", ", dueAt.Select(d => d.TotalSeconds))}");
            foreach (var i in Enumerable.Range(0, dueAt.Length).Where(i => dueAt[i] <= now).OrderBy(i => dueAt[i]).ToList())
            {
                using (ConversationWait.AtMost(TimeSpan.FromMilliseconds(250), $"event-{i}"))
                {
                    var permit = limiter.AcquireAsync(Key("a:chat"), CancellationToken.None).AsTask();
                    for (var waited = 0; !permit.IsCompleted && waited < 5_000; waited++)
                    {
                        clock.Advance(Tick);
                    }

                    try
                    {
                        (await permit).Dispose();
                        letThrough.Add((i, clock.GetUtcNow() - start));
                        dueAt[i] = TimeSpan.MaxValue;
                    }
                    catch (ConnectorException error) when (error.WasNotSent)
                    {
                        sentAway++;
                        dueAt[i] = clock.GetUtcNow() - start + error.RetryAfter!.Value;
                    }
                }
            }
        }

        // Teams' pace for one chat (7, 1, 7, 1, 7, 1, 6 a second apart), in the order the events came, once each.
        Assert.Equal([7, 1, 7, 1, 7, 1, 6], letThrough.GroupBy(c => (int)c.At.TotalSeconds).Select(g => g.Count()));
        Assert.Equal(Enumerable.Range(0, 30), letThrough.Select(c => c.Event));
    }

    [Fact]
    public async Task AnEventWrittenBeforeThoseInLine_TakesItsPlaceBeforeThem_ThoughItCameLater()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        var written = clock.GetUtcNow();
        await FillAsync(limiter, "a:chat", 7);

        // Both are sent away to the chat's next second (the one written later came first, and was told 1 s too).
        await Assert.ThrowsAsync<ConnectorException>(() => BackgroundAsync(limiter, "a:chat", "event-late", written.AddSeconds(2)).AsTask());
        await Assert.ThrowsAsync<ConnectorException>(() => BackgroundAsync(limiter, "a:chat", "event-early", written.AddSeconds(1)).AsTask());

        // Back at that second, the later one first: it is sent away to the second after, and the earlier one goes.
        clock.Advance(TimeSpan.FromSeconds(1));
        var late = await Assert.ThrowsAsync<ConnectorException>(() => BackgroundAsync(limiter, "a:chat", "event-late", written.AddSeconds(2)).AsTask());
        Assert.Equal(TimeSpan.FromSeconds(1), late.RetryAfter);
        var early = BackgroundAsync(limiter, "a:chat", "event-early", written.AddSeconds(1));
        Assert.True(early.IsCompletedSuccessfully);
        (await early).Dispose();
    }

    [Fact]
    public async Task ARelayEventHandedOutAfterAnother_TakesItsPlaceOnlyOnceThatOneHas_OrAfterItsLaneWait()
    {
        var clock = new FakeTimeProvider();
        using var limiter = Limiter(new ConnectorOptions(), clock);
        var first = new ArrivalOrder(Task.CompletedTask);
        var second = new ArrivalOrder(first.Arrived);

        // The second worker is at the limiter first: it waits for the first, which goes, then takes its own turn.
        Task<IDisposable> later;
        using (ConversationWait.InOrder(second))
        {
            later = BackgroundAsync(limiter, "a:chat", "event-2").AsTask();
        }

        Assert.False(later.IsCompleted);
        IDisposable earlier;
        using (ConversationWait.InOrder(first))
        {
            earlier = await BackgroundAsync(limiter, "a:chat", "event-1");
        }

        Assert.True(first.Arrived.IsCompleted);
        await second.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(later.IsCompleted); // in line behind the call under way
        earlier.Dispose();
        (await later.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();

        // One whose predecessor never comes (its worker stuck in the store) goes on after its lane wait.
        var alone = new ArrivalOrder(new TaskCompletionSource().Task);
        Task<IDisposable> third;
        using (ConversationWait.InOrder(alone))
        {
            third = BackgroundAsync(limiter, "a:other", "event-3").AsTask();
        }

        clock.Advance(TimeSpan.FromMilliseconds(250) - Tick);
        Assert.False(third.IsCompleted);
        clock.Advance(Tick);
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    /// <summary>Starts each call when the clock reaches its arrival, ends it its duration after it was let through, until all ended.</summary>
    private static void Run(ConnectorOptions options, IReadOnlyList<Call> calls)
    {
        var clock = new FakeTimeProvider();
        var start = clock.GetUtcNow();
        options.MaxPermitWait = TimeSpan.FromHours(1);
        using var limiter = Limiter(options, clock);
        var permits = new Task<IDisposable>?[calls.Count];
        while (calls.Any(c => c.EndedAt is null))
        {
            var now = clock.GetUtcNow() - start;
            // Calls that end now may let others through at this very moment: settle before the clock moves.
            for (var changed = true; changed;)
            {
                changed = false;
                for (var i = 0; i < calls.Count; i++)
                {
                    var call = calls[i];
                    if (permits[i] is null && call.ArrivesAt <= now)
                    {
                        permits[i] = limiter.AcquireAsync(Key(call.Conversation, call.Tenant), CancellationToken.None).AsTask();
                    }

                    if (permits[i] is { IsCompleted: true } permit && call.LetThroughAt is null)
                    {
                        call.LetThroughAt = now;
                        changed = true;
                    }

                    if (call.LetThroughAt + call.Duration <= now && call.EndedAt is null)
                    {
                        permits[i]!.Result.Dispose();
                        call.EndedAt = now;
                        changed = true;
                    }
                }
            }

            clock.Advance(Tick);
        }
    }

    private static ConnectorRateLimiter Limiter(ConnectorOptions options, TimeProvider clock) => new(Options.Create(options), clock);

    /// <summary>Lets <paramref name="count"/> turns' calls through the chat, each ending at once.</summary>
    private static async Task FillAsync(ConnectorRateLimiter limiter, string chat, int count)
    {
        for (var i = 0; i < count; i++)
        {
            (await limiter.AcquireAsync(Key(chat), CancellationToken.None)).Dispose();
        }
    }

    /// <summary>A call of an outbox event, as the relay makes it: a wait of 250 ms for its chat, the event's ticket and when it was written.</summary>
    private static ValueTask<IDisposable> BackgroundAsync(ConnectorRateLimiter limiter, string chat, string ticket, DateTimeOffset writtenAt = default)
    {
        using (ConversationWait.AtMost(TimeSpan.FromMilliseconds(250), ticket, writtenAt))
        {
            return limiter.AcquireAsync(Key(chat), CancellationToken.None);
        }
    }

    /// <summary>A background call sent away at once, unsent, with its place kept.</summary>
    private static async Task<(ConnectorException Error, IKeptPlace Kept)> SentAwayAsync(ConnectorRateLimiter limiter, string chat, string ticket, DateTimeOffset writtenAt = default)
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() => BackgroundAsync(limiter, chat, ticket, writtenAt).AsTask());
        Assert.True(error.WasNotSent);
        return (error, error.Kept!);
    }

    /// <summary>A background call behind a call under way in "a:chat": it waits its lane wait (250 ms of the clock), then is sent away.</summary>
    private static async Task<(ConnectorException Error, IKeptPlace Kept)> SentAwayBehindAsync(ConnectorRateLimiter limiter, FakeTimeProvider clock, string ticket)
    {
        var waiting = BackgroundAsync(limiter, "a:chat", ticket).AsTask();
        Assert.False(waiting.IsCompleted);
        clock.Advance(TimeSpan.FromMilliseconds(250));
        var error = await Assert.ThrowsAsync<ConnectorException>(() => waiting);
        Assert.True(error.WasNotSent);
        return (error, error.Kept!);
    }

    private static RateLimitKey Key(string conversation, string tenant = "tenant-1") => new(conversation, tenant);

    /// <summary>How many calls were let through at each millisecond that let any through, in time order.</summary>
    private static List<(int Millisecond, int Calls)> LetThroughPerMillisecond(IEnumerable<Call> calls) =>
        [.. calls.GroupBy(c => (int)c.LetThroughAt!.Value.TotalMilliseconds).OrderBy(g => g.Key).Select(g => (g.Key, g.Count()))];

    private sealed class Call(string conversation, string tenant = "tenant-1", TimeSpan duration = default, TimeSpan arrivesAt = default)
    {
        public string Conversation { get; } = conversation;

        public string Tenant { get; } = tenant;

        public TimeSpan Duration { get; } = duration;

        public TimeSpan ArrivesAt { get; } = arrivesAt;

        public TimeSpan? LetThroughAt { get; set; }

        public TimeSpan? EndedAt { get; set; }
    }
}
