using System.Text.Json.Serialization;

namespace ChatRequests.Core.Requests;

/// <summary>
/// One rung of the escalation ladder reached by a request (<see cref="ServiceRequest.Escalations"/>): level 1 the team
/// lead, level 2 the supervisor, level 3 senior management. Each level is reached at most once per request; it is
/// resolved (de-escalated) when the request is resolved or cancelled.
/// </summary>
/// <param name="Why">What made it fire, as the history and the cards say it ("the requester followed up").</param>
/// <param name="To">Who was asked to act; empty when nobody could be named (the card then goes to the team card's thread).</param>
public sealed record Escalation(int Level, DateTimeOffset At, string Why, IReadOnlyList<PersonRef> To)
{
    public const int TeamLead = 1;
    public const int Supervisor = 2;
    public const int SeniorManagement = 3;

    /// <summary>
    /// The role of the people it went to ("team lead" when a level 2 without a supervisor fell back to the lead); empty in
    /// escalations that went where their level says (<see cref="RoleName"/>).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string Role { get; init; } = "";

    public string RoleName => Role.Length > 0 ? Role : RoleOf(Level);

    /// <summary>When the request was resolved or cancelled and the escalation with it; null while it stands.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    public bool IsActive => ResolvedAt is null;

    /// <summary>Who it went to, as people read it ("Lee Gu, Patti Fernandez"); "the team's channel" when nobody was named.</summary>
    public string ToNames => To.Count == 0 ? "the team's channel" : string.Join(", ", To.Select(p => p.Name));

    /// <summary>The role a level goes to, as people read it.</summary>
    public static string RoleOf(int level) => level switch
    {
        TeamLead => "team lead",
        Supervisor => "supervisor",
        _ => "senior management",
    };
}

/// <summary>
/// Who the ladder's levels go to for one request, looked up in the directory just before a level may fire
/// (<see cref="Sla.EscalationContactsFinder"/>), and whether its requester is a VIP.
/// </summary>
public sealed record EscalationContacts(PersonRef? Lead, PersonRef? Supervisor, IReadOnlyList<PersonRef> SeniorManagement)
{
    /// <summary>Nobody known: every level goes to the team card's thread.</summary>
    public static EscalationContacts None { get; } = new(null, null, []);

    public bool RequesterIsVip { get; init; }

    /// <summary>Working hours past the target at which a breach goes to level 3; null: never.</summary>
    public int? Level3AfterBreachHours { get; init; }

    /// <summary>The instant <see cref="Level3AfterBreachHours"/> past a target: the team calendar's working hours.</summary>
    public Func<DateTimeOffset, DateTimeOffset?> LongBreachAt { get; init; } = _ => null;
}
