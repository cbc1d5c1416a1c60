namespace ChatRequests.Core.Messaging;

/// <summary>
/// Where and how to reach a conversation proactively. Refreshed on every inbound activity, because Teams
/// may move a conversation to another service URL.
/// </summary>
public sealed record ConversationReference
{
    /// <summary>The conversation id (a:..., 19:...@thread.tacv2, ...).</summary>
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    public string? TenantId { get; init; }
    /// <summary>"personal", "channel" or "groupChat".</summary>
    public string ConversationType { get; init; } = "personal";
    /// <summary>For a personal chat: the user's Entra object id.</summary>
    public string? UserAadObjectId { get; init; }
    /// <summary>For a personal chat: the user's channel account id (29:...).</summary>
    public string? UserId { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }
    public string ChannelId { get; init; } = "msteams";
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Durable conversation references: the personal chat of each user, and each channel we can post to.</summary>
public interface IConversationStore
{
    Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default);

    /// <summary>The personal chat with a user, by Entra object id.</summary>
    Task<ConversationReference?> FindPersonalAsync(string aadObjectId, CancellationToken cancellationToken = default);

    Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken = default);

    /// <summary>Any reference in the tenant, for its service URL when a conversation must be created.</summary>
    Task<ConversationReference?> FindAnyInTenantAsync(string? tenantId, CancellationToken cancellationToken = default);
}

/// <summary>A message the bot posted, so that it can be updated in place and is never posted twice.</summary>
public sealed record PostedMessage(string Key, string ConversationId, string ActivityId, DateTimeOffset PostedAt);

/// <summary>
/// The ledger of messages posted, keyed by (request, step): a redelivered event finds its message here
/// and does not post again.
/// </summary>
public interface IMessageLedger
{
    Task<PostedMessage?> FindAsync(string key, CancellationToken cancellationToken = default);

    Task RecordAsync(PostedMessage message, CancellationToken cancellationToken = default);

    /// <summary>All messages whose key starts with <paramref name="keyPrefix"/> (e.g. every approval card of a request).</summary>
    Task<IReadOnlyList<PostedMessage>> ListAsync(string keyPrefix, CancellationToken cancellationToken = default);
}
