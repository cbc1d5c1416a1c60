using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Approvals;

/// <summary>
/// An approver's standing instruction: approvals put to <see cref="Approver"/> go to <see cref="Delegate"/> instead,
/// through the end of <see cref="Until"/> (an instant: the end of the day the person named). Names are snapshots, as on
/// a request.
/// </summary>
public sealed record Delegation(PersonRef Approver, PersonRef Delegate, DateTimeOffset Until, DateTimeOffset SetAt, PersonRef SetBy)
{
    public bool IsActiveAt(DateTimeOffset at) => at < Until;
}

/// <summary>The delegations, one per approver: setting one replaces the approver's earlier one.</summary>
public interface IDelegationStore
{
    /// <summary>Stores the delegation, replacing any the approver had.</summary>
    Task SetAsync(Delegation delegation, CancellationToken cancellationToken = default);

    /// <summary>The approver's delegation as stored, also when it has run out (callers check <see cref="Delegation.IsActiveAt"/>).</summary>
    Task<Delegation?> FindAsync(string approverId, CancellationToken cancellationToken = default);

    /// <summary>Ends the approver's delegation; false when they had none.</summary>
    Task<bool> RemoveAsync(string approverId, CancellationToken cancellationToken = default);
}
