namespace ChatRequests.Cards.Actions;

/// <summary>
/// <see cref="CardVerbs.PrivacyPick"/>: the person chosen among several of the name an auditor typed, and whether it
/// was for their data export (<see cref="Erase"/> false) or their erasure. The id is looked up again; the auditor role
/// is checked again on the click.
/// </summary>
public sealed record PrivacyPickData(string PersonId, bool Erase) : CardActionData
{
    public const string ExportKind = "export";
    public const string EraseKind = "erase";

    internal static PrivacyPickData Read(ActionDataReader data) => new(
        data.Id(CardInputs.PersonId),
        data.Id(CardInputs.PrivacyKind) switch
        {
            ExportKind => false,
            EraseKind => true,
            _ => throw new InvalidCardDataException($"The card sent '{CardInputs.PrivacyKind}' that is neither '{ExportKind}' nor '{EraseKind}'."),
        });
}

/// <summary><see cref="CardVerbs.PrivacyErase"/>: the auditor confirmed the erasure of this person's data.</summary>
public sealed record EraseConfirmData(string PersonId) : CardActionData
{
    internal static EraseConfirmData Read(ActionDataReader data) => new(data.Id(CardInputs.PersonId));
}
