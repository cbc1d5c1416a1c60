using ChatRequests.Core.Assignment;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.PortContracts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.Assignment;

/// <summary>Who gets a digest, when, and with what.</summary>
public sealed class DailyDigestTests
{
    // Monday 2026-11-23; the team works 09:00-17:00 in Berlin (08:00-16:00 UTC in winter).
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);
    private static readonly Person Ann = new() { Id = "ann", Name = "Ann Agent" };
    private static readonly Person Ben = new() { Id = "ben", Name = "Ben Agent" };
    private static readonly PersonRef Rita = new("rita", "Rita Requester");

    private static readonly CalendarDefinition Berlin = new()
    {
        TimeZone = "Europe/Berlin", WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"], Hours = "09:00-17:00", Holidays = ["2026-11-24"],
    };

    private readonly FakeTimeProvider _clock = new(Monday);
    private readonly InMemoryRequestStore _store = new();
    private readonly RecordingNotifier _notifier = new();
    private readonly InMemoryAssignmentStore _availability = new();
    private int _number;

    [Fact]
    public async Task AtTheStartOfTheWorkingDay_EachAgentGetsTheirOverdueAndDueToday_NothingWhenEmpty()
    {
        var overdue = await AssignedAsync("ann", due: Monday.AddHours(-3));
        var today = await AssignedAsync("ann", due: Monday.AddHours(15));
        await AssignedAsync("ann", due: Monday.AddDays(3));
        await AssignedAsync("ben", due: Monday.AddDays(3));
        var digest = Digest(Team(Berlin));

        _clock.SetUtcNow(Monday.AddHours(7).AddMinutes(59));
        Assert.Equal(0, await digest.SendDueAsync());
        _clock.SetUtcNow(Monday.AddHours(8));
        Assert.Equal(1, await digest.SendDueAsync());

        Assert.Equal([$"digest 2026-11-23 for Ann Agent: {overdue.Id} overdue; {today.Id} due today"], _notifier.Calls);
    }

    [Fact]
    public async Task OnAHoliday_OrAWeekend_OrAfterTheWindow_NothingIsSent()
    {
        await AssignedAsync("ann", due: Monday.AddHours(-3));
        var digest = Digest(Team(Berlin));

        foreach (var at in new[] { Monday.AddDays(1).AddHours(8), Monday.AddDays(-1).AddHours(8), Monday.AddHours(10) })
        {
            _clock.AdjustTime(at);
            Assert.Equal(0, await digest.SendDueAsync());
        }

        Assert.Empty(_notifier.Calls);
    }

    [Fact]
    public async Task AlwaysOpenTeam_StartsItsDayAtTheConfiguredUtcTime()
    {
        await AssignedAsync("ann", due: Monday.AddHours(-3));
        var digest = Digest(Team(calendar: null), new DigestOptions { AlwaysOpenStartUtc = TimeSpan.FromHours(6) });

        _clock.SetUtcNow(Monday.AddHours(5));
        Assert.Equal(0, await digest.SendDueAsync());
        _clock.SetUtcNow(Monday.AddHours(6).AddMinutes(5));
        Assert.Equal(1, await digest.SendDueAsync());
    }

    [Fact]
    public async Task ResolvedOrUnassignedRequests_AreNotInIt()
    {
        var resolved = await AssignedAsync("ann", due: Monday.AddHours(-3));
        await _store.UpdateAsync(resolved.Id, r => r.Resolve(new PersonRef("ann", "Ann Agent"), "Done", Monday));
        await UnassignedAsync(due: Monday.AddHours(-3));
        _clock.SetUtcNow(Monday.AddHours(8));

        Assert.Equal(0, await Digest(Team(Berlin)).SendDueAsync());
        Assert.Empty(_notifier.Calls);
    }

    [Fact]
    public async Task AnAgentAwayToday_GetsNone_AndOnTheDayTheirMarkHasEnded_GetsTheirs()
    {
        await AssignedAsync("ann", due: Monday.AddHours(-3));
        await AssignedAsync("ben", due: Monday.AddHours(-2));
        var digest = Digest(Team(Berlin));
        // Ann is away until Wednesday's start of day (Tuesday is a holiday); Ben is away with no end.
        await _availability.SetUnavailableAsync(new Unavailability(new PersonRef("ann", "Ann Agent"), Monday.AddDays(-1)) { Until = Monday.AddDays(2).AddHours(8) });
        await _availability.SetUnavailableAsync(new Unavailability(new PersonRef("ben", "Ben Agent"), Monday.AddDays(-1)));

        _clock.SetUtcNow(Monday.AddHours(8));
        Assert.Equal(0, await digest.SendDueAsync());
        _clock.SetUtcNow(Monday.AddDays(2).AddHours(8));
        Assert.Equal(1, await digest.SendDueAsync());

        Assert.Single(_notifier.Calls, c => c.StartsWith("digest 2026-11-25 for Ann Agent:", StringComparison.Ordinal));
        Assert.DoesNotContain(_notifier.Calls, c => c.Contains("Ben Agent", StringComparison.Ordinal));
    }

    private DailyDigest Digest(Team team, DigestOptions? options = null) => new(
        _store, new InMemoryDirectory([Ann, Ben], [team]), _availability, _notifier, _clock, Options.Create(options ?? new DigestOptions()),
        NullLogger<DailyDigest>.Instance);

    private static Team Team(CalendarDefinition? calendar) => new()
    {
        Id = "team-hardware", Name = "Hardware Service", ChannelId = "19:hardware@thread.tacv2", MemberIds = ["ann", "ben"], Calendar = calendar,
    };

    private async Task<ServiceRequest> AssignedAsync(string agentId, DateTimeOffset due)
    {
        var request = await UnassignedAsync(due);
        var agent = new PersonRef(agentId, agentId);
        return await _store.UpdateAsync(request.Id, r => r.Assign(agent, agent, Monday.AddDays(-2)));
    }

    private async Task<ServiceRequest> UnassignedAsync(DateTimeOffset due)
    {
        var number = ++_number;
        var request = ServiceRequest.Submit(
            new ServiceRequest.Draft(
                RequestNumber.Format(number), $"form-{number}", Rita, "mouse", "Standard mouse", "Hardware", null, "Broken.",
                new Dictionary<string, string>(), PriorityMatrix.Assess(Impact.Low, Urgency.Medium), "team-hardware", "Hardware Service",
                due, []),
            Monday.AddDays(-2));
        await _store.CreateAsync(request);
        return request;
    }
}
