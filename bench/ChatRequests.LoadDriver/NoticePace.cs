using System.Globalization;
using ChatRequests.Testing;

namespace ChatRequests.LoadDriver;

/// <summary>
/// How the notices arrived at the connector: how many in each second from the first, the steady rate (the middle 80%
/// of them, without the first burst and the tail), and the busiest window of the tenant and of one chat for each of
/// Teams' limits, which says whether something other than those limits set the pace.
/// </summary>
internal static class NoticePace
{
    private const int SecondsPerLine = 20;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void Report(IReadOnlyList<(string Conversation, DateTimeOffset ReceivedAt)> notices, TeamsRateLimits limits)
    {
        if (notices.Count < 2)
        {
            return;
        }

        var times = notices.Select(n => n.ReceivedAt).Order().ToList();
        var perSecond = times.GroupBy(t => (int)(t - times[0]).TotalSeconds).ToDictionary(g => g.Key, g => g.Count());
        var seconds = Enumerable.Range(0, perSecond.Keys.Max() + 1).Select(s => perSecond.GetValueOrDefault(s)).ToList();
        for (var from = 0; from < seconds.Count; from += SecondsPerLine)
        {
            var label = from == 0 ? "  per second" : "";
            LoadDriver.Report.Line(string.Format(Invariant, "{0,-12}{1,4}-{2,-4} {3}",
                label, from, Math.Min(from + SecondsPerLine, seconds.Count) - 1, string.Join(' ', seconds.Skip(from).Take(SecondsPerLine).Select(c => c.ToString(Invariant).PadLeft(2)))));
        }

        var (low, high) = (times.Count / 10, times.Count * 9 / 10);
        var steady = (high - low) / (times[high] - times[low]).TotalSeconds;
        var tenant = limits.PerTenant.Select(w => Busiest(w, [times]));
        var chats = notices.GroupBy(n => n.Conversation, StringComparer.Ordinal).Select(g => g.Select(n => n.ReceivedAt).Order().ToList()).ToList();
        var chat = limits.PerConversation.Select(w => Busiest(w, chats));
        LoadDriver.Report.Line(string.Format(Invariant, "  steady      {0:0.0} notices/s from the {1}th to the {2}th notice", steady, low + 1, high + 1));
        LoadDriver.Report.Line("  busiest     the tenant: " + string.Join(", ", tenant) + "; one chat: " + string.Join(", ", chat));
    }

    /// <summary>The most notices in any window of <paramref name="window"/>'s length in one of <paramref name="series"/>, against its limit.</summary>
    private static string Busiest(RateWindow window, IEnumerable<List<DateTimeOffset>> series)
    {
        var most = 0;
        foreach (var times in series)
        {
            for (int first = 0, last = 0; last < times.Count; last++)
            {
                while (times[last] - times[first] >= window.Window)
                {
                    first++;
                }

                most = Math.Max(most, last - first + 1);
            }
        }

        return string.Format(Invariant, "{0} in {1} (limit {2})", most, Span(window.Window), window.Permits);
    }

    private static string Span(TimeSpan window) => window >= TimeSpan.FromHours(1) ? $"{window.TotalHours:0} h" : $"{window.TotalSeconds:0} s";
}
