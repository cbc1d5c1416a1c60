using System.Globalization;
using ChatRequests.Testing;
using Xunit.Abstractions;

namespace ChatRequests.Soak.Tests;

/// <summary>
/// The soak, short: 200 request lifecycles, 12 at a time, against the bot as a child process on a real SQLite file, with
/// 5 kill -9s and restarts, stretches of 429 / 5xx / hung connector calls and 3 moments of a read-only file, at moments
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
        // The read-only moments need a machine that lets root make a file immutable; where it does not, the run says so.
        var storeFaults = DiskFaults.ReadOnlyUnavailable is null ? 3 : 0;
        var options = SoakOptions.Default(seed) with { Lifecycles = 200, Kills = 5, ConnectorFaults = 9, StoreFaults = storeFaults, Timeout = TimeSpan.FromMinutes(15) };
        using var log = new StringWriter();
        if (DiskFaults.ReadOnlyUnavailable is { } reason)
        {
            await log.WriteLineAsync("No store faults in this run: " + reason);
        }

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
        Assert.Equal(options.Kills, report.Recovery.Single(r => r.Kind == FaultKind.Kill).Injected);
        Assert.Equal(options.StoreFaults, report.Recovery.SingleOrDefault(r => r.Kind == FaultKind.StoreReadOnly)?.Injected ?? 0);
        Assert.Empty(report.Violations);
    }
}
