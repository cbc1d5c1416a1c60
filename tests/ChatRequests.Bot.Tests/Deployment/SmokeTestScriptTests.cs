using System.Diagnostics;
using ChatRequests.Bot.Tests.Authentication;
using ChatRequests.Testing;

namespace ChatRequests.Bot.Tests.Deployment;

/// <summary>
/// infra/smoke-test.sh, the check a team runs against a fresh deployment, run here against the bot as a process:
/// it must pass on a bot with inbound authentication on, and fail, saying why, on one without it or on no bot.
/// </summary>
public sealed class SmokeTestScriptTests : IDisposable
{
    private readonly string _dataFile = Path.Combine(Path.GetTempPath(), $"chatrequests-smoke-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task AuthenticatedHealthyBot_PassesEveryCheck()
    {
        await using var identity = await FakeBotConnectorIdentity.StartAsync();
        await using var bot = new BotProcess(_dataFile, "http://127.0.0.1:9/",
        [
            $"--MicrosoftAppId={FakeBotConnectorIdentity.AppId}",
            "--MicrosoftAppPassword=test-only-value",
            $"--BotOpenIdMetadata={identity.MetadataUrl}",
        ]);
        await bot.StartAsync();

        var (exitCode, output) = await RunAsync(bot.BaseAddress.ToString());

        Assert.True(exitCode == 0, output);
        Assert.Contains("ok    POST /api/messages with a forged token is refused (401)", output);
        Assert.Contains("all checks passed", output);
    }

    [Fact]
    public async Task BotWithoutInboundAuthentication_FailsAndSaysSo()
    {
        await using var bot = new BotProcess(_dataFile, "http://127.0.0.1:9/");
        await bot.StartAsync();

        var (exitCode, output) = await RunAsync(bot.BaseAddress.ToString());

        Assert.Equal(1, exitCode);
        Assert.Contains("ok    GET /health is healthy", output);
        Assert.Contains("ok    GET /status: nothing parked", output);
        Assert.Contains("FAIL  POST /api/messages without a token answered", output);
        Assert.Contains("is MicrosoftAppId set?", output);
    }

    [Fact]
    public async Task NothingListening_FailsEveryCheck()
    {
        var (exitCode, output) = await RunAsync($"http://127.0.0.1:{LocalProcess.FreePort()}");

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL  GET / answered 000 (000: nothing listens", output);
        Assert.Contains("5 check(s) failed", output);
    }

    public void Dispose()
    {
        foreach (var file in new[] { _dataFile, _dataFile + "-wal", _dataFile + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string baseUrl)
    {
        var start = new ProcessStartInfo("bash")
        {
            ArgumentList = { Path.Combine(RepositoryPaths.Root, "infra", "smoke-test.sh"), baseUrl },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
