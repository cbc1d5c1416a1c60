using System.Globalization;

namespace ChatRequests.LoadDriver;

/// <summary>
/// Bytes a process has read so far through read-like system calls (rchar of /proc/&lt;pid&gt;/io): for the bot, mostly
/// SQLite's pages read again from the file (from the OS's cache or the disk alike). A count, so load does not change it:
/// what a turn reads from its store shows here even when its CPU time is lost in the noise of a busy machine.
/// </summary>
internal static class ProcessIo
{
    public static long ReadBytes(int processId) => Field(processId, "rchar:");

    /// <summary>
    /// Bytes of files the process has written into the page cache so far (write_bytes: each page counted when a write makes
    /// it dirty): for the bot, SQLite's write-ahead log and its checkpoints into the database file; sockets not counted.
    /// </summary>
    public static long FileBytesWritten(int processId) => Field(processId, "write_bytes:");

    private static long Field(int processId, string name)
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/io"))
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(name.Length).Trim(), CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidDataException($"/proc/{processId}/io has no {name} line.");
    }
}
