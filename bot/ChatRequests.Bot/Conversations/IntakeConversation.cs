using System.Text.RegularExpressions;
using ChatRequests.Cards;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;

namespace ChatRequests.Bot.Conversations;

/// <summary>
/// Turns what an employee says in their own words into a pre-filled form card: one clear match gets its
/// form, several get a choice, none gets the catalog by category.
/// </summary>
public sealed class IntakeConversation(ICatalog catalog, RequestCards cards)
{
    public CardMessage Understand(string text)
    {
        var match = CatalogMatcher.Match(text, catalog.Items);
        if (match.Best is { } item)
        {
            return FormFor(item, text, match.UrgencyHint);
        }

        if (match.Candidates.Count > 0)
        {
            return cards.Catalog(match.Candidates, $"I found a few things that could fit \"{Shorten(text)}\". Which one do you need?");
        }

        return cards.Categories(Categories(), $"I couldn't match \"{Shorten(text)}\" to anything in the catalog. Pick a category to browse it:");
    }

    public CardMessage Browse() => cards.Categories(Categories(), "What do you need? Pick a category, or just tell me in your own words.");

    public CardMessage BrowseCategory(string category)
    {
        var items = catalog.Items.Where(i => string.Equals(i.Category, category, StringComparison.OrdinalIgnoreCase)).ToList();
        return items.Count == 0
            ? cards.Categories(Categories(), $"There is no category called \"{Shorten(category)}\". Pick one of these:")
            : cards.Catalog(items, $"{items[0].Category}: pick what you need");
    }

    /// <summary>
    /// The item's form, pre-filled from the person's words when there are some: the words as justification,
    /// the urgency they implied, and any choice they named ("... in the Berlin office").
    /// </summary>
    public CardMessage FormFor(CatalogItem item, string? text, Urgency? urgency)
    {
        var fields = new Dictionary<string, string>();
        if (text is not null)
        {
            foreach (var field in item.Fields.Where(f => f.Type == FieldType.Choice))
            {
                var mentioned = field.Choices.FirstOrDefault(c => ContainsWord(text, c));
                if (mentioned is not null)
                {
                    fields[field.Id] = mentioned;
                }
            }
        }

        var prefill = new FormPrefill(Guid.NewGuid().ToString("N"), text, (urgency ?? Urgency.Medium).ToString(), fields);
        return cards.RequestForm(item, prefill, errors: null);
    }

    private IReadOnlyList<string> Categories() =>
        catalog.Items.Select(i => i.Category).Distinct(StringComparer.OrdinalIgnoreCase).Order().ToList();

    private static bool ContainsWord(string text, string word) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(word)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(50));

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
