using ChatRequests.Composition.Telemetry;
using ChatRequests.Core;
using ChatRequests.Teams.Authentication;
using ChatRequests.Teams.Notifications;
using Microsoft.Extensions.Hosting;

namespace ChatRequests.Composition;

public static class DependencyInjection
{
    /// <summary>
    /// What both hosts run on: the core's use cases, the adapters the configuration selects (<see cref="AdapterSelection"/>),
    /// the bot's identity for outbound Bot Connector tokens, the Teams notifier and the telemetry (<see cref="TelemetrySetup"/>). Each host adds its own front: the bot
    /// its turns and inbound authentication, the Functions app its functions.
    /// </summary>
    public static AdapterChoice AddChatRequests(this IHostApplicationBuilder builder, AdapterHost host)
    {
        builder.Services.AddRequestWorkflow();
        var choice = builder.AddSelectedAdapters(host);
        builder.Services.AddBotIdentity();
        builder.Services.AddTeamsNotifications();
        builder.AddChatRequestsTelemetry(host);
        return choice;
    }
}
