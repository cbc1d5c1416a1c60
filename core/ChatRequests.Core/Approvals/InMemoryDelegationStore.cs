using System.Collections.Concurrent;

namespace ChatRequests.Core.Approvals;

/// <summary>Delegations held in the process only (tests, and hosts that keep nothing across a restart).</summary>
public sealed class InMemoryDelegationStore : IDelegationStore
{
    private readonly ConcurrentDictionary<string, Delegation> _byApprover = new(StringComparer.Ordinal);

    public Task SetAsync(Delegation delegation, CancellationToken cancellationToken = default)
    {
        _byApprover[delegation.Approver.Id] = delegation;
        return Task.CompletedTask;
    }

    public Task<Delegation?> FindAsync(string approverId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byApprover.TryGetValue(approverId, out var delegation) ? delegation : null);

    public Task<bool> RemoveAsync(string approverId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byApprover.TryRemove(approverId, out _));
}
