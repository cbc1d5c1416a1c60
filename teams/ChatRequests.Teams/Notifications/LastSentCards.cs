using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text.Json;
using ChatRequests.Core.Messaging;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Teams.Notifications;

/// <summary>
/// What this process last put in each message it posted or updated (a hash of the activity), so that
/// <see cref="ProactiveMessenger"/> does not send an update that would show the same again: the team card is shown at
/// every step of a request, and steps that run after the request moved on (an agent's "Assign" worked after their
/// "Resolve") or that change nothing on the card (an event's completion) would update it to what it already shows.
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

    private readonly ConcurrentDictionary<(string ConversationId, string ActivityId), byte[]> _sent = new();

    /// <summary>Whether <paramref name="activity"/> is what this process last sent to the message, and nothing was sent to it since.</summary>
    public bool IsShowing(PostedMessage message, Activity activity) =>
        _sent.TryGetValue((message.ConversationId, message.ActivityId), out var sent) && sent.AsSpan().SequenceEqual(HashOf(activity));

    /// <summary>Before a send: until it succeeds, the message may show either this or what it showed before.</summary>
    public void Forget(PostedMessage message) => _sent.TryRemove((message.ConversationId, message.ActivityId), out _);

    /// <summary>After a send that Teams accepted.</summary>
    public void Remember(string conversationId, string activityId, Activity activity)
    {
        if (activityId.Length == 0)
        {
            return;
        }

        if (_sent.Count >= Capacity)
        {
            _sent.Clear();
        }

        _sent[(conversationId, activityId)] = HashOf(activity);
    }

    // The activity as the connector client writes it, so two activities hash alike exactly when Teams would get the same body.
    private static byte[] HashOf(Activity activity) =>
        SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(activity with { Id = null }, ConnectorJson.Options));
}
