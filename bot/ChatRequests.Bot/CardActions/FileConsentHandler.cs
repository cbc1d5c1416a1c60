using ChatRequests.Bot.Turns;
using ChatRequests.Core.Privacy;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.CardActions;

/// <summary>
/// The auditor's answer on a file consent card (<c>fileConsent/invoke</c>), answered at once with 200 while the work goes
/// on in the background. Accept: the auditor role is checked again, the held file taken once (an expired, replayed or
/// someone else's key finds nothing: a plain message, nothing uploaded), the bytes put to the upload URL Teams gave (https
/// only; plain http only to a loopback host), then the file card. Decline: the file is dropped, "Nothing was exported."
/// </summary>
public sealed class FileConsentHandler(
    HeldExports held,
    PrivacyDesk desk,
    Replier replier,
    IHttpClientFactory http,
    BackgroundTurnWork background,
    ILogger<FileConsentHandler> logger)
{
    /// <summary>The named client of the uploads: no credentials of ours on it (the upload URL is a pre-authorised session).</summary>
    public const string UploadClient = "FileConsentUpload";

    public const string NothingExported = "Nothing was exported.";
    public const string NoLongerHeld = "That file is no longer available: it expired or was already sent. Nothing was exported; ask for it again.";
    public const string UploadRefused = "Teams gave me an upload address I can't trust, so I sent nothing. Nothing was exported; ask for it again.";
    public const string UploadFailed = "The upload to your OneDrive failed. Nothing was exported; ask for it again in a moment.";

    /// <summary>Starts the work and returns at once: the invoke is answered 200 with no body.</summary>
    public void Handle(TurnContext turn) => background.Run("file consent answer", cancellationToken => AnswerAsync(turn, cancellationToken));

    private async Task AnswerAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var answer = FileConsentAnswer.Read(turn.Activity);
        if (answer is not { Accepted: true, Upload: { } upload })
        {
            // A decline (or an answer we cannot read): the file, if it was theirs, is dropped.
            held.Take(answer?.Key, turn.User.Id);
            await replier.ReplyAsync(turn, NothingExported, cancellationToken);
            return;
        }

        var file = held.Take(answer.Key, turn.User.Id);
        if (file is null || !await desk.IsAuditorAsync(turn.User.Id, cancellationToken))
        {
            logger.LogWarning("File consent accept by {PersonId} found no file to send (expired, replayed, not theirs, or no auditor now)", turn.User.Id);
            await replier.ReplyAsync(turn, NoLongerHeld, cancellationToken);
            return;
        }

        if (!FileConsentAnswer.IsAllowedUploadUrl(upload.UploadUrl))
        {
            var url = Uri.TryCreate(upload.UploadUrl, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Host}" : "(not a URL)";
            logger.LogWarning("Refused to upload export {FileName} for {PersonId} to {UploadTarget}: not https", file.FileName, turn.User.Id, url);
            await replier.ReplyAsync(turn, UploadRefused, cancellationToken);
            return;
        }

        try
        {
            await FileConsentAnswer.UploadAsync(http.CreateClient(UploadClient), upload, file.Bytes, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning(ex, "Upload of export {FileName} for {PersonId} failed", file.FileName, turn.User.Id);
            await replier.ReplyAsync(turn, UploadFailed, cancellationToken);
            return;
        }

        logger.LogInformation("Export {FileName} ({Bytes} bytes) uploaded to the OneDrive of auditor {PersonId}", file.FileName, file.Bytes.Length, turn.User.Id);
        await replier.ReplyAsync(turn, FileConsentAnswer.InfoCard(upload), cancellationToken);
    }
}
