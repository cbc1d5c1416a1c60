namespace ChatRequests.Core.Requests;

/// <summary>
/// A time the fulfilment clock stood still (the request waited for its requester or for parts), from
/// <paramref name="From"/> to <paramref name="To"/>; <paramref name="WorkingTime"/> is the team's working time in it, by
/// which the target and the at-risk instant moved later when it ended.
/// </summary>
public sealed record ClockPause(DateTimeOffset From, DateTimeOffset To, TimeSpan WorkingTime);
