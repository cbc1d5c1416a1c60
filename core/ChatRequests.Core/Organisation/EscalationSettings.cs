namespace ChatRequests.Core.Organisation;

/// <summary>
/// The organisation's escalation ladder settings (organisation file: top-level <c>escalation</c>; Graph:
/// <c>Directory:Escalation</c>). Absent, the ladder runs on its defaults: level 1 at the at-risk instant, no VIPs, no
/// senior management (level 3 then has nobody to go to and goes to the supervisor or lead instead), no long breach.
/// </summary>
public sealed record EscalationSettings
{
    /// <summary>The default share of the target at which level 1 fires: the at-risk instant.</summary>
    public const double DefaultLevel1AtShare = 0.75;

    public static EscalationSettings Default { get; } = new();

    /// <summary>People whose requests go to level 3 as soon as the team has them.</summary>
    public IReadOnlyList<string> Vips { get; init; } = [];

    /// <summary>A group of the directory whose members are VIPs (an approver group of the file; Graph: of the configuration).</summary>
    public string? VipGroupId { get; init; }

    /// <summary>Who gets level 3.</summary>
    public IReadOnlyList<string> SeniorManagement { get; init; } = [];

    /// <summary>A group of the directory whose members get level 3.</summary>
    public string? SeniorManagementGroupId { get; init; }

    /// <summary>The share of the target (working time from submission) at which level 1 fires, above 0 and below 1.</summary>
    public double Level1AtShare { get; init; } = DefaultLevel1AtShare;

    /// <summary>Working hours past the target at which a breach counts as long and goes to level 3; null: never.</summary>
    public int? Level3AfterBreachHours { get; init; }

    /// <summary>What is wrong with the settings, each a sentence for the person who edits them; empty when nothing.</summary>
    public IReadOnlyList<string> Problems(Func<string, bool> isPerson, Func<string, bool> isGroup)
    {
        var problems = new List<string>();
        if (!(Level1AtShare > 0 && Level1AtShare < 1))
        {
            problems.Add($"escalation.level1AtShare is {Level1AtShare}; give a share of the target above 0 and below 1, like 0.75.");
        }

        if (Level3AfterBreachHours is <= 0)
        {
            problems.Add($"escalation.level3AfterBreachHours is {Level3AfterBreachHours}; give a positive number of working hours, or leave it out.");
        }

        foreach (var id in Vips.Where(id => !isPerson(id)))
        {
            problems.Add($"escalation.vips has '{id}', who is not a person in the directory.");
        }

        foreach (var id in SeniorManagement.Where(id => !isPerson(id)))
        {
            problems.Add($"escalation.seniorManagement has '{id}', who is not a person in the directory.");
        }

        foreach (var (name, id) in new[] { ("vipGroupId", VipGroupId), ("seniorManagementGroupId", SeniorManagementGroupId) })
        {
            if (id is not null && !isGroup(id))
            {
                problems.Add($"escalation.{name} is '{id}', which is not an approver group of the directory.");
            }
        }

        return problems;
    }
}
