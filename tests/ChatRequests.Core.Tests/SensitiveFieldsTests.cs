using ChatRequests.Core.Approvals;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests;

public class SensitiveFieldsTests
{
    private const string Path = @"\\fs01\hr\casework";
    private const string EarlierPath = @"\\fs01\hr\payroll";

    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PersonRef Requester = new("u-rita", "Rita Requester");
    private static readonly PersonRef Manager = new("u-mark", "Mark Manager");
    private static readonly PersonRef Delegate = new("u-dora", "Dora Delegate");
    private static readonly PersonRef Security1 = new("u-sam", "Sam Security");
    private static readonly PersonRef Security2 = new("u-sue", "Sue Security");
    private static readonly PersonRef Colleague = new("u-cole", "Cole Colleague");
    private static readonly PersonRef Agent = new("u-ann", "Ann Agent");
    private static readonly PersonRef OtherAgent = new("u-otto", "Otto Agent");

    [Theory]
    [InlineData("u-rita", true)]   // the requester
    [InlineData("u-mark", true)]   // the manager, whose delegate decided
    [InlineData("u-dora", true)]   // the delegate who decided
    [InlineData("u-sam", true)]    // asked to decide security, and passed it on
    [InlineData("u-cole", true)]   // who it was passed on to, and who decided it
    [InlineData("u-sue", true)]    // of the same stage, did not decide
    [InlineData("u-otto", true)]   // assigned now
    [InlineData("u-ann", false)]   // assigned before
    [InlineData("u-lena", false)]  // the team lead
    [InlineData("u-auditor", false)]
    [InlineData("u-nobody", false)]
    public void MayRead_TheRequesterTheApproversSoFarAndTheAssigneeNow_NobodyElse(string personId, bool mayRead)
    {
        var request = Worked();

        Assert.Equal(mayRead, SensitiveFields.MayRead(request, personId));
    }

    [Fact]
    public void MayRead_ALaterStagesApprovers_OnlyOnceTheirStageIsPutToThem()
    {
        var request = Logged();

        Assert.False(SensitiveFields.MayRead(request, Security1.Id));
        request.Decide(Delegate, approve: true, null, 0, Start.AddMinutes(10));
        Assert.True(SensitiveFields.MayRead(request, Security1.Id));
    }

    [Fact]
    public void MayRead_NoOneInParticular_IsNever()
    {
        Assert.False(SensitiveFields.MayRead(Worked(), readerId: null));
    }

    [Fact]
    public void MaskText_ReplacesEveryValueTheRequestHoldsOrHeld_ForThoseWhoMayNotRead()
    {
        var request = Worked();
        var text = $"Moved {EarlierPath} to {Path}; see {Path}. HR share.";

        Assert.Equal("Moved (masked) to (masked); see (masked). HR share.", SensitiveFields.MaskText(request, "u-lena", text));
        Assert.Equal(text, SensitiveFields.MaskText(request, OtherAgent.Id, text));
    }

    [Fact]
    public void MaskText_MasksAValueAsAWholeWord()
    {
        var request = Logged(fields: new Dictionary<string, string> { ["system"] = "HR share", ["sharePath"] = "E1234" });

        Assert.Equal("(masked) and E12345 and XE1234", SensitiveFields.MaskText(request, null, "E1234 and E12345 and XE1234"));
    }

    [Fact]
    public void MaskText_ARequestWithoutSensitiveFields_IsUnchanged()
    {
        var request = Logged(sensitive: false);

        Assert.Equal($"Folder {EarlierPath}", SensitiveFields.MaskText(request, null, $"Folder {EarlierPath}"));
        Assert.Equal(EarlierPath, SensitiveFields.ValueFor(request, "sharePath", EarlierPath, null));
    }

    [Fact]
    public void Edit_KeepsTheValuesInTheRequest_ButItsEventSaysOnlyWhatChanged()
    {
        var request = Logged();

        request.Edit(Requester, new RequestChange("edit-1", request.Justification, Answers(Path)), [], null, Start.AddMinutes(5));

        var change = Assert.Single(request.Edits.Single().Changes);
        Assert.True(change.Sensitive);
        Assert.Equal($"Changed by the requester: Folder path {EarlierPath} → {Path}", request.History[^1].Comment);
        Assert.Equal("Folder path: (masked)", request.Outbox.Single(e => e.Type == RequestEventType.RequestEdited).Comment);
        Assert.Equal("Folder path: (masked)", SensitiveFields.SummaryFor(request, request.Edits[0], "u-lena"));
        Assert.Equal($"Folder path {EarlierPath} → {Path}", SensitiveFields.SummaryFor(request, request.Edits[0], Manager.Id));
    }

