using ChatRequests.Bot.CardActions;
using ChatRequests.Bot.Conversations;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Turns;

/// <summary>
/// One turn of the bot: routes the activity by type, looks up who sent it and remembers where it came from only for
/// activities it answers, and is the single place where an error becomes an apology to the user (never an unhandled
/// 500, never a silent failure).
/// </summary>
public sealed class TurnHandler(
    IDirectory directory,
    ConversationMemory conversations,
    MessageHandler messages,
    CardActionHandler cardActions,
    FileConsentHandler fileConsents,
    WelcomeHandler welcome,
    Replier replier,
    ILogger<TurnHandler> logger)
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary>Handles the activity; returns the invoke response for invokes, null for everything else.</summary>
    public async Task<InvokeResponse?> HandleAsync(Activity activity, CancellationToken cancellationToken)
    {
        using var telemetry = TurnTelemetry.Start(activity);
        var response = await RouteAsync(activity, cancellationToken);
        telemetry.Answered(response);
        return response;
    }

    private async Task<InvokeResponse?> RouteAsync(Activity activity, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message:
                return await RunAsync(activity, invoke: null, cancellationToken);
            case ActivityTypes.Invoke when activity.Name == FileConsentAnswer.InvokeName:
                return await RunAsync(activity, invoke: null, cancellationToken);
            case ActivityTypes.Invoke when activity.Name != AdaptiveCardActionInvoke:
                return InvokeResponse.Error(501, "NotImplemented", $"This bot does not handle the invoke '{activity.Name}'.");
            case ActivityTypes.Invoke:
                return AdaptiveCardInvoke.TryParse(activity.Value, out var invoke, out var problem)
                    ? await RunAsync(activity, invoke, cancellationToken)
                    : InvokeResponse.Error(400, "BadRequest", problem ?? "The card action is malformed.");
            case ActivityTypes.InstallationUpdate when WelcomeHandler.Greets(activity):
                return await RunAsync(activity, invoke: null, cancellationToken);
            case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                // Nobody said anything to answer, but the activity tells where the conversation lives now.
                await RememberConversationAsync(activity, cancellationToken);
                return null;
            default:
                // typing, reactions and the like need nothing from us: no lookup, no write.
                return null;
        }
    }

    /// <summary>A turn that is answered: who is speaking and where, then its handler; any failure becomes an apology.</summary>
    private async Task<InvokeResponse?> RunAsync(Activity activity, AdaptiveCardInvoke? invoke, CancellationToken cancellationToken)
    {
        TurnContext turn;
        try
        {
            turn = await BeginAsync(activity, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The directory or the store failed before we knew the person: still answer, never a bare 500.
            logger.LogError(ex, "Could not begin the turn");
            var stranger = Actor.Of(UserIdOf(activity), entry: null, activity.From!.Name);
            return await ApologiseAsync(new TurnContext(activity, stranger, IsChannel(activity)), cancellationToken);
        }

        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ActivityId"] = activity.Id,
            ["ActivityType"] = activity.Type,
            ["ConversationType"] = activity.Conversation?.ConversationType,
        });
        try
        {
            switch (activity.Type)
            {
                case ActivityTypes.Message:
                    await messages.HandleAsync(turn, cancellationToken);
                    return null;
                case ActivityTypes.Invoke when invoke is null:
                    // A file consent answer: 200 at once, the upload and the answer follow.
                    fileConsents.Handle(turn);
                    return null;
                case ActivityTypes.Invoke:
                    return await cardActions.HandleAsync(turn, invoke!.Action.Verb, invoke.Action.Data, cancellationToken);
                default:
                    await welcome.HandleAsync(turn, cancellationToken);
                    return null;
            }
        }
        catch (RequestRuleException ex) when (activity.Type == ActivityTypes.Message)
        {
            // The refusal is the answer; if even that cannot be delivered, the turn still ends (logged, never a 500).
            await TryReplyAsync(turn, ex.Message, cancellationToken);
            return null;
        }
        catch (ReplyNotDeliveredException ex) when (activity.Type != ActivityTypes.Invoke)
        {
            // An apology would go the same way as the answer that was not delivered.
            LogNotAnswered(ex, ex.ConversationId);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Turn failed");
            return await ApologiseAsync(turn, cancellationToken);
        }
    }

    private async Task<InvokeResponse?> ApologiseAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        const string apology = "Sorry, something went wrong on my side. Please try again in a moment; if it keeps happening, contact the IT service desk.";
        if (turn.Activity.Type == ActivityTypes.Invoke)
        {
            // A message, so the card that was clicked stays as it was.
            return InvokeResponse.Message(apology);
        }

        await TryReplyAsync(turn, apology, cancellationToken);
        return null;
    }

    /// <summary>Answers when it can; when it cannot, says so in the log (by conversation, never the text) and the turn goes on.</summary>
    private async Task TryReplyAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        try
        {
            await replier.ReplyAsync(turn, text, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotAnswered(ex, turn.ConversationId);
        }
    }

    private void LogNotAnswered(Exception ex, string conversationId) =>
        logger.LogWarning(ex, "Could not answer in conversation {ConversationId} ({Failure})", conversationId,
            ex is ReplyNotDeliveredException undelivered ? undelivered.Failure : ex.GetType().Name);

    /// <summary>Who is speaking (from the activity, looked up in the directory once) and where to reach them later.</summary>
    private async Task<TurnContext> BeginAsync(Activity activity, CancellationToken cancellationToken)
    {
        var userId = UserIdOf(activity);
        var person = await directory.FindPersonAsync(userId, cancellationToken);
        await conversations.RememberAsync(activity, userId, cancellationToken);
        return new TurnContext(activity, Actor.Of(userId, person, activity.From!.Name), IsChannel(activity));
    }

    private async Task RememberConversationAsync(Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await conversations.RememberAsync(activity, UserIdOf(activity), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Nobody is waiting for an answer; the next activity from there tries again.
            logger.LogError(ex, "Could not remember conversation {ConversationId}", activity.Conversation!.Id);
        }
    }

    private static string UserIdOf(Activity activity) => activity.From!.AadObjectId ?? activity.From.Id!;

    private static bool IsChannel(Activity activity) => ConversationType.FromWire(activity.Conversation!.ConversationType).IsChannel;
}
