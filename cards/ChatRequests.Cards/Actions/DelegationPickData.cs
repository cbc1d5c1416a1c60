using System.Globalization;

namespace ChatRequests.Cards.Actions;

/// <summary><see cref="CardVerbs.DelegationPick"/>: the person chosen as delegate and the last day of the delegation.</summary>
public sealed record DelegationPickData(string PersonId, DateOnly LastDay) : CardActionData
{
    internal static DelegationPickData Read(ActionDataReader data) => new(
        data.Id(CardInputs.PersonId),
        DateOnly.TryParseExact(data.Id(CardInputs.Until), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new InvalidCardDataException($"The card sent '{CardInputs.Until}' that is not a day."));
}
