using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using ChatRequests.Cards;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Telemetry;
using ChatRequests.Teams.Connector;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Teams.Notifications;

/// <summary>
/// Posts and updates messages outside a turn, keyed in the <see cref="IMessageLedger"/> so that a message is
/// posted once and updated in place afterwards, whatever the number of times a step runs.
/// </summary>
/// <remarks>
/// The ledger is written right after the connector answers. A crash between Teams accepting a post and that
/// write would post the message again on redelivery: the Bot Connector has no idempotency key and no way to
/// read a conversation back. Such a repost is logged and counted (see <see cref="IMessageLedger"/>). A write the
/// store refuses (read-only, full, locked for too long) is not a crash: the post's activity id is kept in memory and the
/// step's next run records it and updates that message instead of posting another (see <see cref="FindPostedAsync"/>).
/// </remarks>
public sealed class ProactiveMessenger(
    IConnectorClient connector,
    IConversationStore conversations,
    IMessageLedger ledger,
    IPersonalChatInstaller installer,
    IOptions<BotOptions> options,
    TimeProvider clock,
    ILogger<ProactiveMessenger> logger,
    LastSentCards? lastSent = null)
{
    // Posts Teams accepted whose ledger record the store refused, by key, until a later run of the step records them. Lost
    // with the process: the attempt the ledger holds in flight then counts the repost, as after a crash.
    private readonly ConcurrentDictionary<string, PostedMessage> _unrecorded = new(StringComparer.Ordinal);

    /// <summary>Posts the card in the person's personal chat once, then updates it in place.</summary>
    public async Task ShowInPersonalChatAsync(string personId, string key, CardMessage card, CancellationToken cancellationToken)
    {
        if (await FindPostedAsync(key, cancellationToken) is { } posted)
        {
            await UpdateAsync(posted, card, cancellationToken);
            return;
        }

        await PostToPersonAsync(personId, key, card, cancellationToken);
    }

    /// <summary>Updates the card posted under <paramref name="key"/> in place; nothing when none was posted.</summary>
    public async Task UpdateIfPostedAsync(string key, CardMessage card, CancellationToken cancellationToken)
    {
        if (await FindPostedAsync(key, cancellationToken) is { } posted)
        {
            await UpdateAsync(posted, card, cancellationToken);
        }
    }

    /// <summary>Sends to the person's personal chat once for this key; never updates.</summary>
    public async Task SendOnceToPersonAsync(string personId, string key, CardMessage card, CancellationToken cancellationToken)
    {
        if (await FindPostedAsync(key, cancellationToken) is not null)
        {
            return;
        }

        await PostToPersonAsync(personId, key, card, cancellationToken);
    }

    /// <summary>Starts a thread with the card in a channel once, then updates it in place.</summary>
    public Task ShowInChannelAsync(string channelId, string key, CardMessage card, CancellationToken cancellationToken) =>
        ShowInChannelAsync(channelId, key, PreparedCard.Of(card), cancellationToken);

    /// <summary>
    /// Starts a thread with the card in a channel once, then updates it in place; an update whose card has the inputs
    /// this process last sent the message is skipped before the card is built.
    /// </summary>
    public async Task ShowInChannelAsync(string channelId, string key, PreparedCard card, CancellationToken cancellationToken)
    {
        if (await FindPostedAsync(key, cancellationToken) is { } posted)
        {
            await UpdateAsync(posted, card, cancellationToken);
            return;
        }

        var known = await conversations.FindAsync(channelId, cancellationToken);
        var serviceUrl = known?.ServiceUrl ?? await ServiceUrlForTenantAsync(cancellationToken);
        var activity = ToActivity(card.Build());
        var parameters = new ConversationParameters
        {
            IsGroup = true,
            Bot = await BotAccountAsync(known, cancellationToken),
            TenantId = known?.TenantId ?? options.Value.TenantId,
            ChannelData = new JsonObject { ["channel"] = new JsonObject { ["id"] = channelId } },
            Activity = activity,
        };
        var created = await AttemptAsync(key, () => connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken), cancellationToken);
        var threadId = created.Id ?? throw new ConnectorException(502, "The connector created the thread but returned no conversation id.");
        var activityId = created.ActivityId ?? MessageIdOf(threadId)
            ?? throw new ConnectorException(502, "The connector created the thread but returned no activity id.");
        lastSent?.Remember(threadId, activityId, activity, card.Fingerprint);
        await RecordAsync(key, threadId, activityId, cancellationToken);
    }

    /// <summary>Replies once in the thread of the message posted under <paramref name="threadKey"/>.</summary>
    public async Task ReplyOnceInThreadAsync(string threadKey, string key, Activity reply, CancellationToken cancellationToken)
    {
        if (await FindPostedAsync(key, cancellationToken) is not null)
        {
            return;
        }

        var thread = await FindPostedAsync(threadKey, cancellationToken)
            ?? throw new InvalidOperationException($"There is no thread for {threadKey} yet.");
        var serviceUrl = await ServiceUrlOfAsync(thread.ConversationId, cancellationToken);
        var sent = await AttemptAsync(
            key, () => connector.ReplyToActivityAsync(serviceUrl, thread.ConversationId, thread.ActivityId, reply, cancellationToken), cancellationToken);
        await RecordAsync(key, thread.ConversationId, sent.Id, cancellationToken);
    }

    /// <summary>
    /// Opens the personal chat if needed and posts; a refusal that retrying cannot heal (403, 404) is thrown as
    /// <see cref="RecipientUnreachableException"/> so that the caller reroutes or parks at once.
    /// </summary>
    private async Task PostToPersonAsync(string personId, string key, CardMessage card, CancellationToken cancellationToken)
    {
        try
        {
            var chat = await EnsurePersonalChatAsync(personId, cancellationToken);
            var activity = ToActivity(card);
            var sent = await AttemptAsync(
                key, () => connector.SendToConversationAsync(chat.ServiceUrl, chat.ConversationId, activity, cancellationToken), cancellationToken);
            lastSent?.Remember(chat.ConversationId, sent.Id ?? "", activity);
            await RecordAsync(key, chat.ConversationId, sent.Id, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.MeansUnreachable)
        {
            throw new RecipientUnreachableException(personId, $"{ex.StatusCode}{(ex.ErrorCode is null ? "" : " " + ex.ErrorCode)}", ex);
        }
    }

    /// <summary>Runs one post inside a ledger attempt, so an interrupted one is known when it is made again.</summary>
    private async Task<T> AttemptAsync<T>(string key, Func<Task<T>> post, CancellationToken cancellationToken)
    {
        if (await ledger.BeginAttemptAsync(key, clock.GetUtcNow(), cancellationToken))
        {
            logger.LogWarning("Posting {MessageKey} again: an earlier attempt was interrupted and may have been delivered", key);
        }

        try
        {
            return await post();
        }
        catch (ConnectorException ex) when (ex.StatusCode != 0)
        {
            // The connector answered with an error, so nothing was posted: the next attempt is not a repost.
            await ledger.AbandonAttemptAsync(key, cancellationToken);
            throw;
        }
    }

    private Task UpdateAsync(PostedMessage posted, CardMessage card, CancellationToken cancellationToken) =>
        UpdateAsync(posted, PreparedCard.Of(card), cancellationToken);

    private async Task UpdateAsync(PostedMessage posted, PreparedCard card, CancellationToken cancellationToken)
    {
        if (card.Fingerprint is { } inputs && lastSent?.IsShowing(posted, inputs) == true)
        {
            AppTelemetry.UnchangedUpdatesNotBuilt.Add(1);
            logger.LogDebug("{MessageKey} already shows a card of these inputs; not built, not updated", posted.Key);
            return;
        }

        var activity = ToActivity(card.Build()) with { Id = posted.ActivityId };
        // Hashed once: what is compared now is what is remembered once Teams accepted it.
        var hash = lastSent is null ? default(ActivityHash?) : LastSentCards.HashOf(activity);
        if (hash is { } unchanged && lastSent!.IsShowing(posted, unchanged))
        {
            AppTelemetry.UnchangedUpdatesBuilt.Add(1);
            logger.LogDebug("{MessageKey} already shows this card; not updated", posted.Key);
            return;
        }

        lastSent?.Forget(posted);
        var serviceUrl = await ServiceUrlOfAsync(posted.ConversationId, cancellationToken);
        await connector.UpdateActivityAsync(serviceUrl, posted.ConversationId, posted.ActivityId, activity, cancellationToken);
        if (hash is { } sent)
        {
            lastSent!.Remember(posted.ConversationId, posted.ActivityId, sent, card.Fingerprint);
        }
    }

    private async Task<ConversationReference> EnsurePersonalChatAsync(string personId, CancellationToken cancellationToken)
    {
        if (await conversations.FindPersonalAsync(personId, cancellationToken) is { } known)
        {
            return known;
        }

        var anyInTenant = await conversations.FindAnyInTenantAsync(options.Value.TenantId, cancellationToken);
        var serviceUrl = anyInTenant?.ServiceUrl ?? options.Value.DefaultServiceUrl;
        var tenantId = anyInTenant?.TenantId ?? options.Value.TenantId;
        ConversationResourceResponse created;
        try
        {
            created = await connector.CreateConversationAsync(serviceUrl, new ConversationParameters
            {
                IsGroup = false,
                Bot = await BotAccountAsync(anyInTenant, cancellationToken),
                // Teams accepts the Entra object id of a user the app is installed for.
                Members = [new ChannelAccount { Id = personId, AadObjectId = personId }],
                TenantId = tenantId,
                ChannelData = tenantId is null ? null : new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenantId } },
            }, cancellationToken);
        }
        catch (ConnectorException ex) when (ex.MeansUnreachable)
        {
            // The app is not installed for them: install it where the directory allows, and post in the chat that gives.
            var chatId = await installer.InstallAsync(personId, cancellationToken);
            if (chatId is null)
            {
                throw;
            }

            logger.LogInformation("Installed the app for {PersonId}, who had no chat with the bot ({StatusCode} {ErrorCode})", personId, ex.StatusCode, ex.ErrorCode);
            created = new ConversationResourceResponse { Id = chatId };
        }

        var reference = new ConversationReference
        {
            ConversationId = created.Id ?? throw new ConnectorException(502, "The connector created the chat but returned no conversation id."),
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            TenantId = tenantId,
            ConversationType = ConversationType.Personal,
            UserAadObjectId = personId,
            BotId = anyInTenant?.BotId ?? options.Value.BotId,
            UpdatedAt = clock.GetUtcNow(),
        };
        await conversations.UpsertAsync(reference, cancellationToken);
        return reference;
    }

    private async Task<ChannelAccount?> BotAccountAsync(ConversationReference? known, CancellationToken cancellationToken)
    {
        var botId = known?.BotId ?? options.Value.BotId
            ?? (await conversations.FindAnyInTenantAsync(options.Value.TenantId, cancellationToken))?.BotId;
        return botId is null ? null : new ChannelAccount { Id = botId, Name = known?.BotName };
    }

    private async Task<string> ServiceUrlOfAsync(string conversationId, CancellationToken cancellationToken)
    {
        var known = await conversations.FindAsync(conversationId, cancellationToken)
            ?? await conversations.FindAsync(ConversationIds.ChannelOf(conversationId), cancellationToken);
        return known?.ServiceUrl ?? await ServiceUrlForTenantAsync(cancellationToken);
    }

    private async Task<string> ServiceUrlForTenantAsync(CancellationToken cancellationToken) =>
        (await conversations.FindAnyInTenantAsync(options.Value.TenantId, cancellationToken))?.ServiceUrl
        ?? options.Value.DefaultServiceUrl;

    /// <summary>
    /// The message posted under the key: as the ledger holds it, or one Teams accepted whose record the store refused, which
    /// is recorded now (a store that still refuses fails the step again, and nothing is posted).
    /// </summary>
    private async Task<PostedMessage?> FindPostedAsync(string key, CancellationToken cancellationToken)
    {
        if (await ledger.FindAsync(key, cancellationToken) is { } recorded)
        {
            _unrecorded.TryRemove(key, out _);
            return recorded;
        }

        if (!_unrecorded.TryGetValue(key, out var posted))
        {
            return null;
        }

        await ledger.RecordAsync(posted, cancellationToken);
        _unrecorded.TryRemove(key, out _);
        logger.LogInformation("Recorded {MessageKey} after the store refused it; the message is updated, not posted again", key);
        return posted;
    }

    /// <summary>Records a post Teams accepted; if the store refuses, remembers it for the step's next run (<see cref="FindPostedAsync"/>).</summary>
    private async Task RecordAsync(string key, string conversationId, string? activityId, CancellationToken cancellationToken)
    {
        var posted = new PostedMessage(key, conversationId, activityId ?? "", clock.GetUtcNow());
        try
        {
            await ledger.RecordAsync(posted, cancellationToken);
        }
        catch (Exception ex)
        {
            _unrecorded[key] = posted;
            logger.LogWarning(ex, "Teams has {MessageKey} but the store refused its record; the next attempt records it instead of posting again", key);
            throw;
        }
    }

    private static Activity ToActivity(CardMessage card) => Activity.CardMessage(card);

    private static string? MessageIdOf(string threadId)
    {
        const string marker = ";messageid=";
        var at = threadId.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
        return at < 0 ? null : threadId[(at + marker.Length)..];
    }
}
