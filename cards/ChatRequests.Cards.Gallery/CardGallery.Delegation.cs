namespace ChatRequests.Cards.Gallery;

// Delegation: the choice among people of one name, for a delegate and for "Ask someone else".
internal sealed partial class CardGallery
{
    private async Task AddDelegationAsync()
    {
        var jo = await _organisation.Directory.FindPeopleByNameAsync("jo");
        Add("delegate-choice", _cards.DelegateChoice(jo, new DateOnly(2026, 3, 20)));
        Add("delegation-on", _cards.Info(
            "Delegation on",
            "From now on, approvals for you go to Diego Siciliani, who decides on your behalf until the end of 20 Mar 2026 (UTC). Approvals already sent to you stay with you. Type 'delegation off' to end it sooner.",
            "good"));
    }
}
