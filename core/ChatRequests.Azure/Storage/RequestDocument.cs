using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Azure.Storage;

/// <summary>
/// A request as stored in the requests container: the whole request under <c>request</c>, plus the
/// properties the list queries filter and sort on, derived from it and written in the same document so they
/// can never disagree with it.
/// </summary>
internal sealed record RequestDocument
{
    public const string Kind = "request";

    public required string Id { get; init; }
    public string Type { get; init; } = Kind;
    public required long Version { get; init; }
    public required string SubmissionKey { get; init; }
    public required string RequesterId { get; init; }
    public required string TeamId { get; init; }
    public required bool IsOpen { get; init; }
    public required string SubmittedAtUtc { get; init; }
    /// <summary>The approvers whose decision the current stage still waits for; empty otherwise.</summary>
    public required IReadOnlyList<string> PendingApprovers { get; init; }
    /// <summary>When the earliest event that is not parked is due; null when there is none.</summary>
    public string? NextEventAt { get; init; }
    public required bool HasParked { get; init; }
    /// <summary>When the request's SLA check is due (<see cref="ServiceRequest.SlaCheckAt"/>); null when there is none.</summary>
    public string? SlaCheckAt { get; init; }
    public required JsonElement Request { get; init; }

    /// <summary>
    /// Seconds Cosmos DB keeps the document after this write (<see cref="ServiceRequest.DeleteDueAt"/>: an anonymised
    /// request's audit kept as long as its retention rule says); not written while it is kept. The container's default
    /// TTL is -1 (infra/modules/cosmos.bicep), so only documents with a <c>ttl</c> expire.
    /// </summary>
    [JsonPropertyName("ttl")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Ttl { get; init; }

    /// <summary>Set by the server on every document it returns; never written.</summary>
    [JsonPropertyName("_etag")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ETag { get; init; }

    public static RequestDocument From(ServiceRequest request, long version, DateTimeOffset now)
    {
        var stage = request.PendingStage;
        var nextEventAt = request.Outbox.Where(e => !e.IsParked).Select(e => (DateTimeOffset?)e.NextAttemptAt).Min();
        return new RequestDocument
        {
            Id = request.Id,
            Version = version,
            SubmissionKey = request.SubmissionKey,
            RequesterId = request.Requester.Id,
            TeamId = request.TeamId,
            IsOpen = request.State.IsOpen(),
            SubmittedAtUtc = Utc(request.SubmittedAt),
            PendingApprovers = stage is null ? [] : [.. stage.Awaiting.Select(a => a.Id)],
            NextEventAt = nextEventAt is { } at ? Utc(at) : null,
            HasParked = request.Outbox.Any(e => e.IsParked),
            SlaCheckAt = request.SlaCheckAt is { } slaCheckAt ? Utc(slaCheckAt) : null,
            Request = SerializeWithVersion(request, version),
            Ttl = request.DeleteDueAt is { } deleteAt ? TtlSeconds(deleteAt - now) : null,
        };
    }

    /// <summary>Whole seconds, at least 1 (Cosmos DB reads 0 as invalid), and not past what a TTL can hold.</summary>
    private static int TtlSeconds(TimeSpan left) => (int)Math.Clamp(Math.Ceiling(left.TotalSeconds), 1, int.MaxValue);

    public ServiceRequest ToRequest()
    {
        var request = Request.Deserialize<ServiceRequest>(RequestJson.Options)
            ?? throw new InvalidDataException($"Stored request {Id} is empty.");
        // The document's version is the one that goes with its ETag.
        request.Version = Version;
        return request;
    }

    /// <summary>UTC, fixed width: comparing the strings compares the instants, to the tick.</summary>
    public static string Utc(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    private static JsonElement SerializeWithVersion(ServiceRequest request, long version)
    {
        // The document carries the version it is stored as; the object gets it only once the write succeeded. Written by the
        // generated writer (ADR 0062): the bytes RequestJson.Options wrote, read back with RequestJson.Options.
        var current = request.Version;
        request.Version = version;
        try
        {
            return RequestDocumentWriter.ToElement(request);
        }
        finally
        {
            request.Version = current;
        }
    }
}

/// <summary>
/// Claims a submission key for one request. Cosmos DB unique keys only hold within a logical partition, and
/// each request is its own partition, so uniqueness across requests needs a document whose id is the key.
/// </summary>
internal sealed record SubmissionClaim
{
    public const string Kind = "submissionClaim";

    public required string Id { get; init; }
    public string Type { get; init; } = Kind;
    public required string SubmissionKey { get; init; }
    public required string RequestId { get; init; }
    public required DateTimeOffset ClaimedAt { get; init; }

    public static string IdFor(string submissionKey) => CosmosIds.For("submission", submissionKey);
}

/// <summary>A mark of whole-store work (<c>IRequestStore.GetMarkAsync</c>), beside the requests; never a request to the queries (its type).</summary>
internal sealed record MarkDocument
{
    public const string Kind = "mark";

    public required string Id { get; init; }
    public string Type { get; init; } = Kind;
    public required string Value { get; init; }

    public static string IdFor(string name) => "mark:" + name;
}

/// <summary>
/// The request-number counter: one document, incremented with an ETag check. It keeps the numbers it gave the last
/// <see cref="RecentKeys"/> submission keys, so that a key asking again (the same form sent twice at once, or again soon
/// after a failed submit) gets its number back instead of a new one, in the same single-document write.
/// </summary>
internal sealed record CounterDocument
{
    public const string RequestNumbersId = "counter:request-number";
    public const string Kind = "counter";

    /// <summary>
    /// How many reservations the counter remembers: a duplicate arrives within seconds of the first submit, and until the
    /// first one's request is written (after which the duplicate finds it by its key); 100 submits take longer than that.
    /// </summary>
    public const int RecentKeys = 100;

    public required string Id { get; init; }
    public string Type { get; init; } = Kind;
    public required long Value { get; init; }
    public IReadOnlyList<NumberReservation> Recent { get; init; } = [];

    /// <summary>The number the key got, or null when it got none lately.</summary>
    public long? NumberOf(string submissionKey) => Recent.FirstOrDefault(r => r.SubmissionKey == submissionKey)?.Number;

    /// <summary>The counter after giving the key the next number (the oldest reservation forgotten when full).</summary>
    public static CounterDocument Reserve(CounterDocument? stored, string submissionKey) => new()
    {
        Id = RequestNumbersId,
        Value = (stored?.Value ?? 0) + 1,
        Recent = [.. (stored?.Recent ?? []).TakeLast(RecentKeys - 1), new NumberReservation(submissionKey, (stored?.Value ?? 0) + 1)],
    };
}

internal sealed record NumberReservation(string SubmissionKey, long Number);
