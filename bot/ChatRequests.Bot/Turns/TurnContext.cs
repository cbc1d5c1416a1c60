using ChatRequests.Core.Requests;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Turns;

/// <summary>One inbound activity and who sent it, as the authenticated activity says (never card data).</summary>
public sealed record TurnContext(Activity Activity, PersonRef User, bool IsChannel)
{
    public string ServiceUrl => Activity.ServiceUrl!;
    public string ConversationId => Activity.Conversation!.Id!;
}
