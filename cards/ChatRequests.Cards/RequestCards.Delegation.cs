using System.Globalization;
using ChatRequests.Core.Organisation;

namespace ChatRequests.Cards;

public sealed partial class RequestCards
{
    /// <summary>Several people fit the name typed for a delegate: each with a button that sets the delegation to them.</summary>
    public CardMessage DelegateChoice(IReadOnlyList<Person> people, DateOnly lastDay)
    {
        var until = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var question = $"Several people have that name. Choose who approves for you until {lastDay.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}.";
        var listed = people.Take(MaxListed).Select(p => new
        {
            id = p.Id,
            name = p.Name,
            about = string.Join(", ", new[] { p.JobTitle, p.Department, p.Email }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } a ? a : null,
            until,
        });
        return Render("delegate-choice", new { question, people = listed }, $"{question} {string.Join(", ", people.Select(p => p.Name))}");
    }
}
