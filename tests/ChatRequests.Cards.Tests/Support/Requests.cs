using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;

namespace ChatRequests.Cards.Tests.Support;

/// <summary>Realistic requests, built through the domain's own methods: long names, long texts, many fields.</summary>
public static class Requests
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 8, 30, 0, TimeSpan.Zero);

    public static readonly PersonRef Requester = new("u-req", "Maximiliane Alexandra von Hohenzollern-Sigmaringen");
    public static readonly PersonRef Manager = new("u-mgr", "Bartholomew Fitzgerald-Castellanos");
    public static readonly PersonRef SecurityLead = new("u-sec", "Oluwaseun Adeyemi-Nakamura");
    public static readonly PersonRef Agent = new("u-agent", "Kristiina Järvenpää-Lindqvist");

    public static readonly string LongJustification = BuildJustification(2000);

    public static IReadOnlyList<PersonRef> SecurityGroup { get; } =
    [
        SecurityLead,
        new("u-sec2", "Anneliese Schwarzenberger"),
        new("u-sec3", "Rajendra Venkataraghavan"),
        new("u-sec4", "Siobhán Ní Mhaoldomhnaigh"),
        new("u-sec5", "Jean-Baptiste Delacroix-Montfort"),
        new("u-sec6", "Zhang Wei"),
        new("u-sec7", "Ngozi Okonjo-Iweala"),
    ];

    public static CatalogItem Laptop { get; } = new()
    {
        Id = "hw-laptop-dev",
        Name = "Developer laptop (32 GB RAM, 1 TB SSD) with docking station and two external monitors",
        Category = "Hardware",
        Description = "A high-end laptop for software development, with a USB-C dock and two 27\" monitors. Standard delivery is five working days.",
        Cost = 2849.90m,
        Approval = ApprovalPolicy.ManagerThenGroup,
        ApproverGroupId = "grp-it-security",
        Impact = Impact.Medium,
        SlaHours = 40,
        Delivery = true,
        Fields =
        [
            new() { Id = "model", Label = "Model", Type = FieldType.Choice, Required = true, Choices = ["ThinkPad X1 Carbon", "Dell XPS 15", "MacBook Pro 14\""] },
            new() { Id = "keyboardLayout", Label = "Keyboard layout", Type = FieldType.Choice, Required = true, Choices = ["US", "UK", "German", "French", "Nordic"] },
            new() { Id = "operating_system", Label = "Operating system", Type = FieldType.Choice, Choices = ["Windows 11", "Ubuntu 24.04", "macOS"] },
            new() { Id = "quantity", Label = "Quantity", Type = FieldType.Number, Required = true },
            new() { Id = "monitors", Label = "Extra monitors", Type = FieldType.Number },
            new() { Id = "neededBy", Label = "Needed by", Type = FieldType.Date, Required = true },
            new() { Id = "costCentre", Label = "Cost centre", Required = true, Pattern = @"CC-\d{4}", PatternHint = "Like CC-1234", Placeholder = "CC-1234" },
            new() { Id = "deliveryAddress", Label = "Delivery address", Type = FieldType.MultilineText, Required = true, MaxLength = 500 },
            new() { Id = "assetTagOfOldDevice", Label = "Asset tag of the device it replaces", MaxLength = 40 },
            new() { Id = "software", Label = "Software to pre-install", Type = FieldType.MultilineText, MaxLength = 1000 },
            new() { Id = "accessories", Label = "Accessories", Type = FieldType.MultilineText },
            new() { Id = "notes", Label = "Anything else we should know", Type = FieldType.MultilineText, MaxLength = 2000 },
        ],
    };

    public static CatalogItem PasswordReset { get; } = new()
    {
        Id = "acc-password-reset",
        Name = "Password reset",
        Category = "Accounts",
        Approval = ApprovalPolicy.None,
        Impact = Impact.Low,
        SlaHours = 4,
    };

    public static IReadOnlyDictionary<string, string> LaptopFields { get; } = new Dictionary<string, string>
    {
        ["model"] = "ThinkPad X1 Carbon",
        ["keyboardLayout"] = "German",
        ["operating_system"] = "Ubuntu 24.04",
        ["quantity"] = "1",
        ["monitors"] = "2",
        ["neededBy"] = "2026-03-16",
        ["costCentre"] = "CC-4711",
        ["deliveryAddress"] = "Building 7, Floor 3, Desk 3.14\nMusterstraße 123\n80331 München\nGermany",
        ["assetTagOfOldDevice"] = "AT-2019-000123",
        ["software"] = string.Join(", ", Enumerable.Range(1, 40).Select(i => $"tool-{i}")),
        ["accessories"] = "USB-C to HDMI adapter, ergonomic mouse, headset with noise cancelling",
        ["notes"] = string.Concat(Enumerable.Repeat("Please call before delivery. ", 60)),
    };

    /// <summary>Every state a request can be in, with the request reached by realistic steps.</summary>
    public static TheoryData<RequestState> AllStates => [.. Enum.GetValues<RequestState>()];

    public static ServiceRequest NeedingTwoApprovals(string id = "REQ-000042", DateTimeOffset? at = null) =>
        ServiceRequest.Submit(Draft(id, Laptop, [new("Manager approval", [Manager]), new("IT security approval", SecurityGroup)]), at ?? Start);

    /// <summary>One stage that every member of IT security must approve.</summary>
    public static ServiceRequest NeedingAllOfSecurity(string id = "REQ-000044") =>
        ServiceRequest.Submit(Draft(id, Laptop, [new("IT security approval", SecurityGroup.Take(2).ToList()) { Mode = ApprovalMode.All }]), Start);

    /// <summary>No approval, because the organisation pre-authorises the requester for the item.</summary>
    public static ServiceRequest PreAuthorised(string id = "REQ-000045") =>
        ServiceRequest.Submit(Draft(id, Laptop, []) with { PreAuthorisation = "pre-authorised: Engineering gets Developer laptop" }, Start);

    public static ServiceRequest WithoutApproval(string id = "REQ-000043", DateTimeOffset? at = null) =>
        ServiceRequest.Submit(Draft(id, PasswordReset, []), at ?? Start);

    /// <summary>A request in <paramref name="state"/>, reached through the domain methods (Submitted only through a stored document).</summary>
    public static ServiceRequest InState(RequestState state, string id = "REQ-000042")
    {
        var t = Start;
        DateTimeOffset Next() => t = t.AddMinutes(17);

        if (state == RequestState.Submitted)
        {
            return AsJustSubmitted(NeedingTwoApprovals(id));
        }

        var r = NeedingTwoApprovals(id);
        if (state == RequestState.AwaitingApproval)
        {
            return r;
        }

        if (state == RequestState.Rejected)
        {
            r.Decide(Manager, approve: true, "Fine by me, the old one is really slow.", 0, Next());
            r.Decide(SecurityLead, approve: false, "Developer laptops need the hardened image first; please ask again once ticket SEC-1234 is done. " + new string('x', 400), 1, Next());
            return r;
        }

        if (state == RequestState.Cancelled)
        {
            r.Cancel(Requester, "Found a spare one in the office.", Next());
            return r;
        }

        r.Decide(Manager, approve: true, "Fine by me.", 0, Next());
        r.Decide(SecurityLead, approve: true, null, 1, Next());
        if (state == RequestState.Approved)
        {
            return r;
        }

        r.Assign(Agent, Agent, Next());
        switch (state)
        {
            case RequestState.Assigned:
                return r;
            case RequestState.InProgress or RequestState.AwaitingParts or RequestState.Scheduled:
                r.SetStatus(Agent, state, $"Ordered from the supplier; {state} note. " + new string('n', 300), Next());
                return r;
            case RequestState.AwaitingRequester:
                r.AskRequester(Agent, "Which of the two docking stations do you want: Thunderbolt 4 or USB-C 3.2? " + new string('q', 500), Next());
                return r;
            case RequestState.OutForDelivery:
                r.SendForDelivery(Agent, "DHL Express " + new string('c', 150), "JD014600003828 " + new string('t', 150), Next());
                return r;
        }

        r.AskRequester(Agent, "Thunderbolt 4 or USB-C dock?", Next());
        r.Answer(Requester, "Thunderbolt 4, please. " + new string('a', 800), Next());
        if (state == RequestState.InReview)
        {
            r.Resolve(
                Agent, "Laptop imaged, docking station and monitors set up at desk 3.14. " + new string('r', 1500), Next(),
                "Imaged with the 2026 build, BitLocker on, old disk wiped. " + new string('w', 1500), new ResolutionRules(true, true, null));
            return r;
        }

        r.Resolve(Agent, "Laptop imaged, docking station and monitors set up at desk 3.14. " + new string('r', 1500), Next());
        switch (state)
        {
            case RequestState.Fulfilled:
                return r;
            case RequestState.Closed:
                r.Confirm(Requester, 4, "Quick and friendly, thank you! " + new string('f', 500), Next());
                return r;
            case RequestState.Reopened:
                r.Reopen(Requester, "The second monitor stays black.", Next());
                return r;
        }

        throw new ArgumentOutOfRangeException(nameof(state), state, null);
    }

    internal static ServiceRequest.Draft Draft(string id, CatalogItem item, IReadOnlyList<ApprovalStage> stages) => new(
        id,
        $"form-{id}",
        Requester,
        item.Id,
        item.Name,
        item.Category,
        item.CostText,
        LongJustification,
        item == Laptop ? LaptopFields : new Dictionary<string, string>(),
        PriorityMatrix.Assess(item.Impact, Urgency.High),
        item.Category == "Hardware" ? "team-hw" : "team-accounts",
        item.Category == "Hardware" ? "IT Hardware & Workplace Services (Munich)" : "Identity & Accounts",
        Start.AddHours(item.SlaHours),
        stages,
        FieldLabels: [.. item.Fields.Select(f => new FieldLabel(f.Id, f.Label))],
        DeliversItem: item.Delivery);

    // A request is Submitted only for an instant inside Submit; a stored document caught then looks like this.
    private static ServiceRequest AsJustSubmitted(ServiceRequest r)
    {
        var document = JsonSerializer.SerializeToNode(r)!.AsObject();
        document["State"] = JsonValue.Create((int)RequestState.Submitted);
        document["Outbox"] = new JsonArray();
        return document.Deserialize<ServiceRequest>()!;
    }

    private static string BuildJustification(int length)
    {
        const string Sentence = "My current laptop is more than five years old, the battery lasts under an hour and builds of our main solution take over twenty minutes, which blocks code reviews and on-call work. ";
        var text = string.Concat(Enumerable.Repeat(Sentence, length / Sentence.Length + 1));
        return text[..length];
    }
}
