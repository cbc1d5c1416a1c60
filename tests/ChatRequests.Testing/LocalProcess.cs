using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ChatRequests.Testing;

/// <summary>What the child-process hosts (the bot, the load driver's echo bot) share: a free port, and waiting until one answers.</summary>
public static class LocalProcess
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits until GET / answers 200 (at most 60 s); fails at once if the process exits first.</summary>
    public static async Task WaitUntilAnsweringAsync(Process process, Uri baseAddress, string what, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The {what} exited at start with code {process.ExitCode}.");
            }

            try
            {
                using var response = await http.GetAsync("/", cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // This attempt timed out; try again.
            }

            await Task.Delay(50, cancellationToken);
        }

        throw new TimeoutException($"The {what} did not start within 60 s.");
    }
}
