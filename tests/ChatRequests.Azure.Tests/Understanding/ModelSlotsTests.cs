using ChatRequests.Azure.Understanding;
using ChatRequests.Core.Understanding;
using ChatRequests.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using static ChatRequests.Azure.Tests.Understanding.IntakeTestKit;

namespace ChatRequests.Azure.Tests.Understanding;

/// <summary>With a chat deployment, the choice fields the words left open are read by the model, and checked.</summary>
public sealed class ModelSlotsTests : IAsyncLifetime
{
    private const string Words = "I'd like a big 27 inch screen for my desk, usb c if possible";
    private static readonly Dictionary<string, string?> WithChat = new() { ["Intake:AzureOpenAI:ChatDeployment"] = "chat-mini" };
    private readonly FixedWords _words = new();
    private readonly TestCatalog _catalog = new(Screen, Vpn);
    private readonly CapturingLoggerProvider _logs = new();
    private LoopbackOpenAIServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackOpenAIServer.StartAsync();
        _server.Vectors[ItemText.Of(Screen)] = E1;
        _server.Vectors[ItemText.Of(Vpn)] = E3;
        _server.Vectors[Words] = E1;
        await WarmUpAsync(_catalog, WithChat);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task AClearItem_ItsOpenChoiceFieldsAreAsked_AndKeptInTheCatalogsSpelling()
    {
        _server.ChatAnswer = _ => """{"size": "27 INCH", "connector": null}""";

        var meaning = await InterpretAsync(WithChat);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        var match = Assert.Single(meaning.Items);
        Assert.Equal(Screen, match.Item);
        Assert.Equal(new Dictionary<string, string> { ["size"] = "27 inch" }, match.Slots);

        var chat = Assert.Single(_server.Requests, r => r.IsChat);
        Assert.StartsWith("/openai/deployments/chat-mini/chat/completions?api-version=", chat.Path);
        var messages = chat.Json["messages"]!.AsArray();
        Assert.Equal(["system", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        Assert.Equal(Words, messages[1]!["content"]!.GetValue<string>());
        var instructions = messages[0]!["content"]!.GetValue<string>();
        Assert.Contains("- size (Screen size): 24 inch | 27 inch | 32 inch", instructions);
        Assert.DoesNotContain("reason", instructions);   // not a choice field
        var schema = chat.Json["response_format"]!["json_schema"]!["schema"]!;
        Assert.Equal(["size", "connector"], schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.Empty(chat.Json.Select(p => p.Key).Except(["messages", "model", "response_format", "temperature", "max_tokens", "max_completion_tokens"]));
    }

    [Fact]
    public async Task AValueThatIsNotAChoice_IsDropped_AndWhatTheWordsFilledIsNotAsked()
    {
        var lexicalSlots = new Dictionary<string, string> { ["connector"] = "USB-C" };
        _words.Meaning = new Meaning { Kind = MeaningKind.Item, Items = [new ItemMatch(Screen, 1, lexicalSlots)] };
        _server.ChatAnswer = _ => """{"size": "30 inch"}""";

        var meaning = await InterpretAsync(WithChat);

        Assert.Equal(lexicalSlots, Assert.Single(meaning.Items).Slots);
        var schema = Assert.Single(_server.Requests, r => r.IsChat).Json["response_format"]!["json_schema"]!["schema"]!;
        Assert.Equal(["size"], schema["required"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Theory]
    [InlineData(500, "HTTP 500", "{}")]
    [InlineData(null, "malformed answer", "size: 27 inch")]
    public async Task TheChatFails_TheItemStays_WithTheWordsValues(int? status, string failure, string answer)
    {
        _server.FailChatWith = status;
        _server.ChatAnswer = _ => answer;

        var meaning = await InterpretAsync(WithChat);

        Assert.Equal(MeaningKind.Item, meaning.Kind);
        Assert.Empty(Assert.Single(meaning.Items).Slots);
        var warning = Assert.Single(_logs.Logs, l => l.Level >= LogLevel.Warning);
        Assert.Equal($"Model-backed understanding failed ({failure}); the form is filled from the words alone", warning.Message);
    }

    [Fact]
    public async Task NoChatDeployment_OrNoClearItem_NoChatIsAsked()
    {
        await InterpretAsync([]);
        _server.Vectors[Words] = [0.5f, 0, 0, 0.87f];   // a question, not a form
        await InterpretAsync(WithChat);

        Assert.DoesNotContain(_server.Requests, r => r.IsChat);
    }

    private async Task<Meaning> InterpretAsync(Dictionary<string, string?> settings)
    {
        // The turn's budget (1.5 s) on a clock that stands still: these tests are about the slots, and on a loaded machine
        // the first reading of the catalog may outlast 1.5 s of wall clock, when the turn rightly reads the words alone.
        await using var services = Services(_server, _words, _catalog, new StaticTokenCredential(), _logs, new FakeTimeProvider(), settings);
        return await ModelInterpreterTests.Interpreter(services).InterpretAsync(Words);
    }
}
