using System.Text.Json;
using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Storage;

namespace ChatRequests.Embedded.Storage;

/// <summary>Access reviews in the embedded SQLite database: one row per review (version-checked), one per started cycle.</summary>
public sealed class SqliteAccessReviewStore(SqliteDatabase database) : IAccessReviewStore
{
    public async Task<bool> IsCycleStartedAsync(string cycleId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM access_review_cycles WHERE cycle_id = $cycle_id;";
        command.Parameters.AddWithValue("$cycle_id", cycleId);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task MarkCycleStartedAsync(string cycleId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO access_review_cycles (cycle_id, started_at) VALUES ($cycle_id, $at) ON CONFLICT (cycle_id) DO NOTHING;";
        command.Parameters.AddWithValue("$cycle_id", cycleId);
        command.Parameters.AddWithValue("$at", StoredTime.Format(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> TryCreateAsync(AccessReview review, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO access_reviews (id, version, is_open, started_at, doc) VALUES ($id, 1, $is_open, $started_at, $doc)
            ON CONFLICT (id) DO NOTHING;
            """;
        command.Parameters.AddWithValue("$id", review.Id);
        command.Parameters.AddWithValue("$is_open", review.IsOpen ? 1 : 0);
        command.Parameters.AddWithValue("$started_at", StoredTime.Format(review.StartedAt));
        review.Version = 1;
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(review, RequestJson.Options));
        if (await command.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return true;
        }

        review.Version = 0;
        return false;
    }

    public async Task<AccessReview?> GetAsync(string reviewId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc FROM access_reviews WHERE id = $id;";
        command.Parameters.AddWithValue("$id", reviewId);
        return await command.ExecuteScalarAsync(cancellationToken) is string doc ? Read(doc) : null;
    }

    public async Task SaveAsync(AccessReview review, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE access_reviews SET version = $next, is_open = $is_open, doc = $doc
            WHERE id = $id AND version = $version;
            """;
        var expected = review.Version;
        review.Version = expected + 1;
        command.Parameters.AddWithValue("$id", review.Id);
        command.Parameters.AddWithValue("$version", expected);
        command.Parameters.AddWithValue("$next", review.Version);
        command.Parameters.AddWithValue("$is_open", review.IsOpen ? 1 : 0);
        command.Parameters.AddWithValue("$doc", JsonSerializer.Serialize(review, RequestJson.Options));
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            review.Version = expected;
            throw new AccessReviewConflictException(review.Id);
        }
    }

    public async Task<IReadOnlyList<AccessReview>> ListOpenAsync(int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT doc FROM access_reviews WHERE is_open = 1 ORDER BY started_at, id LIMIT $max;";
        command.Parameters.AddWithValue("$max", max);
        var open = new List<AccessReview>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            open.Add(Read(reader.GetString(0)));
        }

        return open;
    }

    private static AccessReview Read(string doc) => JsonSerializer.Deserialize<AccessReview>(doc, RequestJson.Options)!;
}
