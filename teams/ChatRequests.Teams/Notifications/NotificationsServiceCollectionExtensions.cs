using ChatRequests.Cards;
using ChatRequests.Core.Messaging;
using ChatRequests.Teams.Connector;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ChatRequests.Teams.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>
    /// The notifier port over Teams (<see cref="TeamsNotifier"/>) with the connector client, the cards and the proactive
    /// messenger behind it: the one implementation both the bot and the Functions app post with.
    /// Needs the conversation store, message ledger and directory of an adapter set; a person the bot has no chat with is
    /// reached by installing the app for them when the adapter set registers an <see cref="IPersonalChatInstaller"/>.
    /// </summary>
    public static IServiceCollection AddTeamsNotifications(this IServiceCollection services)
    {
        services.AddBotConnector();
        services.AddSingleton<RequestCards>();
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<IPersonalChatInstaller>(NoPersonalChatInstaller.Instance);
        services.AddSingleton<ProactiveMessenger>();
        services.AddSingleton<TeamsUserIds>();
        services.AddSingleton<INotifier, TeamsNotifier>();
        return services;
    }

    /// <summary>
    /// Updates that would show what a message already shows are not sent (<see cref="LastSentCards"/>): only for a host
    /// that sends every update of its messages itself, the bot with SQLite and its in-process relay.
    /// </summary>
    public static IServiceCollection AddUnchangedUpdateSkipping(this IServiceCollection services)
    {
        services.TryAddSingleton<LastSentCards>();
        return services;
    }
}
