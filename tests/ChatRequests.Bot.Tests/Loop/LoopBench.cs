using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Fulfilment;
using ChatRequests.Core.Sla;
using ChatRequests.Core.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Loop;

/// <summary>
/// What a loop test that moves time or restarts the bot runs on: a fake clock, one Teams stand-in that outlives every run
/// of the bot (a restarted bot posts to the chats and threads the first run made), one database and copies of the
/// reference data to vary, all cleaned up after the test.
/// </summary>
/// <remarks>
/// The clock and the Teams stand-in keep the names of the fields each test class used to declare, so the tests read as
/// before. Each run's relay runs only when a turn or the test wakes it: the fake clock fires no poll. The timers of the
/// embedded default (the SLA sweep, the digest, access reviews) do not run (<see cref="EmbeddedTimers"/>): a test sweeps
/// when it means to.
/// </remarks>
public abstract class LoopBench : IAsyncLifetime
{
    protected readonly FakeTimeProvider _clock;
    protected FakeTeamsConnector _connector = null!;

    protected LoopBench()
        : this(DateTimeOffset.UtcNow)
    {
    }

    protected LoopBench(DateTimeOffset start)
    {
        _clock = new FakeTimeProvider(start);
        Settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Files.Database,
            ["Catalog:Path"] = Files.Catalog,
            ["Directory:Path"] = Files.Organisation,
            ["Fulfilment:PollInterval"] = "01:00:00",
        };
    }

    /// <summary>The catalog and organisation every run reads; a test class edits them for its variant.</summary>
    protected ReferenceDataCopies Files { get; } = new();

    /// <summary>Every run's configuration on top of <see cref="BotApp"/>'s defaults; a test class adds its variant.</summary>
    protected Dictionary<string, string?> Settings { get; }

    public virtual async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public virtual async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        Files.Dispose();
    }

    /// <summary>A run of the bot on the bench: its clock, Teams, database and reference data as they are now.</summary>
    /// <param name="services">Replaces services for this run, as <see cref="BotApp.StartAsync"/>'s do.</param>
    protected Task<BotApp> StartAsync(Action<IServiceCollection>? services = null) => BotApp.StartAsync(
        Settings,
        collection =>
        {
            collection.AddSingleton<TimeProvider>(_clock);
            EmbeddedTimers.Remove(collection);

            services?.Invoke(collection);
        },
        teams: _connector);

    /// <summary>One sweep, then the relay woken and waited for until the request's outbox is empty.</summary>
    protected static async Task<SlaSweepResult> SweepAndDeliverAsync(BotApp bot, string requestId)
    {
        var result = await bot.Services.GetRequiredService<SlaSweep>().SweepAsync();
        bot.Services.GetRequiredService<IRelaySignal>().Wake();
        await StoredWhenAsync(bot.Services.GetRequiredService<IRequestStore>(), requestId, r => r.Outbox.Count == 0, "the relay delivered the sweep's events");
        return result;
    }
}
