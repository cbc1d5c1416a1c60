using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using Microsoft.Data.Sqlite;

namespace ChatRequests.Embedded.Storage;

/// <summary>
/// The request store on SQLite: one row per request holding the whole document as JSON, plus the columns
/// the queries need, all written by one statement so they can never disagree with the document.
/// </summary>
public sealed class SqliteRequestStore(SqliteDatabase database) : IRequestStore
{
    private const int SqlitePrimaryKeyViolation = 1555;
    private const int SqliteUniqueViolation = 2067;
    private const int ScanPageSize = 100;

    /// <summary>
    /// Not final, as SQL: written out (the states are our enum's names, never input) so that the team queue's partial index
    /// (<see cref="Indexes"/>), whose condition must match the query's, serves it.
    /// </summary>
    private static readonly string IsOpen =
        $"state NOT IN ({string.Join(", ", Enum.GetValues<RequestState>().Where(s => s.IsFinal()).Select(s => $"'{s}'"))})";

    private const string AwaitsApprover = "pending_approvers IS NOT NULL AND instr(pending_approvers, $token) > 0";

    // Keyset paging on (submitted_at, id), as ScanAsync. A row value, so that SQLite seeks the index to the position: the
    // same test written with OR (submitted_at > $at OR (submitted_at = $at AND id > $id)) walked the index from its start
    // on every page, which made a scan of the whole store quadratic. The first page binds empty strings (every id is longer).
    private const string After = "(submitted_at, id) > ($after_at, $after_id)";

    // A page of the whole store in (submitted_at, id) order, before a bound (the latest time there is when none was given).
    internal const string ScanPage = $"WHERE {After} AND submitted_at < $before ORDER BY submitted_at, id LIMIT $max";

    // The bounded lists' conditions, visible to the tests that check their query plans.
    internal static readonly string TeamQueuePage = $"WHERE team_id = $team AND {IsOpen} AND {After} ORDER BY submitted_at, id LIMIT $max";
    internal static readonly string TeamQueueCount = $"WHERE team_id = $team AND {IsOpen}";
    internal const string PendingPage = $"WHERE {AwaitsApprover} AND {After} ORDER BY submitted_at, id LIMIT $max";
    internal const string PendingCount = $"WHERE {AwaitsApprover}";

    // The open queue's index finds the team's rows; SQLite reads the assignee out of each document, .NET loads none.
    internal static readonly string AssigneeLoads = $"""
        SELECT json_extract(doc, '$.assignee.id') AS assignee, COUNT(*) FROM requests
        WHERE team_id = $team AND {IsOpen} AND state <> $fulfilled AND assignee IS NOT NULL
        GROUP BY assignee;
        """;

    // The requests holding a parked step, in order: the status endpoint reads them on every check.
    internal const string ParkedList = "WHERE has_parked = 1 ORDER BY submitted_at, id";

    // What the turns and the relay read, visible to the tests that count what each reads on a large store.
    internal const string ById = "WHERE id = $id";
    internal const string RequesterPage = "WHERE requester_id = $requester ORDER BY submitted_at DESC, id DESC LIMIT $max";
    internal const string RequesterCount = "WHERE requester_id = $requester";

    // The requester's page (as RequesterPage) by rowid, then the state column of those rows: only the documents of the
    // requests that wait for their answer are read and deserialized, usually none.
    internal const string AwaitingRequesterOfPage =
        "WHERE rowid IN (SELECT rowid FROM requests WHERE requester_id = $requester ORDER BY submitted_at DESC, id DESC LIMIT $max) " +
        "AND state = $state ORDER BY submitted_at DESC, id DESC";

    internal const string DueEvents = "WHERE next_event_at IS NOT NULL AND next_event_at <= $now ORDER BY next_event_at, id LIMIT $max";
    internal const string DueEventIds = $"SELECT id FROM requests {DueEvents};";
    // The health check's reading (as ListWithDueEventsAsync with every event due): SQLite reads the next attempt of each
    // event not parked out of those requests' documents, and .NET deserialises none of them.
    internal const string PendingRequests = "WHERE next_event_at IS NOT NULL ORDER BY next_event_at, id LIMIT $max";
    internal const string PendingEventTimes = $"""
        SELECT json_extract(e.value, '$.nextAttemptAt')
        FROM (SELECT doc FROM requests {PendingRequests}) AS r, json_each(r.doc, '$.outbox') AS e
        WHERE json_extract(e.value, '$.parkedAt') IS NULL;
        SELECT COUNT(*) FROM (SELECT 1 FROM requests {PendingRequests});
        """;
    internal const string SlaChecksDue = "WHERE sla_check_at IS NOT NULL AND sla_check_at <= $now ORDER BY sla_check_at, id LIMIT $max";

