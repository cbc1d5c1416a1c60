using ChatRequests.Core.Assignment;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// Assignment by workload: the team card with "Reassign" and with nobody available, the assignee told in chat, the
// request posted again, and an agent's daily digest.
internal sealed partial class CardGallery
{
    private async Task AddAssignmentAsync()
    {
        var adele = _story.Agent;
        var lidia = await _organisation.PersonAsync("00000000-0000-0000-0000-0000000000f1");
        IReadOnlyList<PersonRef> members = [adele, lidia];

        var mouse = await SubmitAsync("REQ-000141", SampleOrganisation.Megan, "mouse", "The scroll wheel of my mouse no longer works.",
            LaptopStory.At(2, 8, 2), ("deliveryLocation", "Berlin office"));
        mouse.ReachTeam(new AssigneeChoice(adele, "least loaded: 1 open"), null, null, LaptopStory.At(2, 8, 2));
        Show("team-assigned-automatically", mouse, x => _cards.TeamCard(x, members));
        Show("assigned-to-you", mouse, x => _cards.AssignedToYou(x, PersonRef.System, members));
        mouse.Reassign(adele, lidia, LaptopStory.At(2, 9, 15));
        Show("assigned-to-you-by-colleague", mouse, x => _cards.AssignedToYou(x, adele, members));

        var headset = await SubmitAsync("REQ-000142", SampleOrganisation.Megan, "headset", "The microphone of my headset crackles in every call.",
            LaptopStory.At(2, 10, 0), ("model", "Wireless Bluetooth headset"), ("reason", "Broken"), ("deliveryLocation", "Berlin office"));
        headset.ReachTeam(
            new AssigneeChoice(null, "Adele Vance is away, Lidia Holloway marked themselves unavailable"), LaptopStory.At(2, 14, 0), 4, LaptopStory.At(2, 10, 0));
        Show("team-nobody-available", headset, x => _cards.TeamCard(x, members));
        headset.CheckSla(LaptopStory.At(2, 14, 0));
        Show("team-reannounced", headset, x => _cards.Reannounced(x, x.Outbox[^1].Comment!, members));

        var laptop = await _story.SubmitAsync();
        _story.ManagerApproves(laptop);
        _story.FinanceApproves(laptop);
        _story.AgentTakesIt(laptop);
        _story.WorkStarts(laptop);
        var day = DateOnly.FromDateTime(laptop.DueAt.UtcDateTime.AddDays(1));
        _clock.AdjustTime(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddHours(8));
        var dueToday = await SubmitAsync("REQ-000143", SampleOrganisation.Diego, "mouse", "The left button of my mouse double-clicks.",
            laptop.DueAt.AddHours(-8), ("deliveryLocation", "Home (remote worker)"));
        dueToday.Assign(adele, adele, laptop.DueAt.AddHours(-7));
        Add("digest", _cards.Digest(adele, day, new AgentDigest([laptop], [dueToday], TimeZoneInfo.Utc)));
    }
}
