using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace ChatRequests.Teams.Connector;

/// <summary>Where Teams lets the bot put an accepted file: the upload session's URL and the file's name and place.</summary>
public sealed record FileUploadInfo(string Name, string UploadUrl, string ContentUrl, string? UniqueId, string? FileType);

/// <summary>
/// The person's answer to a file consent card (invoke <c>fileConsent/invoke</c>, value
/// <c>{"type":"fileUpload","action":"accept|decline","context":{...},"uploadInfo":{...}}</c>; Teams docs, "Send and
/// receive files using bot"). <see cref="Key"/> is what the card's context carried; it is the caller's to check.
/// </summary>
public sealed record FileConsentAnswer(bool Accepted, string? Key, FileUploadInfo? Upload)
{
    public const string InvokeName = "fileConsent/invoke";
    public const string ConsentContentType = "application/vnd.microsoft.teams.card.file.consent";
    public const string InfoContentType = "application/vnd.microsoft.teams.card.file.info";

    /// <summary>The answer in a <c>fileConsent/invoke</c> activity, or null when it is none (or an accept without its upload).</summary>
    public static FileConsentAnswer? Read(Activity activity)
    {
        if (activity.Type != ActivityTypes.Invoke || activity.Name != InvokeName || activity.Value is not JsonObject value)
        {
            return null;
        }

        var key = (value["context"] as JsonObject)?["key"] is JsonValue k && k.TryGetValue<string>(out var s) ? s : null;
        var action = Text(value, "action");
        if (string.Equals(action, "decline", StringComparison.OrdinalIgnoreCase))
        {
            return new FileConsentAnswer(false, key, null);
        }

        if (!string.Equals(action, "accept", StringComparison.OrdinalIgnoreCase) || value["uploadInfo"] is not JsonObject info
            || Text(info, "uploadUrl") is not { } uploadUrl || Text(info, "contentUrl") is not { } contentUrl || Text(info, "name") is not { } name)
        {
            return null;
        }

        return new FileConsentAnswer(true, key, new FileUploadInfo(name, uploadUrl, contentUrl, Text(info, "uniqueId"), Text(info, "fileType")));
    }

    /// <summary>The consent card: the file's description and size; accept and decline carry only the held file's key.</summary>
    public static Attachment ConsentCard(string fileName, string description, long sizeInBytes, string key) => new()
    {
        ContentType = ConsentContentType,
        Name = fileName,
        Content = new JsonObject
        {
            ["description"] = description,
            ["sizeInBytes"] = sizeInBytes,
            ["acceptContext"] = new JsonObject { ["key"] = key },
            ["declineContext"] = new JsonObject { ["key"] = key },
        },
    };

    /// <summary>The card that shows the uploaded file in the chat.</summary>
    public static Attachment InfoCard(FileUploadInfo upload) => new()
    {
        ContentType = InfoContentType,
        Name = upload.Name,
        ContentUrl = upload.ContentUrl,
        Content = new JsonObject { ["uniqueId"] = upload.UniqueId, ["fileType"] = upload.FileType },
    };

    /// <summary>
    /// Whether the bytes may go to this upload URL: https only (Teams gives a OneDrive upload session), or plain http to
    /// a loopback host (a stand-in on this machine, in tests). Anything else could send an export to someone's server.
    /// </summary>
    public static bool IsAllowedUploadUrl(string? uploadUrl) =>
        Uri.TryCreate(uploadUrl, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>Puts the whole file in one request to the upload session (Content-Range covers every byte); only to an allowed URL.</summary>
    public static async Task UploadAsync(HttpClient http, FileUploadInfo upload, byte[] bytes, CancellationToken cancellationToken = default)
    {
        if (!IsAllowedUploadUrl(upload.UploadUrl))
        {
            throw new InvalidOperationException("The upload URL is neither https nor a loopback address; nothing was sent.");
        }

        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentLength = bytes.Length;
        content.Headers.ContentRange = ContentRangeHeaderValue.Parse(
            string.Create(CultureInfo.InvariantCulture, $"bytes 0-{bytes.Length - 1}/{bytes.Length}"));
        using var response = await http.PutAsync(new Uri(upload.UploadUrl), content, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static string? Text(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
