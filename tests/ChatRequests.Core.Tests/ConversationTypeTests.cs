using System.Text.Json;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Storage;

namespace ChatRequests.Core.Tests;

public class ConversationTypeTests
{
    [Theory]
    [InlineData("personal", true, false)]
    [InlineData("groupChat", false, false)]
    [InlineData("channel", false, true)]
    [InlineData("meeting", false, false)]
    public void FromWire_KeepsTheWireSpelling_AndKnowsPersonalChatsAndChannels(string wire, bool personal, bool channel)
    {
        var type = ConversationType.FromWire(wire);

        Assert.Equal(wire, type.Value);
        Assert.Equal((personal, channel), (type.IsPersonal, type.IsChannel));
        Assert.Equal($"\"{wire}\"", JsonSerializer.Serialize(type, RequestJson.Options));
        Assert.Equal(type, JsonSerializer.Deserialize<ConversationType>($"\"{wire}\"", RequestJson.Options));
    }

    [Fact]
    public void FromWire_None_IsAPersonalChat()
    {
        Assert.Equal(ConversationType.Personal, ConversationType.FromWire(null));
    }

    [Fact]
    public void KnownTypes_AreSpelledAsTheBotConnectorSpellsThem()
    {
        Assert.Equal(["personal", "groupChat", "channel"], new[] { ConversationType.Personal, ConversationType.GroupChat, ConversationType.Channel }.Select(t => t.Value));
    }

    [Fact]
    public void AReference_IsAPersonalChatUnlessItSaysOtherwise()
    {
        Assert.Equal(ConversationType.Personal, new ConversationReference { ConversationId = "a:1", ServiceUrl = "https://x/" }.ConversationType);
    }
}
