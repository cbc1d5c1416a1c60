namespace ChatRequests.Core.Organisation;

/// <summary>
/// How a team closes resolved requests, as the organisation file or configuration writes it (top-level <c>closure</c>,
/// or a team's own): the requester is reminded <see cref="ReminderAfterWorkingDays"/> working days after resolution, the
/// system closes the request <see cref="AutoCloseAfterWorkingDays"/> working days after it when they have not answered,
/// and they may reopen an automatically closed request for <see cref="ReopenWithinDays"/> calendar days after that.
/// A value left out takes its default; without any closure settings nothing closes by itself.
/// </summary>
public sealed record ClosureSettings
{
    public const int DefaultAutoCloseAfterWorkingDays = 5;
    public const int DefaultReminderAfterWorkingDays = 3;
    public const int DefaultReopenWithinDays = 14;
    private const int MaxDays = 90;

    public int? AutoCloseAfterWorkingDays { get; init; }
    public int? ReminderAfterWorkingDays { get; init; }
    public int? ReopenWithinDays { get; init; }
    /// <summary>Working days after a delivery went out when its requester is reminded to acknowledge receipt; null: never.</summary>
    public int? ReceiptReminderAfterWorkingDays { get; init; }
    /// <summary>Working days after a delivery went out when the assignee is told it is still not acknowledged; null: never.</summary>
    public int? ReceiptAlertAfterWorkingDays { get; init; }

    public int AutoCloseDays => AutoCloseAfterWorkingDays ?? DefaultAutoCloseAfterWorkingDays;
    public int ReminderDays => ReminderAfterWorkingDays ?? DefaultReminderAfterWorkingDays;
    public int ReopenDays => ReopenWithinDays ?? DefaultReopenWithinDays;

    /// <summary>What is wrong with the settings, each a sentence for the person who edits the file; empty when nothing.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (AutoCloseDays is < 1 or > MaxDays)
        {
            problems.Add($"autoCloseAfterWorkingDays is {AutoCloseDays}; use 1 to {MaxDays} working days.");
        }

        if (ReminderDays < 1 || ReminderDays >= AutoCloseDays)
        {
            problems.Add($"reminderAfterWorkingDays is {ReminderDays}; the reminder comes at least a working day after resolution and before the automatic closing (after {AutoCloseDays} working days).");
        }

        if (ReopenDays is < 0 or > MaxDays * 4)
        {
            problems.Add($"reopenWithinDays is {ReopenDays}; use 0 (no reopening once closed) to {MaxDays * 4} days.");
        }

        if (ReceiptReminderAfterWorkingDays is < 1 or > MaxDays)
        {
            problems.Add($"receiptReminderAfterWorkingDays is {ReceiptReminderAfterWorkingDays}; use 1 to {MaxDays} working days.");
        }

        if (ReceiptAlertAfterWorkingDays is < 1 or > MaxDays || ReceiptAlertAfterWorkingDays <= ReceiptReminderAfterWorkingDays)
        {
            problems.Add($"receiptAlertAfterWorkingDays is {ReceiptAlertAfterWorkingDays}; use 1 to {MaxDays} working days, after the reminder to the requester.");
        }

        return problems;
    }

    /// <summary>The problems as the directories list them: "team 'x' has closure settings whose reopenWithinDays ...".</summary>
    public static IEnumerable<string> ProblemsOf(string owner, ClosureSettings? settings) =>
        (settings?.Problems() ?? []).Select(problem => $"{owner} has closure settings whose {problem}");
}

/// <summary>Which requests of a team pass a quality check (a colleague's review) before the requester is asked to confirm.</summary>
public enum QualityCheckScope
{
    /// <summary>Only requests for catalog items flagged <c>"qualityCheck": true</c> (the default).</summary>
    FlaggedItems,
    /// <summary>Every request the team resolves.</summary>
    AllItems,
    /// <summary>None, whatever the items say (a team with nobody to review).</summary>
    Off,
}

/// <summary>The organisation file's spelling of <see cref="QualityCheckScope"/>: "flaggedItems", "allItems", "off".</summary>
public static class QualityCheckSetting
{
    private static readonly Dictionary<string, QualityCheckScope> Names = new(StringComparer.Ordinal)
    {
        ["flaggedItems"] = QualityCheckScope.FlaggedItems,
        ["allItems"] = QualityCheckScope.AllItems,
        ["off"] = QualityCheckScope.Off,
    };

    /// <summary>The scope a setting names; absent is <see cref="QualityCheckScope.FlaggedItems"/>; null when it names none.</summary>
    public static QualityCheckScope? Parse(string? setting) =>
        setting is null ? QualityCheckScope.FlaggedItems : Names.TryGetValue(setting, out var scope) ? scope : null;

    /// <summary>The most working hours a team may let a check wait before its lead is told (<see cref="Team.QualityCheckReminderAfterHours"/>).</summary>
    public const int MaxReminderAfterHours = 200;

    /// <summary>"team 'x' has qualityCheckReminderAfterHours 0, ..." when it is out of range; empty otherwise.</summary>
    public static IEnumerable<string> ReminderProblemsOf(string owner, int? hours) =>
        hours is < 1 or > MaxReminderAfterHours
            ? [$"{owner} has qualityCheckReminderAfterHours {hours}; use 1 to {MaxReminderAfterHours} working hours (or leave it out: nobody is reminded)."]
            : [];

    /// <summary>"team 'x' has qualityCheck 'some', which is not ..." when the setting names no scope; empty otherwise.</summary>
    public static IEnumerable<string> ProblemsOf(string owner, string? setting) =>
        Parse(setting) is null
            ? [$"{owner} has qualityCheck '{setting}', which is not one of {string.Join(", ", Names.Keys.Select(k => $"\"{k}\""))}."]
            : [];
}
