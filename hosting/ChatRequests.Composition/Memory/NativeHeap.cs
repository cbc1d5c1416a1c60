using System.Runtime.InteropServices;

namespace ChatRequests.Composition.Memory;

/// <summary>
/// glibc's malloc, the C heap under the runtime's own allocations, the JIT's scratch memory and SQLite's caches. Elsewhere
/// (musl, Windows, macOS) every call does nothing: those allocators have no such calls and keep memory their own way.
/// </summary>
public static class NativeHeap
{
    /// <summary>The most malloc arenas the bot makes, the main one included, unless the operator set glibc's own variable.</summary>
    public const int DefaultMaxArenas = 2;

    /// <summary>glibc's own setting of the most arenas, read by glibc as the process starts; an operator's value wins.</summary>
    public const string MaxArenasVariable = "MALLOC_ARENA_MAX";

    // mallopt's parameter for the most arenas malloc creates (M_ARENA_MAX in glibc's malloc.h).
    private const int ArenaMaxParameter = -8;

    /// <summary>
    /// At most <see cref="DefaultMaxArenas"/> malloc arenas from now on (ADR 0047), unless <see cref="MaxArenasVariable"/>
    /// is set. glibc gives a thread that finds every arena locked a new one, up to eight per core, and each keeps what its
    /// threads freed until a trim: the bot after 300 turns held 15 of them besides the main one, 17 to 22 MiB. With the limit threads share the
    /// arenas there are, each behind its lock. The first line of the host's Main: glibc fixes its limit for good once a
    /// process has more than eight arenas, and the arenas made before the call stay. True when glibc took it.
    /// </summary>
    public static bool LimitArenasAtStart() =>
        string.IsNullOrEmpty(Environment.GetEnvironmentVariable(MaxArenasVariable)) && Call(() => MallOpt(ArenaMaxParameter, DefaultMaxArenas) == 1);

    /// <summary><c>malloc_trim(0)</c>: every arena's free pages back to the system (ADR 0043).</summary>
    public static void Trim() => Call(() => MallocTrim(0) == 1);

    private static bool Call(Func<bool> glibc)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return glibc();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl has neither call).
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    [DllImport("libc", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
