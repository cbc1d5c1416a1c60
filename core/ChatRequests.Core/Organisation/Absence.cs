namespace ChatRequests.Core.Organisation;

/// <summary>A period someone is away (their mailbox's automatic replies); a null end means until they turn it off.</summary>
public sealed record Absence(DateTimeOffset? From, DateTimeOffset? Until)
{
    public bool Covers(DateTimeOffset at) => (From is null || at >= From) && (Until is null || at < Until);
}

/// <summary>
/// Who is away. With the Graph directory this is the mailbox's automatic replies (out of office); an approver who is
/// away is treated as delegating to their manager for that period unless they set a delegate themselves.
/// </summary>
public interface IAbsenceCalendar
{
    /// <summary>
    /// The absence covering <paramref name="at"/>, or null when the person is in. A source that cannot be read (throttled,
    /// forbidden, unknown person) answers null and logs it: an approval never waits on it.
    /// </summary>
    Task<Absence?> FindAbsenceAsync(string personId, DateTimeOffset at, CancellationToken cancellationToken = default);
}

/// <summary>The calendar without a source: nobody is away (the embedded default and the organisation file).</summary>
public sealed class NoAbsences : IAbsenceCalendar
{
    public Task<Absence?> FindAbsenceAsync(string personId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Task.FromResult<Absence?>(null);
}
