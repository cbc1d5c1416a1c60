using System.Text.RegularExpressions;

namespace ChatRequests.Core.Understanding;

/// <summary>The bot's commands as people type them. (Today: the exact phrases the bot always knew.)</summary>
internal static partial class CommandWords
{
    public static ChatCommand? Find(string text, bool namesRequest)
    {
        var command = Whitespace().Replace(Punctuation().Replace(text.ToLowerInvariant(), " "), " ").Trim();
        if (command.StartsWith("cancel", StringComparison.Ordinal))
        {
            return ChatCommand.Cancel;
        }

        if (namesRequest)
        {
            return ChatCommand.ShowRequest;
        }

        return command switch
        {
            "help" or "hi" or "hello" or "hey" or "menu" or "what can you do" or "commands" => ChatCommand.Help,
            "new request" or "new" or "request" or "catalog" or "catalogue" or "browse" or "new request please" => ChatCommand.Browse,
            "my requests" or "status" or "my status" or "requests" or "my tickets" or "list" => ChatCommand.MyRequests,
            "approvals" or "my approvals" or "pending approvals" or "pending" => ChatCommand.Approvals,
            "queue" or "team queue" or "our queue" => ChatCommand.Queue,
            _ => null,
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"[^\p{L}\p{N}\-\s]")]
    private static partial Regex Punctuation();
}
