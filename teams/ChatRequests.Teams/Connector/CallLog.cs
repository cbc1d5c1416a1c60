using ChatRequests.Core.Fulfilment;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// The calls of one conversation or one tenant that still count against its rate-limit windows: those under way, and
/// the moments the others ended (a sliding log: counted exactly, no segments). Not thread-safe: the limiter holds its lock.
/// </summary>
/// <remarks>
/// A call counts from the moment it is let through until a whole window after it ended. Teams counts it when it
/// arrives, somewhere in between, so no window at Teams can hold more calls than its limit whatever the call's travel
/// time; the price is one round trip per window. A conversation's log is also its lane (ADR 0036): one call under way
/// at a time, a pause after Teams answered 429 with Retry-After, and the line of background calls in the order they
/// came (<see cref="Line"/>), whose moments are planned, never counted before they go.
/// </remarks>
internal sealed class CallLog(IReadOnlyList<RateLimitWindow> windows, int maxUnderWay = int.MaxValue)
{
    // Ascending: calls end roughly in order, so a new end is almost always appended. Only calls that went: a moment
    // planned for a call that has not gone yet is never counted here (it would count twice once that call goes).
    private readonly List<TimeSpan> _ends = [];
    private readonly List<TimeSpan> _starts = [];
    private readonly TimeSpan _longest = windows.Max(w => w.Window);

    /// <summary>Calls let through that have not ended yet.</summary>
    public int UnderWay => _starts.Count;

    /// <summary>When the oldest call under way was let through; null when none is.</summary>
    public TimeSpan? OldestStart => _starts.Count == 0 ? null : _starts.Min();

    /// <summary>Calls queued for this conversation or tenant (kept by the limiter, for its queue limit).</summary>
    public int Waiting { get; set; }

    /// <summary>Until when Teams asked to be left alone here (a 429's Retry-After); no call goes before.</summary>
    public TimeSpan PausedUntil { get; private set; }

    /// <summary>The background calls of this conversation in the order they came, here or sent away (kept by the limiter).</summary>
    public List<LanePlace> Line { get; } = [];

    /// <summary>Nothing under way, waiting, remembered or in line: the log can be dropped.</summary>
    public bool IsIdle => UnderWay == 0 && Waiting == 0 && _ends.Count == 0 && Line.Count == 0;

    /// <summary>
    /// The earliest moment, from <paramref name="now"/> on, at which one more call fits in every window: <paramref name="now"/>
    /// when it fits now; <see cref="TimeSpan.MaxValue"/> when only calls under way, once ended, can make room.
    /// </summary>
    public TimeSpan RoomAt(TimeSpan now) =>
        UnderWay >= maxUnderWay ? TimeSpan.MaxValue : RoomAt(_ends, UnderWay, Later(now, PausedUntil));

    /// <summary>
    /// The moments at which <paramref name="count"/> more calls would go, one after another, each as soon as it fits, if
    /// the calls under way ended at <paramref name="underWayEnd"/> and each planned call ended the moment it went.
    /// </summary>
    public TimeSpan[] Plan(TimeSpan now, TimeSpan underWayEnd, int count)
    {
        var ends = new List<TimeSpan>(_ends);
        var at = Later(now, PausedUntil);
        if (UnderWay > 0)
        {
            underWayEnd = Later(underWayEnd, now);
            for (var i = 0; i < UnderWay; i++)
            {
                Insert(ends, underWayEnd);
            }

            at = Later(at, underWayEnd);
        }

        // Every moment counted is at or before the one planned, so looking back one window from it is exact.
        var plan = new TimeSpan[count];
        for (var i = 0; i < count; i++)
        {
            at = RoomAt(ends, 0, at);
            plan[i] = at;
            Insert(ends, at);
        }

        return plan;
    }

    /// <summary>Teams answered 429 with Retry-After: nothing goes here before <paramref name="until"/>.</summary>
    public void PauseUntil(TimeSpan until) => PausedUntil = Later(PausedUntil, until);

    public void Start(TimeSpan now) => _starts.Add(now);

    public void End(TimeSpan startedAt, TimeSpan now)
    {
        _starts.Remove(startedAt);
        Insert(_ends, now);
        Forget(now);
    }

    /// <summary>Drops the ends that no window counts any more.</summary>
    public void Forget(TimeSpan now) => _ends.RemoveRange(0, FirstAfter(_ends, now - _longest));

    private TimeSpan RoomAt(List<TimeSpan> ends, int underWay, TimeSpan now)
    {
        var at = now;
        foreach (var window in windows)
        {
            var first = FirstAfter(ends, at - window.Window);
            var ended = ends.Count - first;
            var mustLeave = underWay + ended - window.PermitLimit + 1;
            if (mustLeave <= 0)
            {
                continue;
            }

            if (mustLeave > ended)
            {
                return TimeSpan.MaxValue;
            }

            // No end is later than `at`, so a later `at` only lowers the counts of the windows already looked at.
            var room = ends[first + mustLeave - 1] + window.Window;
            at = Later(room, at);
        }

        return at;
    }

    private static TimeSpan Later(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static void Insert(List<TimeSpan> moments, TimeSpan moment) => moments.Insert(FirstAfter(moments, moment), moment);

    /// <summary>The index of the first moment later than <paramref name="moment"/> (the count of those at or before it).</summary>
    private static int FirstAfter(List<TimeSpan> moments, TimeSpan moment)
    {
        int low = 0, high = moments.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (moments[middle] <= moment)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

/// <summary>
/// A background call's place in its conversation's line: held while it waits in the limiter's queue
/// (<see cref="IsHere"/>), kept while it is away (<see cref="Kept"/>, its event held by the relay until the place is called),
/// left when it goes, or when its caller gives it up.
/// </summary>
internal sealed class LanePlace(string ticket, DateTimeOffset writtenAt)
{
    public string Ticket { get; } = ticket;

    /// <summary>When its event was written: the line is in this order (arrival order among equals).</summary>
    public DateTimeOffset WrittenAt { get; } = writtenAt;

    /// <summary>While away: what its caller holds, called back when its turn comes; a new one each time it is sent away.</summary>
    public IKeptPlace? Kept { get; set; }

    /// <summary>How long its caller may wait in the queue when it comes back (its <see cref="BackgroundCall.Wait"/>).</summary>
    public TimeSpan Wait { get; set; }

    /// <summary>Its call waits in the limiter's queue; false while it is away.</summary>
    public bool IsHere { get; set; }
}
