using BenchmarkDotNet.Attributes;
using ChatRequests.Core.Understanding;
using ChatRequests.Encoder;
using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Benchmarks;

/// <summary>
/// Understanding one message against a 200-item catalog (issue 10's goal: at most 1 ms per message on one core).
/// The catalog's index is built once, in the setup, as the singleton interpreter builds it on the first message.
/// </summary>
public class IntakeBenchmarks
{
    // What people type: a form, a typo, a rambling request with a slot and a number, a choice, nothing, a command, a fault.
    private static readonly string[] Messages =
    [
        "I need a new wireless headset",
        "new wirless hedset pls",
        "hi, our new starter in the berlin office needs a portable monitor, the pro model, 2 of them by next week please",
        "laptop",
        "can I get a coffee machine for the kitchen",
        "where is my laptop request",
        "the VPN keeps dropping since this morning",
        "help me get a docking station",
    ];

    /// <summary>A rambling message of several sentences: a greeting, the context, the ask and a sign-off (ADR 0078).</summary>
    private const string Rambling =
        "Hi, hope you're well. Since the move to the new office my old screen has been giving me headaches, could I get a bigger one? "
        + "Also the dock on my desk only drives one display. Thanks, Sam";

    private LexicalInterpreter _interpreter = null!;
    private LexicalInterpreter _byParts = null!;
    private SlimSentenceEncoder? _encoder;

    /// <summary>With the slim sentence encoder (ADR 0039, 0041): the words' reading, plus one inference when the words are not decisive.</summary>
    [Params(false, true)]
    public bool Encoder { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _encoder = Encoder ? SlimSentenceEncoder.Load() : null;
        _interpreter = new LexicalInterpreter(new GeneratedCatalog(), _encoder);
        _interpreter.Prepare();
        _interpreter.Interpret("warm up: builds the index");
        _byParts = new LexicalInterpreter(new GeneratedCatalog(), _encoder) { ReadEncoded = MessageParts.Reader(_encoder, PartsReading.Items) };
        _byParts.Prepare();
        _byParts.Interpret("warm up: builds the index");
    }

    [GlobalCleanup]
    public void Cleanup() => _encoder?.Dispose();

    [Benchmark(Description = "interpret one message (200 items, mean of 8 kinds)", OperationsPerInvoke = 8)]
    public int Interpret()
    {
        var found = 0;
        foreach (var message in Messages)
        {
            found += _interpreter.Interpret(message).Items.Count;
        }

        return found;
    }

    [Benchmark(Description = "interpret a rambling message of four parts (200 items), read whole")]
    public Meaning InterpretRambling() => _interpreter.Interpret(Rambling);

    [Benchmark(Description = "interpret a rambling message of four parts (200 items), read by its parts too (ADR 0078)")]
    public Meaning InterpretRamblingByParts() => _byParts.Interpret(Rambling);

    [Benchmark(Description = "index a 200-item catalog (once per catalog; with the encoder, its items' vectors)")]
    public Meaning Index()
    {
        var interpreter = new LexicalInterpreter(new GeneratedCatalog(), _encoder);
        interpreter.Prepare();
        return interpreter.Interpret("laptop");
    }
}
