using ChatRequests.Core.Approvals;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.BusinessHours;

/// <summary>Fulfilment targets, at-risk warnings and escalations counted in the team's working time, through the sweep.</summary>
public sealed class WorkingTimeSlaTests
{
    // Friday 27 November 2026, 17:00 in Berlin (UTC+1): one working hour left that day.
    private static readonly DateTimeOffset FridayFivePm = new(2026, 11, 27, 17, 0, 0, TimeSpan.FromHours(1));

    private static readonly CalendarDefinition BerlinOffice = new()
    {
        TimeZone = "Europe/Berlin",
        WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"],
        Hours = "08:00-18:00",
    };

    private readonly FakeTimeProvider _clock = new(FridayFivePm);
    private readonly InMemoryRequestStore _store = new();

    [Fact]
    public async Task FridayEveningRequest_IsDueMondayAfternoon_QuietOverTheWeekend_WarnedAndEscalatedInWorkingTime()
    {
        var request = await SubmitMouseAsync(BerlinOffice);

        // 8 working hours: 17:00-18:00 on Friday, then 08:00-15:00 on Monday; at risk after 6 of them, Monday 13:00.
        var mondayOnePm = new DateTimeOffset(2026, 11, 30, 13, 0, 0, TimeSpan.FromHours(1));
        var mondayThreePm = new DateTimeOffset(2026, 11, 30, 15, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(mondayThreePm, request.DueAt);
        Assert.Equal(mondayOnePm, request.AtRiskAt);
        Assert.Equal(mondayOnePm, (await _store.GetAsync(request.Id))!.SlaCheckAt);

        Assert.Equal(Nothing, await SweepAtAsync(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.FromHours(1))));
        Assert.Equal(Nothing, await SweepAtAsync(mondayOnePm.AddTicks(-1)));
        Assert.Equal(Nothing with { Checked = 1, Warnings = 1 }, await SweepAtAsync(mondayOnePm));
        Assert.Equal(Nothing, await SweepAtAsync(mondayThreePm));
        Assert.Equal(Nothing with { Checked = 1, Escalations = 1 }, await SweepAtAsync(mondayThreePm.AddTicks(1)));

        var saved = (await _store.GetAsync(request.Id))!;
        Assert.Equal((mondayOnePm, mondayThreePm.AddTicks(1)), (saved.SlaWarnedAt, saved.SlaEscalatedAt));
        Assert.Equal(
            [RequestEventType.SlaAtRisk, RequestEventType.SlaBreached],
            saved.Outbox.Where(e => e.Actor == PersonRef.System).Select(e => e.Type));
    }

