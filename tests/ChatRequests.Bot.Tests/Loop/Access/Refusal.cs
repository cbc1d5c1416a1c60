using System.Net;
using System.Text.Json.Nodes;
using ChatRequests.Testing;

namespace ChatRequests.Bot.Tests.Loop.Access;

/// <summary>What a refused click may say: "no", as a message, and nothing of the request.</summary>
internal static class Refusal
{
    public const string MessageType = "application/vnd.microsoft.activity.message";

    /// <summary>What the laptop request of <see cref="LoopSteps.RequestLaptopAsync"/> holds that a stranger must not learn.</summary>
    public static readonly string[] LaptopSecrets =
        ["Megan", "Bowen", "laptop", "mine is dying", "Hardware", "1,450", "CC-4711", "Berlin", "QWERTZ", "Alex", "Awaiting", "approv"];

    /// <summary>What the mouse request of <see cref="LoopSteps.RequestMouseAsync"/> holds that a stranger must not learn.</summary>
    public static readonly string[] MouseSecrets = ["Megan", "Bowen", "mouse", "London", "Hardware", "Approved", "assign"];

    /// <summary>
    /// The answer is a message only (the clicked card stays), and neither its text nor anything else in the invoke body
    /// holds any of <paramref name="secrets"/>. Returns the message.
    /// </summary>
    public static string RevealsNothing(InvokeResult answer, IEnumerable<string> secrets)
    {
        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        Assert.Equal(MessageType, answer.Body["type"]?.GetValue<string>());
        var message = answer.Message;
        var body = answer.Body.ToJsonString();
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }

        return message;
    }

    /// <summary>
    /// A card's refresh refused: a plain card (Teams asked for one, by itself) with no button, no request number and none
    /// of <paramref name="secrets"/>, the same whoever asks and whatever the number. Returns the card.
    /// </summary>
    public static JsonObject ShowsNothing(InvokeResult answer, IEnumerable<string> secrets)
    {
        Assert.Equal(HttpStatusCode.OK, answer.HttpStatus);
        var card = answer.Card;
        var body = answer.Body.ToJsonString();
        Assert.Empty(CardReader.Verbs(card));
        Assert.Null(card["refresh"]);
        Assert.DoesNotContain("REQ-", body, StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }

        return card;
    }
}
