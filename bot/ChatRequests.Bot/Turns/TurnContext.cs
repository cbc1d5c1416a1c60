using ChatRequests.Cards;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Teams.Connector;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Bot.Turns;

/// <summary>
/// One inbound activity and who sent it, as the authenticated activity says (never card data), looked up in the
/// directory once when the turn began.
/// </summary>
public sealed record TurnContext(Activity Activity, Actor Actor, bool IsChannel)
{
    public PersonRef User => Actor.Ref;
    public string ServiceUrl => Activity.ServiceUrl!;
    public string ConversationId => Activity.Conversation!.Id!;

    /// <summary>Whether others read the answer too (a channel, a group chat): then it shows no sensitive answers.</summary>
    public bool OthersRead => !ConversationType.FromWire(Activity.Conversation?.ConversationType).IsPersonal;

    /// <summary>
    /// The refresh of a card that answers this invoke: the answer replaces the card for its sender alone (Teams shows it to
    /// nobody else), so it refreshes itself for them, by their Teams id.
    /// </summary>
    public CardRefresh RefreshForSender => CardRefresh.ForPerson(Activity.From?.Id);
}
