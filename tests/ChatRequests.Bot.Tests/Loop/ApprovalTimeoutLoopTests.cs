using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Requests;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// Approval timeouts through the whole bot and across a restart: the reminder is sent by one run, the timeout done by the
/// next one on the same database, once, however often it sweeps.
/// </summary>
public sealed class ApprovalTimeoutLoopTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is cleaned by the OS.
        }

        return Task.CompletedTask;
    }

    [Fact]
    public async Task ApprovalNotAnswered_GoesToTheApproversManagerAfterARestart_Once()
    {
        string requestId;
        await using (var first = await StartAsync())
        {
            requestId = await RequestLaptopAsync(first.Teams, first.Connector, Persona.Megan);
            await ApprovalCardAsync(first.Connector, Persona.Alex, requestId);

            _clock.AdjustTime(_clock.GetUtcNow() + SlaPolicy.ApprovalReminderAfter + TimeSpan.FromMinutes(1));
            var swept = await first.Services.GetRequiredService<SlaSweep>().SweepAsync();
            Assert.Equal((1, 0), (swept.Reminders, swept.Timeouts));
        }

        await using var second = await StartAsync();
        var store = second.Services.GetRequiredService<IRequestStore>();
        var sweep = second.Services.GetRequiredService<SlaSweep>();
        _clock.AdjustTime(_clock.GetUtcNow() + TimeSpan.FromHours(24));

        Assert.Equal(1, (await sweep.SweepAsync()).Timeouts);
        Assert.Equal(0, (await sweep.SweepAsync()).Timeouts);

        var request = (await store.GetAsync(requestId))!;
        var stage = Assert.Single(request.Approvals);
        Assert.Equal(["Miriam Graham"], stage.Approvers.Select(a => a.Name));
        Assert.Equal(["Alex Wilber"], stage.Late.Select(a => a.Name));
        Assert.Single(request.History, h => h.Action == AuditAction.Reroute && h.Comment!.StartsWith("Alex Wilber did not answer in 48 hours", StringComparison.Ordinal));
        Assert.Single(request.History, h => h.Action == AuditAction.RemindApprovers);
        // The stores' pending-approval lists follow the stage: Miriam's shows it, Alex's no longer.
        Assert.Contains(await store.ListPendingApprovalAsync(Persona.Miriam.AadObjectId), r => r.Id == requestId);
        Assert.DoesNotContain(await store.ListPendingApprovalAsync(Persona.Alex.AadObjectId), r => r.Id == requestId);
    }

    /// <summary>A run of the bot on the test's database, with 48-hour approval timeouts; the relay only runs when woken.</summary>
    private Task<BotApp> StartAsync() => BotApp.StartAsync(
        new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(_folder, "requests.db"),
            ["Approval:DefaultTimeoutHours"] = "48",
            ["Fulfilment:PollInterval"] = "01:00:00",
        },
        services => services.AddSingleton<TimeProvider>(_clock));
}
