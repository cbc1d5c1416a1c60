using ChatRequests.Core.Privacy;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests.Privacy;

public class HeldExportsTests
{
    private static readonly byte[] Zip = [1, 2, 3];
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 5, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TheOwner_TakesTheFileOnce_AndAReplayFindsNothing()
    {
        var held = new HeldExports(_clock);
        var key = held.Hold("auditor-1", "requests-2026-11.zip", "Requests submitted in November 2026", Zip);

        var taken = held.Take(key, "auditor-1");

        Assert.NotNull(taken);
        Assert.Equal(("requests-2026-11.zip", Zip), (taken.FileName, taken.Bytes));
        Assert.Null(held.Take(key, "auditor-1"));
        Assert.Equal(0, held.Count);
    }

    [Fact]
    public void SomeoneElse_TakesNothing_AndTheFileStaysForItsOwner()
    {
        var held = new HeldExports(_clock);
        var key = held.Hold("auditor-1", "f.zip", "d", Zip);

        Assert.Null(held.Take(key, "someone-else"));
        Assert.NotNull(held.Take(key, "auditor-1"));
    }

    [Fact]
    public void AnExpiredFile_IsNotGiven_AndIsDropped()
    {
        var held = new HeldExports(_clock, TimeSpan.FromMinutes(5));
        var key = held.Hold("auditor-1", "f.zip", "d", Zip);
        var other = held.Hold("auditor-1", "g.zip", "d", Zip);

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Null(held.Take(key, "auditor-1"));
        Assert.Equal(0, held.Count);
        Assert.Null(held.Take(other, "auditor-1"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-key")]
    public void AnUnknownKey_FindsNothing(string? key)
    {
        var held = new HeldExports(_clock);
        held.Hold("auditor-1", "f.zip", "d", Zip);

        Assert.Null(held.Take(key, "auditor-1"));
        Assert.Equal(1, held.Count);
    }

    [Fact]
    public void Keys_AreLongAndDifferent()
    {
        var held = new HeldExports(_clock);

        var (a, b) = (held.Hold("p", "f", "d", Zip), held.Hold("p", "f", "d", Zip));

        Assert.NotEqual(a, b);
        Assert.Equal(64, a.Length);
    }
}
