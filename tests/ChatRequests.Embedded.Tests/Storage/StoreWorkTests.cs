using System.Diagnostics.Metrics;
using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Telemetry;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts.Storage;

namespace ChatRequests.Embedded.Tests.Storage;

/// <summary>
/// What the store counts of its work (<see cref="StoreWork"/>, what the load driver divides by the lifecycles), and the
/// request document as it is written: UTF-8 bytes bound and stored as TEXT, the same text the serializer wrote before.
/// </summary>
public sealed class StoreWorkTests : IDisposable
{
    private readonly ScratchDatabase _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Fact]
    public async Task ARequestReadTwiceAndSaved_CountsItsDocuments_TheCommitAndTheLogWritten()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var work = _scratch.Database.Work;

        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var (read, written, commits, writes, log) = (work.DocumentsRead, work.DocumentsWritten, work.Commits, work.Writes, work.WalBytes);
        var request = (await store.GetAsync(id))!;
        _ = await store.GetAsync(id);
        await store.SaveAsync(request);

        Assert.Equal((2L, 1L), (work.DocumentsRead - read, work.DocumentsWritten - written));
        // One reservation and one create before, one save now: each a write of its own commit (nothing else was writing).
        Assert.Equal((1L, 1L), (work.Writes - writes, work.Commits - commits));
        // A save of one row writes at least its table's leaf page, each page a frame of the log: its header and the page.
        var frame = 24 + await ScalarAsync<long>("PRAGMA page_size", id);
        var saved = work.WalBytes - log;
        Assert.True(saved >= frame && saved % frame == 0, $"{saved} bytes of log for one save; a frame is {frame}");
    }

    [Fact]
    public async Task DocumentBytes_AreTheStoredDocuments()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var work = _scratch.Database.Work;
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var created = await ScalarAsync<long>("SELECT length(CAST(doc AS BLOB)) FROM requests WHERE id = $id", id);
        Assert.Equal(created, work.DocumentBytesWritten);

        var request = (await store.GetAsync(id))!;
        Assert.Equal(created, work.DocumentBytesRead);
        await store.SaveAsync(request);
        var saved = await ScalarAsync<long>("SELECT length(CAST(doc AS BLOB)) FROM requests WHERE id = $id", id);
        Assert.Equal(created + saved, work.DocumentBytesWritten);
    }

    [Fact]
    public async Task SavedDocument_IsText_ThatJsonExtractReads_AndWhatTheStringSerializerWrote()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var request = (await store.GetAsync(id))!;
        await store.SaveAsync(request);

        Assert.Equal("text", await ScalarAsync<string>("SELECT typeof(doc) FROM requests WHERE id = $id", id));
        Assert.Equal(id, await ScalarAsync<string>("SELECT json_extract(doc, '$.id') FROM requests WHERE id = $id", id));
        Assert.Equal(request.Version, await ScalarAsync<long>("SELECT json_extract(doc, '$.version') FROM requests WHERE id = $id", id));
        // As the store wrote it before it bound bytes: the serializer's UTF-16 string, transcoded by the binding.
        Assert.Equal(JsonSerializer.Serialize(request, RequestJson.Options), await ScalarAsync<string>("SELECT doc FROM requests WHERE id = $id", id));
    }

    [Fact]
    public async Task ASaveThatChangesNoColumn_WritesOnlyTheRow_FewerPagesThanASaveThatSetsEveryColumn()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var work = _scratch.Database.Work;
        var id = await SubmitLoad.SubmitAsync(store, "form-1");

        // Read from the store: its columns are known, none changes, so the save sets the document only.
        var read = (await store.GetAsync(id))!;
        var log = work.WalBytes;
        await store.SaveAsync(read);
        var documentOnly = work.WalBytes - log;

        // The same request as an object the store did not hand out: its columns are not known, so the save sets them all,
        // and SQLite rewrites their indexes' entries (the requester's, the open queue's, the due events', the SLA checks').
        var copy = JsonSerializer.Deserialize<ServiceRequest>(JsonSerializer.Serialize(read, RequestJson.Options), RequestJson.Options)!;
        copy.Version = read.Version;
        log = work.WalBytes;
        await store.SaveAsync(copy);
        var everyColumn = work.WalBytes - log;

        Assert.True(documentOnly < everyColumn, $"{documentOnly} bytes of log for the document only, {everyColumn} for every column");
        Assert.Equal(copy.Version, (await store.GetAsync(id))!.Version);
    }

    [Fact]
    public async Task AnObjectOfAnOlderVersion_GivenTheCurrentVersion_SetsEveryColumn_NotThoseOfItsOwnRead()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var older = (await store.GetAsync(id))!;
        var current = (await store.GetAsync(id))!;
        current.Cancel(current.Requester, "no longer needed", DateTimeOffset.UtcNow);
        await store.SaveAsync(current);

        // The older object's columns were read at its own version: taken for the row's now, its save would leave the state
        // column at Cancelled under a document that says otherwise.
        older.Version = current.Version;
        await store.SaveAsync(older);

        Assert.Equal(older.State.ToString(), await ScalarAsync<string>("SELECT state FROM requests WHERE id = $id", id));
    }

    [Fact]
    public async Task ASaveOfAVersionAnotherWriterMovedOn_IsCountedAsAConflict_AndWritesNoDocument()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        var work = _scratch.Database.Work;
        var id = await SubmitLoad.SubmitAsync(store, "form-1");
        var first = (await store.GetAsync(id))!;
        var second = (await store.GetAsync(id))!;
        await store.SaveAsync(first);
        var (conflicts, written) = (work.SaveConflicts, work.DocumentsWritten);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => store.SaveAsync(second));

        Assert.Equal((1L, 0L), (work.SaveConflicts - conflicts, work.DocumentsWritten - written));
    }

    [Fact]
    public async Task TheCounts_AreInstrumentsOfTheApplicationsMeter()
    {
        var store = new SqliteRequestStore(_scratch.Database);
        await SubmitLoad.SubmitAsync(store, "form-1");
        var seen = new Dictionary<string, List<long>>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == TelemetryNames.Source && instrument.Name.StartsWith(TelemetryNames.Instruments.StorePrefix, StringComparison.Ordinal))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (seen)
            {
                (seen.TryGetValue(instrument.Name, out var values) ? values : seen[instrument.Name] = []).Add(value);
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();

        var work = _scratch.Database.Work;
        // Other tests' databases publish theirs too: this database's counts are among the values observed.
        Assert.Contains(work.DocumentsWritten, seen[TelemetryNames.Instruments.StoreDocumentsWritten]);
        Assert.Contains(work.DocumentBytesWritten, seen[TelemetryNames.Instruments.StoreDocumentBytesWritten]);
        Assert.Contains(work.Commits, seen[TelemetryNames.Instruments.StoreCommits]);
        Assert.Contains(work.Writes, seen[TelemetryNames.Instruments.StoreWrites]);
        Assert.Contains(work.WalBytes, seen[TelemetryNames.Instruments.StoreWalBytes]);
        Assert.Contains(work.DocumentsRead, seen[TelemetryNames.Instruments.StoreDocumentsRead]);
        Assert.Contains(work.SaveConflicts, seen[TelemetryNames.Instruments.StoreSaveConflicts]);
        Assert.Contains(work.DocumentBytesRead, seen[TelemetryNames.Instruments.StoreDocumentBytesRead]);
    }

    private async Task<T> ScalarAsync<T>(string sql, string id)
    {
        await using var connection = await _scratch.Database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
