using Azure.Core;
using ChatRequests.Azure.Understanding;
using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Catalog;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;
using static ChatRequests.Bot.Tests.Loop.LoopSteps;

namespace ChatRequests.Bot.Tests.Intake;

/// <summary>
/// The bot with Intake:Provider=AzureOpenAI against a loopback Azure OpenAI: a whole turn sends the words and the
/// catalog's text and nothing about the person, and a model that fails leaves the bot answering from the words.
/// </summary>
public sealed class ModelIntakeTests : IAsyncLifetime
{
    // Words the lexical reading cannot place; the model's vectors say they mean the monitor.
    private const string Words = "my eyes hurt from squinting at this tiny thing on my desk, something bigger please";
    private LoopbackOpenAIServer _model = null!;
    private BotApp _bot = null!;

    public async Task InitializeAsync()
    {
        _model = await LoopbackOpenAIServer.StartAsync();
        _bot = await BotApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Intake:Provider"] = "AzureOpenAI",
                ["Intake:AzureOpenAI:Endpoint"] = _model.BaseUrl,
                ["Intake:AzureOpenAI:EmbeddingDeployment"] = "text-embedding-3-small",
            },
            services => services.AddSingleton<TokenCredential>(new StaticTokenCredential("model-token")));
        var catalog = _bot.Services.GetRequiredService<ICatalog>();
        _model.DefaultVector = [0, 1];
        _model.Vectors[ItemText.Of(catalog.Find("monitor")!)] = [1, 0];
        _model.Vectors[Words] = [1, 0];
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _model.DisposeAsync();
    }

    [Fact]
    public async Task ATurn_SendsTheWordsAndTheCatalogsText_NothingAboutThePerson_AndTheModelsItemIsOffered()
    {
        var catalog = _bot.Services.GetRequiredService<ICatalog>();
        Assert.IsType<ModelInterpreter>(_bot.Services.GetRequiredService<ChatRequests.Core.Understanding.IMessageInterpreter>());

        // The first turn starts reading the catalog; the second finds it read.
        (await _bot.Teams.SayAsync(Persona.Megan, "hello there")).EnsureSuccessStatusCode();
        await _bot.Connector.WaitForAsync(_ => _model.SentInputs.Count >= catalog.Items.Count + 1, description: "the catalog read");
        (await _bot.Teams.SayAsync(Persona.Megan, Words)).EnsureSuccessStatusCode();

        // The monitor's form (its fields), not the catalog's categories for words nothing matched.
        var form = await NoticeAsync(_bot.Connector, Persona.Megan, "Monitor", "Size", "Delivery location");
        Assert.DoesNotContain("couldn't match", CardReader.AllText(form));
        var allowed = catalog.Items.Select(ItemText.Of).Append(Words).Append("hello there").ToHashSet(StringComparer.Ordinal);
        Assert.All(_model.SentInputs, input => Assert.Contains(input, allowed));
        var sent = string.Join("\n", _model.Requests.Select(r => r.Path + string.Join(";", r.Headers.Values) + r.Body));
        string[] person = [Persona.Megan.Name, Persona.Megan.AadObjectId, "megan.bowen@contoso.com", Persona.Megan.PersonalChatId,
            _bot.Connector.TenantId];
        Assert.All(person, p => Assert.DoesNotContain(p, sent, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task TheModelFailing_TheBotStillAnswers_FromTheWords()
    {
        _model.FailWith = 500;

        (await _bot.Teams.SayAsync(Persona.Megan, "I need a new monitor")).EnsureSuccessStatusCode();

        await NoticeAsync(_bot.Connector, Persona.Megan, "Monitor");
        Assert.NotEmpty(_model.Requests);
    }
}
