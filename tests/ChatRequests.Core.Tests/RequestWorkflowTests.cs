using ChatRequests.Core.Approvals;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Workflow;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Core.Tests;

public class RequestWorkflowTests
{
    private readonly FakeTimeProvider _clock = new(SampleData.Start);
    private readonly InMemoryRequestStore _store = new();
    private readonly RequestWorkflow _workflow;

    public RequestWorkflowTests()
    {
        var directory = SampleData.Directory();
        _workflow = new RequestWorkflow(_store, SampleData.Catalog(), directory, new ApproverResolver(directory), _clock);
    }

    [Fact]
    public async Task Submit_ValidLaptopForm_LogsCategorisesPrioritisesAndAsksTheManager()
    {
        var result = await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1", urgency: "high"));

        Assert.False(result.Errors.Any);
        Assert.False(result.WasDuplicate);
        var request = Assert.IsType<ServiceRequest>(result.Request);
        Assert.Equal("REQ-000001", request.Id);
        Assert.Equal(1, request.Version);
        Assert.Equal(RequestState.AwaitingApproval, request.State);
        Assert.Equal("Megan Bowen", request.Requester.Name);
        Assert.Equal(("laptop-standard", "Standard laptop", "Hardware"), (request.CatalogItemId, request.ItemName, request.Category));
        Assert.Equal("1,450.00 EUR", request.CostText);
        Assert.Equal(PriorityMatrix.Assess(Impact.Low, Urgency.High), request.Priority);
        Assert.Equal(("team-hardware", "Hardware Service"), (request.TeamId, request.TeamName));
        Assert.Equal(_clock.GetUtcNow().AddHours(40), request.DueAt);
        Assert.Equal(SampleData.Alex, request.PendingStage?.Approvers.Single().Id);
        Assert.Equal("My laptop is five years old and too slow.", request.Justification);
        Assert.Equal(new Dictionary<string, string>
        {
            ["costCentre"] = "CC-4711",
            ["deliveryLocation"] = "Berlin office",
            ["keyboardLayout"] = "German (QWERTZ)",
        }, request.Fields);
        Assert.Equal(request.Id, (await _store.GetAsync(request.Id))?.Id);
    }