    [Fact]
    public void History_ShowsAChangedSensitiveValue_OnlyToThoseWhoMayRead_AndTheStoredLineKeepsIt()
    {
        var request = Logged();
        request.Edit(Requester, new RequestChange("edit-1", request.Justification, Answers(Path)), [], null, Start.AddMinutes(5));

        string? EditLine(string? readerId) =>
            ChatRequests.Core.Audit.RequestHistory.For(request, readerId, readsInternal: true).Single(l => l.Action == AuditAction.Edit).Detail;

        Assert.Equal("Changed by the requester: Folder path (masked) → (masked)", EditLine("u-lena"));
        Assert.Equal("Changed by the requester: Folder path (masked) → (masked)", EditLine(readerId: null));
        Assert.Equal($"Changed by the requester: Folder path {EarlierPath} → {Path}", EditLine(Requester.Id));
        Assert.Equal($"Changed by the requester: Folder path {EarlierPath} → {Path}", request.History[^1].Comment);
        Assert.True(ChatRequests.Core.Audit.HistoryChain.Verify(request).IsIntact);
    }

    [Fact]
    public async Task Submit_KeepsTheFieldsSensitivity_SoACatalogChangeLaterDoesNotUnmaskIt()
    {
        var sensitive = SampleData.Item("shared-folder-access") is var item
            ? item with { Fields = [.. item.Fields.Select(f => f.Id == "sharePath" ? f with { Sensitive = true } : f)] }
            : null!;
        var store = new InMemoryRequestStore();
        var directory = SampleData.Directory();
        var clock = new FakeTimeProvider(SampleData.Start);
        var before = new RequestWorkflow(store, new InMemoryCatalog([sensitive]), directory, new ApproverResolver(directory), clock);
        var form = new RequestForm("key-share", "shared-folder-access", "I take over the monthly close from Joni.", "Medium",
            new Dictionary<string, string?> { ["role"] = "Read", ["sharePath"] = @"\\fs01\finance\reports", ["system"] = "Finance share" });

        var logged = (await before.SubmitAsync(SampleData.Actor(SampleData.Megan), form)).Request!;
        var after = new RequestWorkflow(store, SampleData.Catalog(), directory, new ApproverResolver(directory), clock);
        var read = await after.GetVisibleAsync(logged.Id, SampleData.Megan);

        Assert.Equal([false, true, false], read.FieldLabels.Select(l => l.Sensitive));
        Assert.Equal(SensitiveFields.Masked, SensitiveFields.ValueFor(read, "sharePath", read.Fields["sharePath"], readerId: null));
    }

    /// <summary>
    /// Approved by the manager's delegate and by Cole, to whom Sam passed security on; assigned to Ann, then given to Otto.
    /// </summary>
    private static ServiceRequest Worked()
    {
        var request = Logged();
        request.Edit(Requester, new RequestChange("edit-1", request.Justification, Answers(Path)), [], null, Start.AddMinutes(5));
        request.Decide(Delegate, approve: true, null, 0, Start.AddMinutes(10));
        request.AskSomeoneElse(Security1, Colleague, 1, Start.AddMinutes(15));
        request.Decide(Colleague, approve: true, null, 1, Start.AddMinutes(20));
        request.Assign(Agent, Agent, Start.AddMinutes(30));
        request.Reassign(Agent, OtherAgent, Start.AddMinutes(40));
        return request;
    }

    private static ServiceRequest Logged(bool sensitive = true, Dictionary<string, string>? fields = null) => ServiceRequest.Submit(
        new ServiceRequest.Draft(
            "REQ-000090",
            "form-90",
            Requester,
            "shared-folder-access",
            "Shared folder access",
            "Access",
            null,
            "Casework for the HR team.",
            fields ?? Answers(EarlierPath),
            PriorityMatrix.Assess(Impact.Low, Urgency.Medium),
            "team-identity",
            "Identity & Access",
            Start.AddHours(40),
            [new("Manager approval", [Manager]), new("IT security approval", [Security1, Security2])],
            FieldLabels: [new("system", "File share"), new("sharePath", "Folder path") { Sensitive = sensitive }],
            StandIns: new Dictionary<string, StandIn> { [Manager.Id] = new(Delegate, Manager, "delegated until 31 Dec 2026") }),
        Start);

    private static Dictionary<string, string> Answers(string path) => new() { ["system"] = "HR share", ["sharePath"] = path };
}
