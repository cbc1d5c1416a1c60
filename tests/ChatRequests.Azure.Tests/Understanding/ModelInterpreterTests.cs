using ChatRequests.Azure.Understanding;
using ChatRequests.Core.Understanding;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Azure.Tests.Understanding.IntakeTestKit;

namespace ChatRequests.Azure.Tests.Understanding;

/// <summary>The model-backed interpreter against a loopback Azure OpenAI: what it sends, what it concludes, how it falls back.</summary>
public sealed class ModelInterpreterTests : IAsyncLifetime
{
    private const string Words = "could I get a new notebook, mine is ancient";
    private static readonly Dictionary<string, string> NoSlots = [];
    private readonly FixedWords _words = new();
    private readonly TestCatalog _catalog = new(Laptop, Charger, Vpn);
    private readonly StaticTokenCredential _credential = new("model-token");
    private readonly CapturingLoggerProvider _logs = new();
    // The turn's budget (1.5 s) on a clock that stands still unless a test moves it: on a loaded machine a round trip to
    // the loopback server may outlast 1.5 s of wall clock, when the turn rightly reads the words alone.
    private readonly FakeTimeProvider _time = new();
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackOpenAIServer.StartAsync();
        GiveItemsTheirDirections(_server);
        await WarmUpAsync(_catalog);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Interpret_SendsOnlyTheWordsAndTheCatalogsText_WithTheIdentitysToken()
    {
        _server.Vectors[Words] = E1;
        await using var services = Services(_server, _words, _catalog, _credential, _logs, _time);

        await Interpreter(services).InterpretAsync(Words);

        var requests = _server.Requests.ToList();
        Assert.Equal(
            new[] { ItemText.Of(Laptop), ItemText.Of(Charger), ItemText.Of(Vpn), Words }.Order(StringComparer.Ordinal),
            _server.SentInputs.Order(StringComparer.Ordinal));
        Assert.All(requests, r =>
        {
            Assert.StartsWith("/openai/deployments/embeddings-small/embeddings?api-version=", r.Path);
            Assert.Equal("Bearer model-token", r.Headers["Authorization"]);
            Assert.Empty(r.Json.Select(p => p.Key).Except(["input", "model", "encoding_format", "dimensions"]));
        });
        Assert.All(_credential.RequestedScopes, scopes => Assert.Equal(["https://cognitiveservices.azure.com/.default"], scopes));
        // The catalog's words about an item go out; what the organisation keeps about it (approvers, owner, cost) does not.
        var everything = string.Join("\n", requests.Select(r => r.Path + string.Join(";", r.Headers.Values) + r.Body));
        Assert.All(new[] { "grp-finance-secret", "team-desk", "1450" }, secret => Assert.DoesNotContain(secret, everything));
    }

    [Fact]
    public async Task Interpret_TheCatalogIsEmbeddedOnce_AndAgainOnlyWhenItsWordsChange()
    {
        await using var services = Services(_server, _words, _catalog, _credential, _logs, _time);
        var interpreter = Interpreter(services);

        await interpreter.InterpretAsync("first message");
        await interpreter.InterpretAsync("second message");
        _catalog.Items = [Laptop, Charger, Vpn with { Description = "Remote access to the office network." }];
        await interpreter.InterpretAsync("third message");

        Assert.Equal(2, _server.SentInputs.Count(t => t == ItemText.Of(Laptop)));
        Assert.Contains(ItemText.Of(_catalog.Items[2]), _server.SentInputs);
        Assert.Equal(["first message", "second message", "third message"], _server.SentInputs.Where(t => t.EndsWith("message", StringComparison.Ordinal)));
    }

    public static TheoryData<float[], MeaningKind, string[]> Similarities => new()
    {
        { E1, MeaningKind.Item, ["laptop"] },                               // 1.0 to the laptop, 0 to the rest
        { [0.7f, 0.7f, 0, 0.14f], MeaningKind.Choice, ["laptop", "charger"] }, // 0.70 to both
        { [0.5f, 0, 0, 0.87f], MeaningKind.Suggestion, ["laptop"] },          // 0.50: close, not sure
        { E4, MeaningKind.Unknown, [] },                                    // nothing close
    };

