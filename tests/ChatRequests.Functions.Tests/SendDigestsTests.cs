using ChatRequests.Core.Requests;
using ChatRequests.Core.Storage;
using ChatRequests.Functions.Digest;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Functions.Tests;

/// <summary>SendDigests as the Functions host's timer calls it: the agent's digest at the day's start, once.</summary>
public sealed class SendDigestsTests
{
    [Fact]
    public async Task TimerRuns_AtTheStartOfTheDay_SendTheAgentHerOverdueRequest_Once()
    {
        // The sample teams are always open: their day starts at 08:00 UTC (Digest:AlwaysOpenStartUtc).
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).AddHours(8).AddMinutes(30));
        await using var app = await FunctionsApp.StartAsync(services => services.AddSingleton<TimeProvider>(clock));
        var adele = new PersonRef(Persona.Adele.AadObjectId, Persona.Adele.Name);
        var overdue = await app.SubmitAsync(needsApproval: false, dueAt: clock.GetUtcNow().AddHours(-1));
        await app.Store.UpdateAsync(overdue.Id, r => r.Assign(adele, adele, clock.GetUtcNow()));

        var first = await app.InvokeAsync(SendDigestsFunction.Name, HostPayloads.TimerTick());
        await app.InvokeAsync(SendDigestsFunction.Name, HostPayloads.TimerTick());

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(1, first.ReturnValue!["Sent"]!.GetValue<int>());
        var digest = Assert.Single(app.Connector.CardsSentTo(Persona.Adele.AadObjectId), c => CardReader.AllText(c).Contains("your requests for"));
        Assert.Contains(overdue.Id, CardReader.AllText(digest));
        Assert.Empty(app.Connector.CardsSentTo(Persona.Lidia.AadObjectId));
    }
}
