using System.Globalization;

namespace ChatRequests.LoadDriver;

/// <summary>Resident (VmRSS) and peak resident (VmHWM) memory of a process, from /proc/&lt;pid&gt;/status, in MiB.</summary>
internal sealed record ProcessMemory(double WorkingSetMiB, double PeakWorkingSetMiB)
{
    public static ProcessMemory Read(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        return new ProcessMemory(Kibibytes(status, "VmRSS:") / 1024, Kibibytes(status, "VmHWM:") / 1024);
    }

    private static double Kibibytes(string[] status, string field)
    {
        // "VmRSS:\t  123456 kB"
        var line = status.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc status has no {field}");
        var number = line[field.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return double.Parse(number, CultureInfo.InvariantCulture);
    }
}