    [Theory]
    [MemberData(nameof(Similarities))]
    public async Task Interpret_NoLexicalWinner_TheOutcomeFollowsTheSimilarities(float[] message, MeaningKind kind, string[] items)
    {
        _server.Vectors[Words] = message;
        await using var services = Services(_server, _words, _catalog, _credential, _logs, _time);

        var meaning = await Interpreter(services).InterpretAsync(Words);

        Assert.Equal(kind, meaning.Kind);
        Assert.Equal(items, meaning.Items.Select(m => m.Item.Id));
    }

    [Fact]
    public async Task Interpret_ALexicalWinner_IsNotOverruledByAWeakSimilarity()
    {
        _words.Meaning = new Meaning { Kind = MeaningKind.Item, Items = [new ItemMatch(Vpn, 1, NoSlots)] };
        _server.Vectors[Words] = [0.55f, 0, 0.3f, 0.78f];
        await using var services = Services(_server, _words, _catalog, _credential, _logs, _time);

        var meaning = await Interpreter(services).InterpretAsync(Words);

        Assert.Same(_words.Meaning, meaning);
    }

    [Fact]
    public async Task Interpret_CommandsAndIncidents_StayLexical_AndNothingIsSent()
    {
        await using var services = Services(_server, _words, _catalog, _credential, _logs, _time);
        var interpreter = Interpreter(services);

        _words.Meaning = new Meaning { Kind = MeaningKind.Command, Command = ChatCommand.MyRequests };
        Assert.Same(_words.Meaning, await interpreter.InterpretAsync("status of my stuff"));
        _words.Meaning = new Meaning { Kind = MeaningKind.Incident };
        Assert.Same(_words.Meaning, await interpreter.InterpretAsync("vpn keeps dropping"));

        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData(500, "HTTP 500")]
    [InlineData(429, "throttled (HTTP 429)")]
    [InlineData(503, "HTTP 503")]
    public async Task Interpret_TheModelFails_TheLexicalMeaningWithAWarningWithoutTheWords(int status, string failure)
    {
        _server.FailWith = status;
        await using var services = Services(_server, _words, _catalog, _credential, _logs, _time);

        var meaning = await Interpreter(services).InterpretAsync(Words);

        Assert.Same(_words.Meaning, meaning);
        AssertOneWarning(failure);
        // No retry: the turn's budget is too short for one. The catalog's reading runs beside the turn (CatalogVectors), so
        // on a busy machine its request can reach the server after the turn has its answer: wait for it, then count.
        await RequestsSeenAsync(2);
        Assert.Equal(2, _server.Requests.Count);
    }

