using System.Text.RegularExpressions;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// "parked", "parked events", "what is stuck": the team leads' list of parked steps (<see cref="ChatCommand.Parked"/>).
/// Only a whole message of these words counts, so that "my parked car pass" or "the printer is stuck" stay requests and
/// incidents.
/// </summary>
public static partial class ParkedWords
{
    public static bool Matches(string text) =>
        Parked().IsMatch(Spaces().Replace(text.Trim().TrimEnd('.', '!', '?').Replace('’', '\''), " "));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(
        @"^(?:please\s+)?(?:(?:show|list)\s+(?:me\s+)?)?(?:the\s+|all\s+)?(?:parked(?:\s+(?:events|steps))?|stuck\s+(?:events|steps)|what\s+is\s+stuck|what's\s+stuck)(?:,?\s+please)?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Parked();
}
