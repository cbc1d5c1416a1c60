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
