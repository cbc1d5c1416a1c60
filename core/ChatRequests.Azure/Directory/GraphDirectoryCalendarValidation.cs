using Microsoft.Extensions.Options;

namespace ChatRequests.Azure.Graph;

/// <summary>Refuses to start with a calendar that is not valid, naming every problem as the file directory does.</summary>
internal sealed class GraphDirectoryCalendarValidation : IValidateOptions<GraphDirectoryOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphDirectoryOptions options)
    {
        var problems = (options.Calendar?.Problems() ?? []).Select(p => $"{GraphDirectoryOptions.SectionName}:Calendar's {p}")
            .Concat(options.Teams.SelectMany(t => (t.Calendar?.Problems() ?? []).Select(p => $"team '{t.Id}' has a calendar whose {p}")))
            .ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
