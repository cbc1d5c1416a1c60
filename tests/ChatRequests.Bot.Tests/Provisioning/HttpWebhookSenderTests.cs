using System.Diagnostics;
using ChatRequests.Core.Provisioning;
using ChatRequests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Bot.Tests.Provisioning;

/// <summary>
/// The webhook step's sender against a loopback receiver that checks the signature the way README tells receivers to,
/// and counts idempotency keys: retries of 5xx, 429 and timeouts with the same key, and 4xx as refusals.
/// </summary>
public sealed class HttpWebhookSenderTests : IAsyncLifetime
{
    private const string Secret = "a-test-secret-of-at-least-32-characters";

    private static readonly WebhookPayload Payload = new(
        "REQ-000042", 2, "finance-joiner", "Finance joiner kit", new WebhookPerson("u-megan", "Megan Bowen"),
        new Dictionary<string, string> { ["department"] = "Controlling", ["note"] = "Quote \"this\" & <that>" });

    private LoopbackWebhookReceiver _receiver = null!;

    public async Task InitializeAsync() => _receiver = await LoopbackWebhookReceiver.StartAsync(Secret);

    public async Task DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Send_PostsTheRequestsDataSignedWithTheIdempotencyKey()
    {
        using var sender = Sender();

        await sender.SendAsync(Delivery());

        var post = Assert.Single(_receiver.Posts);
        Assert.True(post.SignatureValid);
        Assert.Equal(("REQ-000042-step-2", 200), (post.IdempotencyKey, post.Answered));
        var body = post.Body!;
        Assert.Equal("REQ-000042", body["requestId"]!.GetValue<string>());
        Assert.Equal(2, body["step"]!.GetValue<int>());
        Assert.Equal(("finance-joiner", "Finance joiner kit"), (body["itemId"]!.GetValue<string>(), body["itemName"]!.GetValue<string>()));
        Assert.Equal(("u-megan", "Megan Bowen"), (body["requester"]!["id"]!.GetValue<string>(), body["requester"]!["name"]!.GetValue<string>()));
        Assert.Equal("Quote \"this\" & <that>", body["fields"]!["note"]!.GetValue<string>());
        Assert.Equal(["REQ-000042-step-2"], _receiver.Done);
    }

    [Fact]
    public async Task Send_ServerErrorsThenSuccess_RetriesWithTheSameKey_DoneOnce()
    {
        using var sender = Sender();
        _receiver.AnswerNext(503, 500);

        await sender.SendAsync(Delivery());

        Assert.Equal([503, 500, 200], _receiver.Posts.Select(p => p.Answered));
        Assert.All(_receiver.Posts, p => Assert.True(p.SignatureValid));
        Assert.Equal(3, _receiver.KeyCounts["REQ-000042-step-2"]);
        Assert.Equal(["REQ-000042-step-2"], _receiver.Done);
    }

    [Fact]
    public async Task Send_Throttled_WaitsForRetryAfter()
    {
        using var sender = Sender(o => o.FirstRetryDelay = TimeSpan.FromMilliseconds(10));
        _receiver.RetryAfterSeconds = 1;
        _receiver.AnswerNext(429);

        await sender.SendAsync(Delivery());

        var (first, second) = (_receiver.Posts.First(), _receiver.Posts.Last());
        Assert.Equal((429, 200), (first.Answered, second.Answered));
        Assert.True(second.At - first.At >= TimeSpan.FromSeconds(0.9), $"retried after {(second.At - first.At).TotalSeconds} s");
    }

    [Fact]
    public async Task Send_ClientError_IsRefusedAtOnce()
    {
        using var sender = Sender();
        _receiver.AnswerNext(422);

        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(() => sender.SendAsync(Delivery()));

        Assert.Equal("The webhook endpoint answered 422 Unprocessable Entity", error.Message);
        Assert.Single(_receiver.Posts);
        Assert.Empty(_receiver.Done);
    }

    [Fact]
    public async Task Send_SignedWithAnotherSecret_TheReceiverRefuses_AndSoIsTheStep()
    {
        using var sender = Sender(o => o.Secrets["procurement"] = "another-secret-that-is-32-characters-long");

        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(() => sender.SendAsync(Delivery()));

        Assert.Contains("401", error.Message);
        Assert.False(Assert.Single(_receiver.Posts).SignatureValid);
        Assert.Empty(_receiver.Done);
    }

    [Fact]
    public async Task Send_NoAnswerInTime_RetriesAndSucceeds()
    {
        using var sender = Sender(o => o.AttemptTimeout = TimeSpan.FromMilliseconds(300));
        // Held far longer than the attempt's timeout, so that only giving up on it can finish early, even on a loaded machine.
        _receiver.HoldNext(1, TimeSpan.FromSeconds(6));

        var clock = Stopwatch.StartNew();
        await sender.SendAsync(Delivery());

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(2, _receiver.KeyCounts["REQ-000042-step-2"]);
        Assert.Equal(["REQ-000042-step-2"], _receiver.Done);
    }

    [Fact]
    public async Task Send_ServerErrorOnEveryAttempt_IsUnavailable_ATransientFailure()
    {
        using var sender = Sender();
        _receiver.AnswerNext(502, 502, 502, 502);

        var error = await Assert.ThrowsAsync<WebhookUnavailableException>(() => sender.SendAsync(Delivery()));

        Assert.Equal("The webhook REQ-000042-step-2 was not delivered in 3 attempts: answered 502 Bad Gateway", error.Message);
        Assert.Equal(3, _receiver.Posts.Count);
        Assert.Empty(_receiver.Done);
    }

    [Fact]
    public async Task Send_NobodyListening_IsUnavailable()
    {
        using var sender = Sender();

        var error = await Assert.ThrowsAsync<WebhookUnavailableException>(
            () => sender.SendAsync(Delivery() with { Url = $"http://127.0.0.1:{LocalProcess.FreePort()}/hooks" }));

        Assert.Contains("could not be reached", error.Message);
    }

    [Theory]
    [InlineData("http://procurement.contoso.example/hooks", "procurement", "The webhook URL uses http")]
    [InlineData(null, "missing", "No signing secret is configured for the webhook (Provisioning:Webhooks:Secrets:missing)")]
    public async Task Send_InsecureUrlOrNoSecret_IsRefusedWithoutPosting(string? url, string secretName, string reason)
    {
        using var sender = Sender();

        var error = await Assert.ThrowsAsync<ProvisioningRefusedException>(
            () => sender.SendAsync(Delivery() with { Url = url ?? _receiver.Url, SecretName = secretName }));

        Assert.StartsWith(reason, error.Message);
        Assert.Empty(_receiver.Posts);
    }

    private WebhookDelivery Delivery() => new(_receiver.Url, "procurement", "REQ-000042-step-2", Payload);

    private static HttpWebhookSender Sender(Action<WebhookOptions>? configure = null)
    {
        var options = new WebhookOptions
        {
            MaxAttempts = 3,
            FirstRetryDelay = TimeSpan.FromMilliseconds(20),
            Secrets = { ["procurement"] = Secret },
        };
        configure?.Invoke(options);
        return new HttpWebhookSender(Options.Create(options), TimeProvider.System, NullLogger<HttpWebhookSender>.Instance);
    }
}
