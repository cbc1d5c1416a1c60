using System.Runtime;

namespace ChatRequests.Composition.Memory;

/// <summary>
/// Whether the bot is at work: when it last had a request (a turn, a click, a dashboard read; the host notes each, the
/// start counts as one), and how many methods the runtime has compiled so far, since the runtime goes on compiling the
/// turns' hot code for a while after they end (tiered compilation). <see cref="IdleMemoryRelease"/> reads both.
/// </summary>
public sealed class WorkWatch(TimeProvider clock, Func<long>? compiledMethods = null)
{
    private readonly Func<long> _compiledMethods = compiledMethods ?? (() => JitInfo.GetCompiledMethodCount());
    private long _lastWorkAt = clock.GetTimestamp();

    /// <summary>The <see cref="TimeProvider.GetTimestamp"/> of the last request; an unchanged value means no request since.</summary>
    public long LastWorkAt => Volatile.Read(ref _lastWorkAt);

    /// <summary>Methods compiled so far (all threads): a change means the compiler was at work in between.</summary>
    public long CompiledMethods => _compiledMethods();

    /// <summary>On every request: one write, no lock.</summary>
    public void NoteWork() => Volatile.Write(ref _lastWorkAt, clock.GetTimestamp());
}
