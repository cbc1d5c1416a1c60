using System.ClientModel;
using System.Text.Json;
using Azure;
using Azure.Identity;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Understanding;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChatRequests.Azure.Understanding;

/// <summary>
/// The lexical reading, with item similarity from an embedding model. Commands, incidents, request numbers, urgency
/// and form values stay lexical; only which item the words mean is weighed with the model (<see cref="SimilarityOutcome"/>),
/// and, with a chat deployment, the choice fields the words left open are read by <see cref="ModelSlots"/>. Only the
/// message's words and the catalog's text are sent. Any failure, timeout, throttling or malformed answer
/// gives the lexical meaning, within <see cref="AzureOpenAIIntakeOptions.Timeout"/>; after several in a row the model
/// is left alone for a while (<see cref="ModelCircuit"/>).
/// </summary>
public sealed class ModelInterpreter : IMessageInterpreter
{
    /// <summary>The key of the interpreter this one decorates (the lexical one unless a test registers another).</summary>
    public const string WordsKey = "words";

    // A message longer than this is cut before it is embedded: enough to say what is wanted, bounded in tokens.
    private const int MaxMessageLength = 1000;

    private readonly IMessageInterpreter _words;
    private readonly ICatalog _catalog;
    private readonly IEmbeddingGenerator<string, Embedding<float>> _generator;
    private readonly ModelSlots? _slots;
    private readonly AzureOpenAIIntakeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ModelInterpreter> _logger;
    private readonly CatalogVectors _catalogVectors;
    private readonly ModelCircuit _circuit;

    public ModelInterpreter(
        IMessageInterpreter words, ICatalog catalog, IEmbeddingGenerator<string, Embedding<float>> generator,
        IOptions<AzureOpenAIIntakeOptions> options, TimeProvider time, ILogger<ModelInterpreter> logger, ModelSlots? slots = null)
    {
        _words = words;
        _catalog = catalog;
        _generator = generator;
        _slots = slots;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _catalogVectors = new CatalogVectors(generator, _options.CatalogTimeout, time);
        _circuit = new ModelCircuit(_options.FailuresBeforePause, _options.PauseDuration, time);
    }

    public async ValueTask<Meaning> InterpretAsync(string text, CancellationToken cancellationToken = default)
    {
        var lexical = await _words.InterpretAsync(text, cancellationToken);
        if (lexical.Kind is MeaningKind.Command or MeaningKind.Incident || string.IsNullOrWhiteSpace(text)
            || _catalog.Items.Count == 0 || _circuit.IsPaused)
        {
            return lexical;
        }

        // One budget for the whole turn, both calls included.
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Meaning meaning;
        try
        {
            var similarities = await SimilaritiesAsync(text, budget.Token);
            _circuit.Succeeded();
            meaning = similarities is null ? lexical : SimilarityOutcome.Decide(lexical, similarities, _options.Calibration);
        }
        // Any failure, even one of ours: the words alone still give an answer; only the turn's own cancellation goes on.
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(ex, timeout, "the message was read from its words alone");
            return lexical;
        }

        if (_slots is null || meaning.Kind != MeaningKind.Item)
        {
            return meaning;
        }

        try
        {
            var match = meaning.Items[0];
            var slots = await _slots.ReadAsync(Cut(text), match, budget.Token).WaitAsync(budget.Token);
            _circuit.Succeeded();
            return meaning with { Items = [match with { Slots = slots }] };
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            Failed(ex, timeout, "the form is filled from the words alone");
            return meaning;
        }
    }

    private void Failed(Exception ex, CancellationTokenSource timeout, string instead)
    {
        var paused = _circuit.Failed();
        // The failure's kind only: an exception's message may quote the answer, and the answer may quote the words.
        _logger.LogWarning("Model-backed understanding failed ({Failure}); {Instead}", Describe(ex, timeout), instead);
        if (paused)
        {
            _logger.LogWarning(
                "Model-backed understanding failed {Failures} times in a row; every message is read from its words alone for {Pause}",
                _options.FailuresBeforePause, _options.PauseDuration);
        }
    }

    private static string Cut(string text) => text.Length > MaxMessageLength ? text[..MaxMessageLength] : text;

    /// <returns>Null while the catalog is still being read (the turn does not wait for it past its budget).</returns>
    private async Task<IReadOnlyList<ItemSimilarity>?> SimilaritiesAsync(string text, CancellationToken budget)
    {
        var items = _catalog.Items;
        var catalog = _catalogVectors.For(items, out var started);
        var message = Cut(text);
        // WaitAsync bounds the wait even if the client were slow to honour the token.
        var embedded = await _generator.GenerateAsync([message], cancellationToken: budget).WaitAsync(budget);
        var vector = Embeddings.Checked(embedded, 1)[0];
        float[][]? itemVectors;
        try
        {
            itemVectors = await ItemVectorsAsync(catalog, budget);
        }
        // A reading an earlier turn started failed (say, during the outage this turn comes after) or ran out of its own
        // time (Intake:AzureOpenAI:CatalogTimeout) while this turn's own call was answered: the catalog is read once more
        // within this turn's budget, not blamed on this turn.
        catch (Exception) when (!started && (catalog.Vectors.IsFaulted || catalog.Vectors.IsCanceled))
        {
            catalog = _catalogVectors.For(items);
            itemVectors = await ItemVectorsAsync(catalog, budget);
        }

        if (itemVectors is null)
        {
            return null;
        }

        return [.. catalog.Items.Select((item, i) => new ItemSimilarity(item, Embeddings.Cosine(vector, itemVectors[i])))];
    }

    /// <returns>Null while the catalog is still being read past the turn's budget.</returns>
    private async Task<float[][]?> ItemVectorsAsync(CatalogVectors.Snapshot catalog, CancellationToken budget)
    {
        try
        {
            return await catalog.Vectors.WaitAsync(budget);
        }
        catch (OperationCanceledException) when (!catalog.Vectors.IsCompleted)
        {
            _logger.LogInformation("The catalog is still being read by the model; this message was read from its words alone");
            return null;
        }
    }

    private static string Describe(Exception ex, CancellationTokenSource timeout) => ex switch
    {
        OperationCanceledException when timeout.IsCancellationRequested => "no answer within the timeout",
        OperationCanceledException => "the catalog could not be read in time",
        ClientResultException { Status: 429 } => "throttled (HTTP 429)",
        ClientResultException { Status: > 0 } result => $"HTTP {result.Status}",
        RequestFailedException { Status: > 0 } failed => $"HTTP {failed.Status}",
        AuthenticationFailedException => "no token from the credential",
        MalformedModelAnswerException or JsonException or FormatException => "malformed answer",
        _ => ex.GetType().Name,
    };
}
