using System.Globalization;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// Who decides for whom: choosing a delegate, and passing a pending approval on to someone else.
public sealed partial class RequestCards
{
    /// <summary>Several people fit the name typed for a delegate: each with a button that sets the delegation to them.</summary>
    public CardMessage DelegateChoice(IReadOnlyList<Person> people, DateOnly lastDay)
    {
        var until = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var question = $"Several people have that name. Choose who approves for you until {lastDay.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}.";
        var listed = people.Take(MaxListed).Select(p => new { id = p.Id, name = p.Name, about = About(p), until });
        return Render("delegate-choice", new { question, people = listed }, $"{question} {string.Join(", ", people.Select(p => p.Name))}");
    }

    /// <summary>Several people fit the name typed under "Ask someone else": each with a button that passes the stage on to them.</summary>
    public CardMessage HandoverChoice(ServiceRequest r, int stage, IReadOnlyList<Person> people)
    {
        var question = $"Several people have that name. Choose who should decide {r.Approvals[stage].Name} of {r.Id} ({r.ItemName} for {r.Requester.Name}) instead of you.";
        var listed = people.Take(MaxListed).Select(p => new { id = p.Id, name = p.Name, about = About(p), requestId = r.Id, stage });
        return Render("handover-choice", new { question, people = listed }, $"{question} {string.Join(", ", people.Select(p => p.Name))}");
    }

    private static string? About(Person p) =>
        string.Join(", ", new[] { p.JobTitle, p.Department, p.Email }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } about ? about : null;

    /// <summary>The viewer passed the open stage on ("Ask someone else") and is no longer asked.</summary>
    private static Handover? PassedOnBy(ApprovalStage stage, PersonRef viewer) =>
        stage.IsApprover(viewer.Id) ? null : stage.Handovers.LastOrDefault(h => h.From.Id == viewer.Id);
}