    /// <summary>
    /// The indexes of the bounded lists, created (and the ones they replace dropped) on every start: the team queue in its
    /// order, the pending approvers and the parked requests in theirs, so that a page reads only its rows and a count
    /// only the index. The ones dropped lost to what replaces them only without statistics (no ANALYZE): SQLite counted a
    /// team's queue over every request the team ever had, (team_id, state), and listed the parked requests by walking every
    /// request in (submitted_at, id) order, reading each row to test has_parked, rather than sort the few the partial
    /// index on (submitted_at) held.
    /// </summary>
    internal static readonly string Indexes = $"""
        DROP INDEX IF EXISTS ix_requests_team_state;
        CREATE INDEX IF NOT EXISTS ix_requests_team_open ON requests (team_id, submitted_at, id) WHERE {IsOpen};
        DROP INDEX IF EXISTS ix_requests_pending_approvers;
        CREATE INDEX IF NOT EXISTS ix_requests_pending_order ON requests (submitted_at, id, pending_approvers)
            WHERE pending_approvers IS NOT NULL;
        DROP INDEX IF EXISTS ix_requests_parked;
        CREATE INDEX IF NOT EXISTS ix_requests_parked_order ON requests (submitted_at, id) WHERE has_parked = 1;
        """;

    public Task<long> ReserveNumberAsync(string submissionKey, CancellationToken cancellationToken = default) =>
        // One writer at a time (the group commit's transaction holds the write lock), so two callers never see the same
        // value, and a key's second caller finds the first one's number.
        database.WriteAsync(
            async statements =>
            {
                var command = statements.For("SELECT number FROM request_numbers WHERE submission_key = $key;");
                command.Parameters.AddWithValue("$key", submissionKey);
                if (await command.ExecuteScalarAsync() is long reserved)
                {
                    return reserved;
                }

                command = statements.For("""
                    INSERT INTO counters (name, value) VALUES ('request', 1)
                    ON CONFLICT (name) DO UPDATE SET value = value + 1
                    RETURNING value;
                    """);
                var number = (long)(await command.ExecuteScalarAsync())!;
                command = statements.For("INSERT INTO request_numbers (submission_key, number) VALUES ($key, $number);");
                command.Parameters.AddWithValue("$key", submissionKey);
                command.Parameters.AddWithValue("$number", number);
                await command.ExecuteNonQueryAsync();
                return number;
            },
            cancellationToken);

    public async Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync(ById, p => p.AddWithValue("$id", requestId), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task<ServiceRequest?> FindBySubmissionKeyAsync(string submissionKey, CancellationToken cancellationToken = default)
    {
        var found = await QueryAsync("WHERE submission_key = $key", p => p.AddWithValue("$key", submissionKey), cancellationToken);
        return found.SingleOrDefault();
    }

    public async Task CreateAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var row = RequestRow.From(request, version: 1);
        await database.WriteAsync(
            async statements =>
            {
                var command = statements.For($"""
                    INSERT INTO requests (id, version, submission_key, requester_id, team_id, state, submitted_at,
                                          pending_approvers, next_event_at, has_parked, sla_check_at, doc)
                    VALUES ($id, $version, $submission_key, $requester_id, $team_id, $state, $submitted_at,
                            $pending_approvers, $next_event_at, $has_parked, $sla_check_at, {StoredDocument.AsText});
                    """);
                row.AddParameters(command.Parameters);
                command.Parameters.AddWithValue("$submission_key", request.SubmissionKey);
                command.Parameters.AddWithValue("$submitted_at", StoredTime.Format(request.SubmittedAt));
                try
                {
                    return await command.ExecuteNonQueryAsync();
                }
                catch (SqliteException ex) when (ex.SqliteExtendedErrorCode is SqlitePrimaryKeyViolation or SqliteUniqueViolation)
                {
                    throw new ConcurrencyConflictException(request.Id);
                }
            },
            cancellationToken);

        request.Version = row.Version;
        _columnsAsStored.AddOrUpdate(request, new StoredColumns(row.Version, row.Columns));
        database.Work.DocumentWritten(row.DocBytes);
    }

