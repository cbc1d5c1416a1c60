using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core.Fulfillment;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// What people type: commands (help, new request, my requests, approvals, a request number, cancel) and,
/// for anything else, a request in their own words.
/// </summary>
public sealed class MessageHandler(
    IntakeConversation intake,
    RequestWorkflow workflow,
    IRequestStore store,
    RequestCards cards,
    Replier replier,
    IRelaySignal relay)
{
    private const int RequestListSize = 20;

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

        var reply = await AnswerAsync(turn, text, cancellationToken);
        await replier.ReplyAsync(turn, reply, cancellationToken);
    }

    private async Task<CardMessage> AnswerAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        var command = MessageText.AsCommand(text);
        switch (command)
        {
            case "help" or "hi" or "hello" or "hey" or "menu" or "what can you do" or "commands":
                return cards.Help();
            case "new request" or "new" or "request" or "catalog" or "catalogue" or "browse" or "new request please":
                return intake.Browse();
            case "my requests" or "status" or "my status" or "requests" or "my tickets" or "list":
                // One more than the card shows, so it can say there are older ones.
                var mine = await store.ListByRequesterAsync(turn.User.Id, RequestListSize + 1, cancellationToken);
                return cards.RequestList(Recent(mine), turn.User, "Your requests", "You have no requests yet. Tell me what you need to log one.");
            case "approvals" or "my approvals" or "pending approvals" or "pending":
                var pending = await store.ListPendingApprovalAsync(turn.User.Id, cancellationToken);
                return cards.ApprovalList(pending, turn.User);
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

            return cards.RequestDetail(await workflow.GetVisibleAsync(requestId, turn.User.Id, cancellationToken), turn.User);
        }

        if (command.StartsWith("cancel", StringComparison.Ordinal))
        {
            return cards.Info("Which request?", "Tell me the number, for example 'cancel REQ-000042', or type 'my requests' and use the Cancel button.");
        }

        return intake.Understand(text);
    }

    private async Task<CardMessage> TeamQueueAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var teams = await workflow.TeamsOfAsync(turn.User.Id, cancellationToken);
        if (teams.Count == 0)
        {
            return cards.Info("No team queue", "You are not a member of a fulfilment team, so you have no team queue.");
        }

        var queue = new List<ServiceRequest>();
        foreach (var team in teams)
        {
            queue.AddRange(await store.ListTeamQueueAsync(team.Id, cancellationToken));
        }

        return cards.RequestList(Recent(queue), turn.User, $"Open requests for {string.Join(", ", teams.Select(t => t.Name))}", "Nothing open. Well done!");
    }

    private static List<ServiceRequest> Recent(IEnumerable<ServiceRequest> requests) =>
        requests.OrderByDescending(r => r.UpdatedAt).ToList();
}
