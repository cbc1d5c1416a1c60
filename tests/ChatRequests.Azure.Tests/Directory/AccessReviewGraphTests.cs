using Azure.Core;
using ChatRequests.Azure.Graph;
using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using static ChatRequests.Testing.FakeGraphServer;

namespace ChatRequests.Azure.Tests.Graph;

/// <summary>Access review Keep and Remove with the Graph provisioner against the loopback Graph (DELETE /groups/{id}/members/{id}/$ref).</summary>
public sealed class AccessReviewGraphTests : IAsyncLifetime
{
    private const string Megan = "4f1c9a1e-0000-4000-8000-0000000000a1";
    private const string Alex = "4f1c9a1e-0000-4000-8000-0000000000a2";
    private const string FinanceReaders = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11";
    private static readonly DateTimeOffset CycleStart = new(2026, 10, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef AlexRef = new(Alex, "Alex Wilber");

    private readonly RecordingNotifier _notifier = new();
    private readonly InMemoryAccessReviewStore _reviews = new();
    private readonly IRequestStore _requests = Substitute.For<IRequestStore>();
    private readonly ServiceRequest _granted = GrantedRequests.Granted(
        "REQ-000001", new PersonRef(Megan, "Megan Bowen"), "team-identity", FinanceReaders, "Finance share readers", "Finance reports", CycleStart.AddMonths(-2));
    private FakeGraphServer _graph = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _graph = await FakeGraphServer.StartAsync();
        _graph.Users[Megan] = new GraphUser(Megan, "Megan Bowen", "megan@contoso.example");
        _graph.Groups[FinanceReaders] = [("#microsoft.graph.user", Megan)];
        _graph.RetryAfter = TimeSpan.Zero;
        _services = BuildServices(_graph.BaseUrl);
        _requests.GetAsync("REQ-000001", Arg.Any<CancellationToken>()).Returns(_granted);
        _requests.ScanAsync(Arg.Any<DateTimeOffset?>(), Arg.Any<DateTimeOffset?>(), Arg.Any<CancellationToken>()).Returns(_ => Once(_granted));
        await Desk().SweepAsync();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _graph.DisposeAsync();
    }

    [Fact]
    public async Task Remove_DeletesTheMembershipInGraph_AndTheHistorySaysWhoDecided()
    {
        var click = await Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex), 0, AccessDecision.Remove, AlexRef);

        Assert.Equal(AccessLineOutcome.Removed, click.Review.Lines[0].Outcome);
        Assert.Equal([new MemberRemoved(FinanceReaders, Megan)], _graph.MembersRemoved);
        Assert.DoesNotContain(_graph.Groups[FinanceReaders], m => m.Id == Megan);
        Assert.Equal(AlexRef, Assert.Single(_granted.History, h => h.Action == AuditAction.AccessRemoved).Actor);
    }

    [Fact]
    public async Task Keep_LeavesGraphAlone()
    {
        _graph.Requests.Clear();

        var click = await Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex), 0, AccessDecision.Keep, AlexRef);

        Assert.Equal(AccessLineOutcome.Kept, click.Review.Lines[0].Outcome);
        Assert.Empty(_graph.Requests);
        Assert.Contains(_graph.Groups[FinanceReaders], m => m.Id == Megan);
    }

    [Fact]
    public async Task Remove_GraphRefuses_TheTeamIsToldToDoItByHand()
    {
        _graph.RefusedGroups[FinanceReaders] = true;

        var click = await Desk().DecideAsync(AccessReview.IdFor("2026-10", Alex), 0, AccessDecision.Remove, AlexRef);

        Assert.Equal(AccessLineOutcome.Failed, click.Review.Lines[0].Outcome);
        Assert.Contains(_notifier.Calls, c => c.StartsWith("access-RemovalFailed", StringComparison.Ordinal));
        Assert.Single(_granted.History, h => h.Action == AuditAction.AccessRemovalFailed);
    }

    private AccessReviewDesk Desk()
    {
        var directory = Substitute.For<IDirectory>();
        directory.FindPersonAsync(Megan, Arg.Any<CancellationToken>()).Returns(new Person { Id = Megan, Name = "Megan Bowen", ManagerId = Alex });
        directory.FindPersonAsync(Alex, Arg.Any<CancellationToken>()).Returns(new Person { Id = Alex, Name = "Alex Wilber" });
        directory.GetGovernanceSettingsAsync(Arg.Any<CancellationToken>())
            .Returns(new GovernanceSettings { AccessReviews = new AccessReviewSettings { EveryMonths = 3 } });
        return new AccessReviewDesk(
            _reviews, _requests, cancellationToken => _requests.ScanAsync(cancellationToken: cancellationToken), directory, _notifier,
            new FakeTimeProvider(CycleStart), Options.Create(new AccessReviewOptions()), NullLogger<AccessReviewDesk>.Instance,
            _services.GetRequiredService<IProvisioner>());
    }

    private static async IAsyncEnumerable<ServiceRequest> Once(ServiceRequest request)
    {
        await Task.Yield();
        yield return request;
    }

    private static ServiceProvider BuildServices(string graphBaseUrl)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Directory:GraphBaseUrl"] = graphBaseUrl + "/v1.0",
            ["Directory:MaxRetries"] = "2",
        }).Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddSingleton<TokenCredential>(new StaticTokenCredential());
        services.AddSingleton<IDirectory>(Substitute.For<IDirectory>());
        services.AddGraphDirectory();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
