using System.Globalization;

namespace ChatRequests.LoadDriver;

/// <summary>
/// Bytes a process has read so far through read-like system calls (rchar of /proc/&lt;pid&gt;/io): for the bot, mostly
/// SQLite's pages read again from the file (from the OS's cache or the disk alike). A count, so load does not change it:
/// what a turn reads from its store shows here even when its CPU time is lost in the noise of a busy machine.
/// </summary>
internal static class ProcessIo
{
    public static long ReadBytes(int processId)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/io"))
        {
            if (line.StartsWith("rchar:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan("rchar:".Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidDataException($"/proc/{processId}/io has no rchar line.");
    }
}
