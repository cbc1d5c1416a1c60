namespace ChatRequests.Cards.Actions;

/// <summary><see cref="CardVerbs.IntakePick"/>: the catalog item whose form to show.</summary>
public sealed record PickItemData(string ItemId) : CardActionData
{
    internal static PickItemData Read(ActionDataReader data) => new(data.Id(CardInputs.ItemId));
}

/// <summary><see cref="CardVerbs.IntakeBrowse"/>: the category whose items to list.</summary>
public sealed record BrowseCategoryData(string Category) : CardActionData
{
    internal static BrowseCategoryData Read(ActionDataReader data) => new(data.Id(CardInputs.Category));
}

/// <summary>
/// <see cref="CardVerbs.IntakeSubmit"/>: the form of a catalog item (its key makes a second submit find the first
/// request) and what was filled in, fields keyed by their catalog field id.
/// </summary>
public sealed record SubmitFormData(
    string ItemId,
    string SubmissionKey,
    string? Justification,
    string? Urgency,
    IReadOnlyDictionary<string, string?> Fields) : CardActionData
{
    internal static SubmitFormData Read(ActionDataReader data) => new(
        data.Id(CardInputs.ItemId),
        data.Id(CardInputs.SubmissionKey),
        data.Input(CardInputs.Justification),
        data.Input(CardInputs.Urgency),
        data.InputsWithPrefix(CardInputs.FieldPrefix));
}
