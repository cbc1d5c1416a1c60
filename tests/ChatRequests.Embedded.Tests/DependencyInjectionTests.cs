using ChatRequests.Core;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Storage;
using ChatRequests.Core.Workflow;
using ChatRequests.Embedded.Fulfilment;
using ChatRequests.Embedded.Storage;
using ChatRequests.PortContracts;
using ChatRequests.ReferenceData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static ChatRequests.Embedded.Tests.ReferenceData.ReferenceFiles;

namespace ChatRequests.Embedded.Tests;

public sealed class DependencyInjectionTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly RecordingNotifier _notifier = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task AddEmbeddedAdapters_GoodConfiguration_StartsAndRegistersEveryPort()
    {
        using var host = BuildHost();

        await CheckReferenceDataAsync(host);
        await host.StartAsync();

        var services = host.Services;
        Assert.IsType<SqliteRequestStore>(services.GetRequiredService<IRequestStore>());
        Assert.NotNull(services.GetRequiredService<IConversationStore>());
        Assert.NotNull(services.GetRequiredService<IMessageLedger>());
        Assert.Equal(3, services.GetRequiredService<ICatalog>().Items.Count);
        Assert.NotNull(await services.GetRequiredService<IDirectory>().FindPersonAsync("p-alice"));
        Assert.Same(services.GetRequiredService<RelaySignal>(), services.GetRequiredService<IRelaySignal>());
        Assert.True((await services.GetRequiredService<RelayHealth>().CheckAsync()).IsHealthy);
        Assert.True(File.Exists(_folder.File("data/chatrequests.db")));
        await host.StopAsync();
    }

    [Fact]
    public async Task SubmittedRequest_WithTheRelayWoken_ReachesItsApproverThroughTheNotifier()
    {
        using var host = BuildHost();
        await host.StartAsync();
        var workflow = host.Services.GetRequiredService<RequestWorkflow>();

        var result = await workflow.SubmitAsync(
            await AliceAsync(host),
            new RequestForm("form-1", "laptop", "My laptop is five years old", "Medium", new Dictionary<string, string?> { ["model"] = "14-inch" }));
        host.Services.GetRequiredService<IRelaySignal>().Wake();

        await _notifier.WaitForCallsAsync(1);
        await host.StopAsync();
        Assert.Equal("REQ-000001", result.Request!.Id);
        Assert.Equal(["approval-card REQ-000001 stage 0 for Bob Manager"], _notifier.Calls);
    }

    [Fact]
    public void AddInProcessFulfilment_WithoutTheSqliteStore_StillProjectsFromTheEvents()
    {
        // A bot on Cosmos DB that runs fulfilment itself: no Functions app reads the change feed, so its events must.
        var services = new ServiceCollection().AddInProcessFulfilment();

        Assert.Contains(services, d => d.ServiceType == typeof(FactsProjection));
    }

    [Fact]
    public async Task ReferenceDataCheck_ProblemsInBothFiles_FailsListingEveryProblem()
    {
        var organisation = _folder.Write("organisation.json", """{ "people": [ { "id": "p1", "name": "One", "managerId": "p9" } ] }""");
        var catalog = _folder.Write("catalog.json", """{ "items": [ { "id": "a", "name": "A", "category": "Hardware", "approval": "ManagerThenGroup" } ] }""");
        using var host = BuildHost(catalog, organisation);

        var exception = await Assert.ThrowsAsync<ReferenceDataException>(() => CheckReferenceDataAsync(host));

        Assert.Equal(
        [
            $"{organisation}: person 'p1' has managerId 'p9', which is not a person in the file.",
            $"{catalog}: item 'a' needs approval ManagerThenGroup but has no approverGroupId.",
        ], exception.Problems);
    }

    [Fact]
    public async Task ReferenceDataCheck_CatalogItemNoTeamCanFulfil_Fails()
    {
        var catalog = _folder.Write("catalog.json", """{ "items": [ { "id": "chair", "name": "Chair", "category": "Furniture" } ] }""");
        using var host = BuildHost(catalog);

        var exception = await Assert.ThrowsAsync<ReferenceDataException>(() => CheckReferenceDataAsync(host));

        Assert.Equal([$"{catalog}: item 'chair' has category 'Furniture', which no team owns, and no ownerTeamId."], exception.Problems);
    }

    [Fact]
    public async Task ReferenceDataCheck_DirectoryDownForAMoment_PassesWithoutTheCatalogCheck()
    {
        var directory = Substitute.For<IDirectory>();
        directory.ListTeamsAsync(default).ReturnsForAnyArgs(
            Task.FromException<IReadOnlyList<Team>>(new DirectoryUnavailableException("Microsoft Graph did not answer (test).")));
        using var host = BuildHost(directory: directory);

        await CheckReferenceDataAsync(host);
    }

    [Fact]
    public async Task ReferenceDataCheck_DirectoryFailingOtherwise_StillFails()
    {
        var directory = Substitute.For<IDirectory>();
        directory.ListTeamsAsync(default).ReturnsForAnyArgs(
            Task.FromException<IReadOnlyList<Team>>(new InvalidOperationException("Forbidden: no GroupMember.Read.All")));
        using var host = BuildHost(directory: directory);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => CheckReferenceDataAsync(host));

        Assert.Contains("GroupMember.Read.All", exception.Message);
    }

    [Fact]
    public async Task StartAsync_EmptySqlitePath_FailsOptionsValidation()
    {
        using var host = BuildHost(sqlitePath: "");

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("SqlitePath", exception.Message);
    }

    [Fact]
    public async Task StartAsync_ZeroSweepInterval_FailsOptionsValidation()
    {
        using var host = BuildHost(sweepInterval: "00:00:00");

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Sla:SweepInterval must be positive", exception.Message);
    }

    [Fact]
    public async Task RequestWaitingADay_TheSweeperRemindsItsApproverThroughTheRelay()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var host = BuildHost(clock: clock);
        await host.StartAsync();
        await host.Services.GetRequiredService<RequestWorkflow>().SubmitAsync(
            await AliceAsync(host),
            new RequestForm("form-1", "laptop", "My laptop is five years old", "Medium", new Dictionary<string, string?> { ["model"] = "14-inch" }));
        host.Services.GetRequiredService<IRelaySignal>().Wake();
        await _notifier.WaitForCallsAsync(1);
        // The relay saves the card's completion after posting it; a sweep loading the request before that save would
        // conflict with it and leave the reminder to its next run, a sweep interval later on a clock that stops here.
        await OutboxEmptiedAsync(host.Services.GetRequiredService<IRequestStore>(), "REQ-000001");

        clock.Advance(TimeSpan.FromHours(24));

        await _notifier.WaitForCallsAsync(2);
        await host.StopAsync();
        Assert.Equal(["approval-card REQ-000001 stage 0 for Bob Manager", "reminder REQ-000001 for Bob Manager"], _notifier.Calls);
    }

    private static async Task OutboxEmptiedAsync(IRequestStore store, string requestId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await store.GetAsync(requestId))!.Outbox.Count > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The outbox of {requestId} did not empty.");
            await Task.Delay(10);
        }
    }

    /// <summary>Alice as a turn would hand her to the workflow: looked up in the directory.</summary>
    private static async Task<Actor> AliceAsync(IHost host) =>
        Actor.Of("p-alice", await host.Services.GetRequiredService<IDirectory>().FindPersonAsync("p-alice"), nameSent: null);

    private static Task CheckReferenceDataAsync(IHost host) =>
        host.Services.GetRequiredService<ReferenceDataStartupCheck>().CheckAsync();

    private IHost BuildHost(
        string catalog = GoodCatalog, string organisation = GoodOrganisation, string? sqlitePath = null, string? sweepInterval = null,
        TimeProvider? clock = null, IDirectory? directory = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = sqlitePath ?? _folder.File("data/chatrequests.db"),
            ["Catalog:Path"] = catalog,
            ["Directory:Path"] = organisation,
        });
        if (sweepInterval is not null)
        {
            builder.Configuration["Sla:SweepInterval"] = sweepInterval;
        }

        if (clock is not null)
        {
            builder.Services.AddSingleton(clock);
        }

        builder.Services.AddSingleton<INotifier>(_notifier);
        builder.Services.AddRequestWorkflow();
        builder.Services.AddEmbeddedAdapters();
        if (directory is not null)
        {
            // Another directory adapter in place of the file (as AddGraphDirectory does).
            builder.Services.AddSingleton(directory);
        }

        return builder.Build();
    }
}
