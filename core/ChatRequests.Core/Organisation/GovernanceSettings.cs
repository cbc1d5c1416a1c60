namespace ChatRequests.Core.Organisation;

/// <summary>
/// The organisation's governance settings (organisation file: top-level <c>governance</c>; Graph: <c>Directory:Governance</c>):
/// who audits, how long closed requests keep personal data, how often granted access is reviewed, what reports flag.
/// Absent, nobody is an auditor, nothing is anonymised, no access review runs, and reports use their defaults.
/// </summary>
public sealed record GovernanceSettings
{
    public static GovernanceSettings Default { get; } = new();

    /// <summary>People who may read every request's history, verify it, export it and answer data-subject requests.</summary>
    public IReadOnlyList<string> Auditors { get; init; } = [];

    /// <summary>A group of the directory whose members are auditors (an approver group of the file; Graph: an Entra group).</summary>
    public string? AuditorGroupId { get; init; }

    public RetentionSettings Retention { get; init; } = new();

    public AccessReviewSettings AccessReviews { get; init; } = new();

    public ReportSettings Reports { get; init; } = new();

    /// <summary>
    /// The team (its id) whose channel gets the card of a parked step when the request's own team is no longer in the
    /// directory; its lead and members may retry or dismiss any parked step. Null: such a card cannot be posted (it is
    /// logged and counted, and still on /status).
    /// </summary>
    public string? OperationsTeamId { get; init; }

    /// <summary>Whether the person is an auditor: named in <see cref="Auditors"/> or a member of <see cref="AuditorGroupId"/>.</summary>
    public async Task<bool> IsAuditorAsync(IDirectory directory, string personId, CancellationToken cancellationToken = default)
    {
        if (Auditors.Contains(personId, StringComparer.OrdinalIgnoreCase))
        {
            return true;
        }

        return AuditorGroupId is { } groupId
            && await directory.FindGroupAsync(groupId, cancellationToken) is { } group
            && group.MemberIds.Contains(personId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>What is wrong with the settings, each a sentence for the person who edits them; empty when nothing.</summary>
    /// <param name="isTeam">Whether a team of that id exists; null where teams are not known yet.</param>
    public IReadOnlyList<string> Problems(Func<string, bool> isPerson, Func<string, bool> isGroup, Func<string, bool>? isTeam = null)
    {
        var problems = new List<string>();
        if (OperationsTeamId is { } operations && isTeam is not null && !isTeam(operations))
        {
            problems.Add($"governance.operationsTeamId is '{operations}', which is not a team in the directory.");
        }

        foreach (var id in Auditors.Where(id => !isPerson(id)))
        {
            problems.Add($"governance.auditors has '{id}', who is not a person in the directory.");
        }

        if (AuditorGroupId is { } groupId && !isGroup(groupId))
        {
            problems.Add($"governance.auditorGroupId is '{groupId}', which is not a group in the directory.");
        }

        if (Retention.AnonymiseClosedAfterDays is <= 0)
        {
            problems.Add($"governance.retention.anonymiseClosedAfterDays is {Retention.AnonymiseClosedAfterDays}; give a positive number of days, or leave it out to keep requests as they are.");
        }

        if (Retention.KeepAuditYears is <= 0)
        {
            problems.Add($"governance.retention.keepAuditYears is {Retention.KeepAuditYears}; give a positive number of years, or leave it out.");
        }

        if (AccessReviews.EveryMonths is { } months && months is < 1 or > 24)
        {
            problems.Add($"governance.accessReviews.everyMonths is {months}; give 1 to 24 months (3 is quarterly), or leave it out for no reviews.");
        }

        if (AccessReviews.DueAfterWorkingDays <= 0)
        {
            problems.Add($"governance.accessReviews.dueAfterWorkingDays is {AccessReviews.DueAfterWorkingDays}; give a positive number of working days.");
        }

        if (Reports.QuickApprovalSeconds < 0)
        {
            problems.Add($"governance.reports.quickApprovalSeconds is {Reports.QuickApprovalSeconds}; give 0 (no flag) or more seconds.");
        }

        if (Reports.RestrictedRepeatThreshold < 2)
        {
            problems.Add($"governance.reports.restrictedRepeatThreshold is {Reports.RestrictedRepeatThreshold}; give 2 or more requests.");
        }

        return problems;
    }
}

/// <summary>How long requests keep personal data (GDPR) and their audit entries (SOX).</summary>
public sealed record RetentionSettings
{
    /// <summary>Days after closing (or cancelling, rejecting) at which a request is anonymised: requester and free text removed, figures kept; null: never.</summary>
    public int? AnonymiseClosedAfterDays { get; init; }

    /// <summary>Years an anonymised request's audit entries are kept before the document is deleted; null: kept.</summary>
    public int? KeepAuditYears { get; init; }
}

/// <summary>Periodic reviews of the access that requests granted (items whose provisioning adds people to groups).</summary>
public sealed record AccessReviewSettings
{
    /// <summary>Months between reviews (3: quarterly); null: no reviews.</summary>
    public int? EveryMonths { get; init; }

    /// <summary>Working days a manager has to finish a review before it goes to their manager.</summary>
    public int DueAfterWorkingDays { get; init; } = 10;
}

/// <summary>What reports flag as outliers.</summary>
public sealed record ReportSettings
{
    /// <summary>An approval decided within this many seconds of being asked is flagged; 0: never.</summary>
    public int QuickApprovalSeconds { get; init; } = 30;

    /// <summary>One person's requests for restricted items, this many or more within the report's period, are flagged.</summary>
    public int RestrictedRepeatThreshold { get; init; } = 3;
}