    [Fact]
    public async Task HolidayOnMonday_MovesTheTargetToTuesday()
    {
        var request = await SubmitMouseAsync(BerlinOffice with { Holidays = ["2026-11-30"] });

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.FromHours(1)), request.DueAt);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 13, 0, 0, TimeSpan.FromHours(1)), request.AtRiskAt);
    }

    [Fact]
    public async Task TeamWithoutCalendar_CountsEveryHourAsBefore()
    {
        var request = await SubmitMouseAsync(calendar: null);

        Assert.Equal(FridayFivePm.AddHours(8), request.DueAt);
        Assert.Equal(SlaPolicy.AtRiskAt(FridayFivePm, FridayFivePm.AddHours(8)), request.AtRiskAt);
        Assert.Equal(Nothing with { Checked = 1, Escalations = 1 }, await SweepAtAsync(FridayFivePm.AddHours(8).AddTicks(1)));
    }

    [Fact]
    public async Task ApprovalOnAFridayEvening_IsRemindedAndTimedOutInWorkingTime_AndTheFallbackIsRemindedOnTheTeamsCalendar()
    {
        var organisation = Directory(BerlinOffice);
        var directory = new CountingDirectory(organisation);
        var workflow = new RequestWorkflow(_store, new InMemoryCatalog(LaptopTimingOutAfter(30)), organisation, new ApproverResolver(organisation), _clock);
        var request = (await workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-laptop"))).Request!;

        // 24 working hours from Friday 17:00: 1 on Friday, 10 on Monday and Tuesday, 3 on Wednesday; 30 end at 17:00.
        var wednesday = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(wednesday.AddHours(11), request.SlaCheckAt);
        Assert.Equal(Nothing, await SweepAtAsync(FridayFivePm.AddHours(24), directory));
        Assert.Equal(Nothing with { Checked = 1, Reminders = 1 }, await SweepAtAsync(wednesday.AddHours(11), directory));
        Assert.Equal(Nothing, await SweepAtAsync(wednesday.AddHours(17).AddTicks(-1), directory));
        Assert.Equal(0, directory.TeamLists);

        var timedOut = await SweepAtAsync(wednesday.AddHours(17), directory);

        Assert.Equal(1, timedOut.Timeouts);
        Assert.Equal(1, directory.TeamLists);
        var stage = Assert.Single((await _store.GetAsync(request.Id))!.Approvals);
        Assert.Equal(wednesday.AddHours(17), stage.TimedOutAt);
        // The history and the requester's notice say the hours were working hours.
        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Contains(stored.History, h => h.Action == AuditAction.Reroute && h.Comment!.Contains("did not answer in 30 working hours", StringComparison.Ordinal));
        Assert.Contains(stored.Outbox, e => e.Type == RequestEventType.ApprovalRerouted && e.Comment!.Contains("in 30 working hours;", StringComparison.Ordinal));
        // Its new approvers get their own 24 working hours: 1 on Wednesday, 10 on Thursday and Friday, 3 on Monday.
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 11, 0, 0, TimeSpan.FromHours(1)), stage.ReminderDueAt);
        Assert.Equal(stage.ReminderDueAt, (await _store.GetAsync(request.Id))!.SlaCheckAt);
    }

    [Fact]
    public async Task Sweep_ReadsTheTeamsCalendarsOncePerSweep_NotPerRequest()
    {
        var organisation = Directory(BerlinOffice);
        var directory = new CountingDirectory(organisation);
        var workflow = new RequestWorkflow(_store, new InMemoryCatalog(LaptopTimingOutAfter(30)), organisation, new ApproverResolver(organisation), _clock);
        await workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"));
        await workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-2"));
        var wednesday = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.FromHours(1));
        await SweepAtAsync(wednesday.AddHours(11), directory);

        Assert.Equal(2, (await SweepAtAsync(wednesday.AddHours(17), directory)).Timeouts);
        Assert.Equal(1, directory.TeamLists);
    }

    [Fact]
    public async Task TeamWithoutCalendar_RemindsApproversAfter24HoursOnTheClock_AsBefore()
    {
        var directory = Directory(calendar: null);
        var workflow = new RequestWorkflow(_store, new InMemoryCatalog(LaptopTimingOutAfter(30)), directory, new ApproverResolver(directory), _clock);
        var request = (await workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-laptop"))).Request!;

        Assert.Equal(FridayFivePm.AddHours(24), request.SlaCheckAt);
        Assert.Null(request.Approvals[0].ReminderDueAt);
        Assert.Equal(Nothing with { Checked = 1, Reminders = 1 }, await SweepAtAsync(FridayFivePm.AddHours(24), directory));
        Assert.Equal(Nothing with { Checked = 1, Timeouts = 1 }, await SweepAtAsync(FridayFivePm.AddHours(30), directory));
    }

    [Fact]
    public async Task WaitingForParts_OverTheWeekend_MovesTheTargetByItsWorkingHours_ThroughTheWorkflow()
    {
        var directory = Directory(BerlinOffice);
        var items = SampleData.Items.Select(i => i.Id == "mouse" ? i with { SlaHours = 8 } : i).ToList();
        var workflow = new RequestWorkflow(_store, new InMemoryCatalog(items), directory, new ApproverResolver(directory), _clock);
        var form = new RequestForm("key-mouse", "mouse", "The scroll wheel is broken.", "Low",
            new Dictionary<string, string?> { ["deliveryLocation"] = "Berlin office" });
        var request = (await workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form)).Request!;
        var agent = SampleData.Ref(SampleData.Organisation.Teams.Single(t => t.Id == request.TeamId).MemberIds[0]);

        await workflow.AssignToSelfAsync(request.Id, agent);
        _clock.SetUtcNow(FridayFivePm.AddMinutes(30));
        await workflow.SetStatusAsync(request.Id, agent, RequestState.AwaitingParts, "Ordered");
        Assert.Equal(Nothing, await SweepAtAsync(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.FromHours(1)), directory));
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.FromHours(1)).AddDays(1));
        var resumed = await workflow.SetStatusAsync(request.Id, agent, RequestState.InProgress, null);

        // Friday 17:30-18:00, Monday's 10 hours and Tuesday 08:00-09:00: 11.5 working hours, from Monday 15:00 to Tuesday 16:30.
        Assert.Equal(TimeSpan.FromHours(11.5), Assert.Single(resumed.Pauses).WorkingTime);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.FromHours(1)), resumed.DueAt);
    }

    private static SlaSweepResult Nothing => new(Checked: 0, Reminders: 0, Warnings: 0, Escalations: 0, Conflicts: 0);

    private static InMemoryDirectory Directory(CalendarDefinition? calendar) => new(
        SampleData.Organisation.People,
        SampleData.Organisation.Teams.Select(t => t with { Calendar = calendar }),
        SampleData.Organisation.ApproverGroups);

    private static List<CatalogItem> LaptopTimingOutAfter(int hours) =>
        [.. SampleData.Items.Select(i => i.Id == "laptop-standard" ? i with { ApprovalTimeoutHours = hours } : i)];

    private static RequestForm LaptopForm(string submissionKey) => new(
        submissionKey, "laptop-standard", "My laptop is five years old.", "Medium",
        new Dictionary<string, string?>
        {
            ["costCentre"] = "CC-4711", ["deliveryLocation"] = "Berlin office", ["keyboardLayout"] = "German (QWERTZ)",
        });

    private async Task<ServiceRequest> SubmitMouseAsync(CalendarDefinition? calendar)
    {
        // The mouse needs no approval, so it goes straight to the team; its target is shortened to 8 hours here.
        var items = SampleData.Items.Select(i => i.Id == "mouse" ? i with { SlaHours = 8 } : i).ToList();
        var teams = SampleData.Organisation.Teams.Select(t => t with { Calendar = calendar });
        var directory = new InMemoryDirectory(SampleData.Organisation.People, teams, SampleData.Organisation.ApproverGroups);
        var workflow = new RequestWorkflow(_store, new InMemoryCatalog(items), directory, new ApproverResolver(directory), _clock);
        var form = new RequestForm("key-mouse", "mouse", "The scroll wheel is broken.", "Low",
            new Dictionary<string, string?> { ["deliveryLocation"] = "Berlin office" });

        var request = (await workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form)).Request!;

        Assert.Equal(RequestState.Approved, request.State);
        return request;
    }

    private async Task<SlaSweepResult> SweepAtAsync(DateTimeOffset at, IDirectory? directory = null)
    {
        _clock.SetUtcNow(at);
        return await new SlaSweep(_store, _clock, NullLogger<SlaSweep>.Instance, directory: directory).SweepAsync();
    }

    /// <summary>The directory, counting how often the teams are listed.</summary>
    private sealed class CountingDirectory(IDirectory inner) : IDirectory
    {
        public int TeamLists { get; private set; }

        public Task<IReadOnlyList<Team>> ListTeamsAsync(CancellationToken cancellationToken = default)
        {
            TeamLists++;
            return inner.ListTeamsAsync(cancellationToken);
        }

        public Task<Person?> FindPersonAsync(string personId, CancellationToken cancellationToken = default) => inner.FindPersonAsync(personId, cancellationToken);

        public Task<IReadOnlyList<Person>> FindPeopleByNameAsync(string name, CancellationToken cancellationToken = default) =>
            inner.FindPeopleByNameAsync(name, cancellationToken);

        public Task<ApproverGroup?> FindGroupAsync(string groupId, CancellationToken cancellationToken = default) => inner.FindGroupAsync(groupId, cancellationToken);

        public Task<CostCentre?> FindCostCentreAsync(string costCentreId, CancellationToken cancellationToken = default) =>
            inner.FindCostCentreAsync(costCentreId, cancellationToken);

        public Task<IReadOnlyList<Entitlement>> ListEntitlementsAsync(CancellationToken cancellationToken = default) => inner.ListEntitlementsAsync(cancellationToken);

        public Task<EscalationSettings> GetEscalationSettingsAsync(CancellationToken cancellationToken = default) =>
            inner.GetEscalationSettingsAsync(cancellationToken);

        public Task<IReadOnlyList<string>> ListDirectReportIdsAsync(string managerId, CancellationToken cancellationToken = default) =>
            inner.ListDirectReportIdsAsync(managerId, cancellationToken);
    }
}
