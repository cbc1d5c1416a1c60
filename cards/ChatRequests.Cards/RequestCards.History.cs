using System.Globalization;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

/// <summary>A request's whole history, a page at a time, and the verdict of its verification.</summary>
public sealed partial class RequestCards
{
    /// <summary>One page of <see cref="RequestHistory"/> for <paramref name="viewer"/>, with buttons to the older and newer pages.</summary>
    public CardMessage History(HistoryPage page, PersonRef viewer)
    {
        var r = page.Request;
        var requesterReads = r.IsRequester(viewer.Id);
        var first = page.Page * HistoryPage.Size;
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            range = page.Total == 0
                ? "No entries."
                : $"Entries {first + 1}-{first + page.Lines.Count} of {page.Total}, oldest first",
            lines = page.Lines.Select(line => new
            {
                at = CardText.Instant(line.At),
                who = line.Who,
                what = line.NowIn is { } to ? $"{CardText.Action(line.Action)} ({CardText.StateFor(to, requesterReads).ToLowerInvariant()})" : CardText.Action(line.Action),
                detail = line.Detail,
            }),
            hasOlder = page.HasOlder,
            older = (page.Page - 1).ToString(CultureInfo.InvariantCulture),
            hasNewer = page.HasNewer,
            newer = (page.Page + 1).ToString(CultureInfo.InvariantCulture),
        };
        return Render("history", data, $"History of {r.Id} {r.ItemName}: entries {first + 1}-{first + page.Lines.Count} of {page.Total}.");
    }

    /// <summary>What verifying the request's history found (<see cref="ChainVerdict.Describe"/>).</summary>
    public CardMessage Verified(string requestId, ChainVerdict verdict) => Info(
        verdict.IsIntact ? $"{requestId}: history intact" : verdict.Status == ChainStatus.Unsealed ? $"{requestId}: not yet chained" : $"{requestId}: history broken",
        verdict.Describe(requestId),
        verdict.IsIntact ? "good" : verdict.Status == ChainStatus.Unsealed ? "warning" : "attention");
}
