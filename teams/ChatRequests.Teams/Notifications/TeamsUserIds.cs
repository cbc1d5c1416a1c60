using System.Collections.Concurrent;
using ChatRequests.Core.Messaging;

namespace ChatRequests.Teams.Notifications;

/// <summary>
/// The Teams user ids (29:…) of people known by their Entra object id, as a card's <c>refresh.userIds</c> needs them:
/// the bot learns one from the person's own messages in their personal chat (<see cref="ConversationReference.UserId"/>).
/// An id found is kept (it never changes for this bot); one not known yet is asked again after <see cref="RecheckAfter"/>.
/// </summary>
public sealed class TeamsUserIds(IConversationStore conversations, TimeProvider clock)
{
    /// <summary>People kept at most; when full, the memory starts again empty (it is only ever a shortcut).</summary>
    public const int Capacity = 10_000;

    public static readonly TimeSpan RecheckAfter = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Kept> _kept = new(StringComparer.Ordinal);

    /// <summary>The person's Teams user id; null while the bot has not heard from them in their personal chat.</summary>
    public async Task<string?> FindAsync(string personId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (_kept.TryGetValue(personId, out var kept) && (kept.TeamsId is not null || now - kept.CheckedAt < RecheckAfter))
        {
            return kept.TeamsId;
        }

        var teamsId = (await conversations.FindPersonalAsync(personId, cancellationToken))?.UserId;
        if (_kept.Count >= Capacity)
        {
            _kept.Clear();
        }

        _kept[personId] = new Kept(teamsId, now);
        return teamsId;
    }

    /// <summary>The Teams user ids known of <paramref name="personIds"/>, in their order; the unknown left out.</summary>
    public async Task<IReadOnlyList<string>> FindAllAsync(IEnumerable<string> personIds, CancellationToken cancellationToken = default)
    {
        var found = new List<string>();
        foreach (var personId in personIds)
        {
            if (await FindAsync(personId, cancellationToken) is { } teamsId)
            {
                found.Add(teamsId);
            }
        }

        return found;
    }

    private sealed record Kept(string? TeamsId, DateTimeOffset CheckedAt);
}
