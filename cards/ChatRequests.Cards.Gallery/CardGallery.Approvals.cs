using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// Approval policies as people see them: parallel stages, pre-authorisation, rerouting, a stuck stage and a timeout.
internal sealed partial class CardGallery
{
    private async Task AddApprovalsAsync()
    {
        await AddParallelAsync();
        var preAuthorised = await _story.SubmitAsync(stages: null, preAuthorisation: "pre-authorised: Marketing gets Developer laptop");
        Show("submitted-pre-authorised", preAuthorised, _cards.Submitted);
        await AddRerouteAsync();
        await AddTimeoutAsync();
    }

    /// <summary>IT Security must all approve (one of three has); Finance needs any one of three (someone else decided).</summary>
    private async Task AddParallelAsync()
    {
        var raul = await _organisation.PersonAsync(SampleOrganisation.Raul);
        var allan = await _organisation.PersonAsync(SampleOrganisation.Allan);
        var christie = await _organisation.PersonAsync(SampleOrganisation.Christie);
        var all = await _story.SubmitAsync(stages => [new ApprovalStage("IT security approval", [raul, allan, christie]) { Mode = ApprovalMode.All }]);
        all.Decide(raul, approve: true, "Fine from a security point of view.", 0, LaptopStory.At(2, 10, 5));
        Show("approval-all-one-of-three", all, x => _cards.Approval(x, 0, allan));

        var isaiah = await _organisation.PersonAsync(SampleOrganisation.Isaiah);
        var joni = await _organisation.PersonAsync(SampleOrganisation.Joni);
        var lynne = await _organisation.PersonAsync(SampleOrganisation.Lynne);
        var any = await _story.SubmitAsync(stages => [new ApprovalStage("Finance approval", [isaiah, joni, lynne])]);
        any.Decide(joni, approve: true, "Within the Marketing hardware budget for Q1.", 0, LaptopStory.At(2, 11, 20));
        Show("approval-any-decided-by-someone-else", any, x => _cards.Approval(x, 0, isaiah));
    }

    /// <summary>Alex cannot be reached: it goes to his manager; with nobody else to ask, it is stuck.</summary>
    private async Task AddRerouteAsync()
    {
        var rerouted = await _story.SubmitAsync();
        rerouted.RerouteUnreachable(_story.Manager, "404 UserNotFound", LaptopStory.At(2, 9, 13));
        Notice("notice-approval-rerouted", rerouted, NoticeKind.ApprovalRerouted, RequestEventType.ApprovalRerouted);

        var stuck = await _story.SubmitAsync(stages => [.. stages.Select(s => s with { Fallbacks = [] })]);
        stuck.RerouteUnreachable(_story.Manager, "404 UserNotFound", LaptopStory.At(2, 9, 13));
        Notice("notice-approval-stuck", stuck, NoticeKind.ApprovalStuck, RequestEventType.ApprovalStuck);
    }

    /// <summary>The manager's step has 48 hours: the requester sees when it is due; after it, Alex's card and his chat say where it went.</summary>
    private async Task AddTimeoutAsync()
    {
        var r = await _story.SubmitAsync(stages => [stages[0] with { TimeoutHours = 48 }, .. stages.Skip(1)]);
        Show("request-detail-approval-due", r, x => _cards.RequestDetail(x, _story.Requester));
        r.CheckSla(LaptopStory.At(3, 9, 12));
        r.CheckSla(LaptopStory.At(4, 9, 12));
        Show("approval-timed-out", r, x => _cards.Approval(x, 0, _story.Manager));
        Show("notice-approval-timed-out", r, x => _cards.ApprovalTimedOut(x, 0));
        Notice("notice-approval-timeout-rerouted", r, NoticeKind.ApprovalRerouted, RequestEventType.ApprovalRerouted);
    }
}
