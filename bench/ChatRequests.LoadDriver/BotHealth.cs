using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace ChatRequests.LoadDriver;

/// <summary>The bot's GET /status, read to know when the fulfilment worker has nothing left to do, and /health for its sentence encoder.</summary>
internal sealed class BotHealth(HttpClient bot)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until no outbox event is pending; fails at once if one was parked (the run would be wrong).</summary>
    public async Task WaitUntilFulfilmentIdleAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var fulfilment = await FulfilmentAsync(cancellationToken);
            var parked = fulfilment["parkedEvents"]!.GetValue<int>();
            if (parked > 0)
            {
                // /status gives counts only; which events and why are in the bot's log ("Parked ... event").
                throw new InvalidOperationException($"The bot parked {parked} fulfilment events: see its log for which and why.");
            }

            var pending = fulfilment["pendingEvents"]!.GetValue<int>();
            if (pending == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot still had {pending} fulfilment events pending after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    /// <summary>
    /// Waits while /health says the sentence encoder is loading; returns what it says then ("off", "ready", "failed"),
    /// so that no measured turn is read by the words while the same kind is read by meaning a moment later.
    /// </summary>
    public async Task<string> EncoderSettledAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var health = await bot.GetFromJsonAsync<JsonObject>("/health", cancellationToken);
            var encoder = health?["encoder"]?.GetValue<string>() ?? "off";
            if (encoder != "loading")
            {
                return encoder;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The bot's sentence encoder was still loading after {timeout.TotalSeconds:0} s.");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private async Task<JsonObject> FulfilmentAsync(CancellationToken cancellationToken)
    {
        // 503 means "degraded" (parked events): the body says how many, so read it either way.
        using var response = await bot.GetAsync("/status", cancellationToken);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body?["fulfilment"]?.AsObject() ?? throw new InvalidOperationException($"GET /status answered {(int)response.StatusCode} without a fulfilment report.");
    }
}
