using ChatRequests.Core.Approvals;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Storage;

/// <summary>Delegations in the messaging container (kind "delegation"), one document per approver, read by id only.</summary>
public sealed class CosmosDelegationStore(CosmosContainers containers, ILogger<CosmosDelegationStore> logger) : IDelegationStore
{
    private const string Kind = "delegation";

    private readonly CosmosDocuments _documents = new(logger, containers.OperationTimeout);

    public async Task SetAsync(Delegation delegation, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var document = new DelegationDocument { Id = IdFor(delegation.Approver.Id), Delegation = delegation };
        await _documents.UpdateAsync<DelegationDocument>(container, document.Id, _ => document, cancellationToken);
    }

    public async Task<Delegation?> FindAsync(string approverId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var stored = await _documents.ReadAsync<DelegationDocument>(container, IdFor(approverId), cancellationToken);
        return stored?.Document.Delegation;
    }

    public async Task<bool> RemoveAsync(string approverId, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        return await _documents.TryDeleteAsync(container, IdFor(approverId), etag: null, cancellationToken);
    }

    private static string IdFor(string approverId) => CosmosIds.For(Kind, approverId);

    private sealed record DelegationDocument
    {
        public required string Id { get; init; }
        public string Type { get; init; } = Kind;
        public required Delegation Delegation { get; init; }
    }
}
