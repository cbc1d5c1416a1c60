using ChatRequests.Core.Reporting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Reporting;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Functions.Tests;

/// <summary>
/// ProjectFacts on the Cosmos DB store: requests written by the real CosmosRequestStore into the Cosmos DB stand-in,
/// handed to the function as the raw documents the change feed delivers; the rows land in the Cosmos reporting store.
/// </summary>
[Collection(CosmosServer.Collection)]
public sealed class ProjectFactsTests(CosmosServer cosmos) : IAsyncLifetime
{
    private FunctionsApp _app = null!;

    private IReportingStore Reporting => _app.Services.GetRequiredService<IReportingStore>();

    public async Task InitializeAsync() =>
        _app = await FunctionsApp.StartAsync(overrides: cosmos.HostSettings("facts-" + Guid.NewGuid().ToString("N")));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ChangedRequests_AreProjected_AndTheOtherDocumentsPassedOver()
    {
        var first = await _app.SubmitAsync();
        var second = await _app.SubmitAsync(needsApproval: false);

        var answer = await _app.InvokeAsync(ProjectFactsFunction.Name, HostPayloads.ChangedDocumentsAsArray([.. await _app.AllDocumentsAsync()]));

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(2, answer.ReturnValue!.GetValue<int>());
        Assert.Equal(RequestState.AwaitingApproval, (await Reporting.GetFactsAsync(first.Id))!.State);
        Assert.Equal(RequestState.Approved, (await Reporting.GetFactsAsync(second.Id))!.State);
    }

    [Fact]
    public async Task AnOlderDocumentDeliveredAfterANewerOne_DoesNotMoveTheRowBack()
    {
        var request = await _app.SubmitAsync(needsApproval: false);
        var older = await _app.DocumentAsync(request.Id);
        await _app.Store.UpdateAsync(request.Id, r =>
            r.Assign(new PersonRef("agent", "Agent"), new PersonRef("agent", "Agent"), DateTimeOffset.UtcNow));
        var newer = await _app.DocumentAsync(request.Id);

        await _app.InvokeAsync(ProjectFactsFunction.Name, HostPayloads.ChangedDocuments(newer));
        var late = await _app.InvokeAsync(ProjectFactsFunction.Name, HostPayloads.ChangedDocuments(older));
        var again = await _app.InvokeAsync(ProjectFactsFunction.Name, HostPayloads.ChangedDocuments(newer));

        Assert.Equal((200, 0, 0), (late.StatusCode, late.ReturnValue!.GetValue<int>(), again.ReturnValue!.GetValue<int>()));
        var facts = (await Reporting.GetFactsAsync(request.Id))!;
        Assert.Equal(RequestState.Assigned, facts.State);
        Assert.Equal((await _app.Store.GetAsync(request.Id))!.Version, facts.Version);
    }
}
