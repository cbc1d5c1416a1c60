using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using ChatRequests.Cards.Templating;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

/// <summary>
/// Builds every card the bot sends: gathers the data a template needs from the domain objects and binds
/// the template. Stateless apart from the clock, so one instance serves all threads.
/// </summary>
public sealed partial class RequestCards
{
    /// <summary>The most requests a list card shows: a page of the "approvals" and "queue" lists.</summary>
    public const int MaxListed = 20;

    // Fallback text doubles as the notification preview: people's long texts are cut there, never on the card.
    private const int FallbackQuoteLength = 200;

    private static readonly JsonSerializerOptions DataOptions = new(JsonSerializerDefaults.Web)
    {
        // Absent values stay absent in the data, so a template's $when hides their elements.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly HashSet<string> InfoStyles = ["default", "emphasis", "good", "attention", "warning", "accent"];

    private readonly TimeProvider _clock;
    private readonly ICatalog? _catalog;

    public RequestCards()
        : this(TimeProvider.System)
    {
    }

    public RequestCards(TimeProvider clock) => _clock = clock;

    /// <param name="catalog">Where the team card finds the alternatives an agent may offer for an item out of stock.</param>
    public RequestCards(TimeProvider clock, ICatalog catalog)
        : this(clock) => _catalog = catalog;

    /// <summary>A small card for results inside invoke responses ("Thanks, request closed") and errors.</summary>
    /// <param name="style">A Container style: default, emphasis, good, attention, warning or accent.</param>
    public CardMessage Info(string title, string text, string style = "default")
    {
        if (!InfoStyles.Contains(style))
        {
            throw new ArgumentException($"Unknown card style '{style}'.", nameof(style));
        }

        return Render("info", new { title, text, style }, $"{title}: {text}");
    }

    /// <summary>
    /// What a card's refresh shows to someone it cannot show the request to (a number unknown or gone, a person who may
    /// not view it, data that makes no sense): a plain card that names nothing, the same in every case.
    /// </summary>
    public CardMessage CannotShow() =>
        Info("Nothing to show", "This card can't be shown to you. If you need it, ask the person who shared it.");

    /// <summary>
    /// <paramref name="message"/> with a short notice on top, on the card the person is looking at: why a click changed
    /// nothing, or what it did. Bound like every card, so what the notice quotes is shown as typed.
    /// </summary>
    /// <param name="style">A Container style, as for <see cref="Info"/>.</param>
    public CardMessage WithBanner(CardMessage message, string text, string style = "attention")
    {
        if (!InfoStyles.Contains(style))
        {
            throw new ArgumentException($"Unknown card style '{style}'.", nameof(style));
        }

        var banner = Render("banner", new { text, style }, text).Card["body"]![0]!.DeepClone();
        var card = message.Card.DeepClone().AsObject();
        var body = card["body"] as JsonArray ?? [];
        body.Insert(0, banner);
        card["body"] = body;
        return new CardMessage(card, $"{text} {message.FallbackText}");
    }

    private static CardMessage Render(string template, object data, string fallbackText, JsonObject? refresh = null) =>
        new(CardData.Bind(TemplateLibrary.Get(template), data, fallbackText, DataOptions, refresh), fallbackText);

    private static PreparedCard Prepare(string template, object data, string fallbackText, JsonObject? refresh) =>
        new(template, TemplateLibrary.Get(template), CardData.Document(data, fallbackText, DataOptions), fallbackText, refresh);

    // A paused request is not overdue: its target moves later when the clock resumes.
    private bool IsOverdue(ServiceRequest r) => r.State.IsUnresolved() && !r.IsClockPaused && _clock.GetUtcNow() > r.DueAt;

    /// <summary>
    /// The filled-in fields, labelled and ordered as the form showed them (the labels the request kept when it was
    /// logged); a field the request kept no label for is named after its id, after the others. A sensitive answer reads
    /// "(masked)" unless <paramref name="readerId"/> may read it (null: a channel, where everyone reads).
    /// </summary>
    private static IEnumerable<Fact> FieldFacts(ServiceRequest r, string? readerId)
    {
        var labelled = r.FieldLabels.Where(l => r.Fields.ContainsKey(l.Id)).ToList();
        return
        [
            .. labelled.Select(l => new Fact(l.Label, SensitiveFields.ValueFor(r, l.Id, r.Fields[l.Id], readerId))),
            .. r.Fields.Where(f => labelled.All(l => l.Id != f.Key)).Select(f => new Fact(CardText.Humanize(f.Key), f.Value)),
        ];
    }
}
