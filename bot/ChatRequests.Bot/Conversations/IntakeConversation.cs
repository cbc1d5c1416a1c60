using ChatRequests.Cards;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Understanding;
using Microsoft.Extensions.Options;

namespace ChatRequests.Bot.Conversations;

/// <summary>The card that answers a message, and the catalog item and submission key when that card is its request form.</summary>
public sealed record IntakeReply(CardMessage Message, CatalogItem? FormOf = null, string? FormKey = null);

/// <summary>
/// Answers what a person asks for in their own words, as the interpreter understood it: a clear match gets its form,
/// pre-filled; several get a short choice and a weak one a question, both keeping the words for the form; a fault
/// report is pointed to where incidents go; nothing close gets the catalog's categories and a person to ask.
/// </summary>
public sealed class IntakeConversation(ICatalog catalog, IMessageInterpreter interpreter, RequestCards cards, IOptions<IntakeContactOptions> options)
{
    private Signpost HelpDesk => Signpost(options.Value.HelpDesk);

    public CardMessage Welcome(string firstName) => cards.Welcome(firstName, Guide());

    public CardMessage Help(bool auditor = false, bool lead = false) => cards.Help(Guide(), auditor, lead);

    /// <summary>The card for a message that is not a command.</summary>
    public IntakeReply Answer(Meaning meaning, string text)
    {
        var words = new KeptWords(text, meaning.UrgencyHint);
        return meaning switch
        {
            { Kind: MeaningKind.Item, Items: [var best, ..] } => FormFor(best.Item, words, best.Slots),
            { Kind: MeaningKind.Choice, Items: [_, ..] } => new(cards.Choice(meaning.Items, words)),
            { Kind: MeaningKind.Suggestion, Items: [var closest, ..] } => new(cards.Suggestion(closest, words)),
            { Kind: MeaningKind.Incident } => new(cards.Incident(meaning.Items, words, Signpost(options.Value.IncidentReport))),
            _ => new(cards.Categories(Guide(), $"I couldn't match \"{Shorten(text)}\" to anything in the catalog.")),
        };
    }

    /// <summary>Words taken afresh (the person said they were not an answer to the agent's question).</summary>
    public async Task<IntakeReply> UnderstandAsync(string text, CancellationToken cancellationToken) =>
        Answer(await interpreter.InterpretAsync(text, cancellationToken), text);

    /// <summary>The person says their words were a request, not an incident: the items closest to them, or the categories.</summary>
    public async Task<CardMessage> NotAnIncidentAsync(string text, CancellationToken cancellationToken)
    {
        var meaning = await interpreter.InterpretAsync(text, cancellationToken);
        return meaning.Items.Count > 0
            ? cards.Choice(meaning.Items, new KeptWords(text, meaning.UrgencyHint))
            : cards.Categories(Guide(), "Then pick a category, or tell me in other words what you need:");
    }

    public CardMessage Browse() => cards.Categories(Guide(), "What do you need? Pick a category, or just tell me in your own words.");

    /// <summary>Not what the bot suggested: the whole catalog by category, and a person to ask.</summary>
    public CardMessage SomethingElse() => cards.Categories(Guide(), "No problem. Tell me in other words what you need, or pick a category:");

    public CardMessage BrowseCategory(string category)
    {
        var items = catalog.Items.Where(i => string.Equals(i.Category, category, StringComparison.OrdinalIgnoreCase)).ToList();
        return items.Count == 0
            ? cards.Categories(Guide(), $"There is no category called \"{Shorten(category)}\". Pick one of these:")
            : cards.Catalog(items, $"{items[0].Category}: pick what you need");
    }

    /// <summary>
    /// The item's form, pre-filled from what the person said when there is something: their words as the justification,
    /// the urgency they implied, and the values they named for its fields (others, and values the form cannot hold, are left out).
    /// </summary>
    public IntakeReply FormFor(CatalogItem item, KeptWords? words, IReadOnlyDictionary<string, string>? slots)
    {
        var fields = new Dictionary<string, string>();
        foreach (var field in item.Fields)
        {
            if (slots?.GetValueOrDefault(field.Id) is { } value && value.Length <= field.MaxLength)
            {
                fields[field.Id] = value;
            }
        }

        var prefill = new FormPrefill(Guid.NewGuid().ToString("N"), words?.Text, (words?.Urgency ?? Urgency.Medium).ToString(), fields);
        return new IntakeReply(cards.RequestForm(item, prefill, errors: null), item, prefill.SubmissionKey);
    }

    private IntakeGuide Guide() => IntakeGuide.For(catalog.Items, HelpDesk);

    private static Signpost Signpost(SignpostOptions signpost) => new(signpost.Text!, signpost.LinkUri);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..77] + "...";
}
