using ChatRequests.Bot;
using ChatRequests.Bot.Dashboard;
using ChatRequests.Bot.Health;
using ChatRequests.Bot.Hosting;
using ChatRequests.Bot.Turns;
using ChatRequests.Composition;
using ChatRequests.Composition.Memory;
using ChatRequests.ReferenceData;

// Before the host's threads allocate (ADR 0047).
NativeHeap.LimitArenasAtStart();

return await HostStart.RunAsync(async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddChatRequestsBot();

    var app = builder.Build();
    app.Logger.LogInformation("ChatRequests bot on {Adapters}", app.Services.GetRequiredService<AdapterChoice>());
    app.UseErrorResponses();
    app.UseWorkNotes();
    app.MapMessages();
    app.MapHealth();
    app.MapDashboard();
    app.MapGet("/", () => Results.Text("ChatRequests bot is running. Teams (or the Agents Playground) talks to POST /api/messages."));
    return await app.RunWithReferenceDataCheckAsync();
});

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
