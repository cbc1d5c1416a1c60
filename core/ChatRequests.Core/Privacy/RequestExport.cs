using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Privacy;

/// <summary>
/// Requests and their histories for auditors, as one zip: <c>requests.csv</c> (one row per request), <c>history.csv</c>
/// (one row per history line, in order, with its hash) and <c>requests.json</c> (the stored documents). Auditors read
/// every value, sensitive fields included: they are the role that checks the record, and the export is theirs alone.
/// </summary>
public static class RequestExport
{
    public const string RequestsFile = "requests.csv";
    public const string HistoryFile = "history.csv";
    public const string JsonFile = "requests.json";

    private static readonly string[] RequestHeader =
    [
        "id", "state", "submittedAt", "dueAt", "updatedAt", "finalAt", "requesterId", "requesterName", "catalogItemId", "itemName",
        "category", "teamId", "teamName", "priority", "assigneeId", "assigneeName", "rating", "anonymisedAt", "justification",
    ];

    private static readonly string[] HistoryHeader =
        ["requestId", "line", "at", "actorId", "actorName", "action", "from", "to", "comment", "redacted", "hash"];

    /// <summary>The zip's bytes; the same requests give the same bytes (fixed entry times), so a retried upload is the same file.</summary>
    public static byte[] Zip(IReadOnlyList<ServiceRequest> requests)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, RequestsFile, CsvText.Write(RequestHeader, requests.Select(RequestRow)));
            Add(zip, HistoryFile, CsvText.Write(HistoryHeader, requests.SelectMany(HistoryRows)));
            Add(zip, JsonFile, JsonSerializer.Serialize(requests, RequestJson.Options));
        }

        return buffer.ToArray();
    }

    private static IReadOnlyList<string?> RequestRow(ServiceRequest r) =>
    [
        r.Id, r.State.ToString(), Time(r.SubmittedAt), Time(r.DueAt), Time(r.UpdatedAt), Time(r.FinalAt), r.Requester.Id, r.Requester.Name,
        r.CatalogItemId, r.ItemName, r.Category, r.TeamId, r.TeamName, r.Priority.Label, r.Assignee?.Id, r.Assignee?.Name,
        r.Feedback?.Rating.ToString(CultureInfo.InvariantCulture), Time(r.Anonymised?.At), r.Justification,
    ];

    private static IEnumerable<IReadOnlyList<string?>> HistoryRows(ServiceRequest r) =>
        r.History.Select((h, i) => (IReadOnlyList<string?>)
        [
            r.Id, (i + 1).ToString(CultureInfo.InvariantCulture), Time(h.At), h.Actor.Id, h.Actor.Name, h.Action.Name, h.From.ToString(),
            h.To.ToString(), h.Comment, h.Redacted ? "true" : "false", h.Hash,
        ]);

    private static string? Time(DateTimeOffset? at) => at?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static void Add(ZipArchive zip, string name, string text)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
        using var stream = entry.Open();
        // UTF-8 with a byte order mark, so that Excel reads names with accents right.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        stream.Write(bytes);
    }
}
