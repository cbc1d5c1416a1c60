using ChatRequests.Core.Fulfillment;
using ChatRequests.Core.Messaging;
using ChatRequests.Core.Requests;
using ChatRequests.Functions.Fulfillment;
using ChatRequests.Functions.Relay;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

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
    public async Task TransientConnectorFailureAnswers500SoTheHostRetriesAndLeavesTheEventPending()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        app.Connector.FailNext(count: 1000, statusCode: 502);

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString()));

        Assert.Equal(500, answer.StatusCode);
        Assert.Contains(answer.Logs, l => l.StartsWith("Transient failure (delivery 1 of 3)", StringComparison.Ordinal));
        var stored = (await app.Store.GetAsync(request.Id))!;
        var still = Assert.Single(stored.Outbox);
        Assert.False(still.IsParked);
        Assert.Equal(request.Version, stored.Version);
    }

    [Fact]
    public async Task TransientFailureOnTheLastDeliveryParksTheEventAndStillFailsForTheDeadLetterQueue()
    {
        await using var app = await FunctionsApp.StartAsync();
        var request = await app.SubmitAsync();
        var e = request.Outbox[0];
        app.Connector.FailNext(count: 1000, statusCode: 502);

        var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name,
            HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString(), deliveryCount: FunctionsApp.MaxDeliveryCount));

        Assert.Equal(500, answer.StatusCode);
        var parked = Assert.Single((await app.Store.GetAsync(request.Id))!.Outbox);
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

        var second = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(request.Id, e.Id, e.Type.ToString(), deliveryCount: 2));

        Assert.Equal(500, first.StatusCode);
        Assert.Equal(200, second.StatusCode);
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
        var parked = Assert.Single((await app.Store.GetAsync(request.Id))!.Outbox);
        Assert.True(parked.IsParked);
        Assert.Equal("PermanentEventFailureException: The approver left the company.", parked.LastError);
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
}
