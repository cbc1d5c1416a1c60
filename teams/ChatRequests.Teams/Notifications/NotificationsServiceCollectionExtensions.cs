using ChatRequests.Cards;
using ChatRequests.Core.Messaging;
using ChatRequests.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Teams.Notifications;

public static class NotificationsServiceCollectionExtensions
{
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
