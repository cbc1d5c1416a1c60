using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Cards.Templating;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.Requests;

namespace ChatRequests.Cards.Tests;

/// <summary>
/// A bound card is carried as the JSON its template wrote (<see cref="CardMessage"/>): sent as those bytes until someone
/// reads it as a node, then as that node; a card's refresh is written into the bytes as setting it on the node wrote it.
/// </summary>
public class CardMessageTests
{
    private readonly Cards.RequestCards _cards = new(new FakeTimeProvider(Start.AddHours(1)));

    [Fact]
    public void ACardWithARefresh_IsWrittenAsTheSameCardWithTheRefreshSetOnItsNode()
    {
        var r = InState(RequestState.AwaitingApproval);
        var refresh = CardRefresh.ForGroup(3, ["29:a", "29:\"b\" <ü>"]);

        AssertRefreshedAsOnANode(
            _cards.Approval(r, 0, Manager),
            _cards.Approval(r, 0, Manager, refresh),
            refresh.ToJson(CardVerbs.ApprovalRefresh, new JsonObject { [CardInputs.RequestId] = r.Id, [CardInputs.Stage] = 0 }));
        AssertRefreshedAsOnANode(
            _cards.Submitted(r),
            _cards.Submitted(r, refreshFor: "29:requester"),
            CardRefresh.ForPerson("29:requester").ToJson(CardVerbs.RequestsRefresh, new JsonObject { [CardInputs.RequestId] = r.Id }));
    }

    [Fact]
    public void AnEmptyCardWithARefresh_HasTheRefreshAsItsOnlyProperty()
    {
        var json = CardTemplate.Parse("empty", "{}").BindJson(default, new JsonObject { ["userIds"] = new JsonArray() });

        Assert.Equal("""{"refresh":{"userIds":[]}}""", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void ATemplateWithARefreshOfItsOwn_IsRefused()
    {
        var refused = Assert.Throws<TemplateException>(() => CardTemplate.Parse("mine", """{"type":"AdaptiveCard","refresh":{}}"""));

        Assert.Contains("refresh", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACardReadAsANode_IsWrittenAsThatNode_WithWhatTheReaderChanged()
    {
        var message = _cards.Info("Saved", "Your draft was saved.");
        var asBound = Written(message);

        message.Card["lang"] = "en";

        var written = Written(message);
        Assert.NotEqual(asBound, written);
        Assert.Equal("en", JsonNode.Parse(written)!["lang"]!.GetValue<string>());
        Assert.Equal(message.Card.ToJsonString(), written);
        Assert.Equal(written, message.ToJsonString());
    }

    [Fact]
    public void ACardNeverRead_IsWrittenAsTheNodeItReadsAsWouldBe()
    {
        var message = _cards.TeamCard(InState(RequestState.InProgress), [Agent], CardRefresh.ForGroup(3, ["29:a"]));
        var again = _cards.TeamCard(InState(RequestState.InProgress), [Agent], CardRefresh.ForGroup(3, ["29:a"]));

        Assert.Equal(again.Card.ToJsonString(), Written(message));
    }

    private static void AssertRefreshedAsOnANode(CardMessage plain, CardMessage refreshed, JsonObject refresh)
    {
        var expected = JsonNode.Parse(plain.ToJsonString())!.AsObject();
        expected["refresh"] = refresh;

        Assert.Equal(expected.ToJsonString(), Written(refreshed));
        Assert.Equal(plain.FallbackText, refreshed.FallbackText);
    }

    private static string Written(CardMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            message.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
