using ChatRequests.Core.Priority;

namespace ChatRequests.Core.Understanding;

/// <summary>How urgent the words sound: "asap", "blocked", "can't work" are high; "no rush", "next week" low.</summary>
internal static class UrgencyWords
{
    // Read from the words in order, stop words kept ("can't work" is "cant work").
    private static readonly string[] High =
    [
        "urgent", "urgently", "asap", "as soon as possible", "today", "right now", "right away", "immediately",
        "straight away", "blocked", "cant work", "cannot work", "can not work", "unable to work", "emergency",
        "critical", "this morning", "tonight",
    ];

    private static readonly string[] Low =
    [
        "next week", "next month", "no rush", "no hurry", "whenever", "not urgent", "not urgently",
        "no urgency", "when you can", "when you have time", "low priority", "eventually", "not today",
    ];

    /// <summary>High for "urgent", "asap", "blocked", "can't work"...; Low for "no rush", "next week"...; else null.</summary>
    public static Urgency? Find(string text)
    {
        var padded = $" {string.Join(' ', Tokens.Split(text))} ";
        var low = false;
        foreach (var phrase in Low)
        {
            if (padded.Contains($" {phrase} ", StringComparison.Ordinal))
            {
                low = true;
                // "not urgent" must not count as "urgent".
                padded = padded.Replace($" {phrase} ", " ", StringComparison.Ordinal);
            }
        }

        if (High.Any(phrase => padded.Contains($" {phrase} ", StringComparison.Ordinal)))
        {
            return Urgency.High;
        }

        return low ? Urgency.Low : null;
    }
}