    public async Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var expected = request.Version;
        var row = RequestRow.From(request, expected + 1);
        // The columns this object was read or last written with are the row's as long as its version is (the statement's
        // condition): only those that change are set, since SQLite rewrites the entries of every index on a column set.
        var changed = _columnsAsStored.TryGetValue(request, out var stored) && stored.Version == expected
            ? row.Columns.ChangedFrom(stored.Columns)
            : RequestColumns.All;
        var updated = await database.WriteAsync(
            statements =>
            {
                var command = statements.For(Update(changed));
                row.AddParameters(command.Parameters);
                command.Parameters.AddWithValue("$expected", expected);
                return command.ExecuteNonQueryAsync();
            },
            cancellationToken);
        if (updated == 0)
        {
            database.Work.SaveConflicted();
            throw new ConcurrencyConflictException(request.Id);
        }

        request.Version = row.Version;
        _columnsAsStored.AddOrUpdate(request, new StoredColumns(row.Version, row.Columns));
        database.Work.DocumentWritten(row.DocBytes);
    }

    public Task<IReadOnlyList<ServiceRequest>> ListByRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default) =>
        QueryAsync(
            RequesterPage,
            p =>
            {
                p.AddWithValue("$requester", requesterId);
                p.AddWithValue("$max", max);
            },
            cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListAwaitingRequesterAsync(string requesterId, int max, CancellationToken cancellationToken = default) =>
        QueryAsync(
            AwaitingRequesterOfPage,
            p =>
            {
                p.AddWithValue("$requester", requesterId);
                p.AddWithValue("$max", max);
                p.AddWithValue("$state", nameof(RequestState.AwaitingRequester));
            },
            cancellationToken);

    public Task<int> CountByRequesterAsync(string requesterId, CancellationToken cancellationToken = default) =>
        CountAsync(RequesterCount, p => p.AddWithValue("$requester", requesterId), cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListPendingApprovalAsync(
        string approverId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            PendingPage,
            p =>
            {
                p.AddWithValue("$token", RequestRow.ApproverToken(approverId));
                BindPage(p, max, after);
            },
            cancellationToken);

    public Task<int> CountPendingApprovalAsync(string approverId, CancellationToken cancellationToken = default) =>
        CountAsync(PendingCount, p => p.AddWithValue("$token", RequestRow.ApproverToken(approverId)), cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListTeamQueueAsync(
        string teamId, int max, ListPosition? after = null, CancellationToken cancellationToken = default) =>
        QueryAsync(
            TeamQueuePage,
            p =>
            {
                p.AddWithValue("$team", teamId);
                BindPage(p, max, after);
            },
            cancellationToken);

    public Task<int> CountTeamQueueAsync(string teamId, CancellationToken cancellationToken = default) =>
        CountAsync(TeamQueueCount, p => p.AddWithValue("$team", teamId), cancellationToken);

    public Task<IReadOnlyDictionary<string, int>> CountUnresolvedByAssigneeAsync(string teamId, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyDictionary<string, int>>(
            async statements =>
            {
                var command = statements.For(AssigneeLoads);
                command.Parameters.AddWithValue("$team", teamId);
                command.Parameters.AddWithValue("$fulfilled", nameof(RequestState.Fulfilled));
                var loads = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var assignee = reader.GetString(0);
                    loads[assignee] = loads.GetValueOrDefault(assignee) + reader.GetInt32(1);
                }

                return loads;
            },
            cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        QueryAsync(
            DueEvents,
            p =>
            {
                p.AddWithValue("$now", StoredTime.Format(now));
                p.AddWithValue("$max", max);
            },
            cancellationToken);

    public Task<IReadOnlyList<string>> ListIdsWithDueEventsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        database.ReadAsync<IReadOnlyList<string>>(
            async statements =>
            {
                var command = statements.For(DueEventIds);
                command.Parameters.AddWithValue("$now", StoredTime.Format(now));
                command.Parameters.AddWithValue("$max", max);
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var ids = new List<string>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    ids.Add(reader.GetString(0));
                }

                return ids;
            },
            cancellationToken);

    public Task<PendingEvents> CountPendingEventsAsync(DateTimeOffset now, int maxRequests, CancellationToken cancellationToken = default) =>
        database.ReadAsync(
            async statements =>
            {
                var command = statements.For(PendingEventTimes);
                command.Parameters.AddWithValue("$max", Math.Max(0, maxRequests));
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var nextAttempts = new List<DateTimeOffset>();
                while (await reader.ReadAsync(cancellationToken))
                {
                    nextAttempts.Add(DateTimeOffset.Parse(reader.GetString(0), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
                }

                await reader.NextResultAsync(cancellationToken);
                await reader.ReadAsync(cancellationToken);
                return PendingEvents.Of(nextAttempts, now, isPartial: reader.GetInt32(0) == maxRequests);
            },
            cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListSlaCheckDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default) =>
        QueryAsync(
            SlaChecksDue,
            p =>
            {
                p.AddWithValue("$now", StoredTime.Format(now));
                p.AddWithValue("$max", max);
            },
            cancellationToken);

    public Task<IReadOnlyList<ServiceRequest>> ListWithParkedEventsAsync(CancellationToken cancellationToken = default) =>
        QueryAsync(ParkedList, _ => { }, cancellationToken);

    public async IAsyncEnumerable<ServiceRequest> ScanAsync(
        DateTimeOffset? submittedFrom = null,
        DateTimeOffset? submittedBefore = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        // Keyset pages on (submitted_at, id): neither changes once written, so a page never repeats or skips a request.
        // Submitted at or after "from" is after (from, ""), as every id is longer than the empty string.
        var before = StoredTime.Format(submittedBefore ?? DateTimeOffset.MaxValue);
        var last = (At: submittedFrom is { } f ? StoredTime.Format(f) : "", Id: "");
        while (true)
        {
            var page = await QueryAsync(
                ScanPage,
                p =>
                {
                    p.AddWithValue("$after_at", last.At);
                    p.AddWithValue("$after_id", last.Id);
                    p.AddWithValue("$before", before);
                    p.AddWithValue("$max", ScanPageSize);
                },
                cancellationToken,
                // A scan reads every request, few of which are saved: their columns are not kept (a save sets them all).
                remember: false);
            foreach (var request in page)
            {
                yield return request;
            }

            if (page.Count < ScanPageSize)
            {
                yield break;
            }

            last = (StoredTime.Format(page[^1].SubmittedAt), page[^1].Id);
        }
    }

    public async Task DeleteAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        SqliteDatabase.TakePagesWritten(connection);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "DELETE FROM requests WHERE id = $id AND version = $expected;";
        command.Parameters.AddWithValue("$id", request.Id);
        command.Parameters.AddWithValue("$expected", request.Version);
        var deleted = await command.ExecuteNonQueryAsync(cancellationToken) > 0;
        if (!deleted && await GetAsync(request.Id, cancellationToken) is not null)
        {
            throw new ConcurrencyConflictException(request.Id);
        }

        // The number reserved for its form goes with it (it names the request, nothing else).
        command.CommandText = "DELETE FROM request_numbers WHERE submission_key = $key;";
        command.Parameters.AddWithValue("$key", request.SubmissionKey);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        database.NoteCommit(connection, 1);
    }

    public async Task<string?> GetMarkAsync(string name, CancellationToken cancellationToken = default) =>
        await database.ReadScalarAsync("SELECT value FROM store_marks WHERE name = $name;", p => p.AddWithValue("$name", name), cancellationToken)
            as string;

    public Task SetMarkAsync(string name, string value, CancellationToken cancellationToken = default) =>
        database.WriteAsync(
            statements =>
            {
                var command = statements.For("INSERT INTO store_marks (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value;");
                command.Parameters.AddWithValue("$name", name);
                command.Parameters.AddWithValue("$value", value);
                return command.ExecuteNonQueryAsync();
            },
            cancellationToken);

    /// <summary>The statement of a list: the documents of the rows <paramref name="whereAndOrder"/> picks.</summary>
    internal static string Select(string whereAndOrder) => $"SELECT version, doc, {RequestColumns.Names} FROM requests {whereAndOrder};";

    /// <summary>The statement of a count: the rows <paramref name="where"/> picks.</summary>
    internal static string Count(string where) => $"SELECT COUNT(*) FROM requests {where};";

    private static void BindPage(SqliteParameterCollection parameters, int max, ListPosition? after)
    {
        parameters.AddWithValue("$max", Math.Max(0, max));
        parameters.AddWithValue("$after_at", after is null ? "" : StoredTime.Format(after.SubmittedAt));
        parameters.AddWithValue("$after_id", after?.Id ?? "");
    }

    private async Task<int> CountAsync(string where, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        Convert.ToInt32(await database.ReadScalarAsync(Count(where), bind, cancellationToken), CultureInfo.InvariantCulture);

    private Task<IReadOnlyList<ServiceRequest>> QueryAsync(
        string whereAndOrder, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken, bool remember = true) =>
        database.ReadAsync(statements => ReadRequestsAsync(statements.For(Select(whereAndOrder)), bind, remember, cancellationToken), cancellationToken);

    private async Task<IReadOnlyList<ServiceRequest>> ReadRequestsAsync(
        SqliteCommand command, Action<SqliteParameterCollection> bind, bool remember, CancellationToken cancellationToken)
    {
        bind(command.Parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var requests = new List<ServiceRequest>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // The document's UTF-8 bytes as SQLite holds them (a TEXT value read as a blob is not converted): no string
            // of twice the size to allocate, and nothing for the serializer to transcode.
            var doc = reader.GetFieldValue<byte[]>(1);
            var request = JsonSerializer.Deserialize<ServiceRequest>(doc, RequestJson.Options)
                ?? throw new InvalidDataException("A stored request document is empty.");
            database.Work.DocumentRead(doc.Length);
            // The column is the concurrency token; the copy inside the document is for people reading it.
            request.Version = reader.GetInt64(0);
            if (remember)
            {
                _columnsAsStored.AddOrUpdate(request, new StoredColumns(request.Version, RequestColumns.Read(reader, 2)));
            }

            requests.Add(request);
        }

        return requests;
    }

    /// <summary>
    /// The UPDATE of a save that sets the version, the document and the columns in <paramref name="changed"/> (the id,
    /// submission key and submission time never change); one text per set of columns, made once.
    /// </summary>
    internal static string Update(RequestColumns.Set changed) => Updates[(int)changed] ??=
        $"UPDATE requests SET version = $version, doc = {StoredDocument.AsText}{RequestColumns.Assignments(changed)} WHERE id = $id AND version = $expected;";

    private static readonly string?[] Updates = new string?[(int)RequestColumns.All + 1];

    // The columns of the request objects this store handed out (but by a scan of the whole store) or wrote, as the row held
    // them at the version the object had then: a save of the object at that version sets only the columns that change.
    private readonly ConditionalWeakTable<ServiceRequest, StoredColumns> _columnsAsStored = new();

    private sealed record StoredColumns(long Version, RequestColumns Columns);

    /// <summary>The columns of a request row the queries select by, derived from its document.</summary>
    internal sealed record RequestColumns(
        string RequesterId,
        string TeamId,
        string State,
        string? PendingApprovers,
        string? NextEventAt,
        bool HasParked,
        string? SlaCheckAt)
    {
        [Flags]
        internal enum Set
        {
            None = 0,
            RequesterId = 1,
            TeamId = 2,
            State = 4,
            PendingApprovers = 8,
            NextEventAt = 16,
            HasParked = 32,
            SlaCheckAt = 64,
        }

        public const Set All = Set.RequesterId | Set.TeamId | Set.State | Set.PendingApprovers | Set.NextEventAt | Set.HasParked | Set.SlaCheckAt;

        /// <summary>The columns, in the order <see cref="Read"/> takes them, and each one's flag.</summary>
        private static readonly (string Name, Set Flag)[] Columns =
        [
            ("requester_id", Set.RequesterId), ("team_id", Set.TeamId), ("state", Set.State), ("pending_approvers", Set.PendingApprovers),
            ("next_event_at", Set.NextEventAt), ("has_parked", Set.HasParked), ("sla_check_at", Set.SlaCheckAt),
        ];

        public static readonly string Names = string.Join(", ", Columns.Select(c => c.Name));

        /// <summary>", name = $name" for each column in <paramref name="columns"/>.</summary>
        public static string Assignments(Set columns) =>
            string.Concat(Columns.Where(c => columns.HasFlag(c.Flag)).Select(c => $", {c.Name} = ${c.Name}"));

        /// <summary>The columns as a query selected them from <paramref name="first"/> on, in <see cref="Names"/>' order.</summary>
        public static RequestColumns Read(SqliteDataReader reader, int first) => new(
            reader.GetString(first),
            reader.GetString(first + 1),
            reader.GetString(first + 2),
            reader.IsDBNull(first + 3) ? null : reader.GetString(first + 3),
            reader.IsDBNull(first + 4) ? null : reader.GetString(first + 4),
            reader.GetInt64(first + 5) != 0,
            reader.IsDBNull(first + 6) ? null : reader.GetString(first + 6));

        public Set ChangedFrom(RequestColumns stored) =>
            (RequesterId == stored.RequesterId ? Set.None : Set.RequesterId)
            | (TeamId == stored.TeamId ? Set.None : Set.TeamId)
            | (State == stored.State ? Set.None : Set.State)
            | (PendingApprovers == stored.PendingApprovers ? Set.None : Set.PendingApprovers)
            | (NextEventAt == stored.NextEventAt ? Set.None : Set.NextEventAt)
            | (HasParked == stored.HasParked ? Set.None : Set.HasParked)
            | (SlaCheckAt == stored.SlaCheckAt ? Set.None : Set.SlaCheckAt);

        public void AddParameters(SqliteParameterCollection parameters)
        {
            parameters.AddWithValue("$requester_id", RequesterId);
            parameters.AddWithValue("$team_id", TeamId);
            parameters.AddWithValue("$state", State);
            parameters.AddWithValue("$pending_approvers", (object?)PendingApprovers ?? DBNull.Value);
            parameters.AddWithValue("$next_event_at", (object?)NextEventAt ?? DBNull.Value);
            parameters.AddWithValue("$has_parked", HasParked ? 1 : 0);
            parameters.AddWithValue("$sla_check_at", (object?)SlaCheckAt ?? DBNull.Value);
        }
    }

    /// <summary>The values written for a request: its document and the columns derived from it.</summary>
    internal sealed record RequestRow(string Id, long Version, RequestColumns Columns, byte[] Doc)
    {
        /// <summary>The document's size as stored (UTF-8).</summary>
        public int DocBytes => Doc.Length;

        public static RequestRow From(ServiceRequest request, long version)
        {
            var stage = request.PendingStage;
            var pendingApprovers = stage is { Awaiting.Count: > 0 }
                ? "|" + string.Join("|", stage.Awaiting.Select(a => a.Id)) + "|"
                : null;
            var nextEventAt = request.Outbox
                .Where(e => !e.IsParked)
                .Select(e => (DateTimeOffset?)e.NextAttemptAt)
                .Min();
            var columns = new RequestColumns(
                request.Requester.Id,
                request.TeamId,
                request.State.ToString(),
                pendingApprovers,
                nextEventAt is { } at ? StoredTime.Format(at) : null,
                request.Outbox.Any(e => e.IsParked),
                request.SlaCheckAt is { } slaCheckAt ? StoredTime.Format(slaCheckAt) : null);
            return new RequestRow(request.Id, version, columns, SerializeWithVersion(request, version));
        }

        /// <summary>
        /// How an approver appears in <see cref="RequestColumns.PendingApprovers"/>: between bars, so that one id never
        /// matches inside another. Entra object ids are GUIDs, which never contain a bar.
        /// </summary>
        public static string ApproverToken(string approverId) => "|" + approverId + "|";

        public void AddParameters(SqliteParameterCollection parameters)
        {
            parameters.AddWithValue("$id", Id);
            parameters.AddWithValue("$version", Version);
            Columns.AddParameters(parameters);
            parameters.AddWithValue("$doc", Doc);
        }

        private static byte[] SerializeWithVersion(ServiceRequest request, long version)
        {
            // The document carries the version it is stored as; the object gets it only once the write succeeded.
            var current = request.Version;
            request.Version = version;
            try
            {
                return RequestDocumentWriter.ToUtf8Bytes(request);
            }
            finally
            {
                request.Version = current;
            }
        }
    }
}
