using System.Net;
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
}
