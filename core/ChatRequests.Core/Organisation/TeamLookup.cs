namespace ChatRequests.Core.Organisation;

/// <summary>The one way to find a request's team in the directory (by its id, as the directory lists teams now).</summary>
public static class TeamLookup
{
    /// <summary>The team with <paramref name="teamId"/>; null when the directory no longer has it.</summary>
    public static async Task<Team?> FindTeamAsync(this IDirectory directory, string teamId, CancellationToken cancellationToken = default) =>
        (await directory.ListTeamsAsync(cancellationToken)).FirstOrDefault(t => t.Id == teamId);

    /// <summary>The organisation's operations team (<see cref="GovernanceSettings.OperationsTeamId"/>); null when none is set.</summary>
    public static async Task<Team?> FindOperationsTeamAsync(this IDirectory directory, CancellationToken cancellationToken = default) =>
        (await directory.GetGovernanceSettingsAsync(cancellationToken)).OperationsTeamId is { } id
            ? await directory.FindTeamAsync(id, cancellationToken)
            : null;
}
