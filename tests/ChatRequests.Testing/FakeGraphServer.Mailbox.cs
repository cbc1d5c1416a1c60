using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ChatRequests.Testing;

/// <summary>The loopback Graph's mailbox settings: GET /users/{id}/mailboxSettings/automaticRepliesSetting.</summary>
public sealed partial class FakeGraphServer
{
    /// <summary>A dateTimeTimeZone of Graph: a wall-clock time and the zone it is in (Windows or IANA name).</summary>
    public sealed record ZonedTime(string DateTime, string TimeZone);

    /// <summary>A mailbox's automatic replies: status disabled, alwaysEnabled or scheduled (with its window).</summary>
    public sealed record AutoReplies(string Status, ZonedTime? Start = null, ZonedTime? End = null);

    /// <summary>Automatic replies by user id; a user without an entry has them disabled.</summary>
    public ConcurrentDictionary<string, AutoReplies> AutomaticReplies { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Users whose mailbox settings are refused (403: no MailboxSettings.Read, or an application access policy).</summary>
    public ConcurrentDictionary<string, bool> RefusedMailboxes { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>How long the mailbox settings take to answer.</summary>
    public TimeSpan MailboxDelay { get; set; }

    private void MapMailboxSettings()
    {
        _app.MapGet("/v1.0/users/{id}/mailboxSettings/automaticRepliesSetting", async (HttpContext context, string id) =>
        {
            await Task.Delay(MailboxDelay, context.RequestAborted);
            if (!Users.ContainsKey(id))
            {
                await WriteError(context, 404, "ErrorInvalidUser", $"The requested user '{id}' is invalid.");
                return;
            }

            if (RefusedMailboxes.ContainsKey(id))
            {
                await WriteError(context, 403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
                return;
            }

            var replies = AutomaticReplies.GetValueOrDefault(id) ?? new AutoReplies("disabled");
            await WriteJson(context, 200, new JsonObject
            {
                ["@odata.context"] = $"{Metadata}#users('{id}')/mailboxSettings/automaticRepliesSetting",
                ["status"] = replies.Status,
                ["externalAudience"] = "all",
                ["internalReplyMessage"] = "<html><body>I am away.</body></html>",
                ["externalReplyMessage"] = "",
                ["scheduledStartDateTime"] = Zoned(replies.Start ?? new ZonedTime("2026-01-01T00:00:00.0000000", "UTC")),
                ["scheduledEndDateTime"] = Zoned(replies.End ?? new ZonedTime("2026-01-02T00:00:00.0000000", "UTC")),
            });
        });
    }

    private static JsonObject Zoned(ZonedTime time) => new() { ["dateTime"] = time.DateTime, ["timeZone"] = time.TimeZone };
}
