using System.Globalization;
using System.Text.Json.Nodes;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Cards;

// Finding the right catalog item and asking for it: help, catalog lists, the form, the confirmation.
public sealed partial class RequestCards
{
    private const int MaxCatalogItems = 25;

    private static readonly (string Command, string Description)[] Commands =
    [
        ("new request", "Start a request; I help you find the right catalog item"),
        ("my requests", "Your open and recent requests"),
        ("status", "Where your open requests stand"),
        ("REQ-000042", "The details of one request"),
        ("approvals", "Requests waiting for your approval"),
        ("cancel REQ-000042", "Cancel a request you made"),
        ("report last month", "Team leads, managers and auditors: the figures of the requests you look after"),
        ("history REQ-000042", "Everything that happened to a request you can see"),
        ("verify REQ-000042", "Auditors only: check that a request's history is intact"),
        ("help", "Show this card"),
    ];

    // Listed only for auditors: to anyone else these words are no command at all.
    private static readonly (string Command, string Description)[] AuditorCommands =
    [
        ("export requests for November", "The requests submitted in a period, as a file (sensitive answers masked)"),
        ("export data of Megan Bowen", "Everything held about one person, as a file (a data-subject request)"),
        ("erase data of Megan Bowen", "Anonymise one person's closed requests, after you confirm"),
    ];

    // Listed only for team leads: to anyone else the words are no command.
    private static readonly (string Command, string Description)[] LeadCommands =
    [
        ("parked", "Team leads: the background steps of your teams' requests that could not be done, to retry or dismiss"),
    ];

    /// <summary>The help card with a greeting: what the bot does, the loaded catalog's categories and examples.</summary>
    public CardMessage Welcome(string firstName, IntakeGuide guide)
    {
        var name = CardText.NullIfBlank(firstName)?.Trim();
        return HelpCard(name is null ? "Hi there!" : $"Hi {name}!", guide);
    }

    /// <param name="auditor">Whether the reader is an auditor, who also gets the export and erase commands.</param>
    /// <param name="lead">Whether the reader leads a team, who also gets the "parked" command.</param>
    public CardMessage Help(IntakeGuide guide, bool auditor = false, bool lead = false) => HelpCard(null, guide, auditor, lead);

    /// <summary>Catalog items to pick from: "did you mean" candidates or one category's items.</summary>
    /// <param name="somethingElse">Whether the card offers "Something else" (the catalog by category and a person to ask):
    /// for items the bot guessed from the words, none of which may be what was asked for.</param>
    public CardMessage Catalog(IReadOnlyList<CatalogItem> items, string heading, bool somethingElse = false)
    {
        var shown = items.Take(MaxCatalogItems).ToList();
        var data = new
        {
            heading,
            somethingElse,
            empty = shown.Count == 0,
            items = shown.Select(i => new
            {
                id = i.Id,
                name = i.Name,
                category = i.Category,
                cost = CardText.Cost(i),
                approval = CardText.Approval(i.Approval),
                description = CardText.NullIfBlank(i.Description),
            }),
            note = items.Count > MaxCatalogItems
                ? $"Showing {MaxCatalogItems} of {items.Count}. Tell me more about what you need to narrow it down."
                : null,
        };
        var fallback = shown.Count == 0
            ? $"{heading}: nothing to show."
            : $"{heading}: {string.Join(", ", shown.Select(i => i.Name))}.";
        return Render("catalog", data, fallback);
    }

    /// <summary>The catalog by category, a few examples and a person to ask: to browse, or when nothing matched.</summary>
    public CardMessage Categories(IntakeGuide guide, string heading) =>
        Render(
            "categories",
            new { heading, categories = guide.Categories, examples = guide.Examples, askAPerson = SignpostData(guide.AskAPerson) },
            $"{heading} Browse the catalog by category: {string.Join(", ", guide.Categories)}. Or ask a person: {guide.AskAPerson.Text}");

    /// <summary>The request form of a catalog item, filled in with <paramref name="prefill"/> and showing <paramref name="errors"/>.</summary>
    /// <param name="errors">Problems by input: "justification", "urgency" or a catalog field id (as <see cref="FormErrors.ByInput"/>).</param>
    public CardMessage RequestForm(CatalogItem item, FormPrefill prefill, IReadOnlyDictionary<string, string>? errors) =>
        RenderForm(item, prefill, errors, $"Request: {item.Name}", change: null);

    /// <param name="change">For a logged request's "Change request" form: its id and a note; the urgency is not asked then.</param>
    private CardMessage RenderForm(CatalogItem item, FormPrefill prefill, IReadOnlyDictionary<string, string>? errors, string title, object? change)
    {
        errors ??= new Dictionary<string, string>();
        var summary = OrderedErrors(item, errors);
        var data = new
        {
            itemId = item.Id,
            itemName = item.Name,
            title,
            change,
            category = item.Category,
            cost = CardText.Cost(item),
            approval = CardText.Approval(item.Approval),
            description = CardText.NullIfBlank(item.Description),
            submissionKey = prefill.SubmissionKey,
            justification = prefill.Justification ?? "",
            justificationMax = RequestFormValidator.JustificationMaxLength,
            justificationError = errors.GetValueOrDefault("justification"),
            urgency = RequestFormValidator.ParseUrgency(prefill.Urgency)?.ToString() ?? "",
            urgencyChoices = Enum.GetValues<Urgency>().Select(u => new { title = $"{u} - {PriorityMatrix.Describe(u)}", value = u.ToString() }),
            urgencyError = errors.GetValueOrDefault("urgency"),
            errorSummary = summary.Count == 0
                ? null
                : new { title = summary.Count == 1 ? "Please fix 1 problem:" : $"Please fix {summary.Count} problems:", messages = summary },
            fields = item.Fields.Select(f => FieldData(f, prefill.Fields.GetValueOrDefault(f.Id), errors.GetValueOrDefault(f.Id))),
        };
        var fallback = summary.Count == 0
            ? $"Request form for {item.Name}: fill it in on the card and press Submit."
            : $"Request form for {item.Name}: {string.Join(" ", summary)}";
        return Render("request-form", data, fallback);
    }

