using ChatRequests.Core.BusinessHours;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Organisation;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// The developer laptop with a quality check: Adele resolves with a work note, Lidia fails it with a reason, then passes
// the fixed work. And a resolved request Megan does not answer: reminded, then closed by the system.
internal sealed partial class CardGallery
{
    private static readonly PersonRef Lidia = new("00000000-0000-0000-0000-0000000000f1", "Lidia Holloway");
    private static readonly ResolutionRules Checked = new(QualityCheck: true, WorkNoteRequired: true, Closing: null);
    private static readonly ClosingTerms Closing = new(new ClosureSettings(), WorkingCalendar.AlwaysOpen);

    private async Task AddQualityAsync()
    {
        var r = await _story.SubmitAsync();
        _story.ManagerApproves(r);
        _story.FinanceApproves(r);
        _story.AgentTakesIt(r);
        r.Resolve(_story.Agent, "Laptop handed over at the Berlin IT desk, files moved from the old laptop, BitLocker on.", LaptopStory.At(5, 15, 10),
            "Imaged with the 2026 developer build; moved C:\\Data with robocopy; BitLocker key escrowed in Entra.", Checked);
        Show("team-in-review", r, _cards.TeamCard);
        r.FailReview(Lidia, "The old laptop (BER-2291) is not wiped yet: wipe it before we close this.", LaptopStory.At(5, 16, 0));
        Show("team-review-failed", r, _cards.TeamCard);
        Show("review-failed", r, x => _cards.ReviewFailed(x, x.Outbox.Last(e => e.Type == RequestEventType.ReviewFailed)));
        r.Resolve(_story.Agent, "Laptop handed over at the Berlin IT desk, files moved, BitLocker on; the old laptop is wiped.", LaptopStory.At(6, 9, 0),
            "Wiped BER-2291 with the NIST 800-88 tool; certificate in the asset record.", Checked);
        r.PassReview(Lidia, LaptopStory.At(6, 9, 30), Closing);
        Show("team-review-passed", r, _cards.TeamCard);

        r.CheckSla(r.Closing!.RemindAt);
        Notice("notice-confirmation-reminder", r, NoticeKind.ConfirmationReminder, RequestEventType.ConfirmationReminder);
        r.CheckSla(r.Closing.AutoCloseAt);
        Notice("notice-auto-closed", r, NoticeKind.AutoClosed, RequestEventType.AutoClosed);
        Show("team-auto-closed", r, _cards.TeamCard);

        // A check nobody took for a working day: Grady, the lead, is told.
        var waiting = await _story.SubmitAsync();
        _story.ManagerApproves(waiting);
        _story.FinanceApproves(waiting);
        _story.AgentTakesIt(waiting);
        waiting.Resolve(_story.Agent, "Laptop handed over at the Berlin IT desk.", LaptopStory.At(5, 15, 10), "Imaged with the 2026 developer build.",
            Checked with { ReviewReminder = new ReviewReminderTerms(8, WorkingCalendar.AlwaysOpen) });
        waiting.CheckSla(waiting.Review!.RemindAt!.Value);
        Show("review-waiting", waiting, _cards.ReviewWaiting);
    }
}
