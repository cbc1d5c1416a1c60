using System.Text;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Fulfilment;
using ChatRequests.Functions.Relay;
using ChatRequests.Functions.Sla;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NSubstitute;

namespace ChatRequests.Functions.Tests;

/// <summary>SweepSlas on the Cosmos DB store, as on Azure, so that the events it saves reach RelayOutbox as the change feed delivers them.</summary>
[Collection(CosmosServer.Collection)]
public sealed class SweepSlasTests(CosmosServer cosmos)
{
    [Fact]
    public async Task TimerRun_SavesAnEscalationForTheOverdueRequestOnly_AndAnswersTheCounts()
    {
        await using var app = await StartAsync();
        var overdue = await app.SubmitAsync(needsApproval: false, dueAt: DateTimeOffset.UtcNow.AddHours(-1));
        var onTime = await app.SubmitAsync(needsApproval: false, dueAt: DateTimeOffset.UtcNow.AddHours(8));

        var answer = await app.InvokeAsync(SweepSlasFunction.Name, HostPayloads.TimerTick());

        Assert.Equal(200, answer.StatusCode);
        Assert.Equal(1, answer.ReturnValue!["Escalations"]!.GetValue<int>());
        Assert.Equal(0, answer.ReturnValue!["Reminders"]!.GetValue<int>());
        Assert.Equal(0, answer.ReturnValue!["Warnings"]!.GetValue<int>());
        Assert.Contains(answer.Logs, l => l.Contains("1 escalations", StringComparison.Ordinal));
        var escalated = (await app.Store.GetAsync(overdue.Id))!;
        Assert.Single(escalated.Outbox, e => e.Type == RequestEventType.SlaBreached);
        Assert.NotNull(escalated.SlaEscalatedAt);
        Assert.DoesNotContain((await app.Store.GetAsync(onTime.Id))!.Outbox, e => e.Type == RequestEventType.SlaBreached);
        Assert.Empty(app.Connector.Requests);
    }

    [Fact]
    public async Task TimerRunAgain_EscalatesNothingTwice()
    {
        await using var app = await StartAsync();
        var overdue = await app.SubmitAsync(needsApproval: false, dueAt: DateTimeOffset.UtcNow.AddHours(-1));
        await app.InvokeAsync(SweepSlasFunction.Name, HostPayloads.TimerTick());

        var again = await app.InvokeAsync(SweepSlasFunction.Name, HostPayloads.TimerTick());

        Assert.Equal(200, again.StatusCode);
        Assert.Equal(0, again.ReturnValue!["Escalations"]!.GetValue<int>());
        Assert.Single((await app.Store.GetAsync(overdue.Id))!.Outbox, e => e.Type == RequestEventType.SlaBreached);
    }

