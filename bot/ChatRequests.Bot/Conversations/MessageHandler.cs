using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// What people type: commands (help, new request, my requests, approvals, queue, a request number, cancel) and, for
/// anything else, a request in their own words. In a team channel everyone there reads the answer, so a channel gets
/// the agents' commands, only its own team's requests, and nobody's personal lists.
/// </summary>
public sealed class MessageHandler(
    IntakeConversation intake,
    RequestWorkflow workflow,
    RequestCards cards,
    Replier replier,
    IRelaySignal relay)
{
    private const int RequestListSize = 20;

    private const string ChannelHelp =
        "Here I post your team's requests as cards: use **Assign to me**, **Set status**, **Ask requester** and **Resolve** on them. " +
        "What you can type here (mention me first):\n\n" +
        "- `@ChatRequests queue`: the open requests of this channel's team\n" +
        "- `@ChatRequests REQ-000042`: the details of one of the team's requests\n" +
        "- `@ChatRequests help`: this list\n\n" +
        "Your own requests and approvals stay in our personal chat.";

    private const string PersonalOnly =
        "I show your own requests and approvals only in our personal chat, so they stay between us. Write to me there. " +
        "Here, type `@ChatRequests help` for the team's commands.";

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = MessageText.Clean(turn.Activity.Text);
        if (text.Length == 0)
        {
            var hint = turn.Activity.Value is not null
                ? "That button belongs to an older kind of card I no longer answer. Type 'my requests' to get fresh cards."
                : "I didn't get any text. Tell me what you need (for example \"I need a new laptop\"), or type 'help'.";
            await replier.ReplyAsync(turn, hint, cancellationToken);
            return;
        }

        if (text.Length > MessageText.MaxLength)
        {
            await replier.ReplyAsync(turn,
                $"That message is {text.Length} characters long; please keep it under {MessageText.MaxLength} and tell me briefly what you need. Nothing was logged.",
                cancellationToken);
            return;
        }

        var command = MessageText.AsCommand(text);
        if (turn.IsChannel && InChannelOnly(command) is { } words)
        {
            await replier.ReplyAsync(turn, words, cancellationToken);
            return;
        }

        var reply = await AnswerAsync(turn, text, command, cancellationToken);
        await replier.ReplyAsync(turn, reply, cancellationToken);
    }

    /// <summary>What a channel is answered in words instead of the personal chat's answer, or null.</summary>
    private static string? InChannelOnly(string command) => command switch
    {
        _ when IsHelp(command) => ChannelHelp,
        _ when IsMine(command) || IsApprovals(command) || command.StartsWith("cancel", StringComparison.Ordinal) => PersonalOnly,
        _ => null,
    };

    private async Task<CardMessage> AnswerAsync(TurnContext turn, string text, string command, CancellationToken cancellationToken)
    {
        switch (command)
        {
            case var _ when IsHelp(command):
                return cards.Help();
            case "new request" or "new" or "request" or "catalog" or "catalogue" or "browse" or "new request please":
                return intake.Browse();
            case var _ when IsMine(command):
                // One more than the card shows, so it can say there are older ones.
                var mine = await workflow.ListMineAsync(turn.User.Id, RequestListSize + 1, cancellationToken);
                return cards.RequestList(Recent(mine), "Your requests", "You have no requests yet. Tell me what you need to log one.", turn.User);
            case var _ when IsApprovals(command):
                return cards.ApprovalList(await workflow.PendingApprovalsAsync(turn.User.Id, cancellationToken), turn.User);
            case "queue" or "team queue" or "our queue":
                return await TeamQueueAsync(turn, cancellationToken);
        }

        if (RequestNumber.FindIn(text) is { } requestId)
        {
            if (command.StartsWith("cancel", StringComparison.Ordinal))
            {
                var cancelled = await workflow.CancelAsync(requestId, turn.User, "Cancelled in chat", cancellationToken);
                relay.Wake();
                return cards.Info($"{cancelled.Id} cancelled", $"I cancelled your request for {cancelled.ItemName}. Nothing more will happen with it.", "good");
            }

            var request = turn.IsChannel
                ? await workflow.GetVisibleInChannelAsync(requestId, turn.User.Id, ConversationIds.ChannelOf(turn.ConversationId), cancellationToken)
                : await workflow.GetVisibleAsync(requestId, turn.User.Id, cancellationToken);
            return cards.RequestDetail(request, turn.User);
        }

        if (command.StartsWith("cancel", StringComparison.Ordinal))
        {
            return cards.Info("Which request?", "Tell me the number, for example 'cancel REQ-000042', or type 'my requests' and use the Cancel button.");
        }

        return intake.Understand(text);
    }

    private async Task<CardMessage> TeamQueueAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var channelId = turn.IsChannel ? ConversationIds.ChannelOf(turn.ConversationId) : null;
        var queue = await workflow.TeamQueueAsync(turn.User.Id, channelId, cancellationToken);
        if (queue.Teams.Count == 0)
        {
            return channelId is null
                ? cards.Info("No team queue", "You are not a member of a fulfilment team, so you have no team queue.")
                : cards.Info("No team queue here", "I show a team's queue in its own channel, to its members and its lead.");
        }

        return cards.RequestList(
            Recent(queue.Requests), $"Open requests for {string.Join(", ", queue.Teams.Select(t => t.Name))}", "Nothing open. Well done!", turn.User);
    }

    private static bool IsHelp(string command) => command is "help" or "hi" or "hello" or "hey" or "menu" or "what can you do" or "commands";

    private static bool IsMine(string command) => command is "my requests" or "status" or "my status" or "requests" or "my tickets" or "list";

    private static bool IsApprovals(string command) => command is "approvals" or "my approvals" or "pending approvals" or "pending";

    private static List<ServiceRequest> Recent(IEnumerable<ServiceRequest> requests) =>
        requests.OrderByDescending(r => r.UpdatedAt).ToList();
}
