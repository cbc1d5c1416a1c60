using ChatRequests.Bot.CardActions;
using ChatRequests.Bot.Conversations;
using ChatRequests.Bot.Hosting;
using ChatRequests.Bot.Turns;
using ChatRequests.Core;
using ChatRequests.Teams.Authentication;
using ChatRequests.Teams.Connector;
using ChatRequests.Teams.Notifications;

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
        services.AddSingleton<TurnHandler>();
        return builder;
    }
}