    /// <summary>The confirmation after a request is logged, as it is now (a picture of it: it does not refresh itself).</summary>
    public CardMessage Submitted(ServiceRequest r) => Submitted(r, refreshFor: null);

    /// <summary>
    /// The confirmation after a request is logged, as it is now. With <paramref name="refreshFor"/> (the requester's Teams
    /// user id) it refreshes itself whenever they look at it again, until the request is final, so it never offers a
    /// Cancel that can only fail.
    /// </summary>
    public CardMessage Submitted(ServiceRequest r, string? refreshFor)
    {
        var noApproval = r.Approvals.Count == 0
            ? r.PreAuthorisation is { } why ? $"No approval needed ({why}) — sent straight to {r.TeamName}." : $"No approval needed — sent straight to {r.TeamName}."
            : null;
        var data = new
        {
            id = r.Id,
            itemName = r.ItemName,
            facts = (Fact[])
            [
                new("Item", r.ItemName),
                new("Category", r.Category),
                new("Cost", CardText.Cost(r)),
                new("Priority", r.Priority.Reason),
                Fact.Moment("Target date", r.DueAt),
            ],
            stages = r.Approvals.Select(s => new Fact(s.Name, CardText.Awaited(s))),
            noApproval,
            nextStep = RequestProgress.NextStep(r, r.Requester.Id),
            canCancel = RequestTransitions.IsAllowed(r.State, RequestCommand.Cancel),
            canChange = r.IsEditable,
        };
        var approval = noApproval ?? $"Approval: {string.Join("; then ", r.Approvals.Select(s => $"{s.Name} ({CardText.Awaited(s)})"))}.";
        return Render(
            "submitted",
            data,
            $"Request {r.Id} logged: {r.ItemName}, priority {r.Priority.Label}. {approval} Due in {CardText.Duration(r.DueAt - _clock.GetUtcNow())}.",
            refreshFor is not null && r.State.IsOpen()
                ? CardRefresh.ForPerson(refreshFor).ToJson(CardVerbs.RequestsRefresh, new JsonObject { [CardInputs.RequestId] = r.Id })
                : null);
    }

    private CardMessage HelpCard(string? greeting, IntakeGuide guide, bool auditor = false, bool lead = false)
    {
        (string Command, string Description)[] commands =
            [.. Commands[..^1], .. lead ? LeadCommands : [], .. auditor ? AuditorCommands : [], Commands[^1]];
        var data = new
        {
            greeting,
            facts = commands.Select(c => new Fact(c.Command, c.Description)),
            examples = guide.Examples,
            categories = guide.Categories,
            askAPerson = SignpostData(guide.AskAPerson),
        };
        var example = guide.Examples.Count == 0 ? "" : $", e.g. \"{guide.Examples[0]}\"";
        var fallback = $"{(greeting is null ? "" : greeting + " ")}I log IT service requests: tell me what you need{example}. " +
            $"Commands: {string.Join(", ", commands.Select(c => c.Command))}.";
        return Render("help", data, fallback);
    }

    private static object SignpostData(Signpost signpost) => new { text = signpost.Text, link = signpost.Link?.AbsoluteUri };

    private static object FieldData(CatalogField field, string? prefill, string? error)
    {
        var value = prefill?.Trim() ?? "";
        decimal? number = field.Type == FieldType.Number
            && decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        return new
        {
            inputId = CardInputs.Field(field.Id),
            type = field.Type.ToString(),
            label = field.Label,
            isRequired = field.Required,
            placeholder = field.Placeholder ?? DefaultPlaceholder(field),
            maxLength = field.MaxLength,
            multiline = field.Type == FieldType.MultilineText,
            value = field.Type switch
            {
                FieldType.Choice => field.Choices.FirstOrDefault(c => string.Equals(c, value, StringComparison.OrdinalIgnoreCase)) ?? "",
                FieldType.Date => DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? value : "",
                FieldType.Number => "",
                _ => value,
            },
            hasNumber = number is not null,
            number,
            choices = field.Choices.Select(c => new { title = c, value = c }),
            hint = field.PatternHint,
            error,
        };
    }

    private static string DefaultPlaceholder(CatalogField field) => field.Type switch
    {
        FieldType.Choice => "Choose one",
        FieldType.Number => "A number",
        FieldType.Date => "YYYY-MM-DD",
        _ => field.Required ? "Required" : "Optional",
    };

    // The summary lists problems in the order of the inputs on the card, then any the card has no input for.
    private static List<string> OrderedErrors(CatalogItem item, IReadOnlyDictionary<string, string> errors)
    {
        string[] order = ["justification", "urgency", .. item.Fields.Select(f => f.Id)];
        return
        [
            .. order.Where(errors.ContainsKey).Select(k => errors[k]),
            .. errors.Where(e => !order.Contains(e.Key)).Select(e => e.Value),
        ];
    }
}
