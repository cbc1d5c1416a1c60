using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Cards.Actions;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// The lists a person reads in chat a page at a time, oldest first: "approvals" (what waits for their decision) and "queue"
/// (their teams' open requests; in a channel, only that channel's team's). A page is at most
/// <see cref="RequestCards.MaxListed"/> requests, with how many the list has and "Next" when more follow: a turn reads one
/// page and a count, however long the list is.
/// </summary>
public sealed class RequestLists(RequestWorkflow workflow, RequestCards cards)
{
    public const string ApprovalsPersonalOnly =
        "I show your own requests and approvals only in our personal chat, so they stay between us. Write to me there. " +
        "Here, type `@ChatRequests help` for the team's commands.";

    /// <summary>The first page of the person's approvals, or the page after <paramref name="page"/>.</summary>
    public async Task<CardMessage> ApprovalsAsync(PersonRef user, ListPageData? page, CancellationToken cancellationToken)
    {
        var pending = await workflow.PendingApprovalsAsync(user.Id, RequestCards.MaxListed, page?.After, cancellationToken);
        return cards.ApprovalList(pending.Requests, user, new ListPart(pending.Total, page?.Before ?? 0, PagedList.Approvals));
    }

    /// <summary>The first page of the team queue the turn's person sees where they are, or the page after <paramref name="page"/>.</summary>
    public async Task<CardMessage> QueueAsync(TurnContext turn, ListPageData? page, CancellationToken cancellationToken)
    {
        var channelId = turn.IsChannel ? ConversationIds.ChannelOf(turn.ConversationId) : null;
        var queue = await workflow.TeamQueueAsync(turn.User.Id, channelId, RequestCards.MaxListed, page?.After, cancellationToken);
        if (queue.Teams.Count == 0)
        {
            return channelId is null
                ? cards.Info("No team queue", "You are not a member of a fulfilment team, so you have no team queue.")
                : cards.Info("No team queue here", "I show a team's queue in its own channel, to its members and its lead.");
        }

        return cards.RequestList(
            queue.Page.Requests,
            $"Open requests for {string.Join(", ", queue.Teams.Select(t => t.Name))}",
            "Nothing open. Well done!",
            turn.User,
            new ListPart(queue.Page.Total, page?.Before ?? 0, PagedList.Queue));
    }

    /// <summary>"Next" on a list card: the page after the last request it showed. Approvals never in a channel.</summary>
    public Task<CardMessage> NextAsync(TurnContext turn, ListPageData page, CancellationToken cancellationToken) => page.List switch
    {
        PagedList.Approvals when turn.IsChannel => Task.FromResult(cards.Info("Approvals are personal", ApprovalsPersonalOnly)),
        PagedList.Approvals => ApprovalsAsync(turn.User, page, cancellationToken),
        _ => QueueAsync(turn, page, cancellationToken),
    };
}
