using System.Text.Json.Nodes;
using ChatRequests.Cards.Tests.Support;
using ChatRequests.Core.Audit;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Cards.Tests.Support.PeoplesRequests;

namespace ChatRequests.Cards.Tests.Inert;

/// <summary>
/// Every card the bot sends, in every state, with what people typed in every slot: the text is shown exactly as typed
/// (the DATE/TIME neutraliser's invisible word joiner aside) and only where nothing is interpreted.
/// </summary>
public class PeoplesTextOnCardsTests
{
    private const string LiveHostileDate = "{{DATE(2026-01-01T00:00:00Z)}}";

    // Substrings that only people's text (and names) contain in these cards.
    private static readonly string[] Markers = ["evil.example", "👩‍💻", "מחשב", "Ångström", "محمد"];

    private readonly FakeTimeProvider _clock = new(Start.AddHours(3));

    public static TheoryData<string> Variants() => [.. Typed.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Variants))]
    public void EveryCard_ShowsPeoplesTextExactlyAndOnlyInInertPlaces(string variant)
    {
        var typed = Typed.All.Single(t => t.Name == variant);
        var cards = EveryCard(typed).ToList();

        Assert.True(cards.Count > 60, $"only {cards.Count} cards were built");
        var moments = 0;
        foreach (var (name, message, shown) in cards)
        {
            var schema = CardSchema.Validate(message.Card);
            Assert.True(schema.Count == 0, $"{name}: schema errors:\n{string.Join("\n", schema)}");
            var rules = TeamsCardRules.Check(message);
            Assert.True(rules.Count == 0, $"{name}: Teams rules:\n{string.Join("\n", rules)}");

            var outside = OutsideInertPlaces(message.Card).ToList();
            Assert.True(outside.Count == 0, $"{name}: people's text where a renderer interprets it: {string.Join(", ", outside)}");

            var read = ReadText(message.Card).ToList();
            Assert.DoesNotContain(read, r => r.Contains(LiveHostileDate, StringComparison.Ordinal));
            var ours = read.SelectMany(OurMoments).ToList();
            Assert.All(ours, m => Assert.Matches(OurMoment, m));
            moments += ours.Count;
            Assert.DoesNotContain("UTC", message.FallbackText + string.Concat(read), StringComparison.Ordinal);
            var exact = read.Select(r => r.Replace("\u2060", "", StringComparison.Ordinal)).Concat(InputValues(message.Card)).ToList();
            foreach (var text in shown.Where(s => s.Length > 0))
            {
                Assert.True(exact.Any(r => r.Contains(text, StringComparison.Ordinal)), $"{name}: does not show \"{Shorten(text)}\" as typed");
            }
        }

        Assert.True(moments > 100, $"only {moments} moments were shown");
    }

    [Fact]
    public void TheCheck_FindsPeoplesTextInATextBlockOrAFact()
    {
        var card = JsonNode.Parse("""
            {"type": "AdaptiveCard", "body": [
              {"type": "TextBlock", "text": "see evil.example"},
              {"type": "FactSet", "facts": [{"title": "Why", "value": "evil.example"}]},
              {"type": "RichTextBlock", "inlines": [{"type": "TextRun", "text": "evil.example"}, "evil.example"]},
              {"type": "Input.Text", "id": "j", "value": "evil.example"}],
             "actions": [{"type": "Action.Execute", "title": "evil.example", "data": {"requestId": "evil.example"}}]}
            """)!.AsObject();

        Assert.Equal(["body[0].text", "body[1].facts[0].value", "actions[0].title"], OutsideInertPlaces(card));
    }

    internal IEnumerable<(string Name, CardMessage Message, string[] Shown)> EveryCard(Typed t)
    {
        var cards = new Cards.RequestCards(_clock);
        var text = t.Text;
        var required = t.Required;
        var person = t.PersonName;
        var fields = Fields(t).Values.ToArray();
        string[] request = [text, .. fields];

        var guide = new IntakeGuide(["Hardware", "Access"], [Share.Name], new Signpost("Call the service desk on 1234.", new Uri("https://desk.example.com/")));
        yield return ("welcome", cards.Welcome(person, guide), [person.Trim()]);
        yield return ("help", cards.Help(guide), []);
        yield return ("catalog", cards.Catalog([Share with { Description = text }], $"I found a few things that could fit \"{text}\"."), [text]);
        yield return ("categories", cards.Categories(guide, $"I couldn't match \"{text}\" to anything in the catalog."), [text]);

        // What a person typed in chat, kept on buttons for the form or the answer (a message is never empty).
        var words = new KeptWords(required, Core.Priority.Urgency.High);
        var slots = new Dictionary<string, string> { ["sharePath"] = required };
        yield return ("did you mean, keeping the words", cards.Choice([new(Share, 1, slots), new(Share with { Id = "other" }, 1, slots)], words), []);
        yield return ("suggestion", cards.Suggestion(new(Share, 0.5, slots), words), [required]);
        yield return ("incident", cards.Incident([new(Share, 0.5, slots)], words, new Signpost("Report it on the portal.", null)), [required]);
        yield return ("answer offered from chat", cards.AnswerOffer(InState(RequestState.AwaitingRequester, t), required), [required]);
        yield return (
            "request-form",
            cards.RequestForm(Share, new FormPrefill("sk-1", text, "High", Fields(t)), new Dictionary<string, string> { ["justification"] = text, ["sharePath"] = text }),
            request);
        yield return ("info", cards.Info(text.Length == 0 ? "-" : text, text), [text]);

        var fresh = Fresh(t);
        yield return ("submitted", cards.Submitted(fresh), [person]);
        yield return ("submitted, refreshing itself", cards.Submitted(fresh, refreshFor: "29:requester"), [person]);
        yield return ("approval pending, step 1", cards.Approval(fresh, 0, Manager(t)), [.. request, person]);
        yield return ("approval reminder", cards.ApprovalReminder(fresh, 0, Manager(t), Start.AddHours(24)), [person]);
        yield return ("approval list", cards.ApprovalList([fresh], Manager(t)), text.Length <= 300 ? [text, person] : [person]);
        yield return ("approval list, empty", cards.ApprovalList([], Manager(t)), [person.Trim()]);

        var step2 = InState(RequestState.AwaitingApproval, t);
        yield return ("approval decided by the viewer", cards.Approval(step2, 0, Manager(t)), [text]);
        yield return (
            "banner on a kept card",
            cards.WithBanner(cards.Approval(step2, 0, Manager(t)), $"REQ-000001: Already approved by {person} just now."),
            [text, $"REQ-000001: Already approved by {person} just now."]);
        yield return ("approval pending, step 2", cards.Approval(step2, 1, Approver(t)), [.. request, person]);
        var rejected = InState(RequestState.Rejected, t);
        yield return ("approval rejected by someone else", cards.Approval(rejected, 1, new PersonRef("u-sec2", person)), [required, person]);
        yield return ("approval cancelled", cards.Approval(InState(RequestState.Cancelled, t), 0, Manager(t)), []);

        foreach (var state in States)
        {
            var r = InState(state, t);
            string[] worked = state switch
            {
                RequestState.Rejected or RequestState.AwaitingRequester => [required],
                RequestState.Cancelled => [text],
                RequestState.InProgress => [required],
                RequestState.Fulfilled or RequestState.Reopened => [required],
                RequestState.Closed => [required, text],
                _ => [],
            };
            yield return ($"team card, {state}", cards.TeamCard(r), [.. request, person, .. worked]);
            yield return ($"details, {state}", cards.RequestDetail(r, Agent(t)), [.. request, person, .. worked]);
            yield return ($"details as the requester, {state}", cards.RequestDetail(r, Requester(t)), [.. request, .. worked]);
            yield return ($"request list, {state}", cards.RequestList([r], "Open requests", "None.", Manager(t)), state is RequestState.Approved or RequestState.Cancelled or RequestState.Closed ? [] : [person]);
            yield return ($"history, oldest page, {state}", cards.History(RequestHistory.Page(r, readerId: null, readsInternal: true, page: 0), Agent(t)), [text]);
            yield return ($"history, newest page as the requester, {state}", cards.History(RequestHistory.Page(r, readerId: null, readsInternal: false, page: null), Requester(t)), []);
            foreach (var (kind, type) in Notices)
            {
                if (r.Outbox.LastOrDefault(e => e.Type == type) is { } cause)
                {
                    yield return ($"notice {kind}, {state}", cards.Notice(r, kind, cause), [cause.Comment ?? ""]);
                }
            }
        }

        var working = InState(RequestState.InProgress, t);
        yield return ("at-risk reply", cards.AtRiskReply(working, Start.AddHours(12)), [person]);
        yield return ("answer reply", cards.AnswerReply(working, required), [required]);
        yield return ("answer sent", cards.AnswerSent(working), [required]);
        _clock.SetUtcNow(Start.AddHours(20));
        working.CheckSla(_clock.GetUtcNow());
        yield return ("escalation to the lead", cards.Escalation(working, working.Escalations[^1]), [person]);
        yield return ("escalation in the thread", cards.Escalation(working, working.Escalations[^1], inThread: true), [person]);
        yield return ("notice SlaBreached", cards.Notice(working, NoticeKind.SlaBreached, working.Outbox[^1]), []);
        yield return ("team card, escalated", cards.TeamCard(working), [.. request, person]);
        // A step given up on, with an error that quotes what was typed: the card names the requester, never the error.
        working.FailEvent(working.Outbox[^1].Id, $"PermanentEventFailureException: {text}", Start.AddHours(20), TimeSpan.Zero, 1);
        yield return ("parked step", cards.ParkedStep(working, working.Parkings[^1]), [person]);
        yield return ("parked list", cards.ParkedList([(working, working.Parkings[^1])]), []);

        // Reasons people typed to cancel or reject, and the names of people an outlier is about; a reason shows its first line's worth.
        var figures = new Core.Reporting.ReportFigures
        {
            Scope = new(new(Start, Start.AddDays(30), "last 30 days")),
            CancellationReasons = [new(required, 3)],
            RejectionReasons = [new(required, 1)],
            Outliers = [new(Core.Reporting.OutlierKind.QuickApproval, Manager(t), ["REQ-000001"], "Approved 2 requests within 5 seconds of being asked.")],
        };
        yield return ("report", cards.Report(figures, "Service desk", TimeZoneInfo.Utc, chart: null), required.Length <= 120 ? [required, person] : [person]);
        // Back to where the other cards were bound: AdjustTime, since a FakeTimeProvider only advances.
        _clock.AdjustTime(Start.AddHours(3));
    }

    private static readonly (NoticeKind Kind, RequestEventType Type)[] Notices =
    [
        (NoticeKind.StageApproved, RequestEventType.StageApproved),
        (NoticeKind.Approved, RequestEventType.Approved),
        (NoticeKind.Rejected, RequestEventType.Rejected),
        (NoticeKind.Assigned, RequestEventType.Assigned),
        (NoticeKind.StatusChanged, RequestEventType.StatusChanged),
        (NoticeKind.QuestionAsked, RequestEventType.QuestionAsked),
        (NoticeKind.Resolved, RequestEventType.Resolved),
    ];

    // A moment the card shows (not one people typed): the viewer's local date and time, from one instant in UTC.
    private const string OurMoment = @"^\{\{DATE\((?<at>2026-0[23]-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z), SHORT\)\}\} \{\{TIME\(\k<at>\)\}\}$";

    private static IEnumerable<string> OurMoments(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, @"\{\{DATE\(2026-0[23][^)]*\)\}\} \{\{TIME\([^)]*\)\}\}").Select(m => m.Value);

    /// <summary>Paths of strings with people's text outside the places where nothing is interpreted.</summary>
    private static IEnumerable<string> OutsideInertPlaces(JsonObject card) =>
        CardStrings.Of(card).Where(s => !s.IsInert && Markers.Any(m => s.Text.Contains(m, StringComparison.Ordinal))).Select(s => s.Path);

    /// <summary>Text a renderer draws from the card's strings (where DATE/TIME functions are expanded).</summary>
    private static IEnumerable<string> ReadText(JsonObject card) =>
        CardQuery.Objects(card).SelectMany(o => TypeOf(o) switch
        {
            "TextRun" or "TextBlock" => [(string?)o["text"] ?? ""],
            "RichTextBlock" => o["inlines"]!.AsArray().OfType<JsonValue>().Select(v => (string?)v ?? ""),
            { } type when type.StartsWith("Input.", StringComparison.Ordinal) => [(string?)o["label"] ?? ""],
            _ => [],
        });

    private static IEnumerable<string> InputValues(JsonObject card) =>
        CardQuery.Inputs(card).Select(i => i["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s : "");

    private static string? TypeOf(JsonObject obj) => CardStrings.TypeOf(obj);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
