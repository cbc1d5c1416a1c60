using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// Megan changes her logged laptop request: the details card offers it, the form comes filled in; a keyboard layout
// changes nothing that matters, a change while Finance decides sends it back to Alex (the old step asks no more).
internal sealed partial class CardGallery
{
    private async Task AddEditAsync()
    {
        var r = await _story.SubmitAsync();
        _story.ManagerApproves(r);
        _story.FinanceApproves(r);
        Show("request-detail-changeable", r, x => _cards.RequestDetail(x, _story.Requester));
        Show("request-change-form", r, x => _cards.ChangeForm(
            x, _story.Item, new FormPrefill("change-laptop-megan", x.Justification, null, x.Fields), errors: null));
        r.Edit(_story.Requester, Change(r, "edit-1", "keyboardLayout", "US (QWERTY)"), [], null, LaptopStory.At(2, 15, 10));
        Show("request-changed", r, x => _cards.Changed(x, null));

        var back = await _story.SubmitAsync();
        _story.ManagerApproves(back);
        const string why = "Delivery location changed, which the approval policy reads";
        back.Edit(_story.Requester, Change(back, "edit-2", "deliveryLocation", "London office"), [.. back.Approvals.Select(Fresh)], why, LaptopStory.At(2, 11, 30));
        Show("request-changed-reapproval", back, x => _cards.Changed(x, why));
        Show("approval-changed-asked-again", back, x => _cards.Approval(x, x.CurrentStage, _story.Manager));
        Show("approval-changed-superseded", back, x => _cards.Approval(x, 1, _story.FinanceApprover));
    }

    private static RequestChange Change(ServiceRequest r, string key, string field, string value) =>
        new(key, r.Justification, new Dictionary<string, string>(r.Fields) { [field] = value });

    private static ApprovalStage Fresh(ApprovalStage stage) =>
        new(stage.Name, stage.Approvers) { Mode = stage.Mode, Fallbacks = stage.Fallbacks, TimeoutHours = stage.TimeoutHours };
}
