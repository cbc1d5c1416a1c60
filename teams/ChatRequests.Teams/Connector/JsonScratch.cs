using System.Buffers;
using System.Text.Json;

namespace ChatRequests.Teams.Connector;

/// <summary>
/// A UTF-8 JSON writer and its buffer kept per thread, for JSON that is written and used at once (hashed, copied out as
/// the body of an answer): a fresh buffer grown to a card's size for each was most of what writing it allocated.
/// </summary>
internal static class JsonScratch
{
    // A buffer that one very large card grew beyond this is not kept for the thread's life.
    private const int MaxKeptBytes = 256 * 1024;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    /// <summary>Writes with <paramref name="write"/>, then hands what was written to <paramref name="use"/>, which must not keep the span.</summary>
    public static TResult Write<TState, TResult>(TState state, Action<Utf8JsonWriter, TState> write, Func<ReadOnlySpan<byte>, TResult> use)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(16 * 1024);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer);
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        var result = use(buffer.WrittenSpan);
        if (buffer.Capacity > MaxKeptBytes)
        {
            t_buffer = null;
        }

        return result;
    }
}
