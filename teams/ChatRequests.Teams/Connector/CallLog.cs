namespace ChatRequests.Teams.Connector;

/// <summary>
/// The calls of one conversation or one tenant that still count against its rate-limit windows: those under way, and
/// the moments the others ended (a sliding log: counted exactly, no segments). Not thread-safe: the limiter holds its lock.
/// </summary>
/// <remarks>
/// A call counts from the moment it is let through until a whole window after it ended. Teams counts it when it
/// arrives, somewhere in between, so no window at Teams can hold more calls than its limit whatever the call's travel
/// time; the price is one round trip per window.
/// </remarks>
internal sealed class CallLog(IReadOnlyList<RateLimitWindow> windows)
{
    // Ascending: calls end roughly in order, so a new end is almost always appended.
    private readonly List<TimeSpan> _ends = [];
    private readonly TimeSpan _longest = windows.Max(w => w.Window);

    /// <summary>Calls let through that have not ended yet.</summary>
    public int UnderWay { get; private set; }

    /// <summary>Calls queued for this conversation or tenant (kept by the limiter, for its queue limit).</summary>
    public int Waiting { get; set; }

    /// <summary>Nothing under way, waiting or remembered: the log can be dropped.</summary>
    public bool IsIdle => UnderWay == 0 && Waiting == 0 && _ends.Count == 0;

    /// <summary>
    /// The earliest moment, from <paramref name="now"/> on, at which one more call fits in every window: <paramref name="now"/>
    /// when it fits now; <see cref="TimeSpan.MaxValue"/> when only calls under way, once ended, can make room.
    /// </summary>
    public TimeSpan RoomAt(TimeSpan now)
    {
        var at = now;
        foreach (var window in windows)
        {
            var first = FirstEndAfter(now - window.Window);
            var ended = _ends.Count - first;
            var mustLeave = UnderWay + ended - window.PermitLimit + 1;
            if (mustLeave <= 0)
            {
                continue;
            }

            if (mustLeave > ended)
            {
                return TimeSpan.MaxValue;
            }

            var room = _ends[first + mustLeave - 1] + window.Window;
            at = room > at ? room : at;
        }

        return at;
    }

    public void Start() => UnderWay++;

    public void End(TimeSpan now)
    {
        UnderWay--;
        _ends.Insert(FirstEndAfter(now), now);
        Forget(now);
    }

    /// <summary>Drops the ends that no window counts any more.</summary>
    public void Forget(TimeSpan now) => _ends.RemoveRange(0, FirstEndAfter(now - _longest));

    /// <summary>The index of the first end later than <paramref name="moment"/> (the count of those at or before it).</summary>
    private int FirstEndAfter(TimeSpan moment)
    {
        int low = 0, high = _ends.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (_ends[middle] <= moment)
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
