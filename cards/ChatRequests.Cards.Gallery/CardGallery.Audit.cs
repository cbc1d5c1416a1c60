using ChatRequests.Core.Audit;

namespace ChatRequests.Cards.Gallery;

// Megan's laptop request from logging to confirmation, as "history REQ-000128" shows it to her, and what an auditor's
// "verify" answers for an intact history and for one edited in the database.
internal sealed partial class CardGallery
{
    private async Task AddAuditAsync()
    {
        var r = await _story.SubmitAsync();
        _story.ManagerApproves(r);
        _story.FinanceApproves(r);
        _story.AgentTakesIt(r);
        _story.WorkStarts(r);
        _story.AgentAsks(r);
        _story.RequesterAnswers(r);
        _story.AgentResolves(r);
        _story.RequesterConfirms(r);
        Show("history", r, x => _cards.History(RequestHistory.Page(x, readerId: null, readsInternal: false, page: null), _story.Requester));
        Add("verify-intact", _cards.Verified(r.Id, HistoryChain.Verify(r)));
        Add("verify-broken", _cards.Verified(r.Id, ChainVerdict.Broken(r.History.Count, 2, ChainBreak.ContentChanged)));
    }
}