    [Fact]
    public async Task Submit_KeepsTheCatalogsFieldLabelsInCatalogOrder_SoCardsNameFieldsAsTheFormDid()
    {
        var form = new RequestForm("key-share", "shared-folder-access", "I take over the monthly close from Joni.", "Medium",
            new Dictionary<string, string?> { ["role"] = "Read", ["sharePath"] = @"\\fs01\finance\reports", ["system"] = "Finance share" });

        var request = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form)).Request!;

        FieldLabel[] expected = [new("system", "File share"), new("sharePath", "Folder path"), new("role", "Permission")];
        Assert.Equal(expected, request.FieldLabels);
        Assert.Equal(expected, (await _store.GetAsync(request.Id))!.FieldLabels);
        Assert.Equal(@"\\fs01\finance\reports", request.Fields["sharePath"]);
    }

    [Fact]
    public async Task Submit_InvalidForm_ReportsErrorsAndStoresNothing()
    {
        var form = LaptopForm("key-1") with
        {
            Justification = "no",
            Fields = new Dictionary<string, string?> { ["costCentre"] = "4711", ["deliveryLocation"] = "Mars" },
        };

        var result = await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form);

        Assert.Null(result.Request);
        Assert.Equal(["costCentre", "deliveryLocation", "justification", "keyboardLayout"], result.Errors.ByInput.Keys.Order());
        Assert.Null(await _store.FindBySubmissionKeyAsync("key-1"));
    }

    [Fact]
    public async Task Submit_ItemThatProvisions_KeepsASnapshotOfItsProvisioningForAfterTheApproval()
    {
        var form = new RequestForm("key-finance", "finance-share-read", "I prepare the monthly reports.", "Medium",
            new Dictionary<string, string?> { ["department"] = "Controlling" });

        var result = await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form);

        var request = Assert.IsType<ServiceRequest>(result.Request);
        Assert.Equal(SampleData.Item("finance-share-read").Provisioning, request.Provisioning);
        Assert.Equal("Finance share readers", request.Provisioning?.GroupName);
        Assert.Equal(RequestState.AwaitingApproval, request.State);
        Assert.DoesNotContain(request.Outbox, e => e.Type == RequestEventType.ProvisioningRequested);
    }

    [Fact]
    public async Task Submit_PreApprovedItem_GoesStraightToTheTeam()
    {
        var form = new RequestForm("key-mouse", "mouse", "The scroll wheel is broken.", "Low",
            new Dictionary<string, string?> { ["deliveryLocation"] = "London office" });

        var result = await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), form);

        Assert.Equal(RequestState.Approved, result.Request?.State);
        Assert.Empty(result.Request!.Approvals);
    }

    [Fact]
    public async Task Submit_SameSubmissionKeyTwice_ReturnsTheSameRequest()
    {
        var first = await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"));

        var second = await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"));

        Assert.True(second.WasDuplicate);
        Assert.Equal(first.Request!.Id, second.Request?.Id);
        Assert.Single(await _store.ListByRequesterAsync(SampleData.Megan, 10));
    }

    [Fact]
    public async Task Submit_SubmissionKeyReplayedBySomeoneElse_IsRefusedWithoutTheRequest_AndLogsNothing()
    {
        var first = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"))).Request!;

        foreach (var who in new[] { SampleData.Actor(SampleData.Diego), SampleData.Actor(SampleData.Alex), new Actor(new PersonRef("u-stranger", "Stranger"), Entry: null) })
        {
            var error = await Assert.ThrowsAsync<RequestRuleException>(() => _workflow.SubmitAsync(who, LaptopForm("key-1")));

            Assert.DoesNotContain(first.Id, error.Message);
            Assert.DoesNotContain("Megan", error.Message);
            Assert.Empty(await _store.ListByRequesterAsync(who.Ref.Id, 10));
        }

        Assert.Single(await _store.ListByRequesterAsync(SampleData.Megan, 10));
    }

    [Fact]
    public async Task Submit_SameSubmissionKeyConcurrently_CreatesOneRequest()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1")))));

        Assert.Single(results.Select(r => r.Request!.Id).Distinct());
        Assert.Single(results, r => !r.WasDuplicate);
        Assert.Single(await _store.ListByRequesterAsync(SampleData.Megan, 10));
    }

    [Fact]
    public async Task Submit_SameSubmissionKeyConcurrently_UsesUpOneNumber_SoTheNextFormGetsTheNextOne()
    {
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ =>
            Task.Run(() => _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1")))));

        var next = await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-2"));

        Assert.Equal("REQ-000002", next.Request!.Id);
    }

    [Fact]
    public async Task Submit_UnknownItem_IsExplained()
    {
        var error = await Assert.ThrowsAsync<RequestRuleException>(() =>
            _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1") with { ItemId = "time-machine" }));

        Assert.Contains("no longer exists", error.Message);
    }

    [Fact]
    public async Task Submit_RequesterNotInTheDirectory_IsNotPermitted()
    {
        await Assert.ThrowsAsync<NotPermittedException>(() =>
            _workflow.SubmitAsync(new Actor(new PersonRef("u-stranger", "Stranger"), Entry: null), LaptopForm("key-1")));
    }

    [Fact]
    public async Task Submit_RequesterWithoutManager_GoesToTheFallbackGroup()
    {
        var result = await _workflow.SubmitAsync(SampleData.Actor(SampleData.Pradeep), LaptopForm("key-1"));

        Assert.Equal("Finance Approvers", Assert.Single(result.Request!.Approvals).Name);
    }

    [Fact]
    public async Task WorkOnRequest_ByAnAgentOutsideTheTeam_ReadsAsNotFound()
    {
        var request = await ApprovedLaptopAsync();

        var error = await Assert.ThrowsAsync<RequestNotVisibleException>(() =>
            _workflow.AssignToSelfAsync(request.Id, SampleData.Ref(SampleData.Christie)));

        Assert.Equal($"I can't find {request.Id} among the requests you can see. Type 'my requests' to see yours.", error.Message);
        Assert.Equal(RequestState.Approved, (await _store.GetAsync(request.Id))?.State);
    }

    [Fact]
    public async Task WorkOnRequest_AgentsOwnRequest_IsNotPermitted()
    {
        var form = new RequestForm("key-adele", "mouse", "Mine stopped working.", "Low",
            new Dictionary<string, string?> { ["deliveryLocation"] = "Berlin office" });
        var request = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Adele), form)).Request!;

        await Assert.ThrowsAsync<NotPermittedException>(() => _workflow.AssignToSelfAsync(request.Id, SampleData.Ref(SampleData.Adele)));
        var colleague = await _workflow.AssignToSelfAsync(request.Id, SampleData.Ref(SampleData.Lidia));
        Assert.Equal(SampleData.Lidia, colleague.Assignee?.Id);
    }

    [Fact]
    public async Task Lifecycle_ThroughTheWorkflow_EndsClosedWithFeedback()
    {
        var megan = SampleData.Ref(SampleData.Megan);
        var adele = SampleData.Ref(SampleData.Adele);
        var request = await ApprovedLaptopAsync();

        await _workflow.AssignToSelfAsync(request.Id, adele);
        await _workflow.SetStatusAsync(request.Id, adele, RequestState.AwaitingParts, "Ordered from the supplier");
        await _workflow.AskRequesterAsync(request.Id, adele, "Berlin or home?");
        await _workflow.AnswerAsync(request.Id, megan, "Berlin");
        await _workflow.ResolveAsync(request.Id, adele, "Ready at the service desk");
        _clock.Advance(TimeSpan.FromDays(1));
        var closed = await _workflow.ConfirmAsync(request.Id, megan, 5, "Great");

        Assert.Equal(RequestState.Closed, closed.State);
        Assert.Equal(5, closed.Feedback?.Rating);
        Assert.Equal(_clock.GetUtcNow(), closed.UpdatedAt);
        Assert.Equal(RequestState.Closed, (await _store.GetAsync(request.Id))?.State);
        Assert.Equal(8, closed.Version);
    }

    [Fact]
    public async Task GetVisible_ShowsTheRequestToTheInvolvedOnly()
    {
        var request = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"))).Request!;

        foreach (var personId in new[] { SampleData.Megan, SampleData.Alex, SampleData.Adele })
        {
            Assert.Equal(request.Id, (await _workflow.GetVisibleAsync(request.Id, personId)).Id);
        }

        var notYours = await Assert.ThrowsAsync<RequestNotVisibleException>(() => _workflow.GetVisibleAsync(request.Id, SampleData.Christie));
        var missing = await Assert.ThrowsAsync<RequestNotVisibleException>(() => _workflow.GetVisibleAsync("REQ-999999", SampleData.Christie));
        Assert.Equal(missing.Message.Replace("REQ-999999", "#"), notYours.Message.Replace(request.Id, "#"));
    }

    [Fact]
    public async Task Changes_BySomeoneWhoMayNotView_ReadAsForANumberThatDoesNotExist_AndChangeNothing()
    {
        var request = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"))).Request!;
        var diego = SampleData.Ref(SampleData.Diego);
        var christie = SampleData.Ref(SampleData.Christie);
        var missing = await Assert.ThrowsAsync<RequestNotVisibleException>(() => _workflow.CancelAsync("REQ-999999", diego, null));
        var attempts = new Func<string, Task>[]
        {
            id => _workflow.CancelAsync(id, diego, null),
            id => _workflow.DecideAsync(id, diego, approve: true, null, 0),
            id => _workflow.DecideAsync(id, SampleData.Ref(SampleData.Isaiah), approve: false, "No", 0),
            id => _workflow.AssignToSelfAsync(id, christie),
            id => _workflow.ResolveAsync(id, christie, "Done"),
            id => _workflow.AnswerAsync(id, christie, "Yes"),
        };

        foreach (var attempt in attempts)
        {
            var refused = await Assert.ThrowsAsync<RequestNotVisibleException>(() => attempt(request.Id));
            Assert.Equal(missing.Message.Replace("REQ-999999", "#"), refused.Message.Replace(request.Id, "#"));
        }

        var stored = (await _store.GetAsync(request.Id))!;
        Assert.Equal(RequestState.AwaitingApproval, stored.State);
        Assert.Equal(request.Version, stored.Version);
    }

    [Fact]
    public async Task Changes_BySomeoneWhoMayView_AreToldTheRule()
    {
        var request = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"))).Request!;

        var byAlex = await Assert.ThrowsAsync<NotPermittedException>(() => _workflow.CancelAsync(request.Id, SampleData.Ref(SampleData.Alex), null));
        var byLead = await Assert.ThrowsAsync<NotPermittedException>(() => _workflow.AssignToSelfAsync(request.Id, SampleData.Ref(SampleData.Grady)));

        Assert.Contains("Megan Bowen", byAlex.Message);
        Assert.Contains("Hardware Service", byLead.Message);
    }

    [Fact]
    public async Task Lists_HoldOnlyWhatThePersonMayView_AndTheLeadSeesTheTeamsQueue()
    {
        var laptop = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"))).Request!;
        await _workflow.DecideAsync(laptop.Id, SampleData.Ref(SampleData.Alex), approve: true, null, 0);

        var byLead = await _workflow.TeamQueueAsync(SampleData.Grady, channelId: null, 20);
        var byAgent = await _workflow.TeamQueueAsync(SampleData.Adele, SampleData.HardwareChannel, 20);
        var inAnotherChannel = await _workflow.TeamQueueAsync(SampleData.Adele, SampleData.IdentityChannel, 20);
        var byOtherAgent = await _workflow.TeamQueueAsync(SampleData.Christie, SampleData.HardwareChannel, 20);

        Assert.Equal([laptop.Id], byLead.Page.Requests.Select(r => r.Id));
        Assert.Equal(1, byLead.Page.Total);
        Assert.Equal("Hardware Service", Assert.Single(byLead.Teams).Name);
        Assert.Equal([laptop.Id], byAgent.Page.Requests.Select(r => r.Id));
        Assert.Empty(inAnotherChannel.Teams);
        Assert.Empty(inAnotherChannel.Page.Requests);
        Assert.Empty(byOtherAgent.Page.Requests);
        Assert.Equal([laptop.Id], (await _workflow.ListMineAsync(SampleData.Megan, 10)).Select(r => r.Id));
        Assert.Empty(await _workflow.ListMineAsync(SampleData.Diego, 10));
    }

    [Fact]
    public async Task GetVisibleInChannel_ShowsOnlyTheChannelTeamsRequests()
    {
        var laptop = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"))).Request!;

        Assert.Equal(laptop.Id, (await _workflow.GetVisibleInChannelAsync(laptop.Id, SampleData.Adele, SampleData.HardwareChannel)).Id);
        await Assert.ThrowsAsync<RequestNotVisibleException>(() => _workflow.GetVisibleInChannelAsync(laptop.Id, SampleData.Megan, SampleData.IdentityChannel));
        await Assert.ThrowsAsync<RequestNotVisibleException>(() => _workflow.GetVisibleInChannelAsync(laptop.Id, SampleData.Christie, SampleData.HardwareChannel));
    }

    [Fact]
    public async Task Cancel_ByTheRequester_Cancels()
    {
        var request = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"))).Request!;

        await Assert.ThrowsAsync<NotPermittedException>(() => _workflow.CancelAsync(request.Id, SampleData.Ref(SampleData.Alex), null));
        var cancelled = await _workflow.CancelAsync(request.Id, SampleData.Ref(SampleData.Megan), "Found a spare one");

        Assert.Equal(RequestState.Cancelled, cancelled.State);
    }

    [Fact]
    public async Task Decide_TwentyConcurrentClicks_ExactlyOneDecides()
    {
        var request = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"))).Request!;
        var alex = SampleData.Ref(SampleData.Alex);
        using var start = new ManualResetEventSlim();

        var clicks = Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
        {
            start.Wait();
            var approve = i % 2 == 0;
            return await _workflow.DecideAsync(request.Id, alex, approve, approve ? null : "Not this quarter", stage: 0);
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(clicks.Select(async c =>
        {
            try
            {
                await c;
                return (Exception?)null;
            }
            catch (Exception ex)
            {
                return ex;
            }
        }));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<Exception>(), ex => Assert.IsType<AlreadyDecidedException>(ex));
        var stored = (await _store.GetAsync(request.Id))!;
        var decision = stored.Approvals[0].Decision!;
        Assert.Equal(decision.Approved ? RequestState.Approved : RequestState.Rejected, stored.State);
        Assert.Single(stored.History, h => h.Action == AuditAction.Approve || h.Action == AuditAction.Reject);
        Assert.Single(stored.Outbox, e => e.Type is RequestEventType.Approved or RequestEventType.Rejected);
        Assert.Equal(2, stored.Version);
        Assert.All(outcomes.OfType<AlreadyDecidedException>(), ex => Assert.Equal(decision, ex.Decision));
    }

    [Fact]
    public async Task RefusedChange_CarriesTheRequestItLoaded_UnlessThePersonMayNotViewIt()
    {
        var request = await ApprovedLaptopAsync();

        var again = await Assert.ThrowsAsync<AlreadyDecidedException>(() =>
            _workflow.DecideAsync(request.Id, SampleData.Ref(SampleData.Alex), approve: false, "No", stage: 0));
        var byLead = await Assert.ThrowsAsync<NotPermittedException>(() => _workflow.AssignToSelfAsync(request.Id, SampleData.Ref(SampleData.Grady)));
        var byStranger = await Assert.ThrowsAsync<RequestNotVisibleException>(() => _workflow.CancelAsync(request.Id, SampleData.Ref(SampleData.Christie), null));

        Assert.Equal((request.Id, RequestState.Approved), (again.Request?.Id, again.Request?.State));
        Assert.Equal(request.Id, byLead.Request?.Id);
        Assert.Null(byStranger.Request);
    }

    private async Task<ServiceRequest> ApprovedLaptopAsync()
    {
        var request = (await _workflow.SubmitAsync(SampleData.Actor(SampleData.Megan), LaptopForm("key-1"))).Request!;
        return await _workflow.DecideAsync(request.Id, SampleData.Ref(SampleData.Alex), approve: true, "Go ahead", stage: 0);
    }

    private static RequestForm LaptopForm(string submissionKey, string urgency = "Medium") => new(
        submissionKey,
        "laptop-standard",
        "  My laptop is five years old and too slow.  ",
        urgency,
        new Dictionary<string, string?>
        {
            ["costCentre"] = "CC-4711",
            ["deliveryLocation"] = "berlin office",
            ["keyboardLayout"] = "German (QWERTZ)",
            ["notOnTheForm"] = "ignored",
        });
}
