using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

// The requester changes a logged request: its form filled in with the current answers, and what the change came to.
public sealed partial class RequestCards
{
    /// <summary>
    /// The item's form for <paramref name="r"/>, filled in with <paramref name="prefill"/> (the request's answers, or the
    /// ones just sent with <paramref name="errors"/>), saying when a change goes back for approval and that another item
    /// means a new request.
    /// </summary>
    public CardMessage ChangeForm(ServiceRequest r, CatalogItem item, FormPrefill prefill, IReadOnlyDictionary<string, string>? errors) =>
        RenderForm(item, prefill, errors, $"Change {r.Id}: {item.Name}", new
        {
            requestId = r.Id,
            note = "Change your answers and save. If the change raises the cost or alters an answer the approval depends on, " +
                "it goes back for approval; otherwise the approvals given stand. To ask for another item, cancel this request and make a new one.",
        });

    /// <summary>What the requester's change came to: saved, and whether it went back for approval (and why).</summary>
    public CardMessage Changed(ServiceRequest r, string? backForApprovalBecause)
    {
        var edit = r.Edits.LastOrDefault();
        var text = backForApprovalBecause is null
            ? r.State == RequestState.Approved
                ? $"Your changes to {r.Id} are saved. The approvals given still cover it, so {r.TeamName} goes on with it."
                : $"Your changes to {r.Id} are saved. The approvals given still cover it, so nothing is asked again; the approvers see the new answers."
            : $"Your changes to {r.Id} are saved. It went back for approval: {backForApprovalBecause}.";
        return RenderNotice(
            r,
            new NoticeText(backForApprovalBecause is null ? "Changes saved" : "Changes saved: approval needed again", backForApprovalBecause is null ? "good" : "warning", text, "What changed", edit?.Summary),
            NoticeFacts(r, kind: null),
            update: null,
            askAnswer: false,
            confirm: false);
    }
}
