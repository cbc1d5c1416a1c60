using ChatRequests.Core.Catalog;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Cards.Gallery;

/// <summary>
/// Megan Bowen's developer laptop from the form to the closed request, and the branches the process allows
/// (rejected, cancelled, reopened). Every step goes through the domain's own methods at a fixed time.
/// </summary>
internal sealed class LaptopStory
{
    public const string RequestId = "REQ-000128";
    public const string TypedInChat = "I need a developer laptop for the campaign analytics work, Windows 11, Berlin office";

    private static readonly DateTimeOffset SubmittedAt = At(2, 9, 12);

    private readonly SampleOrganisation _organisation;

    private LaptopStory(SampleOrganisation organisation, PersonRef requester, PersonRef manager, PersonRef finance, PersonRef agent)
    {
        _organisation = organisation;
        Requester = requester;
        Manager = manager;
        FinanceApprover = finance;
        Agent = agent;
    }

    public PersonRef Requester { get; }
    public PersonRef Manager { get; }
    /// <summary>The Finance approver who decides; the other member of the group sees it decided by someone else.</summary>
    public PersonRef FinanceApprover { get; }
    public PersonRef Agent { get; }

    public CatalogItem Item => _organisation.Item("laptop-developer");

    /// <summary>The form as the bot first shows it: what Megan typed, and the choices she named.</summary>
    public static FormPrefill Prefill { get; } = new(
        "form-laptop-megan",
        TypedInChat,
        "Medium",
        new Dictionary<string, string> { ["operatingSystem"] = "Windows 11", ["deliveryLocation"] = "Berlin office" });

    /// <summary>A first submit with a too-short justification, a mistyped cost centre and a choice left out.</summary>
    public static RequestForm FirstTry { get; } = Form("pls", "CC 4200", keyboardLayout: null);

    /// <summary>The submit that logs the request.</summary>
    public static RequestForm Filled { get; } = Form(
        "I am moving to the campaign analytics team and will build our dashboards in Python and Power BI. " +
        "My standard laptop has 8 GB RAM and cannot load the data models; Alex agreed a developer laptop in my development plan.",
        "CC-4200",
        keyboardLayout: "German (QWERTZ)");

    public static async Task<LaptopStory> CreateAsync(SampleOrganisation organisation) => new(
        organisation,
        await organisation.PersonAsync(SampleOrganisation.Megan),
        await organisation.PersonAsync(SampleOrganisation.Alex),
        await organisation.PersonAsync(SampleOrganisation.Isaiah),
        await organisation.PersonAsync(SampleOrganisation.Adele));

    /// <summary>A fixed time in March 2026 (a Monday is the 2nd).</summary>
    public static DateTimeOffset At(int day, int hour, int minute) => new(2026, 3, day, hour, minute, 0, TimeSpan.Zero);

    /// <summary>Logged and waiting for the manager (step 1 of 2; Finance Approvers is step 2).</summary>
    public Task<ServiceRequest> SubmitAsync() =>
        _organisation.SubmitAsync(RequestId, Requester.Id, Filled, SubmittedAt);

    /// <summary>Logged with other stages than the sample policy gives, or pre-authorised (the approval pictures).</summary>
    public Task<ServiceRequest> SubmitAsync(
        Func<IReadOnlyList<ApprovalStage>, IReadOnlyList<ApprovalStage>>? stages, string? preAuthorisation = null) =>
        _organisation.SubmitAsync(RequestId, Requester.Id, Filled, SubmittedAt, stages, preAuthorisation);

    public void ManagerApproves(ServiceRequest r) =>
        r.Decide(Manager, approve: true, "Agreed in Megan's development plan, please go ahead.", 0, At(2, 10, 5));

    public void FinanceApproves(ServiceRequest r) =>
        r.Decide(FinanceApprover, approve: true, "Within the Marketing hardware budget for Q1.", 1, At(2, 14, 40));

    public void FinanceRejects(ServiceRequest r) =>
        r.Decide(FinanceApprover, approve: false, "The Q1 hardware budget for Marketing is used up. Please ask again in April.", 1, At(2, 14, 40));

    public void CancelledWhileApproving(ServiceRequest r) =>
        r.Cancel(Requester, "Diego lent me his spare developer laptop until the new budget.", At(2, 13, 30));

    public void AgentTakesIt(ServiceRequest r) => r.Assign(Agent, Agent, At(3, 8, 20));

    public void CancelledWhileWorking(ServiceRequest r) =>
        r.Cancel(Requester, "The analytics team move is postponed to next quarter.", At(3, 9, 0));

    public void WorkStarts(ServiceRequest r) =>
        r.SetStatus(Agent, RequestState.InProgress, "Imaging the laptop with the developer build; this takes about a day.", At(3, 8, 45));

    public void PartsAwaited(ServiceRequest r) =>
        r.SetStatus(Agent, RequestState.AwaitingParts, "The German keyboard variant is back-ordered; the supplier promises Thursday.", At(3, 11, 30));

    public void HandOverScheduled(ServiceRequest r) =>
        r.SetStatus(Agent, RequestState.Scheduled, "Hand-over booked for Thursday 14:00 at the Berlin office IT desk.", At(5, 8, 50));

    public void AgentAsks(ServiceRequest r) =>
        r.AskRequester(Agent, "Shall I move your files from the old laptop at the hand-over, or will you sync them from OneDrive yourself?", At(5, 9, 10));

    public void RequesterAnswers(ServiceRequest r) =>
        r.Answer(Requester, "Please move them: the Power BI files in C:\\Data are not all in OneDrive.", At(5, 9, 32));

    public void AgentResolves(ServiceRequest r) =>
        r.Resolve(Agent, "Laptop handed over at the Berlin IT desk, files moved from the old laptop, BitLocker on. The old laptop (asset BER-2291) is back with us for wiping.", At(5, 15, 10));

    public void RequesterConfirms(ServiceRequest r) =>
        r.Confirm(Requester, 5, "Smooth hand-over, thank you Adele!", At(6, 8, 5));

    public void RequesterReopens(ServiceRequest r) =>
        r.Reopen(Requester, "The second monitor on the dock stays black.", At(6, 8, 5));

    private static RequestForm Form(string justification, string costCentre, string? keyboardLayout) => new(
        Prefill.SubmissionKey,
        "laptop-developer",
        justification,
        "Medium",
        new Dictionary<string, string?>
        {
            ["costCentre"] = costCentre,
            ["operatingSystem"] = "Windows 11",
            ["deliveryLocation"] = "Berlin office",
            ["keyboardLayout"] = keyboardLayout,
        });
}
