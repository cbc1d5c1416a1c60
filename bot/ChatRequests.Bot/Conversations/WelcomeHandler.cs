using ChatRequests.Bot.Turns;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// Says hello once when the app is installed in a chat or a team. Teams sends both installationUpdate (add) and
/// conversationUpdate (bot in membersAdded) for one installation; only the first greets, or people get two.
/// </summary>
public sealed class WelcomeHandler(IntakeConversation intake, Replier replier)
{
    /// <summary>Whether the activity says the app was installed: the only activity <see cref="HandleAsync"/> is given.</summary>
    public static bool Greets(Activity activity) =>
        activity.Type == ActivityTypes.InstallationUpdate
        && (activity.Action is null || activity.Action.StartsWith("add", StringComparison.OrdinalIgnoreCase));

    public async Task HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.IsChannel)
        {
            await replier.ReplyMarkdownAsync(turn,
                "Hello team! I'm ChatRequests. When a request for your team is approved I post it here as a card: use **Assign to me**, **Set status**, **Ask requester** and **Resolve** on it. Type `@ChatRequests queue` to see what is open.",
                cancellationToken);
            return;
        }

        var firstName = turn.User.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? turn.User.Name;
        await replier.ReplyAsync(turn, intake.Welcome(firstName), cancellationToken);
    }
}
