namespace ChatRequests.Embedded.Sla;

/// <summary>The embedded SLA sweeper (section <c>Sla</c>).</summary>
public sealed class SlaSweepOptions
{
    public const string SectionName = "Sla";

    /// <summary>How often the sweeper looks for due reminders, at-risk warnings and escalations. Must be positive.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(5);
}
