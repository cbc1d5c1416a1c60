using ChatRequests.Core.Understanding;

namespace ChatRequests.Encoder;

/// <summary>
/// The encoder loaded on first use, which the interpreter makes off the turn (building the items' vectors at start-up):
/// a model that cannot load fails that first use and every later one at once, and the words alone read messages.
/// </summary>
/// <param name="model">The model <paramref name="load"/> loads (known before it is loaded).</param>
internal sealed class DeferredEncoder(string model, Func<ISentenceEncoder> load) : ISentenceEncoder, IDisposable
{
    public string Model => model;

    private readonly Lazy<ISentenceEncoder> _encoder = new(load, LazyThreadSafetyMode.ExecutionAndPublication);

    public int Dimensions => _encoder.Value.Dimensions;

    public float[] Encode(string text) => _encoder.Value.Encode(text);

    public float[] EncodeQuery(string text) => _encoder.Value.EncodeQuery(text);

    public void Dispose()
    {
        if (_encoder.IsValueCreated && _encoder.Value is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
