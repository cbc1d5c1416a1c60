using System.Text.Json;
using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using static ChatRequests.PortContracts.SampleRequests;

namespace ChatRequests.PortContracts.Storage;

// The quality check's and the closing's fields, and the queries that follow them.
public abstract partial class RequestStoreContract
{
    private static readonly ClosingTerms DailyClosing =
        new(new ClosureSettings { ReminderAfterWorkingDays = 1, AutoCloseAfterWorkingDays = 2, ReopenWithinDays = 7 }, WorkingCalendar.AlwaysOpen);

    [Fact]
    public async Task QualityReviewAndWorkNote_RoundTrip_AndARequestInReviewStaysOnTheTeamsQueue()
    {
        var failed = Submit("REQ-000001");
        failed.Assign(Erin, Erin, Start.AddHours(1));
        failed.Resolve(Erin, "Laptop at the desk", Start.AddHours(2), "Imaged ünïcödé ✓", new ResolutionRules(true, true, null));
        failed.FailReview(Bob, "Not \"wiped\"", Start.AddHours(3));
        var inReview = Submit("REQ-000002");
        inReview.Assign(Erin, Erin, Start.AddHours(1));
        inReview.Resolve(Erin, "Laptop at the desk", Start.AddHours(2), "Imaged", new ResolutionRules(true, true, null));
        await Store.CreateAsync(failed);
        await Store.CreateAsync(inReview);

        var reopened = ReopenStore();
        var loaded = (await reopened.GetAsync("REQ-000001"))!;
        Assert.Equal(JsonSerializer.Serialize(failed, RequestJson.Options), JsonSerializer.Serialize(loaded, RequestJson.Options));
        Assert.Equal((false, "Not \"wiped\"", Bob), (loaded.Review!.Passed, loaded.Review.Reason, loaded.Review.Reviewer));
        Assert.Equal("Imaged ünïcödé ✓", loaded.WorkNote);
        var waiting = (await reopened.GetAsync("REQ-000002"))!;
        Assert.Equal((RequestState.InReview, true), (waiting.State, waiting.Review!.IsPending));
        Assert.Equal(["REQ-000001", "REQ-000002"], (await reopened.ListTeamQueueAsync("team-hardware", 50)).Select(r => r.Id).Order());
    }

    [Fact]
    public async Task ClosingSchedule_RoundTrips_AndTheSlaQueryFindsTheReminderThenTheClosingThenNothing()
    {
        var request = Submit("REQ-000001");
        request.Assign(Erin, Erin, Start.AddHours(1));
        request.Resolve(Erin, "Done", Start.AddHours(2), rules: new ResolutionRules(false, false, DailyClosing));
        await Store.CreateAsync(request);
        var remindAt = Start.AddHours(26);
        var closeAt = Start.AddHours(50);

        var loaded = (await ReopenStore().GetAsync("REQ-000001"))!;
        Assert.Equal(request.Closing, loaded.Closing);
        Assert.Empty(await Store.ListSlaCheckDueAsync(remindAt.AddTicks(-1), 50));
        var due = Assert.Single(await Store.ListSlaCheckDueAsync(remindAt, 50));
        Assert.True(due.CheckSla(remindAt).RemindedRequester);
        await Store.SaveAsync(due);

        Assert.Empty(await Store.ListSlaCheckDueAsync(closeAt.AddTicks(-1), 50));
        due = Assert.Single(await Store.ListSlaCheckDueAsync(closeAt, 50));
        Assert.True(due.CheckSla(closeAt).AutoClosed);
        await Store.SaveAsync(due);

        Assert.Empty(await Store.ListSlaCheckDueAsync(Start.AddDays(1000), 50));
        Assert.Empty(await Store.ListTeamQueueAsync("team-hardware", 50));
        var closed = (await ReopenStore().GetAsync("REQ-000001"))!;
        Assert.Equal((RequestState.Closed, closeAt, closeAt.AddDays(7)), (closed.State, closed.Closing!.AutoClosedAt, closed.Closing.ReopenUntil));
        Assert.True(closed.MayReopen(closeAt.AddDays(7)));
    }
}
