using ChatRequests.Composition;
using ChatRequests.Functions.Digest;
using ChatRequests.Functions.Fulfilment;
using ChatRequests.Functions.Relay;
using ChatRequests.Functions.Reporting;
using ChatRequests.Functions.Sla;

namespace ChatRequests.Functions;

public static class DependencyInjection
{
    /// <summary>
    /// The Functions app: what both hosts share (<see cref="Composition.DependencyInjection.AddChatRequests"/>: the core
    /// workflow, the adapters the configuration selects, Cosmos DB on Azure and SQLite for local runs and tests, never
    /// the in-process relay, since the queue and the change feed do that work here; the bot's identity for outbound Bot
    /// Connector tokens and the Teams notifier) and the five functions. No inbound authentication: nothing calls this
    /// app but the Functions host.
    /// </summary>
    public static IHostApplicationBuilder AddChatRequestsFunctions(this IHostApplicationBuilder builder)
    {
        builder.AddChatRequests(AdapterHost.Functions);
        var services = builder.Services;

        services.AddOptions<FunctionsOptions>().BindConfiguration(FunctionsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RelayOutboxFunction>();
        services.AddSingleton<RunFulfilmentStepFunction>();
        services.AddSingleton<SweepSlasFunction>();
        services.AddSingleton<SendDigestsFunction>();
        services.AddSingleton<ProjectFactsFunction>();
        return builder;
    }
}
