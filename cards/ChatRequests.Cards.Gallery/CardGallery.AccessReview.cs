using ChatRequests.Core.AccessReviews;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// The quarterly access review: Alex's card with one line kept, one removed and one still to decide; the same review as
// Miriam sees it once it went to her overdue; and the notices around it.
internal sealed partial class CardGallery
{
    private async Task AddAccessReviewAsync()
    {
        var alex = await _organisation.PersonAsync(SampleOrganisation.Alex);
        var megan = await _organisation.PersonAsync(SampleOrganisation.Megan);
        var diego = await _organisation.PersonAsync(SampleOrganisation.Diego);
        var miriam = new PersonRef("00000000-0000-0000-0000-0000000000c2", "Miriam Graham");
        var start = new DateTimeOffset(2026, 4, 1, 7, 0, 0, TimeSpan.Zero);
        var review = AccessReview.Start(
            "2026-04",
            alex,
            [
                new AccessGrant("REQ-000141", megan, "Finance reports", "team-identity", "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", "Finance share readers", LaptopStory.At(4, 9, 31)),
                new AccessGrant("REQ-000152", diego, "Jira", "team-software", "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e21", "Jira users", LaptopStory.At(9, 14, 2)),
                new AccessGrant("REQ-000160", diego, "Finance reports", "team-identity", "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11", "Finance share readers", LaptopStory.At(20, 11, 45)),
            ],
            start,
            new DateTimeOffset(2026, 4, 15, 0, 0, 0, TimeSpan.Zero));
        review.Decide(0, AccessDecision.Keep, alex, start.AddHours(2));
        review.Settle(0, AccessLineOutcome.Kept);
        review.Decide(1, AccessDecision.Remove, alex, start.AddHours(2).AddMinutes(1));
        review.Settle(1, AccessLineOutcome.Removed);
        _clock.AdjustTime(start.AddHours(2).AddMinutes(1));
        Add("access-review", _cards.AccessReview(review, alex));
        Add("access-review-reminder", _cards.AccessReviewReminder(review));

        review.Escalate(miriam, new DateTimeOffset(2026, 4, 15, 0, 5, 0, TimeSpan.Zero));
        _clock.AdjustTime(new DateTimeOffset(2026, 4, 15, 0, 5, 0, TimeSpan.Zero));
        Add("access-review-overdue", _cards.AccessReview(review, miriam));
        Add("access-review-escalated", _cards.AccessReviewEscalated(review));
        Add("access-removed", _cards.AccessRemoved(review, review.Lines[1]));
        Add("access-removal-failed", _cards.AccessRemovalFailed(review, review.Lines[1] with
        {
            Outcome = AccessLineOutcome.Failed,
            Failure = "Microsoft Graph refused to remove the member (403 Authorization_RequestDenied)",
        }));
    }
}
