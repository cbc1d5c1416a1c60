using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using ChatRequests.Cards;
using ChatRequests.Core.Messaging;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Teams.Notifications;

/// <summary>
/// What this process last put in each message it posted or updated (a hash of the activity), so that
/// <see cref="ProactiveMessenger"/> does not send an update that would show the same again: the team card is shown at
/// every step of a request, and steps that run after the request moved on (an agent's "Assign" worked after their
/// "Resolve") or that change nothing on the card (an event's completion) would update it to what it already shows.
/// A card sent from its inputs (<see cref="PreparedCard"/>) is remembered by their fingerprint too, so that the next
/// update from the same inputs is skipped before its card is built.
/// </summary>
/// <remarks>
/// Only right when this process sends every update of the messages it remembers: the bot with SQLite and its in-process
/// relay, which registers it (<see cref="NotificationsServiceCollectionExtensions.AddUnchangedUpdateSkipping"/>); on
/// Azure several instances of the Functions app update the same cards, so none is registered and every update is sent.
/// A click's answer does not count as a change here: it replaces the card for the one who clicked only, and that copy
/// refreshes itself for them. An update is forgotten before it is sent, so one whose outcome is unknown (a timeout that
/// Teams may have applied) is never taken for what the message shows. Lost with the process (every update is sent again
/// after a restart) and bounded: when <see cref="Capacity"/> messages are remembered, the memory starts again empty.
/// </remarks>
public sealed class LastSentCards
{
    /// <summary>The messages remembered at most; more than the requests a team works on at once.</summary>
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<(string ConversationId, string ActivityId), Shown> _sent = new();

    /// <summary>
    /// The hash of <paramref name="activity"/> as the connector client writes it, its id left out (a post has none, its
    /// updates carry the message's), so two activities hash alike exactly when Teams would be shown the same body.
    /// Computed once per send: compared before it, remembered after it.
    /// </summary>
    public static ActivityHash HashOf(Activity activity) =>
        JsonScratch.Write(
            activity.Id is null ? activity : activity with { Id = null },
            static (writer, written) => JsonSerializer.Serialize(writer, written, ConnectorJson.Options),
            static json =>
            {
                Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
                SHA256.HashData(json, hash);
                return new ActivityHash(MemoryMarshal.Read<UInt128>(hash), MemoryMarshal.Read<UInt128>(hash[16..]));
            });

    /// <summary>Whether the activity hashed <paramref name="hash"/> is what this process last sent to the message, and nothing was sent to it since.</summary>
    public bool IsShowing(PostedMessage message, ActivityHash hash) =>
        _sent.TryGetValue((message.ConversationId, message.ActivityId), out var sent) && sent.Activity == hash;

    /// <summary>
    /// Whether this process last sent the message a card of the inputs <paramref name="fingerprint"/>, and nothing since:
    /// the same inputs bind to the same card, so an update built from them would show what the message shows.
    /// </summary>
    public bool IsShowing(PostedMessage message, CardFingerprint fingerprint) =>
        _sent.TryGetValue((message.ConversationId, message.ActivityId), out var sent) && sent.Inputs == fingerprint;

    /// <summary>Before a send: until it succeeds, the message may show either this or what it showed before.</summary>
    public void Forget(PostedMessage message) => _sent.TryRemove((message.ConversationId, message.ActivityId), out _);

    /// <summary>After a post that Teams accepted.</summary>
    public void Remember(string conversationId, string activityId, Activity activity, CardFingerprint? inputs = null)
    {
        if (activityId.Length > 0)
        {
            Remember(conversationId, activityId, HashOf(activity), inputs);
        }
    }

    /// <summary>After an update that Teams accepted, with the hash it was compared by and the inputs of its card when known.</summary>
    public void Remember(string conversationId, string activityId, ActivityHash hash, CardFingerprint? inputs = null)
    {
        if (activityId.Length == 0)
        {
            return;
        }

        if (_sent.Count >= Capacity)
        {
            _sent.Clear();
        }

        _sent[(conversationId, activityId)] = new Shown(hash, inputs);
    }

    private readonly record struct Shown(ActivityHash Activity, CardFingerprint? Inputs);
}

/// <summary>A SHA-256 of an activity's body (<see cref="LastSentCards.HashOf"/>), as a value.</summary>
public readonly record struct ActivityHash(UInt128 First, UInt128 Second);
