namespace ChatRequests.Teams.Connector;

public static class ConversationIds
{
    /// <summary>
    /// A channel thread's conversation id is the channel id plus ";messageid=..."; the channel itself is the part before.
    /// </summary>
    public static string ChannelOf(string conversationId)
    {
        var cut = conversationId.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return cut < 0 ? conversationId : conversationId[..cut];
    }
}
