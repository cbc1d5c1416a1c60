using ChatRequests.Core.Requests;

namespace ChatRequests.Core.Tests.Parking;

public sealed class ParkReasonsTests
{
    [Theory]
    [InlineData("PermanentEventFailureException: 7f3c could not be reached: 403 BotNotInConversationRoster", "Teams could not reach the person (they may have left, blocked the bot or not have the app)")]
    [InlineData("PermanentEventFailureException: ConnectorException: Bot Connector create conversation answered 403 (BotNotInConversationRoster)", "Teams refused the message: the bot is not allowed in that chat or channel (403)")]
    [InlineData("ConnectorException: Bot Connector send answered 404.", "Teams did not find the chat or channel (404)")]
    [InlineData("Gave up after 10 attempts: ConnectorException: Bot Connector send answered 429, retries exhausted.", "Teams kept asking the bot to slow down (429)")]
    [InlineData("The fulfilment message (300000 bytes) does not fit in a Service Bus batch even alone.", "the message was too large to send")]
    [InlineData("InvalidOperationException: Team team-x of REQ-000001 is not in the directory.", "its team is no longer in the organisation's directory")]
    [InlineData("Gave up after 8 attempts: HttpRequestException: Connection refused (10.0.0.4:443)", "the service did not answer in time or could not be reached")]
    public void Plain_NamesTheKindOfFailure(string raw, string plain)
    {
        Assert.Equal(plain, ParkReasons.Plain(raw));
    }

    [Theory]
    [InlineData("SqliteException: constraint failed on cost centre CC-4031 salary 94000")]
    [InlineData("InvalidOperationException: field 'badgeNumber' = 'A-1403X' is not valid")]
    [InlineData("")]
    public void Plain_NeverRepeatsTheRawText_WhichMayQuoteAFieldsValue(string raw)
    {
        var plain = ParkReasons.Plain(raw);

        Assert.Equal(ParkReasons.Unknown, plain);
    }
}
