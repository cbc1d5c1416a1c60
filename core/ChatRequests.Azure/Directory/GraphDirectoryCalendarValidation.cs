using ChatRequests.Core.Organisation;
using Microsoft.Extensions.Options;

namespace ChatRequests.Azure.Graph;

/// <summary>Refuses to start with a calendar, an assignment, escalation, governance, quality check or closure setting that is not valid, naming every problem as the file directory does.</summary>
internal sealed class GraphDirectoryCalendarValidation : IValidateOptions<GraphDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphDirectoryOptions options)
    {
        var problems = CalendarDefinition.ProblemsOf("the directory", options.Calendar)
            .Concat(options.Teams.SelectMany(t => CalendarDefinition.ProblemsOf($"team '{t.Id}'", t.Calendar)))
            .Concat(options.Teams.SelectMany(t => AssignmentDefinition.ProblemsOf($"team '{t.Id}'", t.Assignment)))
            // People come from Graph and cannot be checked at the start; the groups are the configuration's own.
            .Concat(options.Escalation?.Problems(_ => true, id => options.ApproverGroups.Any(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase))) ?? [])
            .Concat(options.Governance?.Problems(
                _ => true,
                id => options.ApproverGroups.Any(g => string.Equals(g.Id, id, StringComparison.OrdinalIgnoreCase)),
                id => options.Teams.Any(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase))) ?? [])
            .Concat(ClosureSettings.ProblemsOf("the directory", options.Closure))
            .Concat(options.Teams.SelectMany(t => QualityCheckSetting.ProblemsOf($"team '{t.Id}'", t.QualityCheck)
                .Concat(QualityCheckSetting.ReminderProblemsOf($"team '{t.Id}'", t.QualityCheckReminderAfterHours))
                .Concat(ClosureSettings.ProblemsOf($"team '{t.Id}'", t.Closure))))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
