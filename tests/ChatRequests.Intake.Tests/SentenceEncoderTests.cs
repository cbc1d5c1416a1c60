using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using ChatRequests.Encoder;
using ChatRequests.ReferenceData.Catalog;
using ChatRequests.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Intake.Tests;

/// <summary>
/// The sentence encoder (ADR 0038) with the real all-MiniLM-L6-v2 and ONNX Runtime, against a made-up catalog of an
/// observatory (in no file of eval/intake/), where a message shares no word with the item it means.
/// </summary>
public sealed class SentenceEncoderTests : IDisposable
{
    /// <summary>Shares no word with the car park permit (nor its stem, nor a synonym the lexicon knows).</summary>
    private const string Paraphrase = "a spot for my vehicle during the day";

    private readonly string _folder = Directory.CreateTempSubdirectory("encoder-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Encode_IsDeterministic_AndOfUnitLength()
    {
        var first = SlimEncoderOnce.Model.Encode("my screen flickers");
        var again = SlimEncoderOnce.Model.Encode("my screen flickers");

        Assert.Equal(384, first.Length);
        Assert.Equal(first, again);
        Assert.Equal(1f, Vectors.Dot(first, first), 3);
        Assert.NotEqual(first, SlimEncoderOnce.Model.Encode("a parking permit"));
    }

    [Fact]
    public void Encode_PutsAParaphraseNearerItsMeaningThanAnUnrelatedThing()
    {
        var message = SlimEncoderOnce.Model.Encode(Paraphrase);

        Assert.True(Vectors.Dot(message, SlimEncoderOnce.Model.Encode("car park permit")) > Vectors.Dot(message, SlimEncoderOnce.Model.Encode("telescope observing time")) + 0.1);
    }

    [Fact]
    public void AParaphraseWithNoSharedWord_ReachesItsItem()
    {
        var catalog = Observatory();

        var words = new LexicalInterpreter(catalog).Interpret(Paraphrase);
        var withEncoder = Prepared(catalog, SlimEncoderOnce.Model).Interpret(Paraphrase);

        Assert.Equal(MeaningKind.Unknown, words.Kind);
        Assert.NotEqual(MeaningKind.Unknown, withEncoder.Kind);
        Assert.Equal("parking", withEncoder.Items[0].Item.Id);
    }

    [Theory]
    [InlineData("a gadget to check passengers' boarding cards at the gangway", "ticket-scanner")]
    [InlineData("the bridge crew want something to hear the weather forecast on", "deck-radio")]
    public void OnAnotherCatalog_AParaphraseWithNoSharedWord_ReachesItsItem(string message, string item)
    {
        var catalog = Ferry();

        var meaning = Prepared(catalog, SlimEncoderOnce.Model).Interpret(message);

        Assert.Contains(meaning.Items, m => m.Item.Id == item);
    }

    [Theory]
    [InlineData("I need a new laptop")]
    [InlineData("can I get a locker")]
    public void ANearMiss_IsAQuestionNeverAForm(string message)
    {
        var meaning = Prepared(Ferry(), SlimEncoderOnce.Model).Interpret(message);

        Assert.NotEqual(MeaningKind.Item, meaning.Kind);
    }

    [Fact]
    public void HelpToGetAThing_IsTheThing_AndCommandsAreNotStolen()
    {
        var interpreter = Prepared(Ferry(), SlimEncoderOnce.Model);

        var radio = interpreter.Interpret("help me get a deck radio");
        Assert.Equal((MeaningKind.Item, "deck-radio"), (radio.Kind, radio.Items[0].Item.Id));
        Assert.Equal(ChatCommand.Help, interpreter.Interpret("help").Command);
        Assert.Equal(ChatCommand.MyRequests, interpreter.Interpret("where are my requests at").Command);
    }

    [Fact]
    public async Task UntilTheEncoderIsReady_TheWordsAloneRead_AndThenTheMeaningToo()
    {
        using var gate = new ManualResetEventSlim();
        var interpreter = new LexicalInterpreter(Observatory(), new GatedEncoder(SlimEncoderOnce.Model, gate));
        var preparing = Task.Run(interpreter.Prepare);

        var before = interpreter.Interpret(Paraphrase);
        Assert.Equal(EncoderState.Loading, interpreter.EncoderState);
        gate.Set();
        await preparing.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(MeaningKind.Unknown, before.Kind);
        Assert.Equal(EncoderState.Ready, interpreter.EncoderState);
        Assert.Equal("parking", interpreter.Interpret(Paraphrase).Items[0].Item.Id);
    }

    [Fact]
    public void CommandsAndNamedItems_ReadTheSame_WithTheEncoder()
    {
        var catalog = Observatory();
        var interpreter = Prepared(catalog, SlimEncoderOnce.Model);

        Assert.Equal(ChatCommand.MyRequests, interpreter.Interpret("show me my requests").Command);
        var desk = interpreter.Interpret("I need a desk phone");
        Assert.Equal((MeaningKind.Item, "desk-phone"), (desk.Kind, desk.Items[0].Item.Id));
    }

    [Fact]
    public void AModelThatCannotLoad_LeavesTheWordsAlone_LoggedOnce_AndShownAsFailed()
    {
        var catalog = Observatory();
        using var logs = new CapturingLoggerProvider();
        using var provider = Services(catalog, logs, new Dictionary<string, string?>
        {
            ["Intake:Encoder:Enabled"] = "true",
            ["Intake:Encoder:Model"] = Path.Combine(_folder, "missing.onnx"),
        });
        var interpreter = provider.GetRequiredService<LexicalInterpreter>();

        interpreter.Prepare();
        var meanings = new[] { interpreter.Interpret(Paraphrase), interpreter.Interpret("I need a desk phone"), interpreter.Interpret(Paraphrase) };

        Assert.Equal(EncoderState.Failed, interpreter.EncoderState);
        var words = new LexicalInterpreter(catalog);
        Assert.Equal([MeaningKind.Unknown, MeaningKind.Item, MeaningKind.Unknown], meanings.Select(m => m.Kind));
        Assert.Equal(words.Interpret("I need a desk phone").Items[0].Item.Id, meanings[1].Items[0].Item.Id);
        Assert.Single(logs.Logs, l => l.Level == LogLevel.Error && l.Message.Contains("sentence encoder failed", StringComparison.Ordinal));
    }

    [Fact]
    public void TheEncoder_IsOnUnlessTurnedOff()
    {
        using var logs = new CapturingLoggerProvider();
        using var on = Services(Observatory(), logs, new Dictionary<string, string?>
        {
            ["Intake:Encoder:CacheFolder"] = EncoderSetting.CacheFolder,
        });
        using var off = Services(Observatory(), logs, new Dictionary<string, string?> { [EncoderSetting.Key] = "false" });

        var reading = on.GetRequiredService<LexicalInterpreter>();
        reading.Prepare();
        var words = off.GetRequiredService<LexicalInterpreter>();
        words.Prepare();

        Assert.Equal(EncoderState.Ready, reading.EncoderState);
        Assert.Equal("parking", reading.Interpret(Paraphrase).Items[0].Item.Id);
        Assert.Equal(EncoderState.Off, words.EncoderState);
        Assert.Equal(MeaningKind.Unknown, words.Interpret(Paraphrase).Kind);
    }

    [Fact]
    public void ArcticXs_ChosenBySetting_IsSlimmedIntoAFileNamedByIt_AndReadsAParaphrase()
    {
        using var logs = new CapturingLoggerProvider();
        var cache = Path.Combine(_folder, "cache");
        using var provider = Services(Ferry(), logs, new Dictionary<string, string?>
        {
            ["Intake:Encoder:CacheFolder"] = cache,
            ["Intake:Encoder:ModelName"] = "ArcticXs",
        });
        var interpreter = provider.GetRequiredService<LexicalInterpreter>();

        interpreter.Prepare();

        Assert.Equal(EncoderState.Ready, interpreter.EncoderState);
        Assert.StartsWith("snowflake-arctic-embed-xs-int8-", Path.GetFileName(Assert.Single(Directory.GetFiles(cache))));
        Assert.Equal("ticket-scanner", interpreter.Interpret("the gadget that reads people's tickets as they board").Items[0].Item.Id);
    }

    [Fact]
    public void AModelNameThatIsNoModel_FailsTheStart_NamingTheModels()
    {
        using var logs = new CapturingLoggerProvider();
        using var provider = Services(Observatory(), logs, new Dictionary<string, string?> { ["Intake:Encoder:ModelName"] = "bert-large" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SentenceEncoderOptions>>().Value);

        Assert.Contains("MiniLM, ArcticXs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConcurrentTurns_ReadAsOneAtATimeWould()
    {
        var interpreter = Prepared(Observatory(), SlimEncoderOnce.Model);
        string[] messages = [Paraphrase, "I need a desk phone", "book some nights on the big scope", "a laptop for the visitor", "show me my requests", "the coffee machine"];
        var expected = messages.Select(m => Describe(interpreter.Interpret(m))).ToArray();

        var results = new string[64];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => results[i] = Describe(interpreter.Interpret(messages[i % messages.Length])));

        Assert.All(Enumerable.Range(0, results.Length), i => Assert.Equal(expected[i % messages.Length], results[i]));
        Assert.Equal(EncoderState.Ready, interpreter.EncoderState);
    }

    [Fact]
    public void ACatalogReload_RebuildsTheItemVectors_OffTheTurn()
    {
        var catalog = new SwitchingCatalog(Observatory().Items);
        var interpreter = Prepared(catalog, SlimEncoderOnce.Model);
        Assert.Equal("parking", interpreter.Interpret(Paraphrase).Items[0].Item.Id);

        catalog.Items = [.. catalog.Items.Where(i => i.Id != "parking"), new CatalogItem { Id = "bike-shed", Name = "Bike shed key", Category = "Site", Description = "A key to the locked cycle shelter." }];
        interpreter.Prepare();

        Assert.Equal(EncoderState.Ready, interpreter.EncoderState);
        Assert.DoesNotContain(interpreter.Interpret(Paraphrase).Items, m => m.Item.Id == "parking");
    }

    [Fact]
    public void TheCommandExemplars_AreEncodedOncePerEncoder_NotAgainOnAReloadOrForAnotherCatalog()
    {
        var encoder = new CountingEncoder(SlimEncoderOnce.Model);
        var catalog = new SwitchingCatalog(Ferry().Items);
        var interpreter = Prepared(catalog, encoder);
        var exemplars = CommandExemplars.All.Select(e => e.Text).Distinct().ToList();
        Assert.All(exemplars, text => Assert.Equal(1, encoder.Queries(text)));

        catalog.Items = [.. catalog.Items, new CatalogItem { Id = "gangway-pass", Name = "Gangway pass", Category = "Terminal", Description = "A pass for the crew gangway at the berth." }];
        interpreter.Prepare();
        Prepared(Observatory(), encoder);

        Assert.Equal(EncoderState.Ready, interpreter.EncoderState);
        Assert.Equal(1, encoder.Passages("Gangway pass. A pass for the crew gangway at the berth."));
        Assert.Equal(1, encoder.Passages("Car park permit. A permit for the staff car park at the summit."));
        Assert.All(exemplars, text => Assert.Equal(1, encoder.Queries(text)));
    }

    private static LexicalInterpreter Prepared(ICatalog catalog, ISentenceEncoder encoder)
    {
        var interpreter = new LexicalInterpreter(catalog, encoder);
        interpreter.Prepare();
        return interpreter;
    }

    private static ServiceProvider Services(ICatalog catalog, CapturingLoggerProvider logs, Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<ILoggerFactory>(new LoggerFactory([logs]));
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton(catalog);
        services.AddSentenceEncoder();
        return services.BuildServiceProvider();
    }

    private JsonFileCatalog Observatory()
    {
        return TestCatalogs.Write(_folder, "observatory.json", """
            { "items": [
              {"id": "telescope-time", "name": "Telescope observing time", "category": "Science", "description": "Book nights on the main telescope for an observing run.", "keywords": ["observing run"]},
              {"id": "parking", "name": "Car park permit", "category": "Site", "description": "A permit for the staff car park at the summit.", "keywords": ["parking"]},
              {"id": "desk-phone", "name": "Desk phone", "category": "Office", "description": "A handset with an extension number."},
              {"id": "laptop", "name": "Laptop", "category": "Office", "description": "A laptop for staff and visiting astronomers."},
              {"id": "dome-access", "name": "Dome access card", "category": "Site", "description": "Card access to the telescope dome after dark."}
            ] }
            """);
    }

    /// <summary>A ferry company's catalog: a laptop charger but no laptop, a locker key but no locker.</summary>
    private JsonFileCatalog Ferry()
    {
        return TestCatalogs.Write(_folder, "ferry.json", """
            { "items": [
              {"id": "laptop-charger", "name": "Laptop charger", "category": "Office", "description": "A spare power adapter for a company laptop."},
              {"id": "ticket-scanner", "name": "Ticket scanner", "category": "Terminal", "description": "A handheld reader for boarding passes at the ramp.", "keywords": ["boarding pass reader"]},
              {"id": "deck-radio", "name": "Deck radio", "category": "Vessel", "description": "A marine VHF radio for the bridge and deck crew."},
              {"id": "locker-key", "name": "Crew locker key", "category": "Vessel", "description": "A replacement key for a crew locker on board."},
              {"id": "weather-feed", "name": "Weather feed access", "category": "Vessel", "description": "Access to the marine weather service for route planning."}
            ] }
            """);
    }

    /// <summary>An encoder that waits for the test before its first sentence: the model still loading.</summary>
    private sealed class GatedEncoder(ISentenceEncoder inner, ManualResetEventSlim gate) : ISentenceEncoder
    {
        public int Dimensions => inner.Dimensions;

        public string Model => inner.Model;

        public float[] Encode(string text)
        {
            gate.Wait();
            return inner.Encode(text);
        }
    }

    /// <summary>The real encoder, counting how often each text was encoded as a passage and as a query.</summary>
    private sealed class CountingEncoder(ISentenceEncoder inner) : ISentenceEncoder
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _passages = new(), _queries = new();

        public int Dimensions => inner.Dimensions;

        public string Model => inner.Model;

        public int Passages(string text) => _passages.GetValueOrDefault(text);

        public int Queries(string text) => _queries.GetValueOrDefault(text);

        public float[] Encode(string text)
        {
            _passages.AddOrUpdate(text, 1, (_, n) => n + 1);
            return inner.Encode(text);
        }

        public float[] EncodeQuery(string text)
        {
            _queries.AddOrUpdate(text, 1, (_, n) => n + 1);
            return inner.EncodeQuery(text);
        }
    }

    private static string Describe(Meaning meaning) =>
        $"{meaning.Kind} {meaning.Command} {string.Join(",", meaning.Items.Select(m => m.Item.Id))}";

    private sealed class SwitchingCatalog(IReadOnlyList<CatalogItem> items) : ICatalog
    {
        public IReadOnlyList<CatalogItem> Items { get; set; } = items;

        public CatalogItem? Find(string id) => Items.FirstOrDefault(i => i.Id == id);
    }
}
