using ChatRequests.Bot.CardActions;
using ChatRequests.Bot.Conversations;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Teams.Connector;

namespace ChatRequests.Bot.Turns;

/// <summary>
/// One turn of the bot: remembers where the activity came from, routes it by type, and is the single place
/// where an error becomes an apology to the user (never an unhandled 500, never a silent failure).
/// </summary>
public sealed class TurnHandler(
    IDirectory directory,
    IConversationStore conversations,
    MessageHandler messages,
    CardActionHandler cardActions,
    WelcomeHandler welcome,
    Replier replier,
    TimeProvider clock,
    ILogger<TurnHandler> logger)
{
    public const string AdaptiveCardActionInvoke = "adaptiveCard/action";

    /// <summary>Handles the activity; returns the invoke response for invokes, null for everything else.</summary>
    public async Task<InvokeResponse?> HandleAsync(Activity activity, CancellationToken cancellationToken)
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
            var stranger = new PersonRef(activity.From!.AadObjectId ?? activity.From.Id!, activity.From.Name ?? "there");
            return await ApologiseAsync(new TurnContext(activity, stranger, ConversationType.FromWire(activity.Conversation!.ConversationType).IsChannel), cancellationToken);
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
                case ActivityTypes.Invoke:
                    return await InvokeAsync(turn, cancellationToken);
                case ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                    await welcome.HandleAsync(turn, cancellationToken);
                    return null;
                default:
                    // typing, reactions and the like need nothing from us.
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

    private async Task<InvokeResponse> InvokeAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Activity.Name != AdaptiveCardActionInvoke)
        {
            return InvokeResponse.Error(501, "NotImplemented", $"This bot does not handle the invoke '{turn.Activity.Name}'.");
        }

        if (!AdaptiveCardInvoke.TryParse(turn.Activity.Value, out var invoke, out var problem))
        {
            return InvokeResponse.Error(400, "BadRequest", problem ?? "The card action is malformed.");
        }

        return await cardActions.HandleAsync(turn, invoke!.Action.Verb, invoke.Action.Data, cancellationToken);
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

    /// <summary>Who is speaking (from the activity, looked up in the directory) and where to reach them later.</summary>
    private async Task<TurnContext> BeginAsync(Activity activity, CancellationToken cancellationToken)
    {
        var userId = activity.From!.AadObjectId ?? activity.From.Id!;
        var person = await directory.FindPersonAsync(userId, cancellationToken);
        var user = new PersonRef(userId, person?.Name ?? activity.From.Name ?? "there");
        var conversationType = ConversationType.FromWire(activity.Conversation!.ConversationType);
        var isChannel = conversationType.IsChannel;

        await conversations.UpsertAsync(new ConversationReference
        {
            ConversationId = isChannel ? ConversationIds.ChannelOf(activity.Conversation.Id!) : activity.Conversation.Id!,
            ServiceUrl = activity.ServiceUrl!,
            TenantId = activity.TenantId,
            ConversationType = conversationType,
            UserAadObjectId = conversationType.IsPersonal ? userId : null,
            UserId = conversationType.IsPersonal ? activity.From.Id : null,
            BotId = activity.Recipient?.Id,
            BotName = activity.Recipient?.Name,
            ChannelId = activity.ChannelId ?? "msteams",
            UpdatedAt = clock.GetUtcNow(),
        }, cancellationToken);

        return new TurnContext(activity, user, isChannel);
    }
}
