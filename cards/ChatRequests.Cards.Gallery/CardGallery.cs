using ChatRequests.Core.Messaging;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Understanding;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Cards.Gallery;

/// <summary>One card as the bot would send it, and the file name it is written under.</summary>
internal sealed record GalleryCard(string Name, CardMessage Message);

/// <summary>
/// Every card the bot sends, bound the way the bot binds it: intake, the laptop request through each state
/// and its branches, the SLA sweep's reminders and escalations, automatic provisioning, the lists, and a request whose
/// every text is markup (shown as typed). Each card is bound when its moment comes, with the clock at that moment.
/// </summary>
internal sealed partial class CardGallery
{
    private readonly SampleOrganisation _organisation;
    private readonly LaptopStory _story;
    // Each card is bound at a moment of the story, earlier or later than the one before: AdjustTime sets the clock either way.
    private readonly FakeTimeProvider _clock = new(LaptopStory.At(2, 9, 0));
    private readonly RequestCards _cards;
    private readonly List<GalleryCard> _shown = [];

    private CardGallery(SampleOrganisation organisation, LaptopStory story)
    {
        _organisation = organisation;
        _story = story;
        _cards = new RequestCards(_clock);
    }

    public static async Task<IReadOnlyList<GalleryCard>> BuildAsync(SampleOrganisation organisation)
    {
        var gallery = new CardGallery(organisation, await LaptopStory.CreateAsync(organisation));
        gallery.AddIntake();
        await gallery.AddLaptopAsync();
        await gallery.AddBranchesAsync();
        await gallery.AddSlaAsync();
        await gallery.AddLadderAsync();
        await gallery.AddApprovalsAsync();
        await gallery.AddProvisioningAsync();
        await gallery.AddQualityAsync();
        await gallery.AddListsAsync();
        await gallery.AddDelegationAsync();
        await gallery.AddSupplyAsync();
        await gallery.AddAssignmentAsync();
        await gallery.AddEditAsync();
        await gallery.AddAuditAsync();
        await gallery.AddPrivacyAsync();
        await gallery.AddSensitiveAsync();
        gallery.AddReports();
        await gallery.AddAccessReviewAsync();
        await gallery.AddParkedAsync();
        await gallery.AddHostileAsync();
        return gallery._shown;
    }

