using System.Diagnostics.Metrics;
using ChatRequests.Core.Telemetry;

namespace ChatRequests.Embedded.Storage;

/// <summary>
/// What the SQLite store did since it opened: request documents read and written (and their JSON's bytes), writes and the
/// transactions that committed them, the bytes those commits appended to the write-ahead log, and the saves refused for a
/// version that had moved on. Counts, which the load of the machine does not change: the load driver divides them by the
/// lifecycles of a run (bench/README, "Store CPU per lifecycle"), and an operator sees them as counters of the
/// application's meter when telemetry is on.
/// </summary>
public sealed class StoreWork : IDisposable
{
    private readonly Meter _meter = new(TelemetryNames.Source);
    private long _documentsRead;
    private long _documentBytesRead;
    private long _documentsWritten;
    private long _documentBytesWritten;
    private long _writes;
    private long _commits;
    private long _walBytes;
    private long _saveConflicts;

    public StoreWork()
    {
        Observe(TelemetryNames.Instruments.StoreDocumentsRead, () => DocumentsRead, "{document}", "Request documents read and deserialized.");
        Observe(TelemetryNames.Instruments.StoreDocumentBytesRead, () => DocumentBytesRead, "By", "Bytes of the request documents read (UTF-8 JSON).");
        Observe(TelemetryNames.Instruments.StoreDocumentsWritten, () => DocumentsWritten, "{document}", "Request documents created or saved.");
        Observe(TelemetryNames.Instruments.StoreDocumentBytesWritten, () => DocumentBytesWritten, "By", "Bytes of the request documents written (UTF-8 JSON).");
        Observe(TelemetryNames.Instruments.StoreWrites, () => Writes, "{write}", "Writes committed by the group commit (each a store operation).");
        Observe(TelemetryNames.Instruments.StoreCommits, () => Commits, "{commit}", "Transactions committed to the disk (synchronous=FULL).");
        Observe(TelemetryNames.Instruments.StoreWalBytes, () => WalBytes, "By", "Bytes the commits appended to the write-ahead log (pages and frame headers).");
        Observe(TelemetryNames.Instruments.StoreSaveConflicts, () => SaveConflicts, "{save}", "Saves refused because another writer saved the request first (its version had moved on).");
    }

    public long DocumentsRead => Interlocked.Read(ref _documentsRead);

    public long DocumentBytesRead => Interlocked.Read(ref _documentBytesRead);

    public long DocumentsWritten => Interlocked.Read(ref _documentsWritten);

    public long DocumentBytesWritten => Interlocked.Read(ref _documentBytesWritten);

    public long Writes => Interlocked.Read(ref _writes);

    public long Commits => Interlocked.Read(ref _commits);

    public long WalBytes => Interlocked.Read(ref _walBytes);

    public long SaveConflicts => Interlocked.Read(ref _saveConflicts);

    internal void DocumentRead(int bytes)
    {
        Interlocked.Increment(ref _documentsRead);
        Interlocked.Add(ref _documentBytesRead, bytes);
    }

    internal void DocumentWritten(int bytes)
    {
        Interlocked.Increment(ref _documentsWritten);
        Interlocked.Add(ref _documentBytesWritten, bytes);
    }

    internal void Committed(int writes, long walBytes)
    {
        Interlocked.Increment(ref _commits);
        Interlocked.Add(ref _writes, writes);
        Interlocked.Add(ref _walBytes, walBytes);
    }

    internal void SaveConflicted() => Interlocked.Increment(ref _saveConflicts);

    public void Dispose() => _meter.Dispose();

    private void Observe(string name, Func<long> value, string unit, string description) =>
        _meter.CreateObservableCounter(name, value, unit, description);
}
