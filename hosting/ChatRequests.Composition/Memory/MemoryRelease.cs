using System.Runtime;
using ChatRequests.Embedded.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Composition.Memory;

/// <summary>
/// Gives back to the machine what the bot's turns left behind and an idle bot does not need (ADR 0043): the GC heap's
/// free space (a compacting collection that decommits what it freed), the embedded store's pooled connections (their page
/// caches; the next operation opens one afresh) and the C heap's free pages (glibc keeps them in its arenas otherwise).
/// Costs one blocking collection, tens of milliseconds: for an idle bot only.
/// </summary>
public sealed class MemoryRelease(IServiceProvider services)
{
    /// <summary>
    /// What one release changed: the process's resident memory and the GC heap's bytes (live and not yet collected) before
    /// and after, and what the GC keeps committed after its collection.
    /// </summary>
    public readonly record struct Outcome(long ResidentBefore, long ResidentAfter, long HeapBefore, long HeapAfter, long CommittedAfter);

    public Outcome Release()
    {
        var residentBefore = Environment.WorkingSet;
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);

        services.GetService<SqliteDatabase>()?.ReleasePooledConnections();
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.Trim();

        // The memory info is the last collection's: the one just made.
        return new Outcome(
            residentBefore, Environment.WorkingSet, heapBefore, GC.GetTotalMemory(forceFullCollection: false), GC.GetGCMemoryInfo().TotalCommittedBytes);
    }
}
