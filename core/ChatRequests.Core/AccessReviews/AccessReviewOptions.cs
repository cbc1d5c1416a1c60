namespace ChatRequests.Core.AccessReviews;

/// <summary>How access reviews are swept (section <c>AccessReviews</c>); the cadence is the organisation's (governance.accessReviews).</summary>
public sealed class AccessReviewOptions
{
    public const string SectionName = "AccessReviews";

    /// <summary>How often the embedded host sweeps (start a cycle, retry removals, escalate). The Functions app runs on its timer.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Failed removal attempts (Graph down, throttled) after which the team is told to remove by hand.</summary>
    public int MaxRemovalAttempts { get; set; } = 5;

    /// <summary>How long a click waits for the removal before answering; slower ones finish on the next sweep.</summary>
    public TimeSpan ClickRemovalTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Interval <= TimeSpan.Zero)
        {
            problems.Add("AccessReviews:Interval must be positive.");
        }

        if (MaxRemovalAttempts < 1)
        {
            problems.Add("AccessReviews:MaxRemovalAttempts must be 1 or more.");
        }

        if (ClickRemovalTimeout <= TimeSpan.Zero || ClickRemovalTimeout > TimeSpan.FromSeconds(8))
        {
            problems.Add("AccessReviews:ClickRemovalTimeout must be positive and at most 8 seconds (Teams waits about 10 s for a click's answer).");
        }

        return problems;
    }
}
