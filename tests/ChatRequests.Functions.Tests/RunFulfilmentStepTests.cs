using Azure.Core;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Provisioning;
using ChatRequests.Core.Requests;
using ChatRequests.Functions.Fulfilment;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;

namespace ChatRequests.Functions.Tests;

public sealed class RunFulfilmentStepTests
{
    [Fact]
    public async Task DuplicateDeliveryPostsNothingTwiceAndSucceeds()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));
        var requestsAfterFirst = app.Connector.Requests.Count;

        var again = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString(), deliveryCount: 2));

        Assert.Equal(200, again.StatusCode);
        Assert.Equal("AlreadyDone", again.ReturnValue!.GetValue<string>());
        Assert.Equal(requestsAfterFirst, app.Connector.Requests.Count);
        Assert.Single(app.Connector.CardsSentTo(Persona.Alex.AadObjectId));
    }

    [Fact]
    public async Task ProvisioningRequestedOnTheGraphDirectory_DeliveredTwice_PostsToGraphOnceAndCompletesOnce()
    {
        const string FinanceReaders = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11";
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await FunctionsApp.StartAsync(
            services: s => s.AddSingleton<TokenCredential>(new StaticTokenCredential()),
            overrides: GraphOrganisation.Serve(graph));
        var request = await app.SubmitApprovedWithProvisioningAsync(new ProvisioningPlan
        {
            Action = ProvisioningAction.AddToGroup,
            GroupId = FinanceReaders,
            GroupName = "Finance share readers",
        });
        var e = request.Outbox.Single(o => o.Type == RequestEventType.ProvisioningRequested);
        var message = HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString());

        var first = await app.InvokeAsync(RunFulfilmentStepFunction.Name, message);
        var second = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString(), deliveryCount: 2));

        Assert.Equal((200, "Handled"), (first.StatusCode, first.ReturnValue!.GetValue<string>()));
        Assert.Equal((200, "AlreadyDone"), (second.StatusCode, second.ReturnValue!.GetValue<string>()));
        var added = Assert.Single(graph.MembersAdded);
        Assert.Equal($"https://graph.microsoft.com/v1.0/directoryObjects/{Persona.Megan.AadObjectId}", added.ODataId);
        Assert.Equal(FinanceReaders, added.GroupId);
        Assert.Single(graph.Requests, r => r.PathAndQuery.EndsWith("/members/$ref", StringComparison.Ordinal));
        var stored = (await app.Store.GetAsync(request.Id))!;
        Assert.Equal(RequestState.Fulfilled, stored.State);
        Assert.Single(stored.History, h => h.Action == AuditAction.CompleteProvisioning);
        Assert.Single(stored.Outbox, o => o.Type == RequestEventType.Resolved);
        Assert.DoesNotContain(stored.Outbox, o => o.Id == e.Id);
    }

    [Fact]
    public async Task ProvisioningRefusedByGraph_IsRecordedForTheTeamAndTheMessageCompletes()
    {
        const string FinanceReaders = "6b1f3a52-3c1e-4f0b-9a57-5d1d0c2f9e11";
        await using var graph = await FakeGraphServer.StartAsync();
        await using var app = await FunctionsApp.StartAsync(
            services: s => s.AddSingleton<TokenCredential>(new StaticTokenCredential()),
            overrides: GraphOrganisation.Serve(graph));
        graph.RefusedGroups[FinanceReaders] = true;
        var request = await app.SubmitApprovedWithProvisioningAsync(new ProvisioningPlan
        {
            Action = ProvisioningAction.AddToGroup,
            GroupId = FinanceReaders,
            GroupName = "Finance share readers",
        });
        var e = request.Outbox.Single(o => o.Type == RequestEventType.ProvisioningRequested);

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        Assert.Equal((200, "Handled"), (answer.StatusCode, answer.ReturnValue!.GetValue<string>()));
        Assert.Empty(graph.MembersAdded);
        var stored = (await app.Store.GetAsync(request.Id))!;
        Assert.Equal(RequestState.Approved, stored.State);
        Assert.StartsWith("Automatic provisioning failed: Microsoft Graph refused to add the member (403", stored.StatusNote);
        Assert.Single(stored.Outbox, o => o.Type == RequestEventType.ProvisioningFailed);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"requestId\":\"REQ-000001\"}")]
    [InlineData("[1,2,3]")]
    public async Task MalformedBodyIsCompletedAsAPermanentFailureWithALog(string body)
    {
        await using var app = await FunctionsApp.StartAsync();

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessageWithBody(body, messageId: "poison-1"));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("PermanentFailure", answer.ReturnValue!.GetValue<string>());
        Assert.Contains(answer.Logs, l => l.StartsWith("Permanent failure: message poison-1", StringComparison.Ordinal));
        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task UnknownRequestIsCompletedAsAPermanentFailureWithALog()
    {
        await using var app = await FunctionsApp.StartAsync();

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage("REQ-999999", "e-1", "ApprovalRequested"));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("PermanentFailure", answer.ReturnValue!.GetValue<string>());
        Assert.Contains(answer.Logs, l => l.Contains("REQ-999999 does not exist", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TransientConnectorFailure_SchedulesTheNextTry_CompletesTheMessage_AndLeavesTheEventPending()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        app.Connector.FailNext(count: 1000, statusCode: 502);

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        Assert.Equal((200, "Rescheduled"), (answer.StatusCode, answer.ReturnValue!.GetValue<string>()));
        Assert.Contains(answer.Logs, l => l.StartsWith("Transient failure (attempt 1 of 10)", StringComparison.Ordinal));
        Assert.Equal(e.Id + "-1", Assert.Single(app.Queue.Scheduled).Message.MessageId);
        var stored = (await app.Store.GetAsync(request.Id))!;
        var still = Assert.Single(stored.Outbox);
        Assert.False(still.IsParked);
        Assert.Equal(request.Version, stored.Version);
    }

    [Fact]
    public async Task TransientFailureThatCannotBeScheduled_Answers500ForTheQueueToRedeliver()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        app.Connector.FailNext(count: 1000, statusCode: 502);
        app.Queue.FailNext(count: 100);

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        Assert.Equal(500, answer.StatusCode);
        Assert.Contains(answer.Logs, l => l.StartsWith("Transient failure (delivery 1 of 3)", StringComparison.Ordinal));
        Assert.False(Assert.Single((await app.Store.GetAsync(request.Id))!.Outbox).IsParked);
    }

    [Fact]
    public async Task TransientFailureThatCannotBeScheduled_OnTheLastDelivery_ParksTheEventAndStillFailsForTheDeadLetterQueue()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        app.Connector.FailNext(count: 1000, statusCode: 502);
        app.Queue.FailNext(count: 100);

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name,
            HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString(), deliveryCount: FunctionsApp.MaxDeliveryCount));

        Assert.Equal(500, answer.StatusCode);
        var parked = Assert.Single((await app.Store.GetAsync(request.Id))!.Outbox, o => o.Id == e.Id);
        Assert.True(parked.IsParked);
        Assert.StartsWith("Gave up after 3 deliveries: ConnectorException", parked.LastError);
    }

    [Fact]
    public async Task RetryAfterATransientFailurePostsTheCardOnce()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        app.Connector.FailNext(count: 2, statusCode: 502);
        var first = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        var second = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(Assert.Single(app.Queue.Scheduled).Message));

        Assert.Equal("Rescheduled", first.ReturnValue!.GetValue<string>());
        Assert.Equal((200, "Handled"), (second.StatusCode, second.ReturnValue!.GetValue<string>()));
        Assert.Single(app.Connector.CardsSentTo(Persona.Alex.AadObjectId));
    }

    [Fact]
    public async Task PermanentHandlerFailureParksTheEventWithTheReasonAndCompletesTheMessage()
    {
        var notifier = Substitute.For<INotifier>();
        notifier.ShowApprovalCardAsync(default!, default!, default, default)
            .ReturnsForAnyArgs(Task.FromException(new PermanentEventFailureException("The approver left the company.")));
        await using var app = await FunctionsApp.StartAsync(services => services.Replace(ServiceDescriptor.Singleton(notifier)));
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("PermanentFailure", answer.ReturnValue!.GetValue<string>());
        Assert.Contains(answer.Logs, l => l.Contains("The approver left the company.", StringComparison.Ordinal));
        var parked = Assert.Single((await app.Store.GetAsync(request.Id))!.Outbox, o => o.Id == e.Id);
        Assert.True(parked.IsParked);
        Assert.Equal("PermanentEventFailureException: The approver left the company.", parked.LastError);
    }

    [Fact]
    public async Task TeamChannelRefusedFor403_ParksTheEventAtOnceAndCompletesTheMessage()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync(needsApproval: false);
        var e = request.Outbox[0];
        app.Connector.FailNext(new FakeFailure(403, Count: 100)
        {
            ErrorCode = "BotNotInConversationRoster",
            When = r => r.Route == FakeConnectorRoute.CreateConversation && r.Parameters?.IsGroup == true,
        });

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        Assert.Equal((200, "PermanentFailure"), (answer.StatusCode, answer.ReturnValue!.GetValue<string>()));
        var parked = Assert.Single((await app.Store.GetAsync(request.Id))!.Outbox, o => o.Id == e.Id);
        Assert.True(parked.IsParked);
        Assert.Contains("403 BotNotInConversationRoster", parked.LastError, StringComparison.Ordinal);
        Assert.Single(app.Connector.Requests, r => !r.Succeeded && r.Route != FakeConnectorRoute.Unknown);
    }

    [Fact]
    public async Task AParkedStep_ReachesTheTeamThroughTheQueue_AndItsNoticeNeverLoops()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync(needsApproval: false);
        var e = request.Outbox[0];
        app.Connector.FailNext(new FakeFailure(403, Count: 1)
        {
            ErrorCode = "BotNotInConversationRoster",
            When = r => r.Route == FakeConnectorRoute.CreateConversation && r.Parameters?.IsGroup == true,
        });
        await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        var outcomes = await RunPendingStepsAsync(app, request.Id);

        Assert.Equal(["200 Handled"], outcomes); // the parked step is not run; its notice is, and posts the card
        var card = app.Connector.LatestCardIn(app.Connector.Conversations.Single(c => c.ChannelId == Persona.HardwareChannel).Id)!;
        Assert.Contains("a step could not be done", CardReader.AllText(card), StringComparison.Ordinal);
        Assert.Equal(["parked.retry", "parked.dismiss"], CardReader.Verbs(card));
        var stored = (await app.Store.GetAsync(request.Id))!;
        Assert.Equal([e.Id], stored.Outbox.Select(o => o.Id));
        Assert.Single(stored.History, h => h.Action == AuditAction.EventParked);

        // Retried, the step is relayed under a new message id (the queue's duplicate detection would drop the old one);
        // Teams refuses the channel for good now: the second parking's notice parks too, and nothing more is relayed.
        await Core.Storage.RequestStoreUpdates.UpdateAsync(app.Store, request.Id, r => r.RetryParked(r.Parkings[0].Id, PersonRef.System, DateTimeOffset.UtcNow));
        app.Connector.FailNext(new FakeFailure(403, Count: 100) { When = r => r.Route == FakeConnectorRoute.CreateConversation });
        for (var pass = 0; pass < 3; pass++)
        {
            await RunPendingStepsAsync(app, request.Id);
        }

        Assert.Equal($"{e.Id}.r1", new Relay.FulfilmentMessage(request.Id, e.Id, e.Type.ToString(), Retries: 1).ToQueueMessage().MessageId);
        var after = (await app.Store.GetAsync(request.Id))!;
        Assert.All(after.Outbox, o => Assert.True(o.IsParked));
        Assert.Equal([RequestEventType.Approved, RequestEventType.ParkedNotice], after.Outbox.Select(o => o.Type));
        Assert.Equal(2, after.Parkings.Count);
    }

    /// <summary>What RelayOutbox sends for the request's pending (not parked) events, each run through RunFulfilmentStep.</summary>
    private static async Task<IReadOnlyList<string>> RunPendingStepsAsync(FunctionsApp app, string requestId)
    {
        var outcomes = new List<string>();
        foreach (var pending in (await app.Store.GetAsync(requestId))!.Outbox.Where(o => !o.IsParked))
        {
            var step = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(requestId, pending.Id, pending.Type.ToString()));
            outcomes.Add($"{step.StatusCode} {step.ReturnValue}");
        }

        return outcomes;
    }

    [Fact]
    public async Task ParkedEventIsNotRunAgain()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        await Core.Storage.RequestStoreUpdates.UpdateAsync(app.Store, request.Id, r => r.FailEvent(e.Id, "broken", DateTimeOffset.UtcNow, TimeSpan.Zero, 1));

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, nameof(RequestEventType.ApprovalRequested)));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal("AlreadyParked", answer.ReturnValue!.GetValue<string>());
        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task ApproverUnreachable_IsReroutedAtOnce_ToTheirManager_WhoGetsTheCard_AndTheRequesterIsTold()
    {
        await using var app = await FunctionsApp.StartAsync();
        var miriam = new PersonRef(Persona.Miriam.AadObjectId, Persona.Miriam.Name);
        var request = await app.SubmitAsync(fallbacks: [new StageRoute("Alex Wilber's manager", [miriam])]);
        var e = request.Outbox[0];
        app.Connector.FailNext(new FakeFailure(404, Count: 100)
        {
            ErrorCode = "UserNotFound",
            When = r => r.Parameters?.Members?.Any(m => m.Id == Persona.Alex.AadObjectId) == true,
        });

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        Assert.Equal((200, "Handled"), (answer.StatusCode, answer.ReturnValue!.GetValue<string>()));
        var rerouted = (await app.Store.GetAsync(request.Id))!;
        Assert.Equal([miriam], rerouted.PendingStage!.Approvers);
        Assert.Equal(
            [RequestEventType.ApprovalRerouted, RequestEventType.ApprovalRequested], rerouted.Outbox.Select(o => o.Type));
        foreach (var next in rerouted.Outbox)
        {
            var step = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, next.Id, next.Type.ToString()));
            Assert.Equal("Handled", step.ReturnValue!.GetValue<string>());
        }

        Assert.Single(app.Connector.CardsSentTo(Persona.Miriam.AadObjectId));
        Assert.Contains(
            app.Connector.CardsSentTo(Persona.Megan.AadObjectId),
            c => CardReader.AllText(c).Contains("Your approval could not reach Alex Wilber; it went to Miriam Graham.", StringComparison.Ordinal));
    }
}
