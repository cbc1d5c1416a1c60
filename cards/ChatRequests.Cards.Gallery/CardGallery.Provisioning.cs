using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// Megan asks to read the Finance reports: once Alex approves, she is added to the group automatically (with Microsoft
// Graph), or the team is asked to do it by hand when Graph refused.
internal sealed partial class CardGallery
{
    private async Task AddProvisioningAsync()
    {
        var alex = await _organisation.PersonAsync(SampleOrganisation.Alex);

        var provisioned = await FinanceReportsAsync("REQ-000141");
        provisioned.Decide(alex, approve: true, "Yes, Megan prepares the monthly reporting pack.", 0, LaptopStory.At(4, 9, 30));
        Show("team-provisioning-pending", provisioned, _cards.TeamCard);
        provisioned.CompleteProvisioningStep(0, LaptopStory.At(4, 9, 31));
        Show("team-provisioned", provisioned, _cards.TeamCard);
        Notice("notice-provisioned", provisioned, NoticeKind.Resolved, RequestEventType.Resolved);

        var refused = await FinanceReportsAsync("REQ-000142");
        refused.Decide(alex, approve: true, null, 0, LaptopStory.At(4, 9, 30));
        refused.FailProvisioningStep(0, "Microsoft Graph refused to add the member (403 Authorization_RequestDenied)", LaptopStory.At(4, 9, 31));
        Show("team-provisioning-failed", refused, _cards.TeamCard);
    }

    private Task<ServiceRequest> FinanceReportsAsync(string id) =>
        SubmitAsync(id, SampleOrganisation.Megan, "finance-share-read", "I prepare the monthly reporting pack for Marketing and need the Finance reports.",
            LaptopStory.At(4, 9, 5), ("department", "Marketing"));
}
