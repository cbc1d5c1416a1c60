using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Organisation;

namespace ChatRequests.Core.Tests.AccessReviews;

public sealed class AccessReviewCycleTests
{
    [Fact]
    public void At_Quarterly_IsThePeriodFromJanuaryAprilJulyOrOctober_DueAfterTenWorkingDays()
    {
        var cycle = AccessReviewCycle.At(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero), new AccessReviewSettings { EveryMonths = 3 })!;

        Assert.Equal("2026-10", cycle.Id);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero), cycle.StartsAt);
        Assert.Equal(new DateTimeOffset(2026, 10, 15, 0, 0, 0, TimeSpan.Zero), cycle.DueAt);
        Assert.Equal("October 2026", AccessReviewCycle.Name(cycle.Id));
    }

    [Fact]
    public void At_PeriodStartingOnAWeekend_StartsOnTheMonday()
    {
        var saturday = new DateTimeOffset(2027, 5, 1, 9, 0, 0, TimeSpan.Zero);

        var cycle = AccessReviewCycle.At(saturday, new AccessReviewSettings { EveryMonths = 1, DueAfterWorkingDays = 2 })!;

        Assert.Equal(new DateTimeOffset(2027, 5, 3, 0, 0, 0, TimeSpan.Zero), cycle.StartsAt);
        Assert.Equal(new DateTimeOffset(2027, 5, 5, 0, 0, 0, TimeSpan.Zero), cycle.DueAt);
        Assert.False(cycle.HasStarted(saturday));
    }

    [Theory]
    [InlineData("2026-10-15", "2026-10-13")] // Thursday: Tuesday
    [InlineData("2026-10-19", "2026-10-15")] // Monday: the Thursday before, over the weekend
    [InlineData("2026-10-20", "2026-10-16")] // Tuesday: the Friday before
    public void WorkingDaysBefore_TwoWorkingDays_SkipsTheWeekend(string due, string reminded) =>
        Assert.Equal(
            DateTimeOffset.Parse(reminded + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            AccessReviewCycle.WorkingDaysBefore(DateTimeOffset.Parse(due + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), 2));

    [Fact]
    public void At_ReviewsOff_IsNull() =>
        Assert.Null(AccessReviewCycle.At(DateTimeOffset.UnixEpoch, new AccessReviewSettings()));
}
