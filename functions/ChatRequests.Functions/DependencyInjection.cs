using ChatRequests.Bot.Hosting;
using ChatRequests.Core;
using ChatRequests.Functions.Fulfillment;
using ChatRequests.Functions.Relay;
using ChatRequests.Functions.Sla;
using ChatRequests.Teams.Authentication;
using ChatRequests.Teams.Notifications;

namespace ChatRequests.Functions;

public static class DependencyInjection
{
    /// <summary>
    /// The Functions app: the core workflow, the adapters the configuration selects (the bot's own selection,
    /// <see cref="AdapterSelection"/>: Cosmos DB on Azure, SQLite for local runs and tests; never the in-process relay,
    /// since the queue and the change feed do that work here), the bot's identity for outbound Bot Connector tokens,
    /// the Teams notifier (the bot's own, with its connector client) and the three functions.
    /// </summary>
    public static IHostApplicationBuilder AddChatRequestsFunctions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRequestWorkflow();
        builder.AddSelectedAdapters(AdapterHost.Functions);
        // Outbound only: nothing calls this app but the Functions host.
        services.AddBotIdentity();
        services.AddTeamsNotifications();

        services.AddOptions<FunctionsOptions>().BindConfiguration(FunctionsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RelayOutboxFunction>();
        services.AddSingleton<RunFulfilmentStepFunction>();
        services.AddSingleton<SweepSlasFunction>();
        return builder;
    }
}
