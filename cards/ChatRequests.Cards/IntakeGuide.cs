using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Cards;

/// <summary>
/// What the cards that guide people offer: the loaded catalog's categories, a few of its item names as examples, and
/// a person to ask.
/// </summary>
public sealed record IntakeGuide(IReadOnlyList<string> Categories, IReadOnlyList<string> Examples, Signpost AskAPerson)
{
    private const int MaxExamples = 5;

    /// <summary>The catalog's categories in order, and the first item of each (catalog order) as an example, at most five.</summary>
    public static IntakeGuide For(IReadOnlyList<CatalogItem> catalog, Signpost askAPerson)
    {
        var categories = catalog.Select(i => i.Category).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var examples = catalog.GroupBy(i => i.Category, StringComparer.OrdinalIgnoreCase).Select(g => g.First().Name).Take(MaxExamples).ToList();
        return new IntakeGuide(categories, examples, askAPerson);
    }
}

/// <summary>Where the bot sends people for what it cannot do itself: the organisation's words, and an https link when there is one.</summary>
public sealed record Signpost(string Text, Uri? Link);

/// <summary>
/// What a person typed, kept for the form of whichever item they pick ("did you mean"): the words, cut at the
/// justification's maximum, and the urgency they implied.
/// </summary>
public sealed record KeptWords
{
    public KeptWords(string text, Urgency? urgency)
    {
        Text = text.Length <= RequestFormValidator.JustificationMaxLength ? text : text[..RequestFormValidator.JustificationMaxLength];
        Urgency = urgency;
    }

    public string Text { get; }

    public Urgency? Urgency { get; }
}
