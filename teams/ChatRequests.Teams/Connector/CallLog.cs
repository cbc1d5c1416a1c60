namespace ChatRequests.Teams.Connector;

/// <summary>
/// The calls of one conversation or one tenant that still count against its rate-limit windows: those under way, and
/// the moments the others ended (a sliding log: counted exactly, no segments). Not thread-safe: the limiter holds its lock.
/// </summary>
/// <remarks>
/// A call counts from the moment it is let through until a whole window after it ended. Teams counts it when it
/// arrives, somewhere in between, so no window at Teams can hold more calls than its limit whatever the call's travel
/// time; the price is one round trip per window. A conversation's log is also its lane (ADR 0036): one call under way at
/// a time, and the slots promised to calls sent away to come back later (counted like calls that end then).
/// </remarks>
internal sealed class CallLog(IReadOnlyList<RateLimitWindow> windows, int maxUnderWay = int.MaxValue)
{
    // Ascending: calls end roughly in order, so a new end is almost always appended. Promised slots are in it too.
    private readonly List<TimeSpan> _ends = [];
    private readonly List<TimeSpan> _promised = [];
    private readonly List<TimeSpan> _starts = [];
    private readonly TimeSpan _longest = windows.Max(w => w.Window);

    /// <summary>Calls let through that have not ended yet.</summary>
    public int UnderWay => _starts.Count;

    /// <summary>When the oldest call under way was let through; null when none is.</summary>
    public TimeSpan? OldestStart => _starts.Count == 0 ? null : _starts.Min();

    /// <summary>Calls queued for this conversation or tenant (kept by the limiter, for its queue limit).</summary>
    public int Waiting { get; set; }

    /// <summary>Nothing under way, waiting, remembered or promised: the log can be dropped.</summary>
    public bool IsIdle => UnderWay == 0 && Waiting == 0 && _ends.Count == 0;

    /// <summary>
    /// The earliest moment, from <paramref name="now"/> on, at which one more call fits in every window: <paramref name="now"/>
    /// when it fits now; <see cref="TimeSpan.MaxValue"/> when only calls under way, once ended, can make room.
    /// </summary>
    public TimeSpan RoomAt(TimeSpan now) => UnderWay >= maxUnderWay ? TimeSpan.MaxValue : RoomAt(_ends, UnderWay, now);

    /// <summary>
    /// When a call would have room if the slots already kept and the <paramref name="ahead"/> calls waiting before it went
    /// first, each at its earliest moment, and the calls under way ended at <paramref name="underWayEnd"/>: the slot to
    /// keep for a call sent away.
    /// </summary>
    public TimeSpan SlotAfter(TimeSpan now, int ahead, TimeSpan underWayEnd, bool hasSlot = false)
    {
        var ends = new List<TimeSpan>(_ends);
        for (var i = 0; i < UnderWay; i++)
        {
            Insert(ends, underWayEnd > now ? underWayEnd : now);
        }

        // After the slots already kept (a lane is first come, first served), unless the call just took its own.
        var at = !hasSlot && _promised.Count > 0 && _promised[^1] > now ? _promised[^1] : now;
        for (var i = 0; ; i++)
        {
            at = RoomAt(ends, 0, at);
            if (i == ahead)
            {
                return at;
            }

            Insert(ends, at); // the call ahead goes then, and (one at a time) ends at once
        }
    }

    /// <summary>Keeps <paramref name="slot"/> for a call sent away until then: it counts like a call that ends at that moment.</summary>
    public void Promise(TimeSpan slot)
    {
        Insert(_ends, slot);
        Insert(_promised, slot);
    }

    /// <summary>
    /// Takes the earliest promised slot at or before <paramref name="until"/> for the call now arriving (the one it was
    /// promised to, or one that comes first: either way it no longer counts twice); false when none is due.
    /// </summary>
    public bool TakePromise(TimeSpan until)
    {
        if (_promised.Count == 0 || _promised[0] > until)
        {
            return false;
        }

        var slot = _promised[0];
        _promised.RemoveAt(0);
        _ends.RemoveAt(FirstEndAfter(_ends, slot) - 1);
        return true;
    }

    public void Start(TimeSpan now) => _starts.Add(now);

    public void End(TimeSpan startedAt, TimeSpan now)
    {
        _starts.Remove(startedAt);
        Insert(_ends, now);
        Forget(now);
    }

    /// <summary>Drops the ends (and promises) that no window counts any more.</summary>
    public void Forget(TimeSpan now)
    {
        _ends.RemoveRange(0, FirstEndAfter(_ends, now - _longest));
        _promised.RemoveRange(0, FirstEndAfter(_promised, now - _longest));
    }

    private TimeSpan RoomAt(List<TimeSpan> ends, int underWay, TimeSpan now)
    {
        var at = now;
        foreach (var window in windows)
        {
            // Slots kept for later do not count before their moment: they keep no one from going now.
            var first = FirstEndAfter(ends, at - window.Window);
            var ended = FirstEndAfter(ends, at) - first;
            var mustLeave = underWay + ended - window.PermitLimit + 1;
            if (mustLeave <= 0)
            {
                continue;
            }

            if (mustLeave > ended)
            {
                return TimeSpan.MaxValue;
            }

            var room = ends[first + mustLeave - 1] + window.Window;
            at = room > at ? room : at;
        }

        return at;
    }

    private static void Insert(List<TimeSpan> moments, TimeSpan moment) => moments.Insert(FirstEndAfter(moments, moment), moment);

    /// <summary>The index of the first moment later than <paramref name="moment"/> (the count of those at or before it).</summary>
    private static int FirstEndAfter(List<TimeSpan> moments, TimeSpan moment)
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