    private void AddIntake()
    {
        var items = _organisation.Catalog.Items;
        var guide = IntakeGuide.For(items, new Signpost("Call the IT service desk on 1234, or ask in the IT Help channel.", new Uri("https://teams.microsoft.com/l/channel/19%3Ait-help%40thread.tacv2/IT%20Help")));
        Add("welcome", _cards.Welcome("Megan", guide));
        Add("help", _cards.Help(guide));
        Add("help-auditor", _cards.Help(guide, auditor: true));
        Add("help-lead", _cards.Help(guide, lead: true));
        Add("categories", _cards.Categories(guide, "What do you need? Pick a category, or just tell me in your own words."));
        Add("categories-no-match", _cards.Categories(guide, "I couldn't match \"a standing desk\" to anything in the catalog."));
        var hardware = items.Where(i => i.Category == "Hardware").ToList();
        Add("catalog-category", _cards.Catalog(hardware, "Hardware: pick what you need"));

        // "Did you mean": the words, the urgency and the values they named go with each choice to its form.
        var words = new KeptWords("I need a new laptop for the Berlin office, asap", Urgency.High);
        var laptops = items.Where(i => i.Id.StartsWith("laptop-", StringComparison.Ordinal))
            .Select(i => new ItemMatch(i, 1, new Dictionary<string, string> { ["deliveryLocation"] = "Berlin office" }))
            .ToList();
        Add("catalog-candidates", _cards.Choice(laptops, words));
        var dock = new ItemMatch(_organisation.Item("docking-station"), 0.4, new Dictionary<string, string>());
        Add("suggestion", _cards.Suggestion(dock, new KeptWords("my second screen needs a port", urgency: null)));
        Add("incident", _cards.Incident(
            [new ItemMatch(_organisation.Item("vpn-access"), 0.6, new Dictionary<string, string>())],
            new KeptWords("VPN keeps dropping every ten minutes", urgency: null),
            new Signpost("Report it on the IT service portal, or call the service desk on 1234 when you cannot work at all.", new Uri("https://servicedesk.example.com/incidents/new"))));
        Add("form-closed", _cards.Info("Form closed: Standard laptop", "You closed this form; nothing was logged."));

        Add("request-form", _cards.RequestForm(_story.Item, LaptopStory.Prefill, errors: null));
        var firstTry = LaptopStory.FirstTry;
        var errors = RequestFormValidator.Validate(_story.Item, firstTry);
        var prefill = new FormPrefill(
            firstTry.SubmissionKey,
            firstTry.Justification,
            firstTry.Urgency,
            firstTry.Fields.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!));
        Add("request-form-errors", _cards.RequestForm(_story.Item, prefill, errors.ByInput));
    }

    private async Task AddListsAsync()
    {
        var megan = await _organisation.PersonAsync(SampleOrganisation.Megan);
        var alex = await _organisation.PersonAsync(SampleOrganisation.Alex);

        var laptop = await _story.SubmitAsync();
        _story.ManagerApproves(laptop);
        _story.FinanceApproves(laptop);
        _story.AgentTakesIt(laptop);
        _story.WorkStarts(laptop);
        var headset = await SubmitAsync("REQ-000131", SampleOrganisation.Megan, "headset", "The microphone of my headset crackles in every call since last week.",
            LaptopStory.At(4, 11, 40), ("model", "Wireless Bluetooth headset"), ("reason", "Broken"), ("deliveryLocation", "Berlin office"));
        var mouse = await SubmitAsync("REQ-000119", SampleOrganisation.Megan, "mouse", "The scroll wheel of my mouse no longer works.",
            LaptopStory.At(2, 8, 2), ("deliveryLocation", "Berlin office"));
        Show("submitted-no-approval", mouse, _cards.Submitted);
        var reset = await SubmitAsync("REQ-000097", SampleOrganisation.Megan, "password-reset", "Locked out of SAP after the holidays.",
            new DateTimeOffset(2026, 2, 23, 7, 55, 0, TimeSpan.Zero), ("system", "SAP"));
        var agent = await _organisation.PersonAsync(SampleOrganisation.Christie);
        reset.Assign(agent, agent, new DateTimeOffset(2026, 2, 23, 8, 10, 0, TimeSpan.Zero));
        reset.Resolve(agent, "Password reset; the temporary one was sent to your phone by text.", new DateTimeOffset(2026, 2, 23, 8, 40, 0, TimeSpan.Zero));
        reset.Confirm(megan, 4, null, new DateTimeOffset(2026, 2, 23, 9, 5, 0, TimeSpan.Zero));

        _clock.AdjustTime(LaptopStory.At(5, 10, 0));
        Add("request-list", _cards.RequestList([laptop, headset, mouse, reset], "Your requests", "You have no requests yet. Tell me what you need to log one.", megan));
        Add("request-list-empty", _cards.RequestList([], "Your requests", "You have no requests yet. Tell me what you need to log one.", megan));
        Add("request-list-team-queue", _cards.RequestList([laptop, mouse], "Open requests for Hardware Service", "Nothing open. Well done!", _story.Agent));

        var waiting = await _story.SubmitAsync();
        var monitor = await SubmitAsync("REQ-000133", SampleOrganisation.Diego, "monitor", "A second screen for editing video subtitles next to the timeline.",
            LaptopStory.At(4, 16, 20), ("size", "27 inch"), ("deliveryLocation", "Home (remote worker)"));
        var licence = await SubmitAsync("REQ-000135", SampleOrganisation.Diego, "software-licence", "Adobe Creative Cloud for the spring campaign visuals; the agency contract ended.",
            LaptopStory.At(5, 8, 15), ("product", "Adobe Creative Cloud"), ("term", "12 months"), ("costCentre", "CC-4200"));
        Add("approval-list", _cards.ApprovalList([waiting, headset, monitor, licence], alex));
        Add("approval-list-empty", _cards.ApprovalList([], alex));

        // A click that changed nothing keeps its card, brought up to date, with the reason on top.
        Add("approval-list-already-decided", _cards.WithBanner(
            _cards.ApprovalList([waiting, monitor, licence], alex), $"{headset.Id}: Already approved by Alex Wilber 2 hours ago."));
    }

    private Task<ServiceRequest> SubmitAsync(
        string id, string requesterId, string itemId, string justification, DateTimeOffset at, params (string Id, string Value)[] fields) =>
        _organisation.SubmitAsync(
            id,
            requesterId,
            new RequestForm($"form-{id}", itemId, justification, "Medium", fields.ToDictionary(f => f.Id, f => (string?)f.Value)),
            at);

    /// <summary>A card about <paramref name="r"/>, bound at the moment of its latest change.</summary>
    private void Show(string name, ServiceRequest r, Func<ServiceRequest, CardMessage> card)
    {
        _clock.AdjustTime(r.UpdatedAt);
        Add(name, card(r));
    }

    private void Notice(string name, ServiceRequest r, NoticeKind kind, RequestEventType cause) =>
        Show(name, r, x => _cards.Notice(x, kind, x.Outbox.Last(e => e.Type == cause)));

    private void Add(string name, CardMessage card)
    {
        if (_shown.Any(c => c.Name == name))
        {
            throw new InvalidOperationException($"Two gallery cards are called '{name}'.");
        }

        _shown.Add(new GalleryCard(name, card));
    }
}
