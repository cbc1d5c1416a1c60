using System.Globalization;

namespace ChatRequests.LoadDriver;

/// <summary>
/// Resident (VmRSS) and peak resident (VmHWM) memory of a process, from /proc/&lt;pid&gt;/status, in MiB, with what the
/// resident memory is: anonymous (the GC heap, native allocations, the runtime's own heaps: RssAnon), pages of mapped
/// files (the assemblies and native libraries: RssFile) and shared memory (the JIT's code, mapped twice for W^X:
/// RssShmem), and its threads (each with a stack, part of the anonymous memory).
/// </summary>
internal sealed record ProcessMemory(double WorkingSetMiB, double PeakWorkingSetMiB, double AnonymousMiB, double FileMiB, double SharedMiB, int Threads)
{
    public static ProcessMemory Read(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        return new ProcessMemory(
            Field(status, "VmRSS:") / 1024, Field(status, "VmHWM:") / 1024,
            Field(status, "RssAnon:") / 1024, Field(status, "RssFile:") / 1024, Field(status, "RssShmem:") / 1024,
            (int)Field(status, "Threads:"));
    }

    /// <summary>"anon 16.1 + files 66.5 + shmem 24.8; 21 threads".</summary>
    public string Parts => string.Format(
        CultureInfo.InvariantCulture, "anon {0:0.0} + files {1:0.0} + shmem {2:0.0}; {3} threads", AnonymousMiB, FileMiB, SharedMiB, Threads);

    private static double Field(string[] status, string field)
    {
        // "VmRSS:\t  123456 kB", "Threads:\t21"
        var line = status.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc status has no {field}");
        var number = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return double.Parse(number, CultureInfo.InvariantCulture);
    }
}
