using System.Text.Json.Nodes;

namespace ChatRequests.Cards;

/// <summary>
/// Who Teams brings a card up to date for by itself (the Universal Actions <c>refresh</c>): when one of them looks at the
/// card, Teams sends its refresh action to the bot, which answers with the card as the request is now, for that person.
/// Teams refreshes for at most <see cref="MaxUsers"/> people named in <c>userIds</c>; with none named
/// (<see cref="UserIds"/> null) it refreshes for everyone in a conversation of at most that many (a personal chat); with
/// an empty list, for nobody by itself (people can still pick "Refresh card" on the message).
/// </summary>
/// <param name="UserIds">The Teams user ids (29:…) to refresh for; null: everyone in a small conversation.</param>
public sealed record CardRefresh(IReadOnlyList<string>? UserIds)
{
    /// <summary>Teams' limit on the people a card is refreshed for automatically.</summary>
    public const int MaxUsers = 60;

    /// <summary>
    /// A card in one person's chat: refreshed for them, named by their Teams id when the bot knows it (from their own
    /// messages), else for the chat's members (the person and the bot), which Teams does without names.
    /// </summary>
    public static CardRefresh ForPerson(string? teamsUserId) => new(teamsUserId is null ? null : [teamsUserId]);

    /// <summary>
    /// A card read by a group of <paramref name="audience"/> people, of whom the bot knows the Teams ids
    /// <paramref name="known"/>: refreshed for those while the group is within Teams' limit; for a larger group, for
    /// nobody by itself (naming any 60 of them would be arbitrary).
    /// </summary>
    public static CardRefresh ForGroup(int audience, IReadOnlyList<string> known) =>
        new(audience > MaxUsers ? [] : [.. known.Distinct(StringComparer.Ordinal).Take(MaxUsers)]);

    /// <summary>The card's <c>refresh</c>: an <c>Action.Execute</c> of <paramref name="verb"/> carrying only ids.</summary>
    internal JsonObject ToJson(string verb, JsonObject data)
    {
        var refresh = new JsonObject
        {
            ["action"] = new JsonObject
            {
                ["type"] = "Action.Execute",
                ["title"] = "Refresh",
                ["verb"] = verb,
                ["data"] = data,
            },
        };
        if (UserIds is not null)
        {
            refresh["userIds"] = new JsonArray([.. UserIds.Select(id => (JsonNode?)id)]);
        }

        return refresh;
    }
}
