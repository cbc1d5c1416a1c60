using System.Globalization;
using Xunit.Abstractions;

namespace ChatRequests.Soak.Tests;

/// <summary>
/// The soak, short: 200 request lifecycles, 12 at a time, against the bot as a child process on a real SQLite file, with
/// 5 kill -9s and restarts, stretches of 429 / 5xx / hung connector calls and 3 moments of the file read-only, at moments
/// chosen from a seed (printed; set SOAK_SEED to repeat a run). The long soak is bench/ChatRequests.Soak.
/// </summary>
public sealed class SoakTests(ITestOutputHelper output)
{
    [Fact]
    public async Task TwoHundredLifecycles_WithKillsAndFaults_CloseEverything_LoseNothing_AndRepeatNoCompletedPost()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SOAK_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : (int?)null;
        // With 3 read-only moments of the file (issue 15): a run of 2026-12-06 with them counted repeats no fault explained
        // and a submit refused for 120 s, because a connection opened during a moment kept a read-only write-ahead log in
        // the pool after it (SqliteDatabase now checks each new connection), and a post whose record the file refused was
        // posted again on the retry (ProactiveMessenger now records and updates it).
        var options = SoakOptions.Default(seed) with { Lifecycles = 200, Kills = 5, ConnectorFaults = 9, StoreFaults = 3, Timeout = TimeSpan.FromMinutes(15) };
        using var log = new StringWriter();

        var report = await SoakRun.RunAsync(options, log);

        report.Print(log);
        output.WriteLine(log.ToString());
        Assert.Empty(report.Lost);
        Assert.Equal(options.Lifecycles, report.Closed);
        Assert.Empty(report.NotClosed);
        Assert.Empty(report.Parked);
        Assert.Empty(report.Missing);
        Assert.Equal(0, report.DuplicatesAfterCompletedPosts);
        Assert.Equal(0, report.DuplicatesWithoutCause);
        // A post whose record the file refused is recorded and updated on the retry, not posted again.
        Assert.Equal(0, report.Messages.Sum(m => m.StoreFaultBetween));
        Assert.Equal(options.Kills, report.Recovery.Single(r => r.Kind == FaultKind.Kill).Injected);
        Assert.Equal(options.StoreFaults, report.Recovery.SingleOrDefault(r => r.Kind == FaultKind.StoreReadOnly)?.Injected ?? 0);
        Assert.Empty(report.Violations);
    }
}
