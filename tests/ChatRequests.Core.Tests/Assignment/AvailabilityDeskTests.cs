using ChatRequests.Core.Assignment;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Understanding;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.Assignment;

/// <summary>
/// "unavailable", "away until Monday" and "I'm back" on a Berlin team working 08:00-18:00 on weekdays: when the mark ends
/// by itself, and what a second word does to it. Tuesday 1 December 2026 is the first day of these tests.
/// </summary>
public sealed class AvailabilityDeskTests
{
    private static readonly TimeSpan Cet = TimeSpan.FromHours(1);
    private static readonly PersonRef Ann = new("ann", "Ann Agent");
    private static readonly PersonRef Rita = new("rita", "Rita Requester");

    private static readonly Team Berlin = new()
    {
        Id = "team-hardware", Name = "Hardware Service", ChannelId = "19:hardware@thread.tacv2", MemberIds = ["ann"],
        Calendar = new CalendarDefinition { TimeZone = "Europe/Berlin", WorkingDays = ["Mon", "Tue", "Wed", "Thu", "Fri"], Hours = "08:00-18:00" },
    };

    private readonly FakeTimeProvider _clock = new(At(1, 10));
    private readonly InMemoryAssignmentStore _store = new();

    public static TheoryData<string, DateTimeOffset, string?, DateTimeOffset> Ends => new()
    {
        { "during a working day: the rest of it", At(1, 10), null, At(2, 8) },
        { "after hours: the whole next working day", At(1, 19), null, At(3, 8) },
        { "on Friday: back on Monday", At(4, 10), null, At(7, 8) },
        { "on Saturday: Monday off, back on Tuesday", At(5, 10), null, At(8, 8) },
        { "until Monday, said on Wednesday", At(2, 10), "Monday", At(7, 8) },
        { "until a date", At(1, 10), "2026-12-10", At(10, 8) },
        { "until a closed day: back when the team next opens", At(1, 10), "Saturday", At(7, 8) },
        { "until tomorrow, said after hours", At(1, 19), "tomorrow", At(2, 8) },
    };

    [Theory]
    [MemberData(nameof(Ends))]
    public async Task Unavailable_EndsWhenTheWorkingDayTheyAreBackStarts(string what, DateTimeOffset now, string? until, DateTimeOffset back)
    {
        _clock.SetUtcNow(now);

        var answer = await Desk(Berlin).SetAsync(Ann, new AvailabilityAsk(false, until));

        Assert.Equal((true, false, true, back), (answer.IsAgent, answer.Available, answer.Changed, answer.Until));
        var mark = await _store.FindUnavailableAsync(Ann.Id);
        Assert.Equal((now, back), (mark!.Since, mark.Until));
        Assert.True(mark.StandsAt(back.AddTicks(-1)), what);
        Assert.False(mark.StandsAt(back), what);
    }

    [Fact]
    public async Task AlwaysOpenTeam_ABareUnavailable_LastsUntilMidnightUtc()
    {
        var answer = await Desk(Berlin with { Calendar = null }).SetAsync(Ann, new AvailabilityAsk(false));

        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), answer.Until);
    }

    [Fact]
    public async Task ABareUnavailable_WhileMarked_KeepsTheMark_ADaySaid_ChangesItsEnd_KeepingSince()
    {
        var desk = Desk(Berlin);
        await desk.SetAsync(Ann, new AvailabilityAsk(false, "Friday"));
        _clock.Advance(TimeSpan.FromHours(1));

        var again = await desk.SetAsync(Ann, new AvailabilityAsk(false));
        Assert.Equal((false, At(4, 8)), (again.Changed, again.Until));

        var later = await desk.SetAsync(Ann, new AvailabilityAsk(false, "2026-12-10"));
        Assert.Equal((true, At(10, 8)), (later.Changed, later.Until));
        Assert.Equal(At(1, 10), (await _store.FindUnavailableAsync(Ann.Id))!.Since);
    }

    [Fact]
    public async Task IAmBack_EndsTheMark_AndAMarkThatEndedByItselfIsFreshAgain()
    {
        var desk = Desk(Berlin);
        await desk.SetAsync(Ann, new AvailabilityAsk(false));
        Assert.True((await desk.SetAsync(Ann, new AvailabilityAsk(true))).Changed);
        Assert.Null(await _store.FindUnavailableAsync(Ann.Id));
        Assert.False((await desk.SetAsync(Ann, new AvailabilityAsk(true))).Changed);

        // Ended by itself on Wednesday 08:00: a bare "unavailable" on Wednesday is a new mark, not "already marked".
        await desk.SetAsync(Ann, new AvailabilityAsk(false));
        _clock.SetUtcNow(At(2, 9));
        var fresh = await desk.SetAsync(Ann, new AvailabilityAsk(false));
        Assert.Equal((true, At(3, 8)), (fresh.Changed, fresh.Until));
        Assert.Equal(At(2, 9), (await _store.FindUnavailableAsync(Ann.Id))!.Since);
    }

    [Theory]
    [InlineData("Tuesday")]
    [InlineData("yesterday-ish")]
    public async Task ADayThatStartedAlready_OrNoDay_IsRefused_AndNothingIsStored(string until)
    {
        await Assert.ThrowsAsync<RequestRuleException>(() => Desk(Berlin).SetAsync(Ann, new AvailabilityAsk(false, until)));

        Assert.Null(await _store.FindUnavailableAsync(Ann.Id));
    }

    [Fact]
    public async Task SomeoneInNoTeam_IsToldSo_AndNothingIsStored()
    {
        var answer = await Desk(Berlin).SetAsync(Rita, new AvailabilityAsk(false, "Monday"));

        Assert.False(answer.IsAgent);
        Assert.Null(await _store.FindUnavailableAsync(Rita.Id));
    }

    private AvailabilityDesk Desk(Team team) => new(_store, new InMemoryDirectory([], [team]), _clock);

    /// <summary>Berlin wall-clock time on a day of December 2026 (CET).</summary>
    private static DateTimeOffset At(int day, int hour) => new(2026, 12, day, hour, 0, 0, Cet);
}
