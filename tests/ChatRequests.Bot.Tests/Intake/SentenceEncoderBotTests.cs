using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ChatRequests.Core.Understanding;
using ChatRequests.ReferenceData.Catalog;
using ChatRequests.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ChatRequests.Bot.Tests.Intake;

/// <summary>
/// The sentence encoder as users get it (on by default, ADR 0044): the bot as a process, the real model slimmed or read
/// from the tests' cache, /health saying when it is ready, and a message that shares no word with the item it means.
/// </summary>
public sealed class SentenceEncoderBotTests : IAsyncLifetime
{
    private const string Paraphrase = SampleRequest.MouseByMeaning;
    private const string ItemId = "mouse";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(5);

    private readonly ReferenceDataCopies _files = new();
    private FakeTeamsConnector _connector = null!;

    public async Task InitializeAsync() => _connector = await FakeTeamsConnector.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _files.Dispose();
    }

    [Fact]
    public async Task OnceHealthSaysReady_AMessageTheWordsDoNotReach_IsOfferedItsItem_AndTheNextStartReadsTheKeptModel()
    {
        var catalog = new JsonFileCatalog(Options.Create(new CatalogOptions { Path = _files.Catalog }), NullLogger<JsonFileCatalog>.Instance);
        Assert.Equal(MeaningKind.Unknown, new LexicalInterpreter(catalog).Interpret(Paraphrase).Kind);

        await using (var first = Bot())
        {
            await first.StartAsync();
            using var http = new HttpClient { BaseAddress = first.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            await EncoderAsync(http, "ready");

            (await new TeamsDriver(http, _connector).SayAsync(Persona.Megan, Paraphrase)).EnsureSuccessStatusCode();

            // A choice ("could fit"), not the catalog's categories the words alone give.
            await _connector.WaitForAsync(
                c => c.ActivitiesIn(Persona.Megan.PersonalChatId).Select(FakeTeamsConnector.CardOf)
                    .Any(card => card is not null && CardReader.AllText(card).Contains("could fit", StringComparison.Ordinal)
                        && card.ToJsonString().Contains($"\"{ItemId}\"", StringComparison.Ordinal)),
                description: "a choice offering the mouse");
        }

        var log = new List<string>();
        await using var second = Bot(log);
        await second.StartAsync();
        using var again = new HttpClient { BaseAddress = second.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await EncoderAsync(again, "ready");
        lock (log)
        {
            Assert.Contains(log, line => line.Contains($"Sentence encoder {SentenceModelNames.MiniLm} loaded in", StringComparison.Ordinal) && line.Contains("(Cache)", StringComparison.Ordinal));
        }
    }

    private BotProcess Bot(List<string>? log = null) => new(
        _files.Database,
        _connector.ServiceUrl,
        [.. _files.Arguments, "--Logging:LogLevel:ChatRequests.Encoder=Information"])
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