    private async Task RequestsSeenAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (_server.Requests.Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Interpret_GarbageJson_TheLexicalMeaning()
    {
        _server.AnswerGarbage = true;
        await using var services = Services(_server, _words, _catalog, _credential, _logs, _time);

        var meaning = await Interpreter(services).InterpretAsync(Words);

        Assert.Same(_words.Meaning, meaning);
        AssertOneWarning("malformed answer");
    }

    [Fact]
    public async Task Interpret_AVectorOfAnotherLength_IsAMalformedAnswer()
    {
        await using var services = Services(_server, _words, _catalog, _credential, _logs, _time);
        _server.Vectors[Words] = [1, 0];   // another length than the catalog's vectors

        var meaning = await Interpreter(services).InterpretAsync(Words);

        Assert.Same(_words.Meaning, meaning);
        AssertOneWarning("malformed answer");
    }

    [Fact]
    public async Task Interpret_ASlowModel_TheLexicalMeaningWhenTheTurnsBudgetRunsOut()
    {
        _server.DelayFor = inputs => inputs is [Words] ? TimeSpan.FromMinutes(1) : TimeSpan.Zero;
        await using var services = Services(_server, _words, _catalog, _credential, _logs, _time,
            new() { ["Intake:AzureOpenAI:Timeout"] = "00:00:00.300" });

        var turn = Interpreter(services).InterpretAsync(Words).AsTask();
        while (!_server.SentInputs.Contains(Words))
        {
            await Task.Delay(10);
        }

        Assert.False(turn.IsCompleted);                       // it waits for the model...
        _time.Advance(TimeSpan.FromMilliseconds(300));        // ...until its budget runs out, not the model's minute
        var meaning = await turn.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Same(_words.Meaning, meaning);
        AssertOneWarning("no answer within the timeout");
    }

    [Fact]
    public async Task Interpret_TheCatalogStillBeingRead_TheLexicalMeaningWithinTheTimeout_NotCountedAsAFailure()
    {
        // On the wall clock, with the longest budget the options allow: the turn must give up on the catalog it waits for
        // (the test cannot tell when a turn has its message's vector and waits for the catalog alone), and its own call
        // to the loopback server must not outlast the budget on a loaded machine. The catalog's answer waits for the end.
        var catalogRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.FailEmbeddingsWith = async request =>
        {
            if (request.Inputs.Count > 1)
            {
                await catalogRead.Task;
            }

            return null;
        };
        _server.Vectors[Words] = E1;
        await using var services = Services(_server, _words, _catalog, _credential, _logs,
            settings: new() { ["Intake:AzureOpenAI:Timeout"] = "00:00:01.500", ["Intake:AzureOpenAI:FailuresBeforePause"] = "1" });
        var interpreter = Interpreter(services);

        try
        {
            // A turn that waited for the catalog past its budget would wait here until the end.
            var first = await interpreter.InterpretAsync(Words).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
            var second = await interpreter.InterpretAsync(Words).AsTask().WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Same(_words.Meaning, first);
            Assert.Same(_words.Meaning, second);
            // Not paused: the second message went to the model too, and the catalog was asked for once.
            Assert.Equal(2, _server.SentInputs.Count(t => t == Words));
            Assert.Equal(1, _server.SentInputs.Count(t => t == ItemText.Of(Laptop)));
            Assert.DoesNotContain(_logs.Logs, l => l.Level >= LogLevel.Warning);
        }
        finally
        {
            catalogRead.SetResult();
        }
    }

    [Fact]
    public void Options_ATimeoutAboveOneAndAHalfSeconds_IsRefused()
    {
        using var services = Services(_server, _words, _catalog, _credential, _logs,
            settings: new() { ["Intake:AzureOpenAI:Timeout"] = "00:00:02" });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AzureOpenAIIntakeOptions>>().Value);
        Assert.Contains("Timeout", error.Message);
    }

    [Theory]
    [InlineData("http://contoso.openai.azure.com/")]
    [InlineData("contoso.openai.azure.com")]
    public void Options_AnEndpointThatIsNotAnAbsoluteHttpsUrl_IsRefused(string endpoint)
    {
        using var services = Services(_server, _words, _catalog, _credential, _logs,
            settings: new() { ["Intake:AzureOpenAI:Endpoint"] = endpoint });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AzureOpenAIIntakeOptions>>().Value);
        Assert.Contains("https", error.Message);
    }

    private void AssertOneWarning(string failure)
    {
        var warning = Assert.Single(_logs.Logs, l => l.Level >= LogLevel.Warning);
        Assert.Equal($"Model-backed understanding failed ({failure}); the message was read from its words alone", warning.Message);
        Assert.Null(warning.Exception);
        Assert.DoesNotContain("notebook", warning.Message);
    }

    internal static IMessageInterpreter Interpreter(IServiceProvider services)
    {
        var interpreter = services.GetRequiredService<IMessageInterpreter>();
        Assert.IsType<ModelInterpreter>(interpreter);
        return interpreter;
    }
}
