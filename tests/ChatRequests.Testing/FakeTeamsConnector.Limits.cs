using System.Diagnostics;
using System.Globalization;

namespace ChatRequests.Testing;

/// <summary>At most <see cref="Permits"/> calls in any <see cref="Window"/>.</summary>
public sealed record RateWindow(int Permits, TimeSpan Window);

/// <summary>
/// The limits Teams applies to a bot's Bot Connector calls, as published
/// (https://learn.microsoft.com/microsoftteams/platform/bots/how-to/rate-limit, checked 2026-12-05): per bot and
/// conversation 7 per second, 8 per 2 s, 60 per 30 s, 1,800 per hour; per app and tenant 50 per second.
/// </summary>
public sealed record TeamsRateLimits(IReadOnlyList<RateWindow> PerConversation, IReadOnlyList<RateWindow> PerTenant)
{
    public static TeamsRateLimits Published { get; } = new(
        [
            new RateWindow(7, TimeSpan.FromSeconds(1)),
            new RateWindow(8, TimeSpan.FromSeconds(2)),
            new RateWindow(60, TimeSpan.FromSeconds(30)),
            new RateWindow(1_800, TimeSpan.FromHours(1)),
        ],
        [new RateWindow(50, TimeSpan.FromSeconds(1))]);

    /// <summary>
    /// The least time from the first to the last of <paramref name="calls"/> calls spread evenly over
    /// <paramref name="conversations"/> conversations that these limits allow, all windows together: every call placed
    /// as early as each window of its conversation and of the tenant lets it go, the conversation that can go soonest
    /// first (the one with the most calls left on a tie). With calls that are all there at the start and windows that
    /// only say "no sooner than P calls back plus W", going as early as allowed never delays a later call, so this is
    /// the least. It can be more than any window alone gives: 100 calls to one chat under 8 per 2 s and 60 per 30 s
    /// need 39 s (the 61st to the 100th go 30 s after the 1st to the 40th, which 8 per 2 s spreads over 9 s), where
    /// each window alone says 24 s and 30 s.
    /// </summary>
    public TimeSpan MinimumSpan(int calls, int conversations)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(conversations);
        var left = Enumerable.Range(0, conversations).Select(i => calls / conversations + (i < calls % conversations ? 1 : 0)).ToArray();
        var sent = Enumerable.Range(0, conversations).Select(_ => new List<TimeSpan>()).ToArray();
        var all = new List<TimeSpan>(calls);
        for (var call = 0; call < calls; call++)
        {
            var (chosen, soonest) = (-1, TimeSpan.MaxValue);
            for (var c = 0; c < conversations; c++)
            {
                if (left[c] == 0)
                {
                    continue;
                }

                var at = NoSoonerThan(sent[c], PerConversation);
                if (at < soonest || (at == soonest && left[c] > left[chosen]))
                {
                    (chosen, soonest) = (c, at);
                }
            }

            var goes = NoSoonerThan(all, PerTenant);
            goes = goes > soonest ? goes : soonest;
            sent[chosen].Add(goes);
            all.Add(goes);
            left[chosen]--;
        }

        return all.Count == 0 ? TimeSpan.Zero : all[^1];
    }

    /// <summary>When the next call after <paramref name="sent"/> (in the order sent) may go under <paramref name="windows"/>.</summary>
    private static TimeSpan NoSoonerThan(List<TimeSpan> sent, IEnumerable<RateWindow> windows)
    {
        var at = sent.Count == 0 ? TimeSpan.Zero : sent[^1];
        foreach (var w in windows)
        {
            if (sent.Count >= w.Permits && sent[^w.Permits] + w.Window > at)
            {
                at = sent[^w.Permits] + w.Window;
            }
        }

        return at;
    }
}

public sealed partial class FakeTeamsConnector
{
    private const string TenantKey = "tenant";

    private readonly Dictionary<string, Queue<long>> _acceptedAt = new(StringComparer.Ordinal);
    private TeamsRateLimits? _limits;
    private int _throttled;

    /// <summary>
    /// Enforces <paramref name="limits"/> from now on, the way Teams does: a call over any window is answered 429 with
    /// a Retry-After (whole seconds, at least 1) saying when the window has room again. Windows slide exactly (every
    /// accepted call is remembered for the longest window); only accepted calls count. Every call counts against the
    /// tenant; sends, replies and updates also against their conversation.
    /// </summary>
    public void EnforceLimits(TeamsRateLimits limits)
    {
        lock (_gate)
        {
            _limits = limits;
            _acceptedAt.Clear();
        }
    }

    /// <summary>How many calls the enforced limits answered with 429.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    /// <summary>The Retry-After to answer when <paramref name="request"/> is over a limit (and then not counted), or null (counted).</summary>
    private string? TakePermit(FakeConnectorRequest request)
    {
        lock (_gate)
        {
            if (_limits is null)
            {
                return null;
            }

            var now = Stopwatch.GetTimestamp();
            var keys = new List<(string Key, IReadOnlyList<RateWindow> Windows)> { (TenantKey, _limits.PerTenant) };
            if (request.ConversationId is { } conversationId)
            {
                keys.Add(("conversation:" + conversationId, _limits.PerConversation));
            }

            var wait = TimeSpan.Zero;
            foreach (var (key, windows) in keys)
            {
                var accepted = Accepted(key, now, windows.Max(w => w.Window));
                foreach (var window in windows)
                {
                    var inWindow = accepted.Count(at => Stopwatch.GetElapsedTime(at, now) < window.Window);
                    if (inWindow >= window.Permits)
                    {
                        // Room again once the oldest call that keeps the window full has left it.
                        var oldestThatCounts = accepted.Where(at => Stopwatch.GetElapsedTime(at, now) < window.Window).Skip(inWindow - window.Permits).First();
                        var room = window.Window - Stopwatch.GetElapsedTime(oldestThatCounts, now);
                        wait = room > wait ? room : wait;
                    }
                }
            }

            if (wait > TimeSpan.Zero)
            {
                _throttled++;
                return Math.Max(1, Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            foreach (var (key, _) in keys)
            {
                _acceptedAt[key].Enqueue(now);
            }

            return null;
        }
    }

    private Queue<long> Accepted(string key, long now, TimeSpan longestWindow)
    {
        if (!_acceptedAt.TryGetValue(key, out var accepted))
        {
            accepted = new Queue<long>();
            _acceptedAt[key] = accepted;
        }

        while (accepted.TryPeek(out var oldest) && Stopwatch.GetElapsedTime(oldest, now) >= longestWindow)
        {
            accepted.Dequeue();
        }

        return accepted;
    }
}
