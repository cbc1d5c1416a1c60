using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Privacy;

/// <summary>
/// Requests and their histories for auditors, as one zip: <c>requests.csv</c> (one row per request), <c>history.csv</c>
/// (one row per history line, in order, with its hash) and <c>requests.json</c> (the stored documents). Sensitive answers
/// are masked as for no reader in particular (ADR 0017: auditors are not among the readers it allows): the field values,
/// and every text of the request that quotes one (<see cref="SensitiveFields.MaskText"/>), read
/// <see cref="SensitiveFields.Masked"/>; the stored hashes stay as they are.
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
            Add(zip, JsonFile, new JsonArray([.. requests.Select(MaskedDocument)]).ToJsonString(RequestJson.Options));
        }

        return buffer.ToArray();
    }

    private static IReadOnlyList<string?> RequestRow(ServiceRequest r) =>
    [
        r.Id, r.State.ToString(), Time(r.SubmittedAt), Time(r.DueAt), Time(r.UpdatedAt), Time(r.FinalAt), r.Requester.Id, r.Requester.Name,
        r.CatalogItemId, r.ItemName, r.Category, r.TeamId, r.TeamName, r.Priority.Label, r.Assignee?.Id, r.Assignee?.Name,
        r.Feedback?.Rating.ToString(CultureInfo.InvariantCulture), Time(r.Anonymised?.At), Masked(r, r.Justification),
    ];

    private static IEnumerable<IReadOnlyList<string?>> HistoryRows(ServiceRequest r) =>
        r.History.Select((h, i) => (IReadOnlyList<string?>)
        [
            r.Id, (i + 1).ToString(CultureInfo.InvariantCulture), Time(h.At), h.Actor.Id, h.Actor.Name, h.Action.Name, h.From.ToString(),
            h.To.ToString(), Masked(r, h.Comment), h.Redacted ? "true" : "false", h.Hash,
        ]);

    private static string? Masked(ServiceRequest request, string? text) => SensitiveFields.MaskText(request, readerId: null, text);

    /// <summary>The stored document with every string that holds a sensitive value masked (the answers themselves included).</summary>
    private static JsonNode MaskedDocument(ServiceRequest request)
    {
        var document = JsonSerializer.SerializeToNode(request, RequestJson.Options)!;
        MaskStrings(request, document);
        return document;
    }

    private static void MaskStrings(ServiceRequest request, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, child) in o.ToList())
                {
                    if (child is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        o[name] = Masked(request, text);
                    }
                    else
                    {
                        MaskStrings(request, child);
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    if (a[i] is JsonValue v && v.TryGetValue<string>(out var text))
                    {
                        a[i] = Masked(request, text);
                    }
                    else
                    {
                        MaskStrings(request, a[i]);
                    }
                }

                break;
        }
    }

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
