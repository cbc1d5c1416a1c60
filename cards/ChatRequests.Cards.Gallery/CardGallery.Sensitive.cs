using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Cards.Gallery;

// A folder path marked sensitive: the channel's card reads "(masked)", the assignee's card in their chat shows it.
internal sealed partial class CardGallery
{
    private async Task AddSensitiveAsync()
    {
        var at = LaptopStory.At(3, 9, 0);
        var form = new RequestForm("form-REQ-000151", "shared-folder-access", "I take over the HR casework reports from Joni.", "Medium",
            new Dictionary<string, string?> { ["system"] = "HR share", ["sharePath"] = @"\\fs01\hr\casework\2026", ["role"] = "Read" });
        var r = await _organisation.SubmitAsync("REQ-000151", SampleOrganisation.Megan, form, at, sensitiveFields: ["sharePath"]);
        for (var stage = 0; stage < r.Approvals.Count; stage++)
        {
            r.Decide(r.Approvals[stage].Approvers[0], approve: true, null, stage, at.AddMinutes(20 * (stage + 1)));
        }

        var christie = await _organisation.PersonAsync(SampleOrganisation.Christie);
        r.Assign(christie, christie, at.AddHours(1));
        Show("team-sensitive-masked", r, x => _cards.TeamCard(x, null));
        Show("assigned-to-you-sensitive", r, x => _cards.AssignedToYou(x, PersonRef.System, null, reader: christie));
    }
}
