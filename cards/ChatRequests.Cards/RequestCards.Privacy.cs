using ChatRequests.Cards.Actions;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Privacy;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// The auditors' data-subject commands: whom they mean, the erasure's confirmation and its outcome.
public sealed partial class RequestCards
{
    /// <summary>Several people fit the name an auditor typed: each with a button that carries only their id and what it is for.</summary>
    public CardMessage PrivacyChoice(IReadOnlyList<Person> people, bool erase)
    {
        var question = erase
            ? "Several people have that name. Choose whose data to erase (you confirm on the next card)."
            : "Several people have that name. Choose whose data to export.";
        var kind = erase ? PrivacyPickData.EraseKind : PrivacyPickData.ExportKind;
        var listed = people.Take(MaxListed).Select(p => new { id = p.Id, name = p.Name, about = About(p), kind });
        return Render("privacy-choice", new { question, people = listed }, $"{question} {string.Join(", ", people.Select(p => p.Name))}");
    }

    /// <summary>Asks the auditor to confirm the erasure of the person's data, saying what it does.</summary>
    public CardMessage EraseConfirmation(PersonRef person, Person? details)
    {
        var title = $"Erase the data of {person.Name}?";
        var about = (details is null ? null : About(details)) ?? person.Name;
        return Render("erase-confirm", new { title, about, personId = person.Id }, $"{title} Confirm on the card.");
    }

    /// <summary>What an erasure did, replacing its confirmation card; the open requests it left are listed by number.</summary>
    public CardMessage Erased(PersonRef person, ErasureResult result)
    {
        var nothing = result.Anonymised.Count == 0 && !result.DelegationRemoved && !result.AvailabilityRemoved;
        var done = nothing
            ? "No closed request of theirs was left to anonymise, and they had no delegation or availability mark."
            : $"Anonymised {Requests(result.Anonymised)}." +
              (result.DelegationRemoved ? " Removed their approval delegation." : "") +
              (result.AvailabilityRemoved ? " Removed their availability mark." : "");
        var open = result.LeftOpen.Count == 0
            ? ""
            : $" Left alone because still open: {string.Join(", ", result.LeftOpen)}. Erase again once they are closed, or the retention rule anonymises them.";
        return Info(nothing ? $"Nothing more to erase for {person.Name}" : $"Data of {person.Name} erased", done + open, result.LeftOpen.Count == 0 ? "good" : "warning");

        static string Requests(IReadOnlyList<string> ids) => ids.Count switch
        {
            0 => "no requests",
            1 => $"1 request ({ids[0]})",
            _ => $"{ids.Count} requests ({string.Join(", ", ids)})",
        };
    }
}
