using ChatRequests.Bot.CardActions;
using ChatRequests.Bot.Conversations;
using ChatRequests.Bot.Hosting;
using ChatRequests.Bot.Turns;
using ChatRequests.Composition;
using ChatRequests.Composition.Memory;
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
        services.AddIdleMemoryRelease();

        services.AddSingleton<Replier>();
        services.AddOptions<IntakeContactOptions>()
            .BindConfiguration(IntakeContactOptions.SectionName)
            .Validate(o => o.HelpDesk.IsValid(), "Intake:HelpDesk needs Text (1 to 300 characters) and, if any, an absolute https Link.")
            .Validate(o => o.IncidentReport.IsValid(), "Intake:IncidentReport needs Text (1 to 300 characters) and, if any, an absolute https Link.")
            .ValidateOnStart();
        services.AddSingleton<IntakeConversation>();
        services.AddSingleton<OpenForms>();
        services.AddSingleton<DelegationConversation>();
        services.AddSingleton<AvailabilityConversation>();
        services.AddSingleton<ReportConversation>();
        services.AddSingleton<PrivacyConversation>();
        services.AddSingleton<BackgroundTurnWork>();
        services.AddSingleton<FileConsentHandler>();
        // The export's upload: a client of its own, with no credentials of ours (Teams' upload URL is pre-authorised).
        services.AddHttpClient(FileConsentHandler.UploadClient, http => http.Timeout = TimeSpan.FromSeconds(60));
        services.AddSingleton<MessageHandler>();
        services.AddSingleton<RequestLists>();
        services.AddSingleton<WelcomeHandler>();
        services.AddSingleton<ClickRefusals>();
        services.AddSingleton<CardActionHandler>();
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<TurnHandler>();
        return builder;
    }
}
