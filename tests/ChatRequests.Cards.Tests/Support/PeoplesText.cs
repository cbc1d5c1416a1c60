using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Tests.Support;

/// <summary>What people type, in the shapes that break cards: markup, nothing, a lot, emoji, right-to-left script.</summary>
public sealed record Typed(string Name, string Text, string PersonName)
{
    /// <summary>Markdown, a link, a DATE function, a template binding and a mention, as the issue reported them.</summary>
    public const string Hostile = "**bold** [click](https://evil.example) {{DATE(2026-01-01T00:00:00Z)}} ${$root.secret} <at>Tomás</at>";

    public static IReadOnlyList<Typed> All { get; } =
    [
        new("markup", Hostile, Hostile),
        new("empty", "", ""),
        new("2,000 characters", Long(), Hostile),
        new("emoji", "👩‍💻 needs a 👨‍👩‍👧‍👦 family dock 🏳️‍🌈 ✅ 🇩🇪 " + Hostile, "Zoë 👩🏽‍🔬 Ångström"),
        new("right to left", "אני צריך מחשב נייד חדש، أحتاج حاسوبا محمولا جديدا " + Hostile, "محمد בן-דוד"),
    ];

    /// <summary>Text a person must give (a reason to reject, a question...): the domain refuses it empty.</summary>
    public string Required => Text.Length == 0 ? "-" : Text;

    public override string ToString() => Name;

    private static string Long()
    {
        var text = string.Concat(Enumerable.Repeat(Hostile + " ", 2000 / Hostile.Length + 1))[..2000];
        return text.TrimEnd() + new string('x', 2000 - text.TrimEnd().Length);
    }
}

/// <summary>Requests in every state with <see cref="Typed"/> text in every slot people fill: justification, field
/// values, comments, notes, question, answer, resolution, feedback, reasons, and the names of everyone involved.</summary>
public static class PeoplesRequests
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    public static CatalogItem Share { get; } = new()
    {
        Id = "shared-folder-access",
        Name = "Shared folder access",
        Category = "Access",
        Approval = ApprovalPolicy.ManagerThenGroup,
        Fields =
        [
            new() { Id = "system", Label = "File share", Type = FieldType.Choice, Required = true, Choices = ["Finance share", "Other"] },
            new() { Id = "sharePath", Label = "Folder path", Required = true, MaxLength = 2000 },
            new() { Id = "notes", Label = "Anything else we should know", Type = FieldType.MultilineText, MaxLength = 2000 },
        ],
    };

    public static PersonRef Requester(Typed t) => new("u-req", t.PersonName);

    public static PersonRef Manager(Typed t) => new("u-mgr", t.PersonName);

    public static PersonRef Approver(Typed t) => new("u-sec", t.PersonName);

    public static PersonRef Agent(Typed t) => new("u-agent", t.PersonName);

    /// <summary>Just logged: the first stage waits for the manager.</summary>
    public static ServiceRequest Fresh(Typed t) => ServiceRequest.Submit(Draft(t), Start);

    public static ServiceRequest InState(RequestState state, Typed t)
    {
        var at = Start;
        DateTimeOffset Next() => at = at.AddMinutes(17);

        var r = ServiceRequest.Submit(Draft(t), Start);
        if (state == RequestState.AwaitingApproval)
        {
            r.Decide(Manager(t), approve: true, t.Text, 0, Next());
            return r;
        }

        if (state == RequestState.Rejected)
        {
            r.Decide(Manager(t), approve: true, t.Text, 0, Next());
            r.Decide(Approver(t), approve: false, t.Required, 1, Next());
            return r;
        }

        if (state == RequestState.Cancelled)
        {
            r.Cancel(Requester(t), t.Text, Next());
            return r;
        }

        r.Decide(Manager(t), approve: true, t.Text, 0, Next());
        r.Decide(Approver(t), approve: true, t.Text, 1, Next());
        if (state == RequestState.Approved)
        {
            return r;
        }

        r.Assign(Agent(t), Agent(t), Next());
        r.SetStatus(Agent(t), RequestState.InProgress, t.Text, Next());
        r.AskRequester(Agent(t), t.Required, Next());
        if (state == RequestState.AwaitingRequester)
        {
            return r;
        }

        r.Answer(Requester(t), t.Required, Next());
        if (state == RequestState.InProgress)
        {
            return r;
        }

        r.Resolve(Agent(t), t.Required, Next());
        switch (state)
        {
            case RequestState.Fulfilled:
                return r;
            case RequestState.Closed:
                r.Confirm(Requester(t), 3, t.Text, Next());
                return r;
            case RequestState.Reopened:
                r.Reopen(Requester(t), t.Text, Next());
                return r;
        }

        throw new ArgumentOutOfRangeException(nameof(state), state, "Not a state these requests are built in.");
    }

    /// <summary>The states <see cref="InState"/> builds.</summary>
    public static IReadOnlyList<RequestState> States { get; } =
    [
        RequestState.AwaitingApproval, RequestState.Rejected, RequestState.Cancelled, RequestState.Approved, RequestState.AwaitingRequester,
        RequestState.InProgress, RequestState.Fulfilled, RequestState.Closed, RequestState.Reopened,
    ];

    public static IReadOnlyDictionary<string, string> Fields(Typed t) => t.Text.Length == 0
        ? new Dictionary<string, string> { ["system"] = "Other" }
        : new Dictionary<string, string> { ["system"] = "Other", ["sharePath"] = t.Text, ["notes"] = t.Text };

    private static ServiceRequest.Draft Draft(Typed t) => new(
        "REQ-000666",
        "form-666",
        Requester(t),
        Share.Id,
        Share.Name,
        Share.Category,
        Share.CostText,
        t.Text,
        Fields(t),
        PriorityMatrix.Assess(Impact.Medium, Urgency.High),
        "team-access",
        "Identity & Access",
        Start.AddHours(16),
        [new ApprovalStage("Manager approval", [Manager(t)]), new ApprovalStage("IT security approval", [Approver(t), new("u-sec2", t.PersonName)])],
        FieldLabels: [.. Share.Fields.Select(f => new FieldLabel(f.Id, f.Label))]);
}
