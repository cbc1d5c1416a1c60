using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;
using ChatRequests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Bot.Tests.Intake;

/// <summary>
/// The sentence encoder as users get it (on by default, ADR 0044): the bot as a process on the ward's catalog (not the
/// samples), the real model slimmed or read from the tests' cache, /health saying when it is ready, and a message that
/// shares no word with the item it means.
/// </summary>
public sealed class SentenceEncoderBotTests : IAsyncLifetime
{
    /// <summary>Means the dictation headset; no word of it, its stem or a synonym the lexicon knows is the item's.</summary>
    private const string Paraphrase = "I'd like to speak my clinic letters rather than type them";
    private const string ItemId = "dictation-headset";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "chatrequests-tests", "encoder-bot-" + Guid.NewGuid().ToString("N"));
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_folder);
        _connector = await FakeTeamsConnector.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task OnceHealthSaysReady_AMessageTheWordsDoNotReach_IsOfferedItsItem_AndTheNextStartReadsTheKeptModel()
    {
        var catalog = new JsonFileCatalog(Options.Create(new CatalogOptions { Path = WardBot.File("catalog.json") }), NullLogger<JsonFileCatalog>.Instance);
        Assert.DoesNotContain(new LexicalInterpreter(catalog).Interpret(Paraphrase).Items, m => m.Item.Id == ItemId);

        await using (var first = Bot())
        {
            await first.StartAsync();
            using var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await EncoderAsync(http, "ready");

            (await new TeamsDriver(http, _connector).SayAsync(WardBot.Nia, Paraphrase)).EnsureSuccessStatusCode();

            await _connector.WaitForAsync(
                c => c.ActivitiesIn(WardBot.Nia.PersonalChatId).Select(FakeTeamsConnector.CardOf)
                    .Any(card => card is not null && card.ToJsonString().Contains($"\"{ItemId}\"", StringComparison.Ordinal)),
                description: "a card offering the dictation headset");
        }

        var log = new List<string>();
        await using var second = Bot(log);
        await second.StartAsync();
        using var again = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await EncoderAsync(again, "ready");
        lock (log)
        {
            Assert.Contains(log, line => line.Contains("Sentence encoder loaded", StringComparison.Ordinal) && line.Contains("(Cache)", StringComparison.Ordinal));
        }
    }

    private BotProcess Bot(List<string>? log = null) => new(
        Path.Combine(_folder, "requests.db"),
        _connector.ServiceUrl,
        [
            $"--Catalog:Path={WardBot.File("catalog.json")}",
            $"--Directory:Path={WardBot.File("organisation.json")}",
            "--Logging:LogLevel:ChatRequests.Encoder=Information",
        ])
    {
        Encoder = true,
        Output = log is null ? null : line =>
        {
            lock (log)
            {
                log.Add(line);
            }
        },
    };

    /// <summary>Waits until /health shows the encoder in <paramref name="state"/>; fails at once if it shows "failed".</summary>
    private static async Task EncoderAsync(HttpClient http, string state)
    {
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        while (true)
        {
            var health = await http.GetFromJsonAsync<JsonObject>("/health", timeout.Token);
            var encoder = health?["encoder"]?.GetValue<string>();
            if (encoder == state)
            {
                return;
            }

            Assert.NotEqual("failed", encoder);
            await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token);
        }
    }
}
