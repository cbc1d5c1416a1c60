using System.Text.RegularExpressions;
using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Understanding;

/// <summary>
/// "history REQ-000042", "show me the audit trail of REQ-000042", "verify REQ-000042": only when, besides the number
/// and a few words that join them, the message says nothing else, so "my browser history is gone (REQ-000042)" stays
/// about the request.
/// </summary>
internal static partial class AuditWords
{
    private static readonly HashSet<string> Glue =
    [
        "show", "me", "the", "of", "for", "on", "a", "an", "please", "pls", "give", "see", "view", "get", "what", "whats", "s",
        "is", "its", "request", "ticket", "full", "complete", "entire", "whole", "can", "i", "could", "you", "let", "to", "check",
        "in", "read", "open", "hi", "hello", "thanks",
    ];

    /// <summary>The audit command the words (which name a request) ask for, or null.</summary>
    public static ChatCommand? Read(string text)
    {
        var words = NonLetters().Split(RequestNumber.RemoveFrom(text).ToLowerInvariant())
            .Where(w => w.Length > 0 && !Glue.Contains(w))
            .ToArray();
        return words switch
        {
            ["history"] or ["audit"] or ["audit", "trail"] or ["audit", "history"] or ["audit", "log"] or ["timeline"] => ChatCommand.History,
            ["verify"] or ["verify", "history"] or ["verify", "audit", "trail"] or ["verify", "audit"] or ["verify", "chain"]
                or ["history", "intact"] or ["audit", "trail", "intact"] => ChatCommand.Verify,
            _ => null,
        };
    }

    [GeneratedRegex("[^a-z]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonLetters();
}
