using ChatRequests.Core.Organisation;
using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using static ChatRequests.PortContracts.Reporting.ReportFixture;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Reporting;

/// <summary>
/// What every <see cref="IReportingStore"/> adapter must do, through the port only; the known-answer report runs over
/// each, so every store gives the same figures for the same requests.
/// </summary>
public abstract class ReportingStoreContract
{
    private IReportingStore? _store;

    protected IReportingStore Store => _store ??= CreateStore();

    /// <summary>A store over fresh, empty storage of its own.</summary>
    protected abstract IReportingStore CreateStore();

    private static readonly TimeSpan H = TimeSpan.FromHours(1);

    [Fact]
    public async Task UpsertFactsAsync_SameVersionAgain_IsIgnored()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        request.Version = 3;
        Assert.True(await Store.UpsertFactsAsync(RequestFacts.From(request)));

        Assert.False(await Store.UpsertFactsAsync(RequestFacts.From(request)));

        Assert.Equal(3, (await Store.GetFactsAsync("REQ-000001"))!.Version);
    }

    [Fact]
    public async Task UpsertFactsAsync_OlderVersionAfterNewer_KeepsTheNewer()
    {
        var request = Submit("REQ-000001", stages: [ManagerStage()]);
        request.Version = 1;
        var older = RequestFacts.From(request);
        request.Decide(Bob, true, null, 0, Start.AddHours(1));
        request.Version = 2;

        Assert.True(await Store.UpsertFactsAsync(RequestFacts.From(request)));
        Assert.False(await Store.UpsertFactsAsync(older));

        var stored = (await Store.GetFactsAsync("REQ-000001"))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.Equal(Start.AddHours(1), stored.ApprovedAt);
    }

    [Fact]
    public async Task UpsertFactsAsync_RoundTripsEveryFact()
    {
        var request = Requests().Single(r => r.Id == "REQ-000013");
        var facts = RequestFacts.From(request);

        await Store.UpsertFactsAsync(facts);

        var stored = (await Store.GetFactsAsync("REQ-000013"))!;
        Assert.Equivalent(facts, stored, strict: true);
        Assert.Equal(facts.Stages[0].Decisions, stored.Stages[0].Decisions);
        Assert.Equal(facts.TimeInStates, stored.TimeInStates);
    }

    [Fact]
    public async Task RecordFormShownAsync_ThenItsRequest_MarksTheFormSubmitted()
    {
        var request = Submit("REQ-000001", at: D(2, 9), submissionKey: "form-1");
        request.Version = 1;
        await Store.RecordFormShownAsync(new FormShown("form-1", "laptop", "Hardware", "team-hardware", Alice, D(2, 8)));
        await Store.RecordFormShownAsync(new FormShown("form-2", "laptop", "Hardware", "team-hardware", Alice, D(2, 8)));

        await Store.UpsertFactsAsync(RequestFacts.From(request));

        var forms = await Store.ReadFormsAsync(new ReportScope(November));
        Assert.Equal(D(2, 9), forms.Single(f => f.FormKey == "form-1").SubmittedAt);
        Assert.Null(forms.Single(f => f.FormKey == "form-2").SubmittedAt);
    }

    [Fact]
    public async Task RecordFormShownAsync_AfterItsRequestWasProjected_IsSubmittedAndRecordedOnce()
    {
        var request = Submit("REQ-000001", at: D(2, 9), submissionKey: "form-1");
        request.Version = 1;
        await Store.UpsertFactsAsync(RequestFacts.From(request));

        await Store.RecordFormShownAsync(new FormShown("form-1", "laptop", "Hardware", "team-hardware", Alice, D(2, 8)));
        await Store.RecordFormShownAsync(new FormShown("form-1", "laptop", "Hardware", "team-hardware", Alice, D(2, 8, 30)));

        var form = Assert.Single(await Store.ReadFormsAsync(new ReportScope(November)));
        Assert.Equal(D(2, 9), form.SubmittedAt);
        Assert.Equal(D(2, 8), form.ShownAt);
    }

    [Fact]
    public async Task KnownAnswers_November()
    {
        var figures = await ComputeAsync(new ReportScope(November));

        Assert.Equal(21, figures.Logged);
        Assert.Equal(9, figures.Fulfilled);
        Assert.Equal(8, figures.Backlog);
        Assert.Equal([new("under 1 day", 1), new("1-3 days", 1), new("3-7 days", 2), new("over 7 days", 4)], figures.BacklogAge);
        // Approval waits 10 s, 20 s, 1 h, 2 h, 4 h, 5 h: nearest rank 3 of 6 and 6 of 6.
        Assert.Equal(new Durations(6, 1 * H, 5 * H), figures.ApprovalWait);
        // 30 min, 2:59:50, 3 h, 6:59:40, 7 h, 8 h, 8 h, 46 h, 71 h: ranks 5 and 9 of 9.
        Assert.Equal(new Durations(9, 7 * H, 71 * H), figures.Fulfilment);
        // 30 min, 3 h, 3 h, 7 h, 8 h, 10 h, 12 h, 50 h, 71 h.
        Assert.Equal(new Durations(9, 8 * H, 71 * H), figures.CycleTime);
        Assert.Equal(
            [
                new("Manager", new Durations(5, 1 * H, 4 * H)),
                new("IT security", new Durations(1, 4 * H, 4 * H)),
                new(ReportCalculator.WaitingForAgent, new Durations(8, 1 * H, 2 * H)),
                new(ReportCalculator.Work, new Durations(8, 4 * H, 70 * H)),
                new(ReportCalculator.WaitingForRequester, new Durations(1, 2 * H, 2 * H)),
                new(ReportCalculator.QualityCheck, new Durations(1, 2 * H, 2 * H)),
            ],
            figures.Stages);
        Assert.Equal(new Share(7, 9), figures.SlaMet);
        Assert.Equal(new Share(5, 7), figures.FirstTimeFulfilment);
        Assert.Equal(new Share(1, 9), figures.Automated);
        Assert.Equal(new Share(3, 7), figures.Abandoned);
        Assert.Equal([new("No longer needed", 2), new("(no reason given)", 1)], figures.CancellationReasons);
        Assert.Equal([new("Too expensive", 2), new("Not justified", 1)], figures.RejectionReasons);
        Assert.Equal(24.0 / 7, figures.CsatAverage!.Value, 9);
        Assert.Equal([1, 1, 1, 2, 2], figures.CsatDistribution);
        Assert.Equal(30, figures.ByDay.Count);
        Assert.Equal(new DayVolume(new DateOnly(2026, 11, 2), 1, 2), figures.ByDay[1]);
        Assert.Equal(new DayVolume(new DateOnly(2026, 11, 5), 1, 2), figures.ByDay[4]);
        Assert.Equal(new DayVolume(new DateOnly(2026, 11, 10), 2, 0), figures.ByDay[9]);
        Assert.Equal((21, 9), (figures.ByDay.Sum(d => d.Logged), figures.ByDay.Sum(d => d.Fulfilled)));
        static TimeSpan seconds(int s) => TimeSpan.FromSeconds(s);
        Assert.Equal(
            [
                new("Hardware", 8, new Durations(3, 4 * H, 5 * H), new Durations(5, 8 * H, 71 * H)),
                new("Software", 8, new Durations(2, seconds(10), seconds(20)), new Durations(3, 3 * H, 7 * H - seconds(20))),
                new("Access", 5, new Durations(1, 1 * H, 1 * H), new Durations(1, H / 2, H / 2)),
            ],
            figures.ByCategory);
        Assert.Equal(2, figures.Outliers.Count);
        Assert.Equal((OutlierKind.RestrictedRepeats, Grace, "3 requests for restricted items in the period (Admin rights)"),
            (figures.Outliers[0].Kind, figures.Outliers[0].Person, figures.Outliers[0].Detail));
        Assert.Equal(["REQ-000015", "REQ-000016", "REQ-000017"], figures.Outliers[0].RequestIds);
        Assert.Equal((OutlierKind.QuickApproval, Bob.Id, "2 approvals given within 30 seconds of being asked"),
            (figures.Outliers[1].Kind, figures.Outliers[1].Person.Id, figures.Outliers[1].Detail));
        Assert.Equal(["REQ-000012", "REQ-000013"], figures.Outliers[1].RequestIds);
    }

    [Fact]
    public async Task Abandoned_FormWithinTheGracePeriod_IsNotCountedYet()
    {
        // On 1 December at 10:00 the form shown on 30 November at 23:00 may still be submitted.
        var figures = await ComputeAsync(new ReportScope(November), now: new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

        Assert.Equal(new Share(2, 6), figures.Abandoned);
    }

    [Fact]
    public async Task Scope_Team_CountsOnlyItsRequests()
    {
        // R14 is Hardware but the workplace team's.
        var figures = await ComputeAsync(new ReportScope(November, TeamId: "team-hardware"));

        Assert.Equal((7, 4, 2), (figures.Logged, figures.Fulfilled, figures.Backlog));
        Assert.Equal(new Share(1, 4), figures.Abandoned);
        Assert.Empty(figures.Outliers);
    }

    [Fact]
    public async Task Scope_Category_IgnoresCase()
    {
        var figures = await ComputeAsync(new ReportScope(November, Category: "hardware"));

        Assert.Equal((8, 5, 2), (figures.Logged, figures.Fulfilled, figures.Backlog));
        Assert.Equal(["Hardware"], figures.ByCategory.Select(c => c.Category));
    }

    [Fact]
    public async Task Scope_Requesters_CountsOnlyTheirs()
    {
        var figures = await ComputeAsync(new ReportScope(November, RequesterIds: [Frank.Id, Grace.Id]));

        Assert.Equal((11, 3, 5), (figures.Logged, figures.Fulfilled, figures.Backlog));
        Assert.Equal([OutlierKind.RestrictedRepeats, OutlierKind.QuickApproval], figures.Outliers.Select(o => o.Kind));
        Assert.Equal(["REQ-000013"], figures.Outliers[1].RequestIds);
        Assert.Equal(new Share(2, 3), figures.Abandoned);
    }

    [Fact]
    public async Task Scope_OneRequester_CountsOnlyTheirs()
    {
        var figures = await ComputeAsync(new ReportScope(November, RequesterIds: [Grace.Id]));

        Assert.Equal((3, 0, 3), (figures.Logged, figures.Fulfilled, figures.Backlog));
        Assert.Equal(OutlierKind.RestrictedRepeats, Assert.Single(figures.Outliers).Kind);
    }

    [Fact]
    public async Task Scope_PeriodEdges_FromIncludedToExcluded()
    {
        // R01 was logged at 9:00 (the start: counted) and fulfilled at 19:00 (the end: not counted).
        var figures = await ComputeAsync(new ReportScope(new ReportPeriod(D(2, 9), D(2, 19), "2 November")));

        Assert.Equal((1, 0), (figures.Logged, figures.Fulfilled));

        // From 19:00 to the next day 9:00: R01 fulfilled at the start counts, R02 logged at the end does not.
        figures = await ComputeAsync(new ReportScope(new ReportPeriod(D(2, 19), D(3, 9), "night")));

        Assert.Equal((0, 1), (figures.Logged, figures.Fulfilled));
        Assert.Equal([new DayVolume(new DateOnly(2026, 11, 2), 0, 1), new DayVolume(new DateOnly(2026, 11, 3), 0, 0)], figures.ByDay);
    }

    private async Task<ReportFigures> ComputeAsync(ReportScope scope, DateTimeOffset? now = null)
    {
        foreach (var form in Forms())
        {
            await Store.RecordFormShownAsync(form);
        }

        foreach (var request in Requests())
        {
            await Store.UpsertFactsAsync(RequestFacts.From(request));
        }

        return ReportCalculator.Compute(
            scope, await Store.ReadFactsAsync(scope), await Store.ReadFormsAsync(scope), GovernanceSettings.Default.Reports, now ?? Now);
    }
}
