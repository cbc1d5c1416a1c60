using System.Runtime.CompilerServices;
using ChatRequests.Composition.Memory;
using ChatRequests.Embedded.Storage;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ChatRequests.Bot.Tests.Hosting;

/// <summary>
/// The bot gives memory back once per idle stretch (<see cref="IdleMemoryRelease"/>, ADR 0043): never while requests
/// come in, once when none has come for <see cref="IdleMemoryOptions.After"/>, and not again until work and another
/// stretch. The clock is a <see cref="FakeTimeProvider"/>; the release is the real one.
/// </summary>
public sealed class IdleMemoryReleaseTests : IAsyncDisposable
{
    private static readonly TimeSpan After = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LoopTimeout = TimeSpan.FromSeconds(10);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 6, 11, 0, 0, TimeSpan.Zero));
    private readonly WorkWatch _work;
    private readonly IdleMemoryRelease _release;

    public IdleMemoryReleaseTests()
    {
        _work = new WorkWatch(_clock);
        _release = Release(enabled: true);
    }

    [Fact]
    public async Task AnIdleStretch_ReleasesOnce_NotAgainWhileTheBotStaysIdle()
    {
        await StartAsync();

        await AdvanceAndLookAsync(After - TimeSpan.FromSeconds(1), expectLook: false);
        Assert.Equal(0, _release.Releases);
        await AdvanceAndLookAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(1, _release.Releases);

        for (var i = 0; i < 10; i++)
        {
            await AdvanceAndLookAsync(After);
        }

        Assert.Equal(1, _release.Releases);
    }

    [Fact]
    public async Task RequestsComingIn_PutTheReleaseOff_UntilTheyStopForAWholeStretch()
    {
        await StartAsync();

        // Ten minutes of a request every 10 s: busy all along.
        for (var i = 0; i < 60; i++)
        {
            _clock.Advance(TimeSpan.FromSeconds(10));
            _work.NoteWork();
        }

        _clock.Advance(After - TimeSpan.FromSeconds(1));
        Assert.Equal(0, _release.Releases);

        // The loop arms its next look on this clock when it gets to it: a second at a time until it has, so a look armed
        // after the test moved the clock is not left waiting for a moment that never comes.
        await WaitUntilAsync(() => _release.Releases == 1, () => _clock.Advance(TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public async Task WorkAfterARelease_StartsTheNextStretch_WhichReleasesOnceMore()
    {
        await StartAsync();
        await AdvanceAndLookAsync(After);
        Assert.Equal(1, _release.Releases);

        _clock.Advance(TimeSpan.FromSeconds(5));
        _work.NoteWork();
        await AdvanceAndLookAsync(After - TimeSpan.FromSeconds(5));
        Assert.Equal(1, _release.Releases);

        _clock.Advance(TimeSpan.FromSeconds(5));
        await WaitUntilAsync(() => _release.Releases == 2);
    }

    [Fact]
    public async Task Disabled_NeverReleases()
    {
        using var disabled = Release(enabled: false);
        await disabled.StartAsync(CancellationToken.None);

        _clock.Advance(After * 10);

        await disabled.ExecuteTask!.WaitAsync(LoopTimeout);
        Assert.Equal(0, disabled.Releases);
        Assert.Equal(0, disabled.Looks);
    }

    [Fact]
    public void TheRelease_GivesBackTheGarbageOfTheTurns()
    {
        var release = new MemoryRelease(new ServiceCollection().BuildServiceProvider());
        Assert.Equal(128, LeaveGarbage(megabytes: 128));

        var outcome = release.Release();

        // Large arrays, in the large object heap until a full collection: that collection takes them and decommits their memory.
        Assert.True(outcome.HeapAfter <= outcome.HeapBefore - (96L << 20), $"GC heap {outcome.HeapBefore >> 20} -> {outcome.HeapAfter >> 20} MiB");
        Assert.True(outcome.CommittedAfter <= outcome.HeapBefore - (64L << 20), $"GC committed {outcome.CommittedAfter >> 20} MiB after, heap {outcome.HeapBefore >> 20} MiB before");
    }

    [Fact]
    public async Task TheStore_WorksOnAfterItsPooledConnectionsAreReleased()
    {
        await using var bot = await BotApp.StartAsync();
        (await bot.Teams.SayAsync(Persona.Megan, "my requests")).EnsureSuccessStatusCode();
        var answered = bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId).Count;
        Assert.NotNull(bot.Services.GetService<SqliteDatabase>());

        bot.Services.GetRequiredService<MemoryRelease>().Release();
        var answer = await bot.Teams.SayAsync(Persona.Megan, "my requests");

        answer.EnsureSuccessStatusCode();
        Assert.True(bot.Connector.ActivitiesIn(Persona.Megan.PersonalChatId).Count > answered, "no answer after the release");
    }

    [Fact]
    public async Task Requests_AreWork_TheHealthProbesAreNot()
    {
        await using var bot = await BotApp.StartAsync();
        var watch = bot.Services.GetRequiredService<WorkWatch>();

        var before = watch.LastWorkAt;
        (await bot.Http.GetAsync("/health")).EnsureSuccessStatusCode();
        (await bot.Http.GetAsync("/status")).EnsureSuccessStatusCode();
        Assert.Equal(before, watch.LastWorkAt);

        (await bot.Teams.SayAsync(Persona.Megan, "my requests")).EnsureSuccessStatusCode();
        Assert.NotEqual(before, watch.LastWorkAt);
    }

    public async ValueTask DisposeAsync()
    {
        await _release.StopAsync(CancellationToken.None);
        _release.Dispose();
    }

    /// <summary>Starts the loop and waits for its first look (ExecuteAsync runs on the thread pool).</summary>
    private async Task StartAsync()
    {
        await _release.StartAsync(CancellationToken.None);
        await WaitUntilAsync(() => _release.Looks > 0);
    }

    private IdleMemoryRelease Release(bool enabled) => new(
        _work,
        new MemoryRelease(new ServiceCollection().BuildServiceProvider()),
        Options.Create(new IdleMemoryOptions { Enabled = enabled, After = After }),
        _clock,
        NullLogger<IdleMemoryRelease>.Instance);

    /// <summary>Moves the clock and waits until the loop has looked (or, with <paramref name="expectLook"/> false, checks it has not).</summary>
    private async Task AdvanceAndLookAsync(TimeSpan by, bool expectLook = true)
    {
        var looks = _release.Looks;
        _clock.Advance(by);
        if (expectLook)
        {
            await WaitUntilAsync(() => _release.Looks > looks);
        }
        else
        {
            Assert.Equal(looks, _release.Looks);
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition, Action? meanwhile = null)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < LoopTimeout, "The idle loop did not get there in time.");
            meanwhile?.Invoke();
            await Task.Delay(10);
        }
    }

    /// <summary>
    /// Makes garbage and drops it in a frame of its own: a debug build (the test command's) keeps a method's temporaries
    /// alive to its end, so garbage made in the test's own frame is still referenced when the release collects.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int LeaveGarbage(int megabytes) => Garbage(megabytes).Count;

    private static List<byte[]> Garbage(int megabytes)
    {
        var blocks = new List<byte[]>();
        for (var i = 0; i < megabytes; i++)
        {
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)i);
            blocks.Add(block);
        }

        return blocks;
    }
}
