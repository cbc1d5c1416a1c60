using System.Globalization;

namespace ChatRequests.LoadDriver;

/// <summary>
/// CPU time a process has used so far: utime + stime of /proc/&lt;pid&gt;/stat, which count every thread it has had,
/// in clock ticks (USER_HZ, 100 per second on the Linux kernels .NET runs on), so a figure is good to 10 ms.
/// </summary>
internal static class ProcessCpu
{
    public const int TicksPerSecond = 100;

    public static TimeSpan Read(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // "pid (comm) state ppid ...": comm may hold spaces or ')', so fields are counted after the last ')'.
        // After it, field 3 (state) is at 0, so utime (field 14) is at 11 and stime (field 15) at 12.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((double)ticks / TicksPerSecond);
    }
}
