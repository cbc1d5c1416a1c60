namespace ChatRequests.Core.Priority;

/// <summary>How many people a request affects.</summary>
public enum Impact { High, Medium, Low }

/// <summary>How soon the requester is blocked without it.</summary>
public enum Urgency { High, Medium, Low }

/// <summary>A priority with the reason a person can read.</summary>
public sealed record PriorityAssessment(int Level, Impact Impact, Urgency Urgency)
{
    public string Label => $"P{Level}";

    public string Reason =>
        $"{Label}: impact {Impact.ToString().ToLowerInvariant()} ({PriorityMatrix.Describe(Impact)}) x " +
        $"urgency {Urgency.ToString().ToLowerInvariant()} ({PriorityMatrix.Describe(Urgency)})";
}

/// <summary>The ITIL impact x urgency matrix, P1 (most pressing) to P4.</summary>
public static class PriorityMatrix
{
    //                 urgency:  High Medium Low
    private static readonly int[,] Levels =
    {
        { 1, 2, 3 }, // impact High
        { 2, 3, 4 }, // impact Medium
        { 3, 4, 4 }, // impact Low
    };

    public static PriorityAssessment Assess(Impact impact, Urgency urgency) =>
        new(Levels[(int)impact, (int)urgency], impact, urgency);

    public static string Describe(Impact impact) => impact switch
    {
        Impact.High => "many people or a whole department",
        Impact.Medium => "a team",
        _ => "one person",
    };

    public static string Describe(Urgency urgency) => urgency switch
    {
        Urgency.High => "work is blocked now",
        Urgency.Medium => "needed within days",
        _ => "can wait",
    };
}
