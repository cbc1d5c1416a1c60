using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Approvals;
using ChatRequests.Core.Assignment;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Privacy;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Understanding;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;


namespace ChatRequests.Core;

public static class DependencyInjection
{
    /// <summary>The use cases, the fulfilment handlers and the outbox health report; the ports are registered by an adapter set.</summary>
    public static IServiceCollection AddRequestWorkflow(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<ApproverResolver>();
        services.AddSingleton<StandInFinder>();
        services.AddSingleton<DelegationDesk>();
        services.AddSingleton<RequestWorkflow>();
        services.AddSingleton<SupplyWorkflow>();
        services.AddSingleton<EditWorkflow>();
        services.AddSingleton<ResolutionRulesFinder>();
        services.AddSingleton<FulfilmentHandler>();
        services.AddSingleton(FulfilmentCollaborators.From);
        services.AddProvisioningWebhooks();
        services.AddSingleton<OutboxProcessor>();
        services.AddSingleton<OutboxEventRunner>();
        services.AddSingleton<ParkedDesk>();
        services.AddSingleton<SlaSweep>();
        services.AddSingleton<TeamAssignment>();
        services.AddSingleton<AvailabilityDesk>();
        services.AddSingleton<DailyDigest>();
        services.AddSingleton<AccessReviewDesk>();
        services.TryAddSingleton<RequestScan>(sp =>
        {
            var store = sp.GetRequiredService<IRequestStore>();
            return cancellationToken => store.ScanAsync(cancellationToken: cancellationToken);
        });
        services.TryAddSingleton<IAccessReviewStore, InMemoryAccessReviewStore>();
        services.AddSingleton<EscalationContactsFinder>();
        services.AddSingleton<RequestFollowUp>();
        services.AddSingleton<ReportDesk>();
        services.AddSingleton<LiveBoard>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<PrivacyDesk>();
        services.TryAddSingleton(sp => new HeldExports(sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<RelayHealth>();
        // Nobody is away unless a directory that knows (Graph mailbox settings) registered its calendar first.
        services.TryAddSingleton<IAbsenceCalendar, NoAbsences>();
        // Each store registers its own; a host without one (tests composing the core alone) keeps them in memory.
        services.TryAddSingleton<IDelegationStore, InMemoryDelegationStore>();
        services.TryAddSingleton<IAssignmentStore, InMemoryAssignmentStore>();
        services.TryAddSingleton<IReportingStore, InMemoryReportingStore>();
        services.AddSingleton<IReports, ProjectionReports>();
        services.AddSingleton<FormsShownLog>();
        // The words alone, unless a host registered another interpreter (Intake:Provider) first.
        services.TryAddSingleton<LexicalInterpreter>();
        services.TryAddSingleton<IMessageInterpreter>(sp => sp.GetRequiredService<LexicalInterpreter>());
        services.AddOptions<FulfilmentOptions>().BindConfiguration(FulfilmentOptions.SectionName);
        services.AddOptions<ApprovalOptions>().BindConfiguration(ApprovalOptions.SectionName);
        services.AddOptions<DigestOptions>()
            .BindConfiguration(DigestOptions.SectionName)
            .Validate(o => o.Problems().Count == 0, "Digest: AlwaysOpenStartUtc is a time of day, Window positive (at most 12 hours), Interval positive and shorter than Window.")
            .ValidateOnStart();
        services.AddOptions<AccessReviewOptions>()
            .BindConfiguration(AccessReviewOptions.SectionName)
            .Validate(o => o.Problems().Count == 0, "AccessReviews: Interval positive, MaxRemovalAttempts 1 or more, ClickRemovalTimeout positive and at most 8 seconds.")
            .ValidateOnStart();
        return services;
    }
}
