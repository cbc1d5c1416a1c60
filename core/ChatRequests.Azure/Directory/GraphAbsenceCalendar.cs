using System.Globalization;
using ChatRequests.Core.Organisation;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace ChatRequests.Azure.Graph;

/// <summary>
/// <see cref="IAbsenceCalendar"/> over the mailbox's automatic replies (GET /users/{id}/mailboxSettings/
/// automaticRepliesSetting; application permission MailboxSettings.Read). Readings are cached as the directory caches
/// people. A mailbox that cannot be read (403, 404, throttled past the retries, slower than
/// <see cref="GraphDirectoryOptions.AbsenceTimeout"/>) counts as "in", with a log line: an approval never waits on it.
/// </summary>
public sealed class GraphAbsenceCalendar(
    GraphServiceClient graph,
    IMemoryCache cache,
    IOptions<GraphDirectoryOptions> options,
    ILogger<GraphAbsenceCalendar> logger) : IAbsenceCalendar
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ErrorMapping = new()
    {
        ["XXX"] = ODataError.CreateFromDiscriminatorValue,
    };

    private readonly GraphDirectoryOptions _options = options.Value;

    public async Task<Absence?> FindAbsenceAsync(string personId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(personId);
        if (!cache.TryGetValue(("absence", personId), out Absence? absence))
        {
            absence = await ReadAsync(personId, cancellationToken);
            // Unreadable mailboxes are cached too: a missing permission should not cost a Graph call per approval.
            cache.Set(("absence", personId), absence, _options.CacheDuration);
        }

        return absence is not null && absence.Covers(at) ? absence : null;
    }

    /// <summary>The period the automatic replies cover (whether or not it is now), or null when they are off or unreadable.</summary>
    private async Task<Absence?> ReadAsync(string personId, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.AbsenceTimeout);
        try
        {
            var setting = await GraphCalls.RetriedAsync("the automatic replies", () => graph.RequestAdapter.SendAsync(
                Request(personId), AutomaticRepliesSetting.CreateFromDiscriminatorValue, ErrorMapping, timeout.Token));
            return ToAbsence(personId, setting);
        }
        catch (ODataError error)
        {
            // 404: no mailbox (no Exchange licence); 403: MailboxSettings.Read not granted, or limited by an access policy.
            logger.Log(error.ResponseStatusCode == 404 ? LogLevel.Information : LogLevel.Warning,
                "The automatic replies of {PersonId} could not be read ({StatusCode} {ErrorCode}); treated as not away",
                personId, error.ResponseStatusCode, error.Error?.Code);
        }
        catch (GraphDirectoryUnavailableException error)
        {
            logger.LogWarning(error, "The automatic replies of {PersonId} could not be read; treated as not away", personId);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The automatic replies of {PersonId} took longer than {Timeout}; treated as not away",
                personId, _options.AbsenceTimeout);
        }

        return null;
    }

    private RequestInformation Request(string personId)
    {
        var request = new RequestInformation(Method.GET, "{+baseurl}/users/{user%2Did}/mailboxSettings/automaticRepliesSetting",
            new Dictionary<string, object> { ["user%2Did"] = personId });
        request.Headers.TryAdd("Accept", "application/json");
        return request;
    }

    private Absence? ToAbsence(string personId, AutomaticRepliesSetting? setting)
    {
        switch (setting?.Status)
        {
            case AutomaticRepliesStatus.AlwaysEnabled:
                return new Absence(null, null);
            case AutomaticRepliesStatus.Scheduled:
                var from = ToInstant(setting.ScheduledStartDateTime);
                var until = ToInstant(setting.ScheduledEndDateTime);
                if (from is null || until is null)
                {
                    logger.LogWarning(
                        "The scheduled automatic replies of {PersonId} have a time that cannot be read ({StartZone}, {EndZone}); treated as not away",
                        personId, setting.ScheduledStartDateTime?.TimeZone, setting.ScheduledEndDateTime?.TimeZone);
                    return null;
                }

                return new Absence(from, until);
            default:
                return null;
        }
    }

    /// <summary>A Graph dateTimeTimeZone as an instant: a wall-clock time in a Windows ("W. Europe Standard Time") or IANA ("Europe/Berlin") zone.</summary>
    private static DateTimeOffset? ToInstant(DateTimeTimeZone? value)
    {
        if (value?.DateTime is not { } text || value.TimeZone is not { } zoneId
            || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out var zone))
        {
            return null;
        }

        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
