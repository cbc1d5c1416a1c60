using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// The laptop request through every state: the cards each person sees at each step.
internal sealed partial class CardGallery
{
    private async Task AddLaptopAsync()
    {
        var r = await _story.SubmitAsync();
        Show("submitted", r, _cards.Submitted);
        Show("approval-pending", r, x => _cards.Approval(x, 0, _story.Manager));

        _story.ManagerApproves(r);
        Show("approval-approved-by-you", r, x => _cards.Approval(x, 0, _story.Manager));
        Notice("notice-stage-approved", r, NoticeKind.StageApproved, RequestEventType.StageApproved);
        Show("approval-pending-step-2", r, x => _cards.Approval(x, 1, _story.FinanceApprover));

        _story.FinanceApproves(r);
        var otherApprover = r.Approvals[1].Approvers.First(a => a.Id != _story.FinanceApprover.Id);
        Show("approval-approved-by-someone-else", r, x => _cards.Approval(x, 1, otherApprover));
        Notice("notice-approved", r, NoticeKind.Approved, RequestEventType.Approved);
        Show("team-approved", r, _cards.TeamCard);

        _story.AgentTakesIt(r);
        Show("team-assigned", r, _cards.TeamCard);
        Notice("notice-assigned", r, NoticeKind.Assigned, RequestEventType.Assigned);

        _story.WorkStarts(r);
        Show("team-in-progress", r, _cards.TeamCard);
        Notice("notice-status-in-progress", r, NoticeKind.StatusChanged, RequestEventType.StatusChanged);

        _story.PartsAwaited(r);
        Show("team-awaiting-parts", r, _cards.TeamCard);
        Notice("notice-status-awaiting-parts", r, NoticeKind.StatusChanged, RequestEventType.StatusChanged);

        _story.HandOverScheduled(r);
        Show("team-scheduled", r, _cards.TeamCard);
        Notice("notice-status-scheduled", r, NoticeKind.StatusChanged, RequestEventType.StatusChanged);

        _story.AgentAsks(r);
        Show("team-awaiting-requester", r, _cards.TeamCard);
        Notice("notice-question-asked", r, NoticeKind.QuestionAsked, RequestEventType.QuestionAsked);
        Show("answer-offer", r, x => _cards.AnswerOffer(x, "I'll sync them from OneDrive myself, thanks"));

        _story.RequesterAnswers(r);
        Show("team-answered", r, _cards.TeamCard);
        Show("answer-reply", r, x => _cards.AnswerReply(x, x.Question!.Answer!));
        Show("notice-answer-sent", r, _cards.AnswerSent);

        _story.AgentResolves(r);
        Show("team-fulfilled", r, _cards.TeamCard);
        Notice("notice-resolved", r, NoticeKind.Resolved, RequestEventType.Resolved);

        _story.RequesterConfirms(r);
        Show("team-closed", r, _cards.TeamCard);
        Show("info-closed", r, x => _cards.Info($"{x.Id} closed", "Thanks for confirming and for your rating (5/5). The request is closed.", "good"));
        // A notice bound after the request moved on offers nothing that can no longer be done.
        Notice("notice-resolved-since-closed", r, NoticeKind.Resolved, RequestEventType.Resolved);
        Show("request-detail", r, x => _cards.RequestDetail(x, _story.Requester));
    }

    private async Task AddBranchesAsync()
    {
        var rejected = await _story.SubmitAsync();
        _story.ManagerApproves(rejected);
        _story.FinanceRejects(rejected);
        Show("approval-rejected-by-you", rejected, x => _cards.Approval(x, 1, _story.FinanceApprover));
        Notice("notice-rejected", rejected, NoticeKind.Rejected, RequestEventType.Rejected);
        Show("request-detail-rejected", rejected, x => _cards.RequestDetail(x, _story.Requester));

        var withdrawn = await _story.SubmitAsync();
        _story.ManagerApproves(withdrawn);
        _story.CancelledWhileApproving(withdrawn);
        Show("approval-cancelled", withdrawn, x => _cards.Approval(x, 1, _story.FinanceApprover));

        var stopped = await _story.SubmitAsync();
        _story.ManagerApproves(stopped);
        _story.FinanceApproves(stopped);
        _story.AgentTakesIt(stopped);
        _story.WorkStarts(stopped);
        _story.CancelledWhileWorking(stopped);
        Show("team-cancelled", stopped, _cards.TeamCard);

        var reopened = await _story.SubmitAsync();
        _story.ManagerApproves(reopened);
        _story.FinanceApproves(reopened);
        _story.AgentTakesIt(reopened);
        _story.AgentResolves(reopened);
        _story.RequesterReopens(reopened);
        Show("team-reopened", reopened, _cards.TeamCard);
        Show("info-reopened", reopened, x => _cards.Info($"{x.Id} reopened", $"Sorry it isn't fixed. I sent {x.Id} back to {x.TeamName}; they will pick it up again.", "warning"));
    }
}
