using System.Globalization;

namespace ChatRequests.Testing;

/// <summary>
/// How many malloc arenas besides the main one (<c>[heap]</c>) glibc has made in a process, from /proc/&lt;pid&gt;/maps: each
/// is a heap of 64 MiB of address space, aligned on 64 MiB, its used part readable and writable and the rest reserved
/// (<c>---p</c>) right after it. Only glibc's 64-bit heaps look so; elsewhere the count is 0.
/// </summary>
public static class MallocArenas
{
    private const long HeapSize = 64L << 20;

    public static int Count(int processId)
    {
        var mappings = File.ReadLines($"/proc/{processId}/maps").Select(Mapping.Parse).ToList();
        var arenas = 0;
        for (var i = 0; i < mappings.Count; i++)
        {
            var m = mappings[i];
            if (!m.IsAnonymous || !m.Writable || m.Start % HeapSize != 0)
            {
                continue;
            }

            var next = i + 1 < mappings.Count ? mappings[i + 1] : null;
            var reserved = next is { IsAnonymous: true, Writable: false } && next.Start == m.End ? next.End - next.Start : 0;
            arenas += m.End - m.Start + reserved == HeapSize ? 1 : 0;
        }

        return arenas;
    }

    private sealed record Mapping(long Start, long End, bool Writable, bool IsAnonymous)
    {
        // "7f3a4c000000-7f3a4c021000 rw-p 00000000 00:00 0" (an anonymous mapping names no file)
        public static Mapping Parse(string line)
        {
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var range = fields[0].Split('-');
            return new Mapping(
                long.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                long.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture),
                fields[1][1] == 'w',
                fields.Length < 6 || string.IsNullOrWhiteSpace(fields[5]));
        }
    }
}
