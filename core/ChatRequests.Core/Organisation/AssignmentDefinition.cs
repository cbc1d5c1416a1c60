using System.Globalization;

namespace ChatRequests.Core.Organisation;

/// <summary>How a team's approved requests find their agent.</summary>
public enum AssignmentMode
{
    /// <summary>An agent takes it with "Assign to me" (the behaviour without a setting).</summary>
    Manual,
    /// <summary>The next available member after the one who got the last request, in the order of the team's members.</summary>
    RoundRobin,
    /// <summary>The available member with the fewest open requests assigned; a tie goes round robin.</summary>
    LeastLoaded,
}

/// <summary>
/// A team's assignment setting as the organisation file or configuration writes it: <c>mode</c> ("manual", "roundRobin",
/// "leastLoaded") and <c>reannounceAfterHours</c> (working hours of the team's calendar after which a request still
/// unassigned is posted in the channel again; none = never).
/// </summary>
public sealed record AssignmentDefinition
{
    /// <summary>The longest re-announce period accepted (a month of hours): longer is a typo.</summary>
    public const double MaxReannounceHours = 720;

    public string Mode { get; init; } = "manual";
    public double? ReannounceAfterHours { get; init; }

    private static readonly Dictionary<string, AssignmentMode> Modes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["manual"] = AssignmentMode.Manual, ["roundRobin"] = AssignmentMode.RoundRobin, ["leastLoaded"] = AssignmentMode.LeastLoaded,
    };

    /// <summary>The mode; <see cref="AssignmentMode.Manual"/> for a definition with problems (the directories refuse those at start).</summary>
    public AssignmentMode ParsedMode => Modes.GetValueOrDefault(Mode.Trim(), AssignmentMode.Manual);

    /// <summary>The re-announce period, or null when requests are not re-announced.</summary>
    public TimeSpan? ReannouncePeriod => ReannounceAfterHours is { } hours ? TimeSpan.FromHours(hours) : null;

    /// <summary>What is wrong with the definition, each a sentence for the person who edits the file; empty when nothing.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Modes.ContainsKey((Mode ?? "").Trim()))
        {
            problems.Add($"mode '{Mode}' is not one of manual, roundRobin, leastLoaded.");
        }

        if (ReannounceAfterHours is { } hours && (double.IsNaN(hours) || hours <= 0 || hours > MaxReannounceHours))
        {
            problems.Add($"reannounceAfterHours {hours.ToString(CultureInfo.InvariantCulture)} is not a number of hours above 0 and at most {MaxReannounceHours}.");
        }

        return problems;
    }

    /// <summary>The problems as the directories list them: "team 'x' has an assignment whose mode ...".</summary>
    public static IEnumerable<string> ProblemsOf(string owner, AssignmentDefinition? assignment) =>
        (assignment?.Problems() ?? []).Select(problem => $"{owner} has an assignment whose {problem}");
}
