using ChatRequests.Core.Messaging;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Cards.Gallery;

// Megan asks to read the Finance reports: once Alex approves, she is added to the group automatically (with Microsoft
// Graph), or the team is asked to do it by hand when Graph refused; and an item of several steps.
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

        // The same item flagged for a check: the grant waits for a colleague before Megan is asked.
        var checkedGrant = await FinanceReportsAsync("REQ-000144");
        checkedGrant.Decide(alex, approve: true, null, 0, LaptopStory.At(4, 9, 30));
        checkedGrant.CompleteProvisioningStep(0, LaptopStory.At(4, 9, 31), Checked);
        Show("team-granted-in-review", checkedGrant, _cards.TeamCard);

        var refused = await FinanceReportsAsync("REQ-000142");
        refused.Decide(alex, approve: true, null, 0, LaptopStory.At(4, 9, 30));
        refused.FailProvisioningStep(0, "Microsoft Graph refused to add the member (403 Authorization_RequestDenied)", LaptopStory.At(4, 9, 31));
        Show("team-provisioning-failed", refused, _cards.TeamCard);

        // Several steps: the group, a licence, then the procurement system's webhook.
        var joiner = await FinanceReportsAsync("REQ-000143", JoinerSteps);
        joiner.Decide(alex, approve: true, null, 0, LaptopStory.At(4, 9, 30));
        joiner.CompleteProvisioningStep(0, LaptopStory.At(4, 9, 31));
        joiner.FailProvisioningStep(1, "Microsoft Graph refused to assign the licence (400 Request_BadRequest)", LaptopStory.At(4, 9, 31));
        Show("team-provisioning-steps-failed", joiner, _cards.TeamCard);

        var done = await FinanceReportsAsync("REQ-000144", JoinerSteps);
        done.Decide(alex, approve: true, null, 0, LaptopStory.At(4, 9, 30));
        for (var step = 0; step < JoinerSteps.Steps!.Count; step++)
        {
            done.CompleteProvisioningStep(step, LaptopStory.At(4, 9, 31));
        }

        Show("team-provisioned-steps", done, _cards.TeamCard);
    }

    private static readonly ProvisioningPlan JoinerSteps = new()
    {
        Steps =
        [
            new ProvisioningStep { Kind = ProvisioningStepKind.AddToGroup, GroupId = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", GroupName = "Finance share readers" },
            new ProvisioningStep { Kind = ProvisioningStepKind.AssignLicence, SkuId = "05e9a617-0261-4cee-bb44-138d3ef5d965", SkuName = "Power BI Pro" },
            new ProvisioningStep { Kind = ProvisioningStepKind.Webhook, Url = "https://procurement.contoso.example/hooks/chatrequests", Secret = "procurement", Name = "the procurement system" },
        ],
    };

    private Task<ServiceRequest> FinanceReportsAsync(string id, ProvisioningPlan? provisioning = null) =>
        _organisation.SubmitAsync(
            id,
            SampleOrganisation.Megan,
            new RequestForm($"form-{id}", "finance-share-read", "I prepare the monthly reporting pack for Marketing and need the Finance reports.", "Medium",
                new Dictionary<string, string?> { ["department"] = "Marketing" }),
            LaptopStory.At(4, 9, 5),
            provisioning: provisioning);
}
