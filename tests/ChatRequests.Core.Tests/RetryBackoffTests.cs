using ChatRequests.Core.Fulfilment;

namespace ChatRequests.Core.Tests;

public sealed class RetryBackoffTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(15);

    [Fact]
    public void Delay_DoublesFromTheFirstDelay_AndStopsAtTheCap()
    {
        var delays = Enumerable.Range(0, 10).Select(n => RetryBackoff.Delay(n, First, Max).TotalSeconds);

        Assert.Equal([10, 20, 40, 80, 160, 320, 640, 900, 900, 900], delays);
    }

    [Fact]
    public void Delay_IsNeverSoonerThanTheServicesRetryAfter_ButNotShortenedByIt()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), RetryBackoff.Delay(0, First, Max, retryAfter: TimeSpan.FromMinutes(2)));
        Assert.Equal(TimeSpan.FromSeconds(40), RetryBackoff.Delay(2, First, Max, retryAfter: TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Delay_AppliesTheJitterToTheCappedDelay()
    {
        Assert.Equal(TimeSpan.FromSeconds(1080), RetryBackoff.Delay(30, First, Max, jitter: 1.2));
    }
}
