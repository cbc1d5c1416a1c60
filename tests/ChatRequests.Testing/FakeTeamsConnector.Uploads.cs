using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatRequests.Testing;

/// <summary>A file put to an upload session: the session, its Content-Range, whether it carried credentials, and the bytes.</summary>
public sealed record FakeUpload(string Session, string? ContentRange, bool HadAuthorization, byte[] Bytes);

// The OneDrive upload sessions Teams hands out on a file consent accept (uploadInfo.uploadUrl), served on loopback http.
public sealed partial class FakeTeamsConnector
{
    private const string UploadPath = "/upload";

    private readonly List<FakeUpload> _uploads = [];
    private TaskCompletionSource? _uploadsHeld;

    /// <summary>Upload sessions take the bytes but answer only once <see cref="ReleaseUploads"/> is called (a slow OneDrive).</summary>
    public void HoldUploads()
    {
        lock (_gate)
        {
            _uploadsHeld = NewSignal();
        }
    }

    /// <summary>Lets held and later uploads answer.</summary>
    public void ReleaseUploads()
    {
        TaskCompletionSource? held;
        lock (_gate)
        {
            (held, _uploadsHeld) = (_uploadsHeld, null);
        }

        held?.TrySetResult();
    }

    /// <summary>The upload URL of a session on this stand-in (plain http on 127.0.0.1).</summary>
    public string UploadUrl(string session) => new Uri(new Uri(ServiceUrl), $"{UploadPath}/{Uri.EscapeDataString(session)}").AbsoluteUri;

    /// <summary>Every file put to an upload session, in order.</summary>
    public IReadOnlyList<FakeUpload> Uploads
    {
        get
        {
            lock (_gate)
            {
                return [.. _uploads];
            }
        }
    }

    private void MapUploads(WebApplication app) => app.MapPut(UploadPath + "/{session}", async (HttpContext context, string session) =>
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        Task held;
        lock (_gate)
        {
            held = _uploadsHeld?.Task ?? Task.CompletedTask;
        }

        await held.WaitAsync(context.RequestAborted);
        var upload = new FakeUpload(
            session, context.Request.Headers.ContentRange.ToString(), context.Request.Headers.Authorization.Count > 0, buffer.ToArray());
        lock (_gate)
        {
            _uploads.Add(upload);
        }

        // OneDrive answers the last range of a session with the drive item it made.
        return Results.Json(new { id = session, name = session, size = upload.Bytes.Length }, statusCode: StatusCodes.Status201Created);
    });
}
