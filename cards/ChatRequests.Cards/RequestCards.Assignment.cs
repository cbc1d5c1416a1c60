using ChatRequests.Core.Assignment;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// Assignment by workload: the assignee told in chat, the channel reminded of a request nobody took, the daily digest.
public sealed partial class RequestCards
{
    /// <summary>
    /// The team card in the assignee's chat, with a line on top saying who gave it to them; sensitive answers are shown
    /// to <paramref name="reader"/> (the person the card goes to) while they may read them, else masked.
    /// </summary>
    public CardMessage AssignedToYou(ServiceRequest r, PersonRef by, IReadOnlyList<PersonRef>? members = null, PersonRef? reader = null) => WithBanner(
        TeamCard(r, members, reader?.Id),
        by.Id == PersonRef.System.Id
            ? $"{r.Id} was assigned to you automatically."
            : $"{by.Name} gave {r.Id} to you.",
        "good");

    /// <summary>The team card posted in the channel again, with why on top ("Still unassigned after 4 working hours").</summary>
    public CardMessage Reannounced(ServiceRequest r, string why, IReadOnlyList<PersonRef>? members = null) =>
        WithBanner(TeamCard(r, members), $"{why}: {r.Id} {r.ItemName} for {r.Requester.Name}. Can someone take it?", "warning");

    /// <summary>Where a digest's requests beyond its first page are.</summary>
    internal const string SeeTheQueue = "Type \"queue\" to see them all.";

    /// <summary>An agent's daily digest: their overdue and due-today requests, each with Open and Set status.</summary>
    public CardMessage Digest(PersonRef agent, DateOnly day, AgentDigest digest)
    {
        object Row(ServiceRequest r) => new
        {
            id = r.Id,
            itemName = r.ItemName,
            requesterName = r.Requester.Name,
            state = CardText.NeutralState(r.State),
            due = CardText.Instant(r.DueAt),
        };
        // Bounded like every list on a card (ADR 0031): the most overdue and the soonest due, with how many there are and
        // where the rest are (the team's queue, oldest first, paged).
        var overdue = digest.Overdue.Take(MaxListed).ToList();
        var dueToday = digest.DueToday.Take(MaxListed).ToList();
        var overdueNote = new ListPart(digest.Overdue.Count).Note(overdue.Count, "most overdue");
        var dueTodayNote = new ListPart(digest.DueToday.Count).Note(dueToday.Count, "soonest due");
        var data = new
        {
            title = $"Good morning, {agent.Name}: your requests for {day:ddd d MMM}",
            overdue = overdue.Select(Row),
            hasOverdue = overdue.Count > 0,
            overdueNote = overdueNote is null ? null : $"{overdueNote} {SeeTheQueue}",
            dueToday = dueToday.Select(Row),
            hasDueToday = dueToday.Count > 0,
            dueTodayNote = dueTodayNote is null ? null : $"{dueTodayNote} {SeeTheQueue}",
        };
        var fallback = $"Your requests for {day:yyyy-MM-dd}: {digest.Overdue.Count} overdue, {digest.DueToday.Count} due today.";
        return Render("digest", data, fallback);
    }
}
