using System.Collections.Concurrent;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Fakes;

/// <summary>Every call the bot made to the decorated adapters, as "port.Operation:argument", in order.</summary>
public sealed class AdapterCalls
{
    private readonly ConcurrentQueue<string> _calls = new();

    public IReadOnlyList<string> All => [.. _calls];

    public int Count(string call) => _calls.Count(c => c == call);

    public IReadOnlyList<string> StartingWith(string prefix) => [.. _calls.Where(c => c.StartsWith(prefix, StringComparison.Ordinal))];

    public void Clear() => _calls.Clear();

    internal void Add(string call) => _calls.Enqueue(call);

    internal T Add<T>(string call, T result)
    {
        Add(call);
        return result;
    }
}

/// <summary>Wraps the real adapters of the bot (directory, catalog, stores) so that a test can count what a turn costs.</summary>
public static class CountingAdapters
{
    /// <summary>Decorates the registered directory, catalog, request store and conversation store; returns the call log.</summary>
    public static AdapterCalls AddCountingAdapters(this IServiceCollection services)
    {
        var calls = new AdapterCalls();
        services.AddSingleton(calls);
        services.Decorate<IDirectory>(inner => new CountingDirectory(inner, calls));
        services.Decorate<ICatalog>(inner => new CountingCatalog(inner, calls));
        services.Decorate<IRequestStore>(inner => new CountingRequestStore(inner, calls));
        services.Decorate<IConversationStore>(inner => new CountingConversationStore(inner, calls));
        return calls;
    }

    private static void Decorate<T>(this IServiceCollection services, Func<T, T> decorate)
        where T : class
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.Add(ServiceDescriptor.Describe(typeof(T), sp => decorate((T)Create(sp, original)), original.Lifetime));
    }

    private static object Create(IServiceProvider services, ServiceDescriptor original) =>
        original.ImplementationInstance
        ?? original.ImplementationFactory?.Invoke(services)
        ?? ActivatorUtilities.CreateInstance(services, original.ImplementationType!);

    private sealed class CountingDirectory(IDirectory inner, AdapterCalls calls) : IDirectory
    {
        public async Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken = default) =>
            calls.Add($"directory.FindPerson:{personId}", await inner.FindPersonAsync(personId, cancellationToken));

        public async Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken cancellationToken = default) =>
            calls.Add($"directory.FindPeopleByName:{name}", await inner.FindPeopleByNameAsync(name, cancellationToken));

        public async Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default) =>
            calls.Add("directory.ListTeams", await inner.ListTeamsAsync(cancellationToken));

        public async Task<ApproverGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default) =>
            calls.Add($"directory.FindGroup:{groupId}", await inner.FindGroupAsync(groupId, cancellationToken));

        public async Task<CostCentre?> FindCostCentreAsync(string costCentreId, CancellationToken cancellationToken = default) =>
            calls.Add($"directory.FindCostCentre:{costCentreId}", await inner.FindCostCentreAsync(costCentreId, cancellationToken));

        public async Task<IReadOnlyList<Entitlement>> ListEntitlementsAsync(CancellationToken cancellationToken = default) =>
            calls.Add("directory.ListEntitlements", await inner.ListEntitlementsAsync(cancellationToken));

        public async Task<EscalationSettings> GetEscalationSettingsAsync(CancellationToken cancellationToken = default) =>
            calls.Add("directory.GetEscalationSettings", await inner.GetEscalationSettingsAsync(cancellationToken));

        public async Task<GovernanceSettings> GetGovernanceSettingsAsync(CancellationToken cancellationToken = default) =>
            calls.Add("directory.GetGovernanceSettings", await inner.GetGovernanceSettingsAsync(cancellationToken));

        public async Task<IReadOnlyList<string>> ListDirectReportIdsAsync(string managerId, CancellationToken cancellationToken = default) =>
            calls.Add("directory.ListDirectReportIds", await inner.ListDirectReportIdsAsync(managerId, cancellationToken));
    }

    private sealed class CountingCatalog(ICatalog inner, AdapterCalls calls) : ICatalog
    {
        public IReadOnlyList<CatalogItem> Items => calls.Add("catalog.Items", inner.Items);

        public CatalogItem? Find(string itemId) => calls.Add($"catalog.Find:{itemId}", inner.Find(itemId));
    }

    private sealed class CountingConversationStore(IConversationStore inner, AdapterCalls calls) : IConversationStore
    {
        public async Task UpsertAsync(ConversationReference reference, CancellationToken cancellationToken = default)
        {
            calls.Add($"conversations.Upsert:{reference.ConversationId}");
            await inner.UpsertAsync(reference, cancellationToken);
        }

        public async Task<ConversationReference?> FindPersonalAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
            calls.Add($"conversations.FindPersonal:{aadObjectId}", await inner.FindPersonalAsync(aadObjectId, cancellationToken));

        public async Task<ConversationReference?> FindAsync(string conversationId, CancellationToken cancellationToken = default) =>
            calls.Add($"conversations.Find:{conversationId}", await inner.FindAsync(conversationId, cancellationToken));

        public async Task<ConversationReference?> FindAnyInTenantAsync(string? tenantId, CancellationToken cancellationToken = default) =>
            calls.Add($"conversations.FindAnyInTenant:{tenantId}", await inner.FindAnyInTenantAsync(tenantId, cancellationToken));
    }

    /// <summary>Counts the writes ("requests.Save:REQ-000001", Create, ReserveNumber) and the reads by id; list queries pass uncounted.</summary>
    private sealed class CountingRequestStore(IRequestStore inner, AdapterCalls calls) : ForwardingRequestStore(inner)
    {
        public override async Task<long> ReserveNumberAsync(string submissionKey, CancellationToken cancellationToken = default) =>
            calls.Add("requests.ReserveNumber", await base.ReserveNumberAsync(submissionKey, cancellationToken));

        public override async Task<ServiceRequest?> GetAsync(string requestId, CancellationToken cancellationToken = default) =>
            calls.Add($"requests.Get:{requestId}", await base.GetAsync(requestId, cancellationToken));

        public override async Task CreateAsync(ServiceRequest request, CancellationToken cancellationToken = default)
        {
            calls.Add($"requests.Create:{request.Id}");
            await base.CreateAsync(request, cancellationToken);
        }

        public override async Task SaveAsync(ServiceRequest request, CancellationToken cancellationToken = default)
        {
            calls.Add($"requests.Save:{request.Id}");
            await base.SaveAsync(request, cancellationToken);
        }
    }
}
