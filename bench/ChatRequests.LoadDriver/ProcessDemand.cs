using System.Globalization;

namespace ChatRequests.LoadDriver;

/// <summary>
/// The CPU a process wanted so far: the time its threads ran plus the time they waited on a run queue for a core, from
/// /proc/&lt;pid&gt;/task/*/schedstat (nanoseconds). On a loaded machine a busy process gets little CPU and waits instead, so
/// its CPU time alone says it is quiet while it is not; what it wanted does not. Threads that ended are no longer counted,
/// so the figure is for differences over a short window, not a total.
/// </summary>
internal static class ProcessDemand
{
    public static TimeSpan Read(int processId)
    {
        long nanoseconds = 0;
        foreach (var task in Directory.EnumerateDirectories($"/proc/{processId}/task"))
        {
            try
            {
                // "run-time wait-time timeslices"
                var fields = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                nanoseconds += long.Parse(fields[0], CultureInfo.InvariantCulture) + long.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException or IOException)
            {
                // The thread ended while the folder was read.
            }
        }

        return TimeSpan.FromTicks(nanoseconds / 100);
    }
}