    [Fact]
    public async Task SavedEscalation_RelayedAndRun_AlertsTheLeadAndTheRequesterOnce_EvenWhenDeliveredTwice()
    {
        await using var app = await StartAsync();
        var overdue = await app.SubmitAsync(needsApproval: false, dueAt: DateTimeOffset.UtcNow.AddHours(-3));
        await app.InvokeAsync(SweepSlasFunction.Name, HostPayloads.TimerTick());

        // The change feed hands the saved document to RelayOutbox, which queues one message per pending event.
        await app.InvokeAsync(RelayOutboxFunction.Name, HostPayloads.ChangedDocuments(await app.DocumentAsync(overdue.Id)));
        var message = app.Queue.Sent.Select(HostPayloads.BodyOf)
            .Single(m => m["eventType"]!.GetValue<string>() == nameof(RequestEventType.SlaBreached));
        var first = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(message, messageId: "m-sla-1"));
        var posts = app.Connector.Requests.Count(r => r.Route != FakeConnectorRoute.UpdateActivity);
        var second = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(message, messageId: "m-sla-1", deliveryCount: 2));

        Assert.Equal("Handled", first.ReturnValue!.GetValue<string>());
        Assert.Equal("AlreadyDone", second.ReturnValue!.GetValue<string>());
        var escalation = Assert.Single(app.Connector.CardsSentTo(Persona.Grady.AadObjectId));
        Assert.Contains($"Escalation: {overdue.Id} missed its target date", CardReader.AllText(escalation));
        Assert.Contains("Megan Bowen", CardReader.AllText(escalation));
        Assert.Single(app.Connector.CardsSentTo(Persona.Megan.AadObjectId), c => CardReader.AllText(c).Contains("missed its target date"));
        Assert.Equal(posts, app.Connector.Requests.Count(r => r.Route != FakeConnectorRoute.UpdateActivity));
        Assert.DoesNotContain((await app.Store.GetAsync(overdue.Id))!.Outbox, e => e.Type == RequestEventType.SlaBreached);
    }

    [Fact]
    public async Task TeamWithoutALead_GetsTheEscalationInItsCardsThread()
    {
        var organisation = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Samples("organisation.json")))!;
        foreach (var team in organisation["teams"]!.AsArray())
        {
            team!.AsObject().Remove("leadId");
        }

        var path = Path.Combine(Path.GetTempPath(), $"organisation-no-leads-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, organisation.ToJsonString());
        try
        {
            await using var app = await StartAsync(overrides: new Dictionary<string, string?> { ["Directory:Path"] = path });
            var overdue = await app.SubmitAsync(needsApproval: false, dueAt: DateTimeOffset.UtcNow.AddHours(-3));
            await app.InvokeAsync(SweepSlasFunction.Name, HostPayloads.TimerTick());
            var breach = (await app.Store.GetAsync(overdue.Id))!.Outbox.Single(e => e.Type == RequestEventType.SlaBreached);

            var answer = await app.InvokeAsync(RunFulfilmentStepFunction.Name, HostPayloads.QueueMessage(overdue.Id, breach.Id, breach.Type.ToString()));

            Assert.Equal("Handled", answer.ReturnValue!.GetValue<string>());
            Assert.Empty(app.Connector.CardsSentTo(Persona.Grady.AadObjectId));
            var thread = app.Connector.Conversations.Single(c => c.Id.StartsWith(Persona.HardwareChannel + ";", StringComparison.Ordinal));
            Assert.Contains(thread.Activities, a => CardReader.AllText(FakeTeamsConnector.CardOf(a)).Contains("has nobody in the directory to escalate"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TimerRun_BringsMoreRequestsThanABatch_ToChangedRetentionSettings_InOneRun()
    {
        // One batch a run (every 5 minutes) took about 17 hours for 100,000 requests; a run now goes on while a change is under way.
        var organisation = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Samples("organisation.json")))!;
        organisation["governance"] = new System.Text.Json.Nodes.JsonObject
        {
            ["retention"] = new System.Text.Json.Nodes.JsonObject { ["anonymiseClosedAfterDays"] = 30, ["keepAuditYears"] = 2 },
        };
        var path = Path.Combine(Path.GetTempPath(), $"organisation-retention-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, organisation.ToJsonString());
        try
        {
            await using var app = await StartAsync(overrides: new Dictionary<string, string?> { ["Directory:Path"] = path });
            const int count = (2 * Core.Sla.SlaSweep.RetentionBatchSize) + 30;
            for (var i = 0; i < count; i++)
            {
                await app.SubmitAsync(needsApproval: false, dueAt: DateTimeOffset.UtcNow.AddDays(3));
            }

            var answer = await app.InvokeAsync(SweepSlasFunction.Name, HostPayloads.TimerTick());
            var again = await app.InvokeAsync(SweepSlasFunction.Name, HostPayloads.TimerTick());

            Assert.Equal(200, answer.StatusCode);
            Assert.Equal(count, answer.ReturnValue!["RetentionAdopted"]!.GetValue<int>());
            Assert.False(answer.ReturnValue!["RetentionUnderWay"]!.GetValue<bool>());
            Assert.Contains(answer.Logs, l => l.Contains($"Retention settings: {count} requests brought to them.", StringComparison.Ordinal));
            Assert.Equal(0, again.ReturnValue!["RetentionAdopted"]!.GetValue<int>());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TheEmbeddedSweeperAndRelay_DoNotRunInTheFunctionsApp()
    {
        await using var app = await StartAsync();

        var workers = app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Select(s => s.GetType()).ToList();

        Assert.DoesNotContain(typeof(Embedded.Sla.SlaSweeper), workers);
        Assert.DoesNotContain(typeof(Embedded.Fulfilment.InProcessRelay), workers);
    }

    [Fact]
    public async Task StoreUnavailable_AnswersAFailureSoTheRunIsLoggedAsFailed()
    {
        var store = Substitute.For<IRequestStore>();
        store.ListSlaCheckDueAsync(default, default, default).ReturnsForAnyArgs(
            Task.FromException<IReadOnlyList<ServiceRequest>>(new IOException("database is locked")));
        await using var app = await StartAsync(services => services.Replace(ServiceDescriptor.Singleton(store)));

        var answer = await app.InvokeAsync(SweepSlasFunction.Name, HostPayloads.TimerTick());

        Assert.Equal(500, answer.StatusCode);
        Assert.Contains(answer.Logs, l => l.Contains("SLA sweep failed: IOException", StringComparison.Ordinal));
    }

    private Task<FunctionsApp> StartAsync(
        Action<IServiceCollection>? services = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = cosmos.HostSettings("sla-" + Guid.NewGuid().ToString("N"));
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return FunctionsApp.StartAsync(services, settings);
    }
}

public sealed class InvocationEnvelopeTests
{
    [Fact]
    public async Task AnswersTheHostsReadinessPing()
    {
        await using var app = await FunctionsApp.StartAsync();

        using var response = await app.Http.GetAsync("/");

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public async Task ABodyThatIsNotAnInvocationIsRejected()
    {
        await using var app = await FunctionsApp.StartAsync();
        using var content = new StringContent("<xml/>", Encoding.UTF8, "application/json");

        using var response = await app.Http.PostAsync("/" + SweepSlasFunction.Name, content);

        Assert.Equal(400, (int)response.StatusCode);
    }
}
