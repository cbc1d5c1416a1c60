using ChatRequests.Core.Privacy;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// The auditors' data-subject commands: whom they mean, the erasure's confirmation and what it did.
internal sealed partial class CardGallery
{
    private async Task AddPrivacyAsync()
    {
        var jo = await _organisation.Directory.FindPeopleByNameAsync("jo");
        Add("privacy-choice", _cards.PrivacyChoice(jo, erase: true));
        var person = await _organisation.Directory.FindPersonAsync(jo[0].Id);
        var chosen = new PersonRef(person!.Id, person.Name);
        Add("erase-confirm", _cards.EraseConfirmation(chosen, person));
        Add("erased", _cards.Erased(chosen, new ErasureResult(["REQ-000031", "REQ-000044"], ["REQ-000102"], DelegationRemoved: true, AvailabilityRemoved: false)));
    }
}
