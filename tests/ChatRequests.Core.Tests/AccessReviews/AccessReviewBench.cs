using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.PortContracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace ChatRequests.Core.Tests.AccessReviews;

/// <summary>
/// An organisation for access reviews: Megan reports to Alex, who reports to Nestor; Lee has no manager; the identity
/// team is led by Patti. Megan was given Finance share readers (REQ-000001) and Lee Jira users (REQ-000002).
/// Quarterly reviews, due in 10 working days: the October 2026 cycle starts Thursday 1 October and is due on the 15th.
/// </summary>
public sealed class AccessReviewBench
{
    public static readonly DateTimeOffset CycleStart = new(2026, 10, 1, 7, 0, 0, TimeSpan.Zero);
    public static readonly PersonRef Megan = new("u-megan", "Megan Bowen");
    public static readonly PersonRef Lee = new("u-lee", "Lee Gu");
    public static readonly PersonRef Alex = new("u-alex", "Alex Wilber");
    public static readonly PersonRef Nestor = new("u-nestor", "Nestor Wilke");
    public static readonly PersonRef Patti = new("u-patti", "Patti Fernandez");
    public const string Readers = "group-readers";
    public const string Jira = "group-jira";
    public const string Team = "team-identity";

    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);

    /// <param name="now">The clock's time at the start (by default the October cycle's first day).</param>
    public AccessReviewBench(DateTimeOffset? now = null)
    {
        Clock = new FakeTimeProvider(now ?? CycleStart);
        AddPerson(Megan, Alex.Id);
        AddPerson(Lee, null);
        AddPerson(Alex, Nestor.Id);
        AddPerson(Nestor, null);
        AddPerson(Patti, null);
        Directory.FindPersonAsync(Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(call => _people.GetValueOrDefault(call.Arg<string>()));
        Directory.ListTeamsAsync(Arg.Any<CancellationToken>()).Returns(
            [new Team { Id = Team, Name = "Identity & Access", ChannelId = "19:identity@thread.tacv2", LeadId = Patti.Id, MemberIds = [Patti.Id] }]);
        Directory.GetGovernanceSettingsAsync(Arg.Any<CancellationToken>())
            .Returns(_ => new GovernanceSettings { AccessReviews = new AccessReviewSettings { EveryMonths = EveryMonths, DueAfterWorkingDays = 10 } });
    }

    public FakeTimeProvider Clock { get; }
    public InMemoryRequestStore Requests { get; } = new();
    public InMemoryAccessReviewStore Reviews { get; } = new();
    public IDirectory Directory { get; } = Substitute.For<IDirectory>();
    public RecordingNotifier Notifier { get; } = new();
    public IProvisioner Provisioner { get; } = Substitute.For<IProvisioner>();
    public AccessReviewOptions Options { get; } = new();
    public int? EveryMonths { get; set; } = 3;

    public void AddPerson(PersonRef person, string? managerId) =>
        _people[person.Id] = new Person { Id = person.Id, Name = person.Name, ManagerId = managerId };

    /// <summary>A desk (a sweeper, or the bot answering a click) over the bench's stores; several act as several instances.</summary>
    public AccessReviewDesk Desk(bool withGraph = true) => new(
        Reviews,
        Requests,
        cancellationToken => Requests.ScanAsync(cancellationToken: cancellationToken),
        Directory,
        Notifier,
        Clock,
        Microsoft.Extensions.Options.Options.Create(Options),
        NullLogger<AccessReviewDesk>.Instance,
        withGraph ? Provisioner : null);

    /// <summary>Megan's and Lee's grants, provisioned two months before the cycle.</summary>
    public async Task GrantTheUsualAsync()
    {
        await GrantAsync("REQ-000001", Megan, Readers, "Finance share readers", "Finance share");
        await GrantAsync("REQ-000002", Lee, Jira, "Jira users", "Jira");
    }

    public async Task<ServiceRequest> GrantAsync(string id, PersonRef person, string groupId, string groupName, string itemName, ProvisioningStepKind kind = ProvisioningStepKind.AddToGroup)
    {
        var request = GrantedRequests.Granted(id, person, Team, groupId, groupName, itemName, CycleStart.AddMonths(-2), kind);
        await Requests.CreateAsync(request);
        return request;
    }

    public async Task<AccessReview> ReviewOfAsync(PersonRef reviewer, string cycleId = "2026-10") =>
        (await Reviews.GetAsync(AccessReview.IdFor(cycleId, reviewer.Id)))
        ?? throw new InvalidOperationException($"No review {cycleId} for {reviewer.Name}.");

    public async Task<ServiceRequest> RequestAsync(string id) => (await Requests.GetAsync(id))!;
}
