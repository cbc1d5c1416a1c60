using System.Globalization;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;

namespace ChatRequests.Cards;

/// <summary>The lists a card's "Next" button pages through (<see cref="Actions.ListPageData"/>).</summary>
public enum PagedList
{
    /// <summary>The requests waiting for the person's decision ("approvals").</summary>
    Approvals,

    /// <summary>The open requests of the person's teams ("queue").</summary>
    Queue,
}

/// <summary>
/// Which part of a longer list a card shows: how many the list has in all, how many came before this page, and the list
/// its "Next" button asks for (null: a list that is not paged, the person's own most recent requests). A paged list is
/// oldest first, the order its pages follow.
/// </summary>
public sealed record ListPart(int Total, int Before = 0, PagedList? Paged = null)
{
    /// <summary>What the card says under the list: null when it shows the whole list.</summary>
    internal string? Note(int shown, string which)
    {
        if (Before == 0 && shown >= Total)
        {
            return null;
        }

        var total = Total.ToString("N0", CultureInfo.InvariantCulture);
        return Before == 0
            ? $"Showing the {shown} {which} of {total}."
            : $"Showing {Before + 1}–{Before + shown} of {total}.";
    }

    /// <summary>The "Next" button's data after the last request shown, or null when nothing follows (or the list is not paged).</summary>
    internal object? Next(IReadOnlyList<ServiceRequest> shown, int pageSize)
    {
        var before = Before + shown.Count;
        if (Paged is not { } list || shown.Count == 0 || before >= Total)
        {
            return null;
        }

        var after = ListPosition.Of(shown[^1]);
        return new
        {
            title = $"Next {Math.Min(pageSize, Total - before)}",
            list = list.ToString().ToLowerInvariant(),
            afterAt = after.SubmittedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            afterId = after.Id,
            before,
        };
    }
}
