namespace ChatRequests.Cards.Gallery;

/// <summary>A clock that says what it is told: the cards' "overdue" and the domain's timestamps stay the same on every run.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
