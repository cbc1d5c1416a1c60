using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Audit;

/// <summary>
/// The history and its verification in chat: who may read a request's history (its viewers, <see cref="RequestViewers"/>,
/// and auditors) and who may verify it (auditors). Anyone else is told what an unknown number is told.
/// </summary>
public sealed class AuditTrail(IRequestStore store, IDirectory directory)
{
    /// <summary>A page of the history (<see cref="RequestHistory.Page"/>); the team's side and auditors read internal lines.</summary>
    public async Task<HistoryPage> HistoryAsync(string requestId, string personId, int? page, CancellationToken cancellationToken = default)
    {
        var request = await store.GetAsync(requestId, cancellationToken) ?? throw new RequestNotVisibleException(requestId);
        var team = await directory.FindTeamAsync(request.TeamId, cancellationToken);
        var teamSide = team is not null && (team.HasMember(personId) || team.LeadId == personId);
        if (teamSide)
        {
            return RequestHistory.Page(request, personId, readsInternal: true, page);
        }

        var auditor = await IsAuditorAsync(personId, cancellationToken);
        return auditor || RequestViewers.MayView(request, personId, team)
            ? RequestHistory.Page(request, personId, readsInternal: auditor, page)
            : throw new RequestNotVisibleException(requestId);
    }

    /// <summary>Whether the request's history chain is intact; for auditors only.</summary>
    public async Task<ChainVerdict> VerifyAsync(string requestId, string personId, CancellationToken cancellationToken = default)
    {
        if (!await IsAuditorAsync(personId, cancellationToken))
        {
            throw new RequestNotVisibleException(requestId);
        }

        var request = await store.GetAsync(requestId, cancellationToken) ?? throw new RequestNotVisibleException(requestId);
        return HistoryChain.Verify(request);
    }

    private async Task<bool> IsAuditorAsync(string personId, CancellationToken cancellationToken) =>
        await (await directory.GetGovernanceSettingsAsync(cancellationToken)).IsAuditorAsync(directory, personId, cancellationToken);
}
