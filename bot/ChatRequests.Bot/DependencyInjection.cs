using ChatRequests.Bot.CardActions;
using ChatRequests.Bot.Conversations;
using ChatRequests.Bot.Hosting;
using ChatRequests.Bot.Turns;
using ChatRequests.Composition;
using ChatRequests.Teams.Authentication;

namespace ChatRequests.Bot;

public static class DependencyInjection
{
    /// <summary>
    /// The Teams bot on what both hosts share (<see cref="Composition.DependencyInjection.AddChatRequests"/>: with no
    /// configuration the embedded default, SQLite, JSON catalog and directory, in-process fulfilment), with inbound
    /// authentication and its turns.
    /// </summary>
    public static IHostApplicationBuilder AddChatRequestsBot(this IHostApplicationBuilder builder)
    {
        builder.AddChatRequests(AdapterHost.Bot);
        var services = builder.Services;
        services.AddBotAuthentication();
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
}
