using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;

namespace ChatRequests.Core.Understanding;

/// <summary>What a message is, as far as the words tell.</summary>
public enum MeaningKind
{
    /// <summary>One of the bot's commands (<see cref="Meaning.Command"/>), in whatever words.</summary>
    Command,
    /// <summary>One catalog item is a clear winner: its form, pre-filled.</summary>
    Item,
    /// <summary>Several items fit about as well (2 to 5, best first): the person chooses, their words are kept.</summary>
    Choice,
    /// <summary>Only a weak or partial match (a word shared with an item): asked as a question, never a confident form.</summary>
    Suggestion,
    /// <summary>A fault report ("VPN keeps dropping"): an incident, not a service request.</summary>
    Incident,
    /// <summary>Nothing close: the catalog's categories and a way to ask a person.</summary>
    Unknown,
}

/// <summary>The bot's commands, however they are phrased ("status of my stuff", "hlep").</summary>
public enum ChatCommand
{
    Help,
    /// <summary>Browse the catalog ("new request", "what can I order").</summary>
    Browse,
    /// <summary>The person's own requests ("my requests", "status of my stuff", "where is my laptop request").</summary>
    MyRequests,
    /// <summary>One request's details: the words name its number (<see cref="Meaning.RequestId"/>).</summary>
    ShowRequest,
    /// <summary>The approvals waiting for the person.</summary>
    Approvals,
    /// <summary>A team's open requests (agents).</summary>
    Queue,
    /// <summary>"cancel REQ-000042", or with no number "cancel" / "never mind" (the open form, or which request?).</summary>
    Cancel,
    /// <summary>Set, end or show who approves for the person (<see cref="Meaning.Delegation"/>).</summary>
    Delegation,
    /// <summary>An agent not available for new requests, or available again (<see cref="Meaning.Available"/>).</summary>
    Availability,
    /// <summary>The figures of a team, category or the person's reports over a period (<see cref="Meaning.Report"/>).</summary>
    Report,
    /// <summary>"history REQ-000042", "audit trail of REQ-000042": the request's whole timeline (its viewers and auditors).</summary>
    History,
    /// <summary>"verify REQ-000042": whether the request's history chain is intact (auditors only).</summary>
    Verify,
    /// <summary>"export requests for November", "export data of Megan Bowen": a file for auditors (<see cref="Meaning.Export"/>).</summary>
    Export,
    /// <summary>"erase data of Megan Bowen": a data-subject erasure, confirmed on a card (auditors only; <see cref="Meaning.Export"/>).</summary>
    Erase,
    /// <summary>"parked", "what is stuck": the parked steps of the teams the person leads, with Retry and Dismiss (<see cref="ParkedWords"/>).</summary>
    Parked,
}

/// <summary>A catalog item the words fit, how well, and the form values they named.</summary>
/// <param name="Score">The matcher's score; only comparable within one <see cref="Meaning"/>.</param>
/// <param name="Slots">Field id to value, for the fields the words filled: a choice exactly as the catalog spells it, a number as digits.</param>
public sealed record ItemMatch(CatalogItem Item, double Score, IReadOnlyDictionary<string, string> Slots);

/// <summary>
/// What a message means. <see cref="Items"/> holds the winner for <see cref="MeaningKind.Item"/>, the options for
/// <see cref="MeaningKind.Choice"/> and <see cref="MeaningKind.Suggestion"/>, for <see cref="MeaningKind.Incident"/> the
/// items to offer if the person was asking for something after all (ADR 0052; the answer shows the first
/// <see cref="ShownBesideAnIncident"/> of them at once, ADR 0089), and is empty otherwise.
/// </summary>
public sealed record Meaning
{
    /// <summary>
    /// How many of an incident's <see cref="Items"/> its answer shows beside how to report the fault (ADR 0089): few, so a
    /// fault report stays a fault report, and enough for an ask the fault rules took.
    /// </summary>
    public const int ShownBesideAnIncident = 3;

    public required MeaningKind Kind { get; init; }
    public ChatCommand? Command { get; init; }
    /// <summary>A request number named in the words ("REQ-000042"), for ShowRequest and Cancel.</summary>
    public string? RequestId { get; init; }
    public IReadOnlyList<ItemMatch> Items { get; init; } = [];
    /// <summary>How urgent the words sound ("asap", "no rush"), or null when they do not say.</summary>
    public Urgency? UrgencyHint { get; init; }
    /// <summary>For <see cref="ChatCommand.Delegation"/>: what the words ask of the person's delegation.</summary>
    public DelegationAsk? Delegation { get; init; }
    /// <summary>For <see cref="ChatCommand.Availability"/>: true for "available", false for "unavailable".</summary>
    public bool? Available { get; init; }
    /// <summary>For "unavailable until DAY": the day as typed ("Monday"), read by the availability desk; null otherwise.</summary>
    public string? UnavailableUntil { get; init; }

    /// <summary>
    /// For <see cref="ChatCommand.MyRequests"/> and <see cref="ChatCommand.ShowRequest"/>: the words chase a request
    /// ("any news?", "any update on REQ-000042", "what's happening with my laptop"), which on the person's own open request
    /// counts as a follow-up. <see cref="Items"/> then holds the catalog items the words name, to tell which request.
    /// </summary>
    public bool FollowUp { get; init; }

    /// <summary>For <see cref="ChatCommand.Report"/>: the period and the team or category the words name.</summary>
    public ReportAsk? Report { get; init; }

    /// <summary>For <see cref="ChatCommand.Export"/> and <see cref="ChatCommand.Erase"/>: the period or the person's name as typed.</summary>
    public ExportAsk? Export { get; init; }
}

/// <summary>Reads a message typed in chat (already cleaned of mentions and markup) against the loaded catalog.</summary>
public interface IMessageInterpreter
{
    ValueTask<Meaning> InterpretAsync(string text, CancellationToken cancellationToken = default);
}
