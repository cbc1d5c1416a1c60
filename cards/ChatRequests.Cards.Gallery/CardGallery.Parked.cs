using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Gallery;

// Megan's approval card could not be posted (Teams answered 403 for Alex's chat): the card in the Hardware channel with
// Retry and Dismiss, the same card once Retry was clicked, a second step dismissed, and a team lead's "parked" list.
internal sealed partial class CardGallery
{
    private async Task AddParkedAsync()
    {
        var r = await _story.SubmitAsync();
        var approval = r.Outbox.First(e => e.Type == RequestEventType.ApprovalRequested);
        r.FailEvent(approval.Id, "PermanentEventFailureException: 7f3c could not be reached: 403 BotNotInConversationRoster", LaptopStory.At(2, 9, 1), TimeSpan.Zero, 1);
        var parking = r.Parkings[^1];
        _clock.AdjustTime(parking.ParkedAt);
        Add("parked-step", _cards.ParkedStep(r, parking));
        Add("parked-list", _cards.ParkedList([(r, parking)]));
        Add("parked-list-empty", _cards.ParkedList([]));

        r.RetryParked(parking.Id, _story.Agent, LaptopStory.At(2, 9, 40));
        Show("parked-step-retried", r, x => _cards.ParkedStep(x, x.Parkings[^1]));

        r.FailEvent(approval.Id, "ConnectorException: Bot Connector send got no response (TaskCanceledException), retries exhausted.", LaptopStory.At(2, 10, 5), TimeSpan.Zero, 8);
        for (var attempt = 1; attempt < 8; attempt++)
        {
            r.FailEvent(approval.Id, "ConnectorException: Bot Connector send got no response (TaskCanceledException), retries exhausted.", LaptopStory.At(2, 10, 5 + attempt), TimeSpan.Zero, 8);
        }

        r.DismissParked(r.Parkings[^1].Id, _story.Agent, LaptopStory.At(2, 11, 0));
        Show("parked-step-dismissed", r, x => _cards.ParkedStep(x, x.Parkings[^1]));
    }
}
