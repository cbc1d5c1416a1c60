using ChatRequests.Bot.Authentication;
using ChatRequests.Bot.CardActions;
using ChatRequests.Bot.Connector;
using ChatRequests.Bot.Conversations;
using ChatRequests.Bot.Hosting;
using ChatRequests.Bot.Notifications;
using ChatRequests.Bot.Turns;
using ChatRequests.Cards;
using ChatRequests.Core;
using ChatRequests.Core.Messaging;

namespace ChatRequests.Bot;

public static class DependencyInjection
{
    /// <summary>
    /// The Teams bot on the adapters the configuration selects (<see cref="AdapterSelection"/>; with no configuration the
    /// embedded default: SQLite, JSON catalog and directory, in-process fulfilment).
    /// </summary>
    public static IHostApplicationBuilder AddChatRequestsBot(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRequestWorkflow();
        builder.AddSelectedAdapters(AdapterHost.Bot);
        services.AddBotAuthentication();
        services.AddTeamsNotifications();
        services.AddErrorResponses();

        services.AddSingleton<Replier>();
        services.AddSingleton<IntakeConversation>();
        services.AddSingleton<MessageHandler>();
        services.AddSingleton<WelcomeHandler>();
        services.AddSingleton<ClickRefusals>();
        services.AddSingleton<CardActionHandler>();
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<TurnHandler>();
        return builder;
    }

    /// <summary>
    /// The notifier port over Teams (<see cref="TeamsNotifier"/>) with the connector client, the cards and the proactive
    /// messenger behind it: the one implementation both the bot and the Functions app post with.
    /// Needs the conversation store, message ledger and directory of an adapter set.
    /// </summary>
    public static IServiceCollection AddTeamsNotifications(this IServiceCollection services)
    {
        services.AddBotConnector();
        services.AddSingleton<RequestCards>();
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<INotifier, TeamsNotifier>();
        return services;
    }
}
