using System.Globalization;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Cards.Actions;

/// <summary>
/// <see cref="CardVerbs.ListNext"/>: the next page of a list, after the last request the card showed (its submission time
/// and id: the keys the list is ordered by, which never change), and how many the card's pages showed before it.
/// </summary>
public sealed record ListPageData(PagedList List, ListPosition After, int Before) : CardActionData
{
    internal static ListPageData Read(ActionDataReader data)
    {
        var list = Enum.TryParse<PagedList>(data.Id(CardInputs.List), ignoreCase: true, out var named) && Enum.IsDefined(named)
            ? named
            : throw new InvalidCardDataException("The card named a list I do not know.");
        var at = DateTimeOffset.TryParse(data.Id(CardInputs.AfterAt), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : throw new InvalidCardDataException($"The card sent '{CardInputs.AfterAt}' that is not a time.");
        var id = data.Id(CardInputs.AfterId);
        if (!RequestNumber.IsWellFormed(id))
        {
            throw new InvalidCardDataException($"The card sent '{CardInputs.AfterId}' that is not a request number.");
        }

        return new ListPageData(list, new ListPosition(at, id), Math.Max(0, data.IntId(CardInputs.Before)));
    }
}
