namespace ChatRequests.Composition.Memory;

/// <summary>
/// When the bot last had work (a turn, a click, a dashboard read): the host notes each request, and
/// <see cref="IdleMemoryRelease"/> reads it to know the bot is idle. The start counts as work.
/// </summary>
public sealed class WorkWatch(TimeProvider clock)
{
    private long _lastWorkAt = clock.GetTimestamp();

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last work; an unchanged value means no work since.</summary>
    public long LastWorkAt => Volatile.Read(ref _lastWorkAt);

    /// <summary>On every request: one write, no lock.</summary>
    public void NoteWork() => Volatile.Write(ref _lastWorkAt, clock.GetTimestamp());
}
