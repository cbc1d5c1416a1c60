using System.Globalization;

namespace ChatRequests.Embedded.Storage;

/// <summary>
/// Timestamps in index columns: UTC, fixed width, so that comparing the text compares the instants.
/// </summary>
internal static class StoredTime
{
    private const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Pattern, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
