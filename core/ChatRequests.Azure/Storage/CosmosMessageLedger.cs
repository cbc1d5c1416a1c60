using ChatRequests.Core.Messaging;
using Microsoft.Azure.Cosmos;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Azure.Storage;

/// <summary>
/// The ledger of posted messages in the messaging container: one document per (request, step) key holding
/// both the posted message and the attempt log, so that recording a post and ending its attempt is one
/// atomic write with an ETag check.
/// </summary>
public sealed class CosmosMessageLedger(CosmosContainers containers, ILogger<CosmosMessageLedger> logger) : IMessageLedger
{
    private const string Kind = "postedMessage";

    private readonly CosmosDocuments _documents = new(logger, containers.OperationTimeout);

    public async Task<PostedMessage?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        var stored = await _documents.ReadAsync<LedgerDocument>(container, LedgerDocument.IdFor(key), cancellationToken);
        return stored?.Document.Message;
    }

    /// <summary>
    /// Records a posted message; if the key is already recorded, the first record stays: it is the message
    /// later steps update in place (see the SQLite ledger for the full reasoning).
    /// </summary>
    public Task RecordAsync(PostedMessage message, CancellationToken cancellationToken = default) =>
        UpdateAsync(
            message.Key,
            stored => stored switch
            {
                null => LedgerDocument.New(message.Key) with { Message = message },
                { Message: null } => stored with { Message = message, InFlight = false },
                { InFlight: true } => stored with { InFlight = false },
                _ => null,
            },
            cancellationToken);

    public async Task<bool> BeginAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var wasInFlight = false;
        await UpdateAsync(
            key,
            stored =>
            {
                var current = stored ?? LedgerDocument.New(key);
                wasInFlight = current.InFlight;
                return current with
                {
                    InFlight = true,
                    Interrupted = current.Interrupted + (current.InFlight ? 1 : 0),
                    StartedAt = at,
                };
            },
            cancellationToken);
        return wasInFlight;
    }

    public Task AbandonAttemptAsync(string key, CancellationToken cancellationToken = default) =>
        UpdateAsync(key, stored => stored is { InFlight: true } ? stored with { InFlight = false } : null, cancellationToken);

    public async Task<int> CountInterruptedAsync(string keyPrefix, CancellationToken cancellationToken = default)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        // STARTSWITH is case-sensitive and has no wildcards, unlike LIKE.
        var counts = await _documents.QueryAsync<int>(
            container,
            new QueryDefinition("SELECT VALUE c.interrupted FROM c WHERE c.type = @type AND STARTSWITH(c.key, @prefix) AND c.interrupted > 0")
                .WithParameter("@type", Kind)
                .WithParameter("@prefix", keyPrefix),
            "interrupted attempts",
            cancellationToken);
        return counts.Sum();
    }

    private async Task UpdateAsync(string key, Func<LedgerDocument?, LedgerDocument?> change, CancellationToken cancellationToken)
    {
        var container = await containers.MessagingAsync(cancellationToken);
        await _documents.UpdateAsync(container, LedgerDocument.IdFor(key), change, cancellationToken);
    }

    private sealed record LedgerDocument
    {
        public required string Id { get; init; }
        public string Type { get; init; } = Kind;
        public required string Key { get; init; }
        public PostedMessage? Message { get; init; }
        /// <summary>A post was begun and has neither been recorded nor abandoned.</summary>
        public bool InFlight { get; init; }
        /// <summary>How many attempts were begun while an earlier one was still in flight.</summary>
        public int Interrupted { get; init; }
        public DateTimeOffset? StartedAt { get; init; }

        public static string IdFor(string key) => CosmosIds.For(Kind, key);

        public static LedgerDocument New(string key) => new() { Id = IdFor(key), Key = key };
    }
}
