using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ChatRequests.Testing;

/// <summary>
/// A loopback stand-in for Azure OpenAI's embeddings endpoint (POST /openai/deployments/{deployment}/embeddings): answers
/// with the shape of the service (float arrays, or base64 of little-endian float32 when asked), a vector per input
/// from <see cref="Vectors"/>; and its chat completions (POST .../chat/completions), answering <see cref="ChatAnswer"/>.
/// Records every request as it arrived (path, headers, body). It can be told to be slow, to fail with a status, or to
/// answer garbage.
/// </summary>
public sealed class LoopbackOpenAIServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    public sealed record RecordedRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
    {
        public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

        /// <summary>The texts to embed (none for a chat completion).</summary>
        public IReadOnlyList<string> Inputs => Json["input"] is JsonArray inputs ? [.. inputs.Select(i => i!.GetValue<string>())] : [];

        public bool IsChat => Path.Contains("/chat/completions", StringComparison.Ordinal);
    }

    /// <summary>The vector for an input; inputs it does not know get <see cref="DefaultVector"/>.</summary>
    public ConcurrentDictionary<string, float[]> Vectors { get; } = new(StringComparer.Ordinal);

    public float[] DefaultVector { get; set; } = [0, 0, 0, 1];

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Waited before answering; the request's cancellation ends the wait.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Waited before answering, by the request's inputs (after <see cref="Delay"/>).</summary>
    public Func<IReadOnlyList<string>, TimeSpan> DelayFor { get; set; } = _ => TimeSpan.Zero;

    /// <summary>Answer every request with this status and an Azure OpenAI error body (429 with Retry-After).</summary>
    public int? FailWith { get; set; }

    /// <summary>
    /// Embeddings only, asked before <see cref="FailWith"/>: may hold a request (the task) and answer with a status (a
    /// failure) or null (the usual answer, or <see cref="FailWith"/>).
    /// </summary>
    public Func<RecordedRequest, Task<int?>>? FailEmbeddingsWith { get; set; }

    /// <summary>Chat completions only: answer with this status (else <see cref="FailWith"/>).</summary>
    public int? FailChatWith { get; set; }

    /// <summary>The assistant's content for a chat completion request (its JSON body).</summary>
    public Func<JsonObject, string> ChatAnswer { get; set; } = _ => "{}";

    /// <summary>Answer 200 with a body that is not JSON.</summary>
    public bool AnswerGarbage { get; set; }

    public string BaseUrl { get; private set; } = "";

    private LoopbackOpenAIServer(WebApplication app) => _app = app;

    public static async Task<LoopbackOpenAIServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackOpenAIServer(app);
        app.MapPost("/openai/deployments/{deployment}/embeddings", server.EmbeddingsAsync);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", server.ChatAsync);
        await app.StartAsync();
        server.BaseUrl = app.Urls.Single() + "/";
        return server;
    }

    /// <summary>Every input sent, in order.</summary>
    public IReadOnlyList<string> SentInputs => [.. Requests.SelectMany(r => r.Inputs)];

    private async Task EmbeddingsAsync(HttpContext context, string deployment)
    {
        var recorded = await RecordAsync(context);
        var failWith = FailEmbeddingsWith is { } decide ? await decide(recorded) : null;
        if (!await WaitAsync(context, recorded) || await FailedAsync(context, failWith ?? FailWith))
        {
            return;
        }

        if (AnswerGarbage)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"object\":\"list\",\"data\":[{\"embedding\": [0.1, oops");
            return;
        }

        var base64 = recorded.Json["encoding_format"]?.GetValue<string>() == "base64";
        var inputs = recorded.Inputs;
        var data = new JsonArray([.. inputs.Select((input, index) => (JsonNode)new JsonObject
        {
            ["object"] = "embedding",
            ["index"] = index,
            ["embedding"] = Encode(Vectors.GetValueOrDefault(input, DefaultVector), base64),
        })]);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["object"] = "list",
            ["data"] = data,
            ["model"] = deployment,
            ["usage"] = new JsonObject { ["prompt_tokens"] = inputs.Count, ["total_tokens"] = inputs.Count },
        }.ToJsonString());
    }

    private async Task ChatAsync(HttpContext context, string deployment)
    {
        var recorded = await RecordAsync(context);
        if (!await WaitAsync(context, recorded) || await FailedAsync(context, FailChatWith ?? FailWith))
        {
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject
        {
            ["id"] = "chatcmpl-loopback",
            ["object"] = "chat.completion",
            ["created"] = 1764900000,
            ["model"] = deployment,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = ChatAnswer(recorded.Json) },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = new JsonObject { ["prompt_tokens"] = 1, ["completion_tokens"] = 1, ["total_tokens"] = 2 },
        }.ToJsonString());
    }

    private async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        var recorded = new RecordedRequest(
            context.Request.Path + context.Request.QueryString,
            context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            await new StreamReader(context.Request.Body).ReadToEndAsync());
        Requests.Enqueue(recorded);
        return recorded;
    }

    /// <returns>False when the client gave up while the server waited.</returns>
    private async Task<bool> WaitAsync(HttpContext context, RecordedRequest recorded)
    {
        var delay = Delay + DelayFor(recorded.Inputs);
        if (delay <= TimeSpan.Zero)
        {
            return true;
        }

        try
        {
            await Task.Delay(delay, context.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<bool> FailedAsync(HttpContext context, int? failWith)
    {
        if (failWith is not { } status)
        {
            return false;
        }

        if (status == 429)
        {
            context.Response.Headers.RetryAfter = "10";
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new { error = new { code = status.ToString(), message = "Stand-in failure." } });
        return true;
    }

    private static JsonNode Encode(float[] vector, bool base64) => base64
        ? JsonValue.Create(Convert.ToBase64String(MemoryMarshal.AsBytes(vector.AsSpan())))
        : new JsonArray([.. vector.Select(x => (JsonNode)JsonValue.Create(x))]);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
