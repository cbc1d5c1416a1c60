using System.Text.RegularExpressions;

namespace ChatRequests.Bot.Conversations;

/// <summary>Cleans what a person typed: mentions of the bot removed, HTML tags stripped, whitespace collapsed.</summary>
public static partial class MessageText
{
    public const int MaxLength = 2000;

    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var withoutMentions = Mention().Replace(text, " ");
        var withoutTags = Tag().Replace(withoutMentions, " ");
        var decoded = System.Net.WebUtility.HtmlDecode(withoutTags);
        return Whitespace().Replace(decoded, " ").Trim();
    }

    [GeneratedRegex(@"<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Mention();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
