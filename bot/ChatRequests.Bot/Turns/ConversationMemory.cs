using System.Collections.Concurrent;
using ChatRequests.Teams.Connector;
using ChatRequests.Core.Messaging;

namespace ChatRequests.Bot.Turns;

/// <summary>
/// Keeps the stored reference of each conversation the bot hears from up to date, for the messages it posts later: the
/// reference is written when it is new or has changed (Teams can move a conversation to another service URL, and the
/// next activity from there says so), and not on every turn. The reference last written or read is kept in memory
/// per conversation, so a busy conversation costs no store call at all.
/// </summary>
/// <remarks>
/// A kept reference can be out of date when another instance of the bot wrote a different one meanwhile; it is
/// compared with the store again after <see cref="RecheckAfter"/>, which bounds how long that can last.
/// </remarks>
public sealed class ConversationMemory(IConversationStore conversations, TimeProvider clock)
{
    /// <summary>Conversations kept at most; when full, the memory starts again empty (it is only ever a shortcut).</summary>
    public const int Capacity = 10_000;

    public static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);

    /// <summary>Stores where the activity's conversation is, unless the store already says the same.</summary>
    /// <param name="userId">The sender's Entra object id (their channel id when the activity has none).</param>
    public async Task RememberAsync(Activity activity, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var current = ReferenceOf(activity, userId, now);
        var kept = _kept.TryGetValue(current.ConversationId, out var entry) && now - entry.CheckedAt < RecheckAfter
            ? entry.Reference
            : null;
        if (kept is not null && Same(kept, current))
        {
            return;
        }

        var stored = kept ?? await conversations.FindAsync(current.ConversationId, cancellationToken);
        if (stored is null || !Same(stored, current))
        {
            await conversations.UpsertAsync(current, cancellationToken);
            stored = current;
        }

        if (_kept.Count >= Capacity)
        {
            _kept.Clear();
        }

        _kept[current.ConversationId] = new Kept(stored, now);
    }

    private static ConversationReference ReferenceOf(Activity activity, string userId, DateTimeOffset now)
    {
        var conversationType = ConversationType.FromWire(activity.Conversation!.ConversationType);
        var isPersonal = conversationType.IsPersonal;
        return new ConversationReference
        {
            // Every thread of a channel is reached through the channel.
            ConversationId = conversationType.IsChannel ? ConversationIds.ChannelOf(activity.Conversation.Id!) : activity.Conversation.Id!,
            ServiceUrl = activity.ServiceUrl!,
            TenantId = activity.TenantId,
            ConversationType = conversationType,
            UserAadObjectId = isPersonal ? userId : null,
            UserId = isPersonal ? activity.From!.Id : null,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            ChannelId = activity.ChannelId ?? "msteams",
            UpdatedAt = now,
        };
    }

    /// <summary>Everything but the time it was written.</summary>
    private static bool Same(ConversationReference stored, ConversationReference current) =>
        stored with { UpdatedAt = current.UpdatedAt } == current;

    private sealed record Kept(ConversationReference Reference, DateTimeOffset CheckedAt);
}
