using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Cards;
using ChatRequests.Core.Messaging;
using ChatRequests.Teams.Connector;
using ChatRequests.Teams.Notifications;

namespace ChatRequests.Teams.Tests.Notifications;

public sealed class LastSentCardsTests
{
    private static readonly PostedMessage Message = new("team:REQ-1", "19:channel@thread.tacv2;messageid=7", "7", DateTimeOffset.UnixEpoch);

    [Fact]
    public void HashOf_IsTheHashOfWhatTheConnectorWrites_WithoutTheId()
    {
        var activity = Card("Assigned to Dana", "Ünïcode <b>&</b> \"quotes\" 🙂") with { Id = "7" };

        var written = JsonSerializer.SerializeToUtf8Bytes(activity with { Id = null }, ConnectorJson.Options);
        var expected = SHA256.HashData(written);

        Assert.Equal(expected, Bytes(LastSentCards.HashOf(activity)));
        Assert.Equal(LastSentCards.HashOf(activity), LastSentCards.HashOf(activity with { Id = null }));
    }

    [Fact]
    public void HashOf_ASmallCardAfterALargeOne_OnTheSameThread_HashesOnlyTheSmallOne()
    {
        var large = Card(new string('x', 300 * 1024), "large");
        var small = Card("Closed", "small");

        LastSentCards.HashOf(large);
        var afterLarge = LastSentCards.HashOf(small);

        Assert.Equal(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(small, ConnectorJson.Options)), Bytes(afterLarge));
    }

    [Fact]
    public void HashOf_TellsCardsThatDifferInOneCharacterApart()
    {
        Assert.NotEqual(LastSentCards.HashOf(Card("Assigned to Dana", "f")), LastSentCards.HashOf(Card("Assigned to Dan", "f")));
        Assert.NotEqual(LastSentCards.HashOf(Card("Assigned to Dana", "f")), LastSentCards.HashOf(Card("Assigned to Dana", "g")));
    }

    [Fact]
    public void IsShowing_WhatWasRemembered_UntilItIsForgottenOrSomethingElseIsRemembered()
    {
        var sent = new LastSentCards();
        var first = Card("Assigned", "f");
        var second = Card("Fulfilled", "f");

        sent.Remember(Message.ConversationId, Message.ActivityId, first);
        Assert.True(sent.IsShowing(Message, LastSentCards.HashOf(first)));
        Assert.False(sent.IsShowing(Message, LastSentCards.HashOf(second)));

        sent.Forget(Message);
        Assert.False(sent.IsShowing(Message, LastSentCards.HashOf(first)));

        sent.Remember(Message.ConversationId, Message.ActivityId, LastSentCards.HashOf(second));
        Assert.True(sent.IsShowing(Message, LastSentCards.HashOf(second)));
        Assert.False(sent.IsShowing(Message, LastSentCards.HashOf(first)));
    }

    [Fact]
    public void IsShowing_TheInputsOfTheCardLastSent_UntilItIsForgottenOrACardWithoutThemIsSent()
    {
        var sent = new LastSentCards();
        var activity = Card("Assigned", "f");
        var inputs = new CardFingerprint(1, 2);

        sent.Remember(Message.ConversationId, Message.ActivityId, activity, inputs);
        Assert.True(sent.IsShowing(Message, inputs));
        Assert.True(sent.IsShowing(Message, LastSentCards.HashOf(activity)));
        Assert.False(sent.IsShowing(Message, new CardFingerprint(1, 3)));

        sent.Forget(Message);
        Assert.False(sent.IsShowing(Message, inputs));

        // An update sent as a bound card (its inputs unknown) replaces what the message showed: the old inputs no longer match.
        sent.Remember(Message.ConversationId, Message.ActivityId, activity, inputs);
        sent.Remember(Message.ConversationId, Message.ActivityId, LastSentCards.HashOf(Card("Fulfilled", "f")));
        Assert.False(sent.IsShowing(Message, inputs));
    }

    [Fact]
    public void Remember_WithoutAnActivityId_RemembersNothing()
    {
        var sent = new LastSentCards();
        var activity = Card("Assigned", "f");

        sent.Remember(Message.ConversationId, "", activity);

        Assert.False(sent.IsShowing(Message with { ActivityId = "" }, LastSentCards.HashOf(activity)));
    }

    private static Activity Card(string title, string fallback) =>
        Activity.CardMessage(
            new JsonObject
            {
                ["type"] = "AdaptiveCard",
                ["version"] = "1.5",
                ["body"] = new JsonArray(new JsonObject { ["type"] = "TextBlock", ["text"] = title }),
            },
            fallback);

    private static byte[] Bytes(ActivityHash hash)
    {
        var bytes = new byte[32];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 16), hash.First);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), hash.Second);
        return bytes;
    }
}
