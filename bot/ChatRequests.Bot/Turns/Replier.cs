using ChatRequests.Bot.Connector;
using ChatRequests.Cards;

namespace ChatRequests.Bot.Turns;

/// <summary>Answers the person in the conversation the activity came from.</summary>
public sealed class Replier(IConnectorClient connector)
{
    public Task ReplyAsync(TurnContext turn, string text, CancellationToken cancellationToken) =>
        SendAsync(turn, Activity.TextMessage(text), cancellationToken);

    public Task ReplyAsync(TurnContext turn, CardMessage card, CancellationToken cancellationToken) =>
        SendAsync(turn, Activity.CardMessage(card.Card, card.FallbackText), cancellationToken);

    private async Task SendAsync(TurnContext turn, Activity reply, CancellationToken cancellationToken)
    {
        // In a channel the answer belongs in the thread of the message; in a chat, a reply is the same as a send.
        if (turn.Activity.Id is { } replyToId)
        {
            await connector.ReplyToActivityAsync(turn.ServiceUrl, turn.ConversationId, replyToId, reply, cancellationToken);
        }
        else
        {
            await connector.SendToConversationAsync(turn.ServiceUrl, turn.ConversationId, reply, cancellationToken);
        }
    }
}
