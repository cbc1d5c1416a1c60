using ChatRequests.Cards;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Turns;

/// <summary>Answers the person in the conversation the activity came from.</summary>
public sealed class Replier(IConnectorClient connector)
{
    /// <summary>Answers in plain text: shown as written, whatever names or ids it quotes.</summary>
    public Task ReplyAsync(TurnContext turn, string text, CancellationToken cancellationToken) =>
        SendAsync(turn, Activity.TextMessage(text), cancellationToken);

    /// <summary>Answers in Teams markdown; for the bot's own fixed words only.</summary>
    public Task ReplyMarkdownAsync(TurnContext turn, string markdown, CancellationToken cancellationToken) =>
        SendAsync(turn, Activity.MarkdownMessage(markdown), cancellationToken);

    /// <summary>Answers with a card; returns the id of the message it became, when the connector says.</summary>
    public Task<string?> ReplyAsync(TurnContext turn, CardMessage card, CancellationToken cancellationToken) =>
        SendAsync(turn, Activity.CardMessage(card), cancellationToken);

    /// <summary>Answers with an attachment of another kind than an Adaptive Card (a file consent card, a file card).</summary>
    public Task<string?> ReplyAsync(TurnContext turn, Attachment attachment, CancellationToken cancellationToken) =>
        SendAsync(turn, new Activity { Type = ActivityTypes.Message, Attachments = [attachment] }, cancellationToken);

    /// <summary>Replaces the card of a message the bot sent earlier in the turn's conversation.</summary>
    public async Task UpdateAsync(TurnContext turn, string activityId, CardMessage card, CancellationToken cancellationToken)
    {
        try
        {
            await connector.UpdateActivityAsync(turn.ServiceUrl, turn.ConversationId, activityId, Activity.CardMessage(card), cancellationToken);
        }
        catch (ConnectorException ex)
        {
            throw new ReplyNotDeliveredException(turn.ConversationId, ex);
        }
    }

    private async Task<string?> SendAsync(TurnContext turn, Activity reply, CancellationToken cancellationToken)
    {
        try
        {
            // In a channel the answer belongs in the thread of the message; in a chat, a reply is the same as a send.
            // An activity without a usable id (none, or "") still gets its answer, as a plain send.
            if (turn.Activity.Id is { } replyToId && !string.IsNullOrWhiteSpace(replyToId))
            {
                return (await connector.ReplyToActivityAsync(turn.ServiceUrl, turn.ConversationId, replyToId, reply, cancellationToken)).Id;
            }

            return (await connector.SendToConversationAsync(turn.ServiceUrl, turn.ConversationId, reply, cancellationToken)).Id;
        }
        catch (ConnectorException ex)
        {
            throw new ReplyNotDeliveredException(turn.ConversationId, ex);
        }
    }
}

/// <summary>The Bot Connector refused or never took the answer (bot removed from the chat, service URL unreachable).</summary>
public sealed class ReplyNotDeliveredException(string conversationId, ConnectorException inner)
    : Exception($"The answer in conversation {conversationId} was not delivered: {inner.Message}", inner)
{
    public string ConversationId { get; } = conversationId;

    /// <summary>What the log may say about it: the connector's status and error code, or that no answer came.</summary>
    public string Failure { get; } = inner.StatusCode == 0
        ? "the Bot Connector did not answer"
        : $"the Bot Connector answered {inner.StatusCode} {inner.ErrorCode}".TrimEnd();
}
