using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Testing;

/// <summary>
/// A webhook receiver on 127.0.0.1 that does what README's "Webhook steps" asks of one, written from that text and
/// not from the sender: it recomputes the HMAC-SHA256 of "timestamp.body" with its secret and compares in constant
/// time (401 when it does not match or the timestamp is more than five minutes off), and does the work once per
/// Idempotency-Key (a repeat is answered 200 and not done again). It can answer the next posts with a status (503,
/// 429 with Retry-After, 400) or hold them past the sender's timeout.
/// </summary>
public sealed class LoopbackWebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[] _secret;
    private readonly ConcurrentQueue<(int Status, TimeSpan Hold)> _answers = new();

    /// <summary>One POST as it arrived.</summary>
    public sealed record Post(string? IdempotencyKey, bool SignatureValid, int Answered, DateTimeOffset At, JsonObject? Body);

    private LoopbackWebhookReceiver(WebApplication app, string secret)
    {
        _app = app;
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    /// <summary>Every POST, in order, whatever it was answered.</summary>
    public ConcurrentQueue<Post> Posts { get; } = new();

    /// <summary>The idempotency keys whose work was done, once each, in order.</summary>
    public ConcurrentQueue<string> Done { get; } = new();

    /// <summary>How often each idempotency key arrived with a valid signature.</summary>
    public ConcurrentDictionary<string, int> KeyCounts { get; } = new();

    /// <summary>The Retry-After (seconds) sent with a 429 or 503.</summary>
    public int? RetryAfterSeconds { get; set; }

    public string Url { get; private set; } = "";

    public static async Task<LoopbackWebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new LoopbackWebhookReceiver(app, secret);
        app.MapPost("/hooks/{name}", receiver.ReceiveAsync);
        await app.StartAsync();
        receiver.Url = app.Urls.Single() + "/hooks/procurement";
        return receiver;
    }

    /// <summary>The next posts are answered with <paramref name="statuses"/> (before any work is done), one each.</summary>
    public void AnswerNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _answers.Enqueue((status, TimeSpan.Zero));
        }
    }

    /// <summary>The next <paramref name="count"/> posts get no answer for <paramref name="hold"/>.</summary>
    public void HoldNext(int count, TimeSpan hold)
    {
        for (var i = 0; i < count; i++)
        {
            _answers.Enqueue((200, hold));
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        var body = buffer.ToArray();
        var key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        var valid = Verify(context.Request.Headers["X-ChatRequests-Timestamp"].FirstOrDefault(),
            context.Request.Headers["X-ChatRequests-Signature"].FirstOrDefault(), body);
        var status = await AnswerAsync(context, key, valid);
        Posts.Enqueue(new Post(key, valid, status, DateTimeOffset.UtcNow, valid ? JsonNode.Parse(body)?.AsObject() : null));
        context.Response.StatusCode = status;
    }

    private async Task<int> AnswerAsync(HttpContext context, string? key, bool valid)
    {
        if (!valid || key is null)
        {
            return valid ? 400 : 401;
        }

        KeyCounts.AddOrUpdate(key, 1, (_, n) => n + 1);
        if (_answers.TryDequeue(out var answer))
        {
            if (answer.Hold > TimeSpan.Zero)
            {
                await Task.Delay(answer.Hold, CancellationToken.None);
                return 499; // the sender gave up waiting; nothing is done
            }

            if (answer.Status != 200)
            {
                if (RetryAfterSeconds is { } seconds && answer.Status is 429 or 503)
                {
                    context.Response.Headers.RetryAfter = seconds.ToString();
                }

                return answer.Status;
            }
        }

        lock (Done)
        {
            if (!Done.Contains(key))
            {
                Done.Enqueue(key);
            }
        }

        return 200;
    }

    private bool Verify(string? timestamp, string? signature, byte[] body)
    {
        if (!long.TryParse(timestamp, out var seconds) || signature is null || !signature.StartsWith("sha256=", StringComparison.Ordinal)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }

        var signed = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        var expected = HMACSHA256.HashData(_secret, signed);
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature["sha256=".Length..]);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
