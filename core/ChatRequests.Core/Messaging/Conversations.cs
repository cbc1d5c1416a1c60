namespace ChatRequests.Core.Messaging;

/// <summary>
/// Where and how to reach a conversation proactively. Written when an inbound activity shows it new or changed (Teams
/// may move a conversation to another service URL), not on every turn.
/// </summary>
public sealed record ConversationReference
{
    /// <summary>The conversation id (a:..., 19:...@thread.tacv2, ...).</summary>
    public required string ConversationId { get; init; }
    public required string ServiceUrl { get; init; }
    public string? TenantId { get; init; }
    public ConversationType ConversationType { get; init; } = ConversationType.Personal;
    /// <summary>For a personal chat: the user's Entra object id.</summary>
    public string? UserAadObjectId { get; init; }
    /// <summary>For a personal chat: the user's channel account id (29:...).</summary>
    public string? UserId { get; init; }
    public string? BotId { get; init; }
    public string? BotName { get; init; }
    public string ChannelId { get; init; } = "msteams";
    /// <summary>When the reference was last written: when it was first seen or last changed.</summary>
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
/// <remarks>
/// The Bot Connector has no idempotency key and no way to read a conversation back, so one case is left:
/// the process dies after Teams accepted a post and before <see cref="RecordAsync"/> ran. The attempt
/// log makes that case visible: <see cref="BeginAttemptAsync"/> tells the poster that an earlier attempt
/// was interrupted (the post that follows may be a second copy), and the count is kept for operators.
/// </remarks>
public interface IMessageLedger
{
    Task<PostedMessage?> FindAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Records a post and ends its attempt. If the key is already recorded, the first record stays.</summary>
    Task RecordAsync(PostedMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Notes that a post for <paramref name="key"/> is about to be made; returns true when an earlier attempt
    /// was interrupted without an outcome (it may have been delivered).
    /// </summary>
    Task<bool> BeginAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Ends an attempt that certainly posted nothing (the connector answered with an error).</summary>
    Task AbandonAttemptAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>How many attempts for keys starting with <paramref name="keyPrefix"/> were interrupted and retried.</summary>
    Task<int> CountInterruptedAsync(string keyPrefix, CancellationToken cancellationToken = default);
}

/// <summary>
/// Installs the bot's Teams app for a person the bot has no chat with yet, so that it can reach them (where the
/// directory allows it: Microsoft Graph with the app's catalog id).
/// </summary>
public interface IPersonalChatInstaller
{
    /// <summary>
    /// Installs the app for <paramref name="personId"/> (already installed is fine) and returns the id of their personal
    /// chat with the bot; null where the bot cannot install itself (the person is then unreachable). Throws
    /// <see cref="RecipientUnreachableException"/> when the installation is refused for good (no such person, not
    /// allowed); any other failure is transient.
    /// </summary>
    Task<string?> InstallAsync(string personId, CancellationToken cancellationToken = default);
}

/// <summary>Where the bot cannot install itself (the embedded default, no app catalog id).</summary>
public sealed class NoPersonalChatInstaller : IPersonalChatInstaller
{
    public static readonly NoPersonalChatInstaller Instance = new();

    public Task<string?> InstallAsync(string personId, CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
}
