using ChatRequests.Core.Messaging;
using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Storage;

/// <summary>The ledger of posted messages in the embedded SQLite database, one row per (request, step) key.</summary>
public sealed class SqliteMessageLedger(SqliteDatabase database) : IMessageLedger
{
    // Above every character that can follow a prefix in a key, so [prefix, prefix + this) is exactly the
    // keys that start with prefix (U+10FFFF is a noncharacter and never appears in our keys).
    private const string AfterEveryCharacter = "\U0010FFFF";

    public async Task<PostedMessage?> FindAsync(string key, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync("WHERE key = $key", p => p.AddWithValue("$key", key), cancellationToken);
        return found.SingleOrDefault();
    }

    /// <summary>
    /// Records a posted message; if the key is already recorded, the first record stays. A second record for
    /// a key only happens when a redelivered event raced the first delivery and both posted. The first
    /// message is the one already recorded and handed to later steps, which update it in place; replacing it
    /// would leave that message stale forever and make later updates edit a different one.
    /// </summary>
    public Task RecordAsync(PostedMessage message, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            statements =>
            {
                // ON CONFLICT (key) DO NOTHING is INSERT OR IGNORE narrowed to the key: other errors still throw.
                // One transaction: the attempt ends only once the post is recorded.
                var command = statements.For("""
                    INSERT INTO posted_messages (key, conversation_id, activity_id, posted_at)
                    VALUES ($key, $conversation_id, $activity_id, $posted_at)
                    ON CONFLICT (key) DO NOTHING;
                    UPDATE post_attempts SET in_flight = 0 WHERE key = $key;
                    """);
                command.Parameters.AddWithValue("$key", message.Key);
                command.Parameters.AddWithValue("$conversation_id", message.ConversationId);
                command.Parameters.AddWithValue("$activity_id", message.ActivityId);
                command.Parameters.AddWithValue("$posted_at", StoredTime.Format(message.PostedAt));
                return command.ExecuteNonQueryAsync();
            },
            cancellationToken);

    public Task<bool> BeginAttemptAsync(string key, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            async statements =>
            {
                var command = statements.For("SELECT in_flight FROM post_attempts WHERE key = $key;");
                command.Parameters.AddWithValue("$key", key);
                var wasInFlight = await command.ExecuteScalarAsync() is long inFlight && inFlight == 1;

                command = statements.For("""
                    INSERT INTO post_attempts (key, in_flight, interrupted, started_at) VALUES ($key, 1, 0, $at)
                    ON CONFLICT (key) DO UPDATE SET interrupted = interrupted + in_flight, in_flight = 1, started_at = $at;
                    """);
                command.Parameters.AddWithValue("$key", key);
                command.Parameters.AddWithValue("$at", StoredTime.Format(at));
                await command.ExecuteNonQueryAsync();
                return wasInFlight;
            },
            cancellationToken);

    public Task AbandonAttemptAsync(string key, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            statements =>
            {
                var command = statements.For("UPDATE post_attempts SET in_flight = 0 WHERE key = $key;");
                command.Parameters.AddWithValue("$key", key);
                return command.ExecuteNonQueryAsync();
            },
            cancellationToken);

    public async Task<int> CountInterruptedAsync(string keyPrefix, CancellationToken cancellationToken = default) =>
        Convert.ToInt32(
            await database.ReadScalarAsync(
                // A range on the primary key, not LIKE: LIKE ignores case and treats % and _ in keys as wildcards.
                "SELECT COALESCE(SUM(interrupted), 0) FROM post_attempts WHERE key >= $from AND key < $to;",
                p =>
                {
                    p.AddWithValue("$from", keyPrefix);
                    p.AddWithValue("$to", keyPrefix + AfterEveryCharacter);
                },
                cancellationToken),
            System.Globalization.CultureInfo.InvariantCulture);

    private Task<IReadOnlyList<PostedMessage>> QueryAsync(
        string whereAndOrder, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<PostedMessage>>(
            async statements =>
            {
                var command = statements.For($"SELECT key, conversation_id, activity_id, posted_at FROM posted_messages {whereAndOrder};");
                bind(command.Parameters);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var messages = new List<PostedMessage>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    messages.Add(new PostedMessage(
                        reader.GetString(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        StoredTime.Parse(reader.GetString(3))));
                }

                return messages;
            },
            cancellationToken);
}
